import Foundation
import Journey
import SmartCard
import Synchronization
import ThaiIDCard

/// The real card reader, through pcscd: insertions and removals from `CardReaderWatcher` (no polling),
/// reads under a time limit (a mute card must not freeze the kiosk).
final class PCSCCardSource: ThaiIDCardSource {
    let reader: String?
    let readTimeout: Duration
    /// The reader holding the card being served.
    private let current = Mutex<String?>(nil)

    init(reader: String?, readTimeout: Duration = .seconds(15)) {
        self.reader = reader
        self.readTimeout = readTimeout
    }

    /// Posts `cardInserted` / `cardRemoved` until cancelled; a pcscd that goes away is retried.
    func watch(_ post: @escaping @Sendable (JourneyEvent) -> Void) -> Task<Void, Never>? {
        Task {
            while !Task.isCancelled {
                do {
                    for try await event in CardReaderWatcher(reader: reader) {
                        switch event {
                        case .cardInserted(let name, _):
                            let isFirst = current.withLock { held -> Bool in
                                guard held == nil else { return false }
                                held = name
                                return true
                            }
                            if isFirst { post(.cardInserted) }
                        case .cardRemoved(let name), .readerDetached(let name):
                            let wasCurrent = current.withLock { held -> Bool in
                                guard held == name else { return false }
                                held = nil
                                return true
                            }
                            if wasCurrent { post(.cardRemoved) }
                        case .readerAttached:
                            break
                        }
                    }
                } catch {
                    // pcscd stopped or restarted: wait a little and watch again.
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    func readPerson(progress: @escaping @Sendable (Int) -> Void) async throws(ThaiIDCardError) -> ThaiIDCardPerson {
        guard let name = current.withLock({ $0 }) else { throw .transport(SmartCardError(.noCard)) }
        let limit = readTimeout
        let outcome: Result<ThaiIDCardPerson, ThaiIDCardError> = await withCheckedContinuation { done in
            Thread {
                do {
                    let person = try Deadline.run(within: limit) {
                        let connection = try PCSCContext().connect(reader: name)
                        defer { connection.disconnect() }
                        return try connection.withTransaction { try ThaiIDCardReader(channel: connection).readPerson(progress: progress) }
                    }
                    done.resume(returning: .success(person))
                } catch let error as ThaiIDCardError {
                    done.resume(returning: .failure(error))
                } catch let error as SmartCardError {
                    done.resume(returning: .failure(.transport(error)))
                } catch {
                    done.resume(returning: .failure(.transport(SmartCardError(.other, detail: "\(error)"))))
                }
            }.start()
        }
        return try outcome.get()
    }
}
