import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a virtual card into a vsmartcard virtual reader.
///
/// vpcd, vsmartcard's pcscd driver, listens on TCP (port 35963 for its first reader, 35964 for the
/// second). The card side connects; while connected, the reader holds a card. Every message in either
/// direction is a 2-byte big-endian length followed by that many bytes. A 1-byte message from vpcd is
/// a control: 0 power off, 1 power on, 2 reset, 4 "send your ATR" (the only one answered). Anything
/// longer is a command APDU, answered with the response APDU. Closing the connection pulls the card.
public struct VPCDLink {
    public var host: String
    public var port: UInt16

    public enum Ending: Equatable, Sendable {
        /// vpcd closed the link (pcscd stopped).
        case readerClosed
        /// The card was pulled by the `pullAfter` fault.
        case pulled
    }

    public enum LinkError: Error, CustomStringConvertible {
        case cannotConnect(host: String, port: UInt16, reason: String)

        public var description: String {
            switch self {
            case .cannotConnect(let host, let port, let reason):
                "cannot reach vpcd at \(host):\(port) (\(reason)): is pcscd running with vsmartcard-vpcd installed?"
            }
        }
    }

    public init(host: String = "127.0.0.1", port: UInt16 = 35963) {
        self.host = host
        self.port = port
    }

    /// Connects, retrying for `patience` while pcscd starts, then serves `card` until the link ends.
    /// `onInserted` runs once the reader holds the card: when vpcd first speaks to it. (vpcd serves one
    /// card per reader; a second card for the same reader connects, but waits in the socket's backlog
    /// until the first is pulled, as a second patient waits for the reader.)
    public func serve(
        _ card: VirtualThaiIDCard, patience: Duration = .seconds(10), onInserted: () -> Void = {}
    ) throws -> Ending {
        let socket = try connect(patience: patience)
        defer { close(socket) }
        var apduCount = 0
        var inserted = false
        let faults = card.faults
        while true {
            guard let message = readFrame(socket) else { return .readerClosed }
            if !inserted {
                inserted = true
                onInserted()
            }
            if message.count == 1 {
                switch message[0] {
                case 0, 1, 2: card.reset()
                case 4: guard writeFrame(socket, card.atr.bytes) else { return .readerClosed }
                default: break
                }
                continue
            }
            if let pullAfter = faults.pullAfter, apduCount >= pullAfter { return .pulled }
            apduCount += 1
            if let muteAfter = faults.muteAfter, apduCount > muteAfter { continue }
            if faults.latency > .zero { Thread.sleep(forTimeInterval: faults.latency.seconds) }
            guard writeFrame(socket, card.respond(to: message)) else { return .readerClosed }
        }
    }

    private func connect(patience: Duration) throws -> Int32 {
        let deadline = ContinuousClock.now + patience
        var lastError = ""
        repeat {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw LinkError.cannotConnect(host: host, port: port, reason: String(cString: strerror(errno))) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
                close(fd)
                throw LinkError.cannotConnect(host: host, port: port, reason: "not an IPv4 address")
            }
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if result == 0 {
                // Each APDU is a small write answered at once: Nagle's delay would add 40 ms to each.
                var one: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                return fd
            }
            lastError = String(cString: strerror(errno))
            close(fd)
            Thread.sleep(forTimeInterval: 0.2)
        } while ContinuousClock.now < deadline
        throw LinkError.cannotConnect(host: host, port: port, reason: lastError)
    }

    private func readFrame(_ fd: Int32) -> [UInt8]? {
        guard let header = readExactly(fd, 2) else { return nil }
        let length = Int(header[0]) << 8 | Int(header[1])
        return length == 0 ? [] : readExactly(fd, length)
    }

    private func readExactly(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var received = 0
        while received < count {
            // vpcd writes the length and the APDU as two small writes with Nagle's algorithm on, so
            // the second waits for our ACK of the first; a delayed ACK would cost 40 ms per frame.
            // Linux forgets TCP_QUICKACK after a while, so it is set before every read.
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_QUICKACK, &one, socklen_t(MemoryLayout<Int32>.size))
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + received, count - received, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            received += n
        }
        return buffer
    }

    private func writeFrame(_ fd: Int32, _ payload: [UInt8]) -> Bool {
        let frame = [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
        var sent = 0
        while sent < frame.count {
            let n = frame.withUnsafeBytes { send(fd, $0.baseAddress! + sent, frame.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }
}
