import Foundation
import Logging
import Synchronization

/// The kiosk's own watchdog: a thread that expects the screen loop to turn (`beat`) at least once in
/// `limit`, and ends the program when it stops, so the service manager starts it again
/// (`Restart=always`). The kiosk unit cannot use systemd's watchdog: its login session (`PAMName=`,
/// which cage needs for the seat) moves the kiosk out of the unit's reach for notifications.
public final class LoopWatchdog: Sendable {
    /// The exit status of a program the watchdog ended (EX_SOFTWARE).
    public static let exitStatus: Int32 = 70
    let limit: Duration
    /// `nil` once stopped: the loop has ended on purpose.
    private let lastBeat = Mutex<ContinuousClock.Instant?>(ContinuousClock.now)

    public init(limit: Duration, logger: Logger) {
        self.limit = limit
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                guard let last = self.lastBeat.withLock({ $0 }) else { return }
                let stalled = ContinuousClock.now - last
                guard stalled > limit else { continue }
                logger.critical("the screen loop has not turned: leaving, for the service to start the kiosk again", metadata: [
                    "stalledSeconds": "\(stalled.components.seconds)",
                ])
                // No clean-up: whatever hangs the loop could hang that too. The journal is SQLite with
                // WAL: what was committed stays, and recovery settles the rest at the next start.
                _exit(LoopWatchdog.exitStatus)
            }
        }
        thread.name = "authen-kiosk watchdog"
        thread.start()
    }

    /// From `AUTHEN_KIOSK_WATCHDOG_SECONDS` (the kiosk units set it); `nil` when unset.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger) -> LoopWatchdog? {
        guard let text = environment["AUTHEN_KIOSK_WATCHDOG_SECONDS"], let seconds = Int(text), seconds >= 3 else { return nil }
        return LoopWatchdog(limit: .seconds(seconds), logger: logger)
    }

    public func beat() { lastBeat.withLock { if $0 != nil { $0 = .now } } }

    /// The screen loop has ended on purpose: the program now waits (bounded) for a visit being
    /// recorded and for slips being printed, which must not be cut short by the watchdog.
    public func stop() { lastBeat.withLock { $0 = nil } }

    /// How often the loop must wake at least, idle or not.
    public var beatInterval: Duration { limit / 3 }
}
