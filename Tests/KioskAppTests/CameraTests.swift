import Camera
import Foundation
import Journey
import KioskApp
import NHSO
import Testing

/// The camera through the real ffmpeg: the test pattern and a still picture take the same code path as a
/// V4L2 camera.
@Suite(.serialized) struct CameraTests {
    static let camera = FFmpegCamera(settings: CameraSettings(input: .testPattern, previewWidth: 32, previewHeight: 24))

    /// ffmpeg processes of this test run still alive.
    func runningFFmpeg(_ marker: String) -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        process.arguments = ["-f", marker]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").count
    }

    @Test func thePreviewSendsFramesOfItsSizeAndStopsWithItsTask() async throws {
        let frames = Counter()
        let preview = Task { try await Self.camera.preview { image in
            if image.width == 32 && image.height == 24 { frames.add() }
        } }
        let deadline = ContinuousClock.now + .seconds(5)
        while frames.value < 5 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(frames.value >= 5)
        #expect(runningFFmpeg("scale=32:24") == 1)
        preview.cancel()
        _ = try? await preview.value
        #expect(runningFFmpeg("scale=32:24") == 0, "the preview's ffmpeg must not outlive it")
    }

    @Test func aPhotoIsAJPEGWithItsThumbnailAndAStillPictureWorksTheSame() async throws {
        let (jpeg, thumbnail) = try await Self.camera.capture()
        #expect(jpeg.starts(with: [0xFF, 0xD8, 0xFF]))
        #expect(thumbnail.width == 32 && thumbnail.height == 24)
        let picture = FileManager.default.temporaryDirectory.appendingPathComponent("still-\(UUID()).jpg")
        try jpeg.write(to: picture)
        defer { try? FileManager.default.removeItem(at: picture) }
        let still = FFmpegCamera(settings: CameraSettings(input: .image(path: picture.path), previewWidth: 32, previewHeight: 24))
        let (again, _) = try await still.capture()
        #expect(again.starts(with: [0xFF, 0xD8, 0xFF]))
    }

    @Test func aMissingCameraFailsWithAReasonInsteadOfHanging() async throws {
        let missing = FFmpegCamera(settings: CameraSettings(input: .v4l2(device: "/dev/video-none")))
        await #expect(throws: (any Error).self) { try await missing.capture() }
        await #expect(throws: (any Error).self) { try await missing.preview { _ in } }
    }

    @Test func thePhotoTravelsWithTheVisitAndIsDroppedOnceItIsSettled() async throws {
        let rig = try Rig(camera: Self.camera)
        let child = "1100200778894"
        rig.core.dispatch(.chooseOtherWay)
        rig.core.dispatch(.digit(2))
        for digit in child { rig.core.dispatch(.digit(digit.wholeNumberValue!)) }
        rig.core.dispatch(.enter)
        #expect(await rig.core.run { if case .identifying(.photo(.camera(_, let capture))) = $0.step { capture.frame != nil } else { false } })
        rig.core.dispatch(.enter)
        for _ in 0..<3 { rig.core.dispatch(.tick) }
        #expect(await rig.core.run { if case .identifying(.photo(.camera(_, let capture))) = $0.step { capture.photo != nil } else { false } })
        rig.core.dispatch(.enter)
        #expect(await rig.core.run { if case .review = $0.step { true } else { false } })
        #expect(rig.core.effects.photos.count == 1)
        rig.core.dispatch(.enter)
        #expect(await rig.core.run { if case .claimCode = $0.step { true } else { false } })
        let sent = try #require(rig.nhso.confirms.first)
        #expect(sent.verification?.authenType == .photo)
        #expect(Data(base64Encoded: sent.verification?.photo ?? "")?.starts(with: [0xFF, 0xD8]) == true)
        #expect(rig.core.effects.photos.count == 0, "settled: the photo is gone")
        let row = try #require(try rig.journal.latest(1).first)
        #expect(row.path == "photo")
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
