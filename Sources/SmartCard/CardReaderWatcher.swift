import Foundation
import Synchronization

/// Reports readers and cards coming and going, as an `AsyncSequence` of `CardReaderEvent`.
///
/// Built on `SCardGetStatusChange` with no timeout, on a thread of its own: while nothing changes the
/// thread sleeps inside pcscd's wait and uses no CPU. Readers plugged in later are found through
/// pcsc-lite's `\\?PnP?\Notification` pseudo reader. Ending the iteration (or cancelling the task that
/// iterates) wakes the thread with `SCardCancel` and ends it.
///
/// The first events describe the present: every reader already attached, then every card already
/// inserted, so a kiosk started with a card in the reader sees it.
public struct CardReaderWatcher: AsyncSequence, Sendable {
    public typealias Element = CardReaderEvent

    /// Watch only this reader; `nil` watches them all.
    public var reader: String?

    public init(reader: String? = nil) {
        self.reader = reader
    }

    /// How many times any watcher in this process has woken up from pcscd. It moves only when a
    /// reader or card changes; diagnostics and tests read it to show that idle costs nothing.
    public static var wakeupCount: Int { WatchLoop.wakeups.load(ordering: .relaxed) }

    public func makeAsyncIterator() -> AsyncThrowingStream<CardReaderEvent, any Error>.Iterator {
        events().makeAsyncIterator()
    }

    /// The events as a stream; it finishes with an error when pcscd goes away.
    public func events() -> AsyncThrowingStream<CardReaderEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<CardReaderEvent, any Error>.makeStream()
        let loop: WatchLoop
        do {
            loop = try WatchLoop(filter: reader, continuation: continuation)
        } catch {
            continuation.finish(throwing: error)
            return stream
        }
        continuation.onTermination = { _ in loop.stop() }
        let thread = Thread { loop.run() }
        thread.name = "card-reader-watcher"
        thread.start()
        return stream
    }
}

/// The blocking side of the watcher: one PC/SC context, used only by its own thread (and by `stop`,
/// through `SCardCancel`, which pcsc-lite allows from any thread).
final class WatchLoop: Sendable {
    private let context: PCSCContext
    private let filter: String?
    private let continuation: AsyncThrowingStream<CardReaderEvent, any Error>.Continuation
    private let stopRequested = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    /// How many times the thread has woken from pcscd; read by tests to prove there is no polling.
    static let wakeups = Atomic<Int>(0)

    init(filter: String?, continuation: AsyncThrowingStream<CardReaderEvent, any Error>.Continuation) throws {
        self.context = try PCSCContext()
        self.filter = filter
        self.continuation = continuation
    }

    func stop() {
        stopRequested.store(true, ordering: .sequentiallyConsistent)
        // SCardCancel only wakes a wait that has begun; one that begins just after it would sleep on.
        // Cancel again until the thread says it has ended (normally the first time).
        for _ in 0..<200 {
            context.cancel()
            if finished.wait(timeout: .now() + .milliseconds(10)) == .success { return }
        }
    }

    func run() {
        let outcome: (any Error)?
        do {
            try watch()
            outcome = nil
        } catch {
            outcome = error
        }
        // Signal before finishing the stream: `finish` waits for the stream's lock, which the task
        // ending the stream holds while it runs `stop()`.
        finished.signal()
        continuation.finish(throwing: outcome)
    }

    private func watch() throws {
        var known: [String: ReaderState] = [:]
        var readers = try watchedReaders()
        for reader in readers {
            continuation.yield(.readerAttached(reader: reader))
            known[reader] = ReaderState(reader: reader)
        }
        var pnp = ReaderState(reader: ReaderState.plugAndPlayReader, eventState: UInt32(readers.count) << 16)
        while !stopRequested.load(ordering: .sequentiallyConsistent) {
            let asked = readers.map { known[$0]! } + [pnp]
            let answer: [ReaderState]
            do {
                answer = try context.waitForChange(asked, timeout: nil)
            } catch let error as SmartCardError where error.kind == .cancelled {
                break
            }
            Self.wakeups.add(1, ordering: .relaxed)
            for state in answer.dropLast() where state.hasChanged {
                report(from: known[state.reader]!, to: state)
                known[state.reader] = ReaderState(
                    reader: state.reader,
                    eventState: state.eventState & ~UInt32(0x0002),
                    atr: state.atr
                )
            }
            let pnpAnswer = answer.last!
            if pnpAnswer.hasChanged {
                pnp.eventState = pnpAnswer.eventState & ~UInt32(0x0002)
                let now = try watchedReaders()
                for gone in readers where !now.contains(gone) {
                    if known[gone]?.isCardPresent == true { continuation.yield(.cardRemoved(reader: gone)) }
                    continuation.yield(.readerDetached(reader: gone))
                    known[gone] = nil
                }
                for added in now where !readers.contains(added) {
                    continuation.yield(.readerAttached(reader: added))
                    known[added] = ReaderState(reader: added)
                }
                readers = now
            }
        }
    }

    private func report(from old: ReaderState, to new: ReaderState) {
        switch (old.isCardPresent, new.isCardPresent) {
        case (false, true):
            continuation.yield(.cardInserted(reader: new.reader, atr: new.atr))
        case (true, false):
            continuation.yield(.cardRemoved(reader: new.reader))
        case (true, true) where old.eventState >> 16 != new.eventState >> 16 || old.atr != new.atr:
            // Swapped faster than one wake-up: pcsc-lite's event counter (high 16 bits) moved.
            continuation.yield(.cardRemoved(reader: new.reader))
            continuation.yield(.cardInserted(reader: new.reader, atr: new.atr))
        default:
            break
        }
    }

    private func watchedReaders() throws -> [String] {
        let all = try context.readers()
        guard let filter else { return all }
        return all.filter { $0 == filter }
    }
}
