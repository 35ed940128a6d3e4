import Foundation
import Journey

/// The kiosk's camera, through ffmpeg: a live low-resolution preview (raw RGB frames on a pipe), and a
/// still photo (JPEG) with its thumbnail. One ffmpeg at a time: a V4L2 device serves one reader, so the
/// preview is stopped before the photo is taken.
public struct FFmpegCamera: Sendable {
    public let settings: CameraSettings

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notStarted(String)
        case noPicture(String)

        public var description: String {
            switch self {
            case .notStarted(let reason): "the camera could not be started (\(reason))"
            case .noPicture(let reason): "the camera gave no picture (\(reason))"
            }
        }
    }

    public init(settings: CameraSettings) { self.settings = settings }

    /// Frames until cancelled (or the camera stops: then it throws).
    public func preview(_ frame: @escaping @Sendable (PixelImage) -> Void) async throws {
        let (w, h) = (settings.previewWidth, settings.previewHeight)
        let process = try start(settings.inputArguments(realTime: true) + [
            "-vf", "scale=\(w):\(h),fps=\(settings.frameRate)", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        ])
        let output = (process.standardOutput as! Pipe).fileHandleForReading
        let frameBytes = w * h * 3
        let box = ProcessBox(process)
        await withTaskCancellationHandler {
            // Reads block: on a thread of their own, never one of the concurrency pool's few.
            await Self.onThread {
                while true {
                    // A whole frame or the end: ffmpeg writes frames whole.
                    let data = output.readData(ofLength: frameBytes)
                    guard data.count == frameBytes, let image = PixelImage(width: w, height: h, rgb: [UInt8](data)) else { break }
                    frame(image)
                }
            }
        } onCancel: {
            box.stop()
        }
        box.stop()
        await box.ended()
        if !Task.isCancelled { throw Failure.noPicture("the preview ended") }
    }

    /// One photo at full size (JPEG) and its thumbnail at the preview's size.
    public func capture() async throws -> (jpeg: Data, thumbnail: PixelImage) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("authen-kiosk-photo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = folder.appendingPathComponent("photo.jpg")
        let (w, h) = (settings.previewWidth, settings.previewHeight)
        let process = try start(settings.inputArguments(realTime: false) + [
            "-filter_complex", "[0:v]split=2[photo][small];[small]scale=\(w):\(h)[thumb]",
            // One frame for each output (a test pattern or a looped picture never ends by itself).
            "-map", "[photo]", "-frames:v", "1", "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", photo.path,
            "-map", "[thumb]", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        ])
        let output = (process.standardOutput as! Pipe).fileHandleForReading
        let box = ProcessBox(process)
        let raw = await withTaskCancellationHandler {
            await Self.onThread { output.readDataToEndOfFile() }
        } onCancel: {
            box.stop()
        }
        await box.ended()
        guard process.terminationStatus == 0, let jpeg = try? Data(contentsOf: photo), jpeg.starts(with: [0xFF, 0xD8]),
              let thumbnail = PixelImage(width: w, height: h, rgb: [UInt8](raw.prefix(w * h * 3))) else {
            throw Failure.noPicture("ffmpeg ended with status \(process.terminationStatus)")
        }
        return (jpeg, thumbnail)
    }

    private func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: settings.ffmpeg)
        process.arguments = ["-hide_banner", "-loglevel", "error", "-nostdin"] + arguments
        process.standardOutput = Pipe()
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure.notStarted("\(settings.ffmpeg): \(error.localizedDescription)")
        }
        return process
    }

    /// Runs blocking work on its own thread and waits for it.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { done in
            Thread { done.resume(returning: body()) }.start()
        }
    }
}

/// A running ffmpeg, stopped from whichever thread gets there first (cancellation or the end).
final class ProcessBox: @unchecked Sendable {
    private let process: Process

    init(_ process: Process) { self.process = process }

    /// Kills it at once, without waiting: it may be stuck writing a frame nobody reads (SIGTERM only
    /// sets a flag ffmpeg looks at between frames), and the caller may be the screen's own thread.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Waits (without blocking a thread) until it has ended, so that its camera is free again.
    func ended() async {
        let deadline = ContinuousClock.now + .seconds(3)
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
    }
}
