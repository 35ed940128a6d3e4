import Foundation
import ESCPOS

/// A CUPS queue set up as raw (`lpadmin -p QUEUE -v usb://… -m raw`): the slip goes through
/// `lp -d QUEUE -o raw`, and CUPS deals with the device. Status is CUPS' business: "printed" here means
/// CUPS accepted the slip (a queue whose printer is out of paper holds it, and prints it later).
public struct CUPSPrinter: PrinterTransport {
    public var queue: String
    public var timeoutSeconds: Int
    /// The `lp` program (cups-client).
    public var command: String

    public init(queue: String, timeoutSeconds: Int = 10, command: String = "/usr/bin/lp") {
        self.queue = queue
        self.timeoutSeconds = timeoutSeconds
        self.command = command
    }

    public var summary: String { "CUPS queue \(queue)" }

    public func status() throws(PrintingError) -> PrinterStatus? { nil }

    public func deliver(_ bytes: [UInt8], named name: String) throws(PrintingError) {
        guard FileManager.default.isExecutableFile(atPath: command) else {
            throw .unreachable("\(command) is not installed (Debian package cups-client)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = ["-d", queue, "-o", "raw", "-t", name, "-s"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch { throw .unreachable("\(command): \(error.localizedDescription)") }
        // The slip is written from another thread: an `lp` that stops reading (cupsd hung) must not hold
        // this one past the time limit.
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            try? writer.write(contentsOf: Data(bytes))
            try? writer.close()
        }
        if finished.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            // SIGKILL: the kiosk ignores SIGTERM, and lp inherits that from Foundation's spawn.
            kill(process.processIdentifier, SIGKILL)
            try? writer.close()
            throw .notAnswering(seconds: timeoutSeconds)
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw .rejected(message.split(separator: "\n").first.map(String.init) ?? "lp ended with \(process.terminationStatus)")
        }
    }
}
