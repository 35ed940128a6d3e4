import Foundation
import Journey
import Synchronization
import Workbench

/// Events from other threads (NHSO answers, the card reader, signals) for the main loop, which sleeps in
/// `poll` on the terminal and on this queue's pipe: nothing is polled while the kiosk is idle.
public final class EventQueue: Sendable {
    public enum Item: Sendable {
        case journey(JourneyEvent)
        /// For the admin menu (an answer to one of its effects).
        case admin(AdminEvent)
        /// For the counter's workbench (an answer to one of its effects).
        case workbench(WorkbenchEvent)
        case quit
    }

    private let items = Mutex<[Item]>([])
    public let readFD: Int32
    private let writeFD: Int32

    public init() {
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        readFD = fds[0]
        writeFD = fds[1]
        _ = fcntl(readFD, F_SETFL, fcntl(readFD, F_GETFL) | O_NONBLOCK)
        _ = fcntl(writeFD, F_SETFL, fcntl(writeFD, F_GETFL) | O_NONBLOCK)
    }

    public func post(_ item: Item) {
        items.withLock { $0.append(item) }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    public func post(_ event: JourneyEvent) { post(.journey(event)) }

    /// Everything posted so far, oldest first.
    public func drain() -> [Item] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readFD, &buffer, buffer.count) > 0 {}
        return items.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }
}
