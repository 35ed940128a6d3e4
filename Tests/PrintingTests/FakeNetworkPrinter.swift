import ESCPOS
import Foundation
import Synchronization

/// A receipt printer's raw port on loopback: it keeps what it is sent and answers `DLE EOT` status
/// questions as told (ready, out of paper, running out while printing, or never).
final class FakeNetworkPrinter: Sendable {
    enum Behaviour: Sendable {
        case ready
        case paperOut
        /// Ready until the slip's data has come, then out of paper.
        case paperRunsOut
        /// Takes the connection, never answers.
        case silent
    }

    let port: Int
    private let listener: Int32
    private let store = Store()

    final class Store: Sendable {
        let received = Mutex<[UInt8]>([])
        let connections = Mutex<Int>(0)
    }

    /// Listens on `port` (0: any free port).
    init(_ behaviour: Behaviour, port: Int = 0) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(listener, 4) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(listener, $0, &length) } }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let store = store
        Thread.detachNewThread {
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                store.connections.withLock { $0 += 1 }
                Thread.detachNewThread { Self.serve(client, behaviour, store) }
            }
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    var bytes: [UInt8] { store.received.withLock { $0 } }
    var connectionCount: Int { store.connections.withLock { $0 } }

    private static func serve(_ client: Int32, _ behaviour: Behaviour, _ store: Store) {
        defer { close(client) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var dataSeen = false
        while true {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { return }
            var chunk = Array(buffer[0..<count])
            // A status question comes alone, or at the end of what was sent before it.
            while chunk.count >= 3, chunk[chunk.count - 3] == 0x10, chunk[chunk.count - 2] == 0x04, [1, 2, 4].contains(chunk.last!) {
                let n = chunk.last!
                chunk.removeLast(3)
                if !chunk.isEmpty { dataSeen = true }
                store.received.withLock { $0 += chunk }
                chunk = []
                if behaviour == .silent { continue }
                let paperOut = behaviour == .paperOut || (behaviour == .paperRunsOut && dataSeen)
                let answer: UInt8 = switch n {
                case 1: 0x12 | (paperOut ? 0x08 : 0)          // offline while out of paper
                case 2: 0x12 | (paperOut ? 0x20 : 0)          // stopped by paper end
                default: 0x12 | (paperOut ? 0x60 : 0)         // paper end sensor
                }
                var byte = answer
                _ = write(client, &byte, 1)
            }
            if !chunk.isEmpty {
                dataSeen = true
                store.received.withLock { $0 += chunk }
            }
        }
    }
}
