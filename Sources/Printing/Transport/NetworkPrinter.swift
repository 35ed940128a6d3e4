#if canImport(Glibc)
import Glibc
#endif
import ESCPOS

/// A network receipt printer's raw port (9100): status through `DLE EOT` before and after each slip.
public struct NetworkPrinter: PrinterTransport {
    public var host: String
    public var port: Int
    public var timeoutSeconds: Int
    /// Ask the printer's status (most network ESC/POS printers answer; turn off for one that does not).
    public var asksStatus: Bool

    public init(host: String, port: Int = 9100, timeoutSeconds: Int = 10, asksStatus: Bool = true) {
        self.host = host
        self.port = port
        self.timeoutSeconds = timeoutSeconds
        self.asksStatus = asksStatus
    }

    public var summary: String { "network printer \(host):\(port)" }

    public func status() throws(PrintingError) -> PrinterStatus? {
        let channel = try connect()
        return try statusAnswer(channel)
    }

    public func deliver(_ bytes: [UInt8], named name: String) throws(PrintingError) {
        let channel = try connect()
        if let status = try statusAnswer(channel), let problem = PrintingError(status) { throw problem }
        try channel.write(bytes)
        // Paper that ran out halfway shows now.
        if let status = try statusAnswer(channel), let problem = PrintingError(status) { throw problem }
    }

    private func statusAnswer(_ channel: PrinterChannel) throws(PrintingError) -> PrinterStatus? {
        guard asksStatus else { return nil }
        guard let status = try channel.askStatus(milliseconds: Int32(timeoutSeconds * 1000)) else {
            throw .notAnswering(seconds: timeoutSeconds)
        }
        return status
    }

    /// A TCP connection, made without blocking longer than the time limit.
    func connect() throws(PrintingError) -> PrinterChannel {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let result = getaddrinfo(host, String(port), &hints, &found)
        guard result == 0, let first = found else {
            throw .unreachable("\(host): \(String(cString: gai_strerror(result)))")
        }
        defer { freeaddrinfo(found) }
        var lastError = "no address"
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let current = address {
            address = current.pointee.ai_next
            let fd = socket(current.pointee.ai_family, current.pointee.ai_socktype | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), current.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            let channel = PrinterChannel(fd: fd, timeoutSeconds: timeoutSeconds, isSocket: true)
            if Glibc.connect(fd, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 { return channel }
            guard errno == EINPROGRESS else { lastError = String(cString: strerror(errno)); continue }
            var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            guard poll(&descriptor, 1, Int32(timeoutSeconds * 1000)) > 0 else {
                throw .notAnswering(seconds: timeoutSeconds)
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            if error == 0 { return channel }
            lastError = String(cString: strerror(error))
        }
        throw .unreachable("\(host):\(port): \(lastError)")
    }
}
