#if canImport(Glibc)
import Glibc
#endif
import ESCPOS

/// A printer on USB (`/dev/usb/lp0`, the kernel's usblp driver), or any character device taking raw
/// ESC/POS. Status is asked where the printer answers on its way back; a one-way printer prints
/// without it.
public struct DevicePrinter: PrinterTransport {
    public var path: String
    public var timeoutSeconds: Int

    public init(path: String = "/dev/usb/lp0", timeoutSeconds: Int = 10) {
        self.path = path
        self.timeoutSeconds = timeoutSeconds
    }

    public var summary: String { "printer device \(path)" }

    /// How long a printer that may be one-way gets to answer a status question.
    static let statusWaitMilliseconds: Int32 = 500

    public func status() throws(PrintingError) -> PrinterStatus? {
        try Self.answer(try open())
    }

    /// A printer that cannot answer (opened write-only, one-way, a plain file) has no status: not an
    /// error. One that does not even take the question (stalled, out of paper) is.
    static func answer(_ channel: PrinterChannel) throws(PrintingError) -> PrinterStatus? {
        do {
            return try channel.askStatus(milliseconds: statusWaitMilliseconds)
        } catch .notAnswering(let seconds) {
            throw .notAnswering(seconds: seconds)
        } catch {
            return nil
        }
    }

    public func deliver(_ bytes: [UInt8], named name: String) throws(PrintingError) {
        let channel = try open()
        if let status = try Self.answer(channel), let problem = PrintingError(status) { throw problem }
        // usblp stops taking data when the paper is out: the write's time limit catches it.
        try channel.write(bytes)
        try channel.waitUntilDrained()
        if let status = try Self.answer(channel), let problem = PrintingError(status) { throw problem }
    }

    func open() throws(PrintingError) -> PrinterChannel {
        var fd = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 && errno == EACCES { fd = Glibc.open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { throw .unreachable("\(path): \(String(cString: strerror(errno)))") }
        return PrinterChannel(fd: fd, timeoutSeconds: timeoutSeconds)
    }
}
