import CSystemd
import Foundation

/// What the kiosk tells systemd (`Type=notify`): READY=1 once its first screen is drawn, WATCHDOG=1 from
/// its main loop, STOPPING=1 when it leaves. Silent where no service manager listens (`NOTIFY_SOCKET`
/// unset: a terminal, the tests).
///
/// The kiosk runs two processes below the unit's main one (cage → foot → authen-kiosk), so systemd's
/// `WATCHDOG_PID` names cage, and libsystemd's `sd_watchdog_enabled` would say no: the interval is read
/// from `WATCHDOG_USEC` alone, and the unit accepts the pings with `NotifyAccess=all`.
public struct SystemdNotifier: Sendable {
    /// How often to ping: a third of the unit's `WatchdogSec`; `nil` without a watchdog.
    public let pingInterval: Duration?
    let listening: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        listening = environment["NOTIFY_SOCKET"].map { !$0.isEmpty } ?? false
        if listening, let text = environment["WATCHDOG_USEC"], let microseconds = Int64(text), microseconds > 0 {
            pingInterval = .microseconds(microseconds / 3)
        } else {
            pingInterval = nil
        }
    }

    public func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    public func ping() { send("WATCHDOG=1") }
    public func stopping() { send("STOPPING=1") }

    private func send(_ message: String) {
        guard listening else { return }
        // 0: keep NOTIFY_SOCKET for the next message (the loop pings for as long as it runs).
        _ = sd_notify(0, message)
    }
}
