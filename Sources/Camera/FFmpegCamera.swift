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

    public init(settings: CameraSettings) {
        self.settings = settings
        // The photo is written to ffmpeg's standard input: if ffmpeg has died, the write must fail, not
        // kill the kiosk with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

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

    /// One photo at full size (JPEG) and its thumbnail at the preview's size, through pipes only: the
    /// patient's face is never written to disk. A camera that gives no picture within `deadline` fails.
    public func capture(deadline: Duration = .seconds(10)) async throws -> (jpeg: Data, thumbnail: PixelImage) {
        let jpeg = try await run(settings.inputArguments(realTime: false) + [
            "-frames:v", "1", "-q:v", "3", "-f", "image2pipe", "-c:v", "mjpeg", "pipe:1",
        ], deadline: deadline)
        guard jpeg.starts(with: [0xFF, 0xD8]) else { throw Failure.noPicture("no JPEG from the camera") }
        let (w, h) = (settings.previewWidth, settings.previewHeight)
        let raw = try await run([
            "-f", "image2pipe", "-c:v", "mjpeg", "-i", "pipe:0", "-vf", "scale=\(w):\(h)", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        ], input: jpeg, deadline: deadline)
        guard let thumbnail = PixelImage(width: w, height: h, rgb: [UInt8](raw.prefix(w * h * 3))) else {
            throw Failure.noPicture("the photo could not be made small")
        }
        return (jpeg, thumbnail)
    }

    /// Runs ffmpeg to the end (killed at `deadline`), `input` on its standard input; its standard output.
    private func run(_ arguments: [String], input: Data? = nil, deadline: Duration) async throws -> Data {
        let stdin = Pipe()
        let process = try start(arguments, input: input == nil ? nil : stdin)
        let box = ProcessBox(process)
        let watchdog = Task {
            try await Task.sleep(for: deadline)
            box.stop()
        }
        defer { watchdog.cancel() }
        let output = (process.standardOutput as! Pipe).fileHandleForReading
        let data = await withTaskCancellationHandler {
            await Self.onThread {
                if let input {
                    // A broken pipe (ffmpeg gone) fails the write (SIGPIPE is ignored, see `init`).
                    try? stdin.fileHandleForWriting.write(contentsOf: input)
                    try? stdin.fileHandleForWriting.close()
                }
                return output.readDataToEndOfFile()
            }
        } onCancel: {
            box.stop()
        }
        await box.ended()
        guard !process.isRunning, process.terminationStatus == 0 else {
            box.stop()
            throw Failure.noPicture(process.isRunning ? "no picture within \(deadline)" : "ffmpeg ended with status \(process.terminationStatus)")
        }
        return data
    }

    private func start(_ arguments: [String], input: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: settings.ffmpeg)
        process.arguments = ["-hide_banner", "-loglevel", "error"] + (input == nil ? ["-nostdin"] : []) + arguments
        process.standardOutput = Pipe()
        process.standardError = FileHandle.nullDevice
        process.standardInput = input ?? FileHandle.nullDevice
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
