import Foundation
import Synchronization

/// Runs blocking card work with a time limit.
///
/// PC/SC has no timeout for `SCardTransmit`: a mute card in a reader whose driver does not time out
/// (vsmartcard's vpcd, some cheap readers) blocks the caller for ever, and nothing can interrupt it from
/// outside. So the work runs on a thread of its own and the caller stops waiting at the deadline; the
/// abandoned thread ends by itself when the card is pulled. Use a context created inside `body`, never
/// one shared with the caller.
public enum Deadline {
    public static func run<T: Sendable>(
        within limit: Duration, _ body: @escaping @Sendable () throws -> T
    ) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let result = Result { try body() }
            outcome.withLock { $0 = result }
            done.signal()
        }
        thread.name = "card-io"
        thread.start()
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        guard done.wait(timeout: .now() + seconds) == .success else {
            throw SmartCardError(.unresponsiveCard, detail: "no answer from the card within \(seconds) s")
        }
        return try outcome.withLock { $0! }.get()
    }
}
