import Foundation
import Journey
import Logging
import SmartCard
import Synchronization
import ThaiIDCard

/// The real card reader, through pcscd: readers, insertions and removals from `CardReaderWatcher` (no polling),
/// reads under a time limit (a mute card must not freeze the kiosk).
public final class PCSCCardSource: ThaiIDCardSource {
    let reader: String?
    /// A training kiosk's: cards from virtual readers (vsmartcard's vpcd) are taken too. Anywhere else
    /// they are ignored: anyone who reaches vpcd's port could present any citizen id.
    let allowsVirtualReaders: Bool
    let readTimeout: Duration
    let logger: Logger
    /// The reader holding the card being served.
    private let current = Mutex<String?>(nil)

    public init(reader: String?, allowsVirtualReaders: Bool = false, readTimeout: Duration = .seconds(15),
                logger: Logger = Logger(label: "authen-kiosk.reader")) {
        self.reader = reader
        self.allowsVirtualReaders = allowsVirtualReaders
        self.logger = logger
        self.readTimeout = readTimeout
    }

    /// Whether cards in the reader `name` are this kiosk's to read.
    func isUsable(_ name: String) -> Bool {
        (reader == nil || name == reader) && (allowsVirtualReaders || !VirtualReader.isVirtual(name))
    }

    public func statusLine() async -> AdminStatusLine {
        let subject = "reader"
        do {
            let readers = try PCSCContext().readers()
            let usable = readers.filter(isUsable)
            if usable.isEmpty {
                return AdminStatusLine(subject: subject, ok: false, detail: "\(reader ?? "no reader") not attached (readers: \(readers.joined(separator: ", ").ifEmpty("none")))")
            }
            return AdminStatusLine(subject: subject, ok: true, detail: usable.joined(separator: ", "))
        } catch {
            return AdminStatusLine(subject: subject, ok: false, detail: "pcscd cannot be asked (\(error))")
        }
    }

    /// Posts `readerAvailable`, `cardInserted` and `cardRemoved` until cancelled; a pcscd that goes
    /// away is retried every second.
    public func watch(_ post: @escaping @Sendable (JourneyEvent) -> Void) -> Task<Void, Never>? {
        Task {
            var available: Bool?
            func report(_ now: Bool) {
                guard now != available else { return }
                available = now
                if now {
                    logger.notice("card reader ready", metadata: ["reader": "\(reader ?? "any")"])
                } else {
                    logger.warning("no card reader (is it plugged in, is pcscd running?)", metadata: ["reader": "\(reader ?? "any")"])
                }
                post(.readerAvailable(now))
            }
            while !Task.isCancelled {
                // The watcher reports readers as they come: a start with none would go unnoticed.
                let present = (try? PCSCContext().readers()) ?? []
                for name in present where !isUsable(name) && VirtualReader.isVirtual(name) {
                    logger.warning("a virtual card reader is ignored: this is not a training kiosk", metadata: ["reader": "\(name)"])
                }
                var attached = Set(present.filter(isUsable))
                report(!attached.isEmpty)
                do {
                    for try await event in CardReaderWatcher(reader: reader) {
                        switch event {
                        case .readerAttached(let name):
                            guard isUsable(name) else { continue }
                            attached.insert(name)
                            report(true)
                        case .cardInserted(let name, _):
                            if isUsable(name), take(name) { post(.cardInserted) }
                        case .cardRemoved(let name):
                            if release(name) { post(.cardRemoved) }
                        case .readerDetached(let name):
                            attached.remove(name)
                            report(!attached.isEmpty)
                            if release(name) { post(.cardRemoved) }
                        }
                    }
                } catch {
                    // pcscd stopped or restarted: no reader can be trusted until it is back.
                }
                report(false)
                if release(nil) { post(.cardRemoved) }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Makes `name` the reader being served, unless one already is.
    private func take(_ name: String) -> Bool {
        current.withLock { held in
            guard held == nil else { return false }
            held = name
            return true
        }
    }

    /// Forgets the served reader if it is `name` (any, with `nil`); whether one was forgotten.
    private func release(_ name: String?) -> Bool {
        current.withLock { held in
            guard held != nil, name == nil || held == name else { return false }
            held = nil
            return true
        }
    }

    public func readPerson(progress: @escaping @Sendable (Int) -> Void) async throws(ThaiIDCardError) -> ThaiIDCardPerson {
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
