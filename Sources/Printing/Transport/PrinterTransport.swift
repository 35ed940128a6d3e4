import ESCPOS

/// Where a slip's bytes go: a USB printer device, a network printer's raw port, a CUPS queue or a file.
/// Calls block (bounded by the transport's time limit); `ReceiptPrinter` makes them off the screen's path.
public protocol PrinterTransport: Sendable {
    /// What the printer says of itself, asked before and after a slip; `nil` where this transport
    /// cannot ask (CUPS, a file, a one-way USB printer).
    func status() throws(PrintingError) -> PrinterStatus?
    /// Sends one slip: checks the printer can print, sends, and checks it did not run out meanwhile.
    func deliver(_ bytes: [UInt8], named name: String) throws(PrintingError)
    /// How it is reached, for logs and `doctor` (never secret).
    var summary: String { get }
}

/// A raw printer channel over a file descriptor (a socket or `/dev/usb/lp0`) with a time limit on
/// every wait, so a silent printer costs seconds, not the kiosk.
final class PrinterChannel {
    let fd: Int32
    let timeoutMilliseconds: Int32

    /// Sockets are written with `send` (no SIGPIPE); devices with `write`.
    let isSocket: Bool

    init(fd: Int32, timeoutSeconds: Int, isSocket: Bool = false) {
        self.fd = fd
        self.isSocket = isSocket
        timeoutMilliseconds = Int32(max(1, timeoutSeconds) * 1000)
    }

    deinit { close(fd) }

    var seconds: Int { Int(timeoutMilliseconds / 1000) }

    func write(_ bytes: [UInt8]) throws(PrintingError) {
        var offset = 0
        while offset < bytes.count {
            guard wait(for: Int16(POLLOUT), milliseconds: timeoutMilliseconds) else { throw .notAnswering(seconds: seconds) }
            let written = bytes[offset...].withUnsafeBytes { buffer in
                isSocket ? send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL)) : Glibc.write(fd, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw .unreachable(String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// One byte, or `nil` if none comes within `milliseconds`.
    func readByte(milliseconds: Int32) throws(PrintingError) -> UInt8? {
        guard wait(for: Int16(POLLIN), milliseconds: milliseconds) else { return nil }
        var byte: UInt8 = 0
        let count = Glibc.read(fd, &byte, 1)
        if count == 1 { return byte }
        if count == 0 { throw .unreachable("the printer closed the connection") }
        if errno == EAGAIN || errno == EINTR { return nil }
        throw .unreachable(String(cString: strerror(errno)))
    }

    /// Waits until the device has taken everything written (usblp kills a transfer still under way
    /// when its file is closed: the slip's end and its cut would be lost).
    func waitUntilDrained() throws(PrintingError) {
        guard wait(for: Int16(POLLOUT), milliseconds: timeoutMilliseconds) else { throw .notAnswering(seconds: seconds) }
    }

    /// Drops bytes already waiting (late answers to an earlier question).
    func drain() {
        while (try? readByte(milliseconds: 0)) != nil {}
    }

    /// `DLE EOT` 1, 2 and 4, each answer read in turn; `nil` if the printer gives none within
    /// `milliseconds`, or answers with bytes that are not status.
    func askStatus(milliseconds: Int32) throws(PrintingError) -> PrinterStatus? {
        drain()
        var answers: [UInt8] = []
        for request in PrinterStatus.requests {
            try write(request)
            guard let answer = try readByte(milliseconds: milliseconds) else { return nil }
            answers.append(answer)
        }
        return PrinterStatus(printer: answers[0], offlineCause: answers[1], paper: answers[2])
    }

    private func wait(for events: Int16, milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            return ready > 0 && descriptor.revents & events != 0
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
