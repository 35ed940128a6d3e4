import Foundation
import KioskApp
import Logging

/// Where the program's log goes: standard error, at the level `AUTHEN_KIOSK_LOG_LEVEL` names
/// (trace, debug, info, notice, warning, error, critical; `error` by default, so that a command's own
/// one-line message is not repeated). Logs never hold the kiosk token, and citizen ids in them are
/// masked.
enum Diagnostics {
    static let levelVariable = "AUTHEN_KIOSK_LOG_LEVEL"

    static func bootstrapLogging(
        defaultLevel: Logger.Level = .error, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        let level = environment[levelVariable].flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
        // The kiosk's units ask for the journal (AUTHEN_KIOSK_LOG=journal): standard error is the kiosk's
        // terminal there, not the journal. Entries carry SYSLOG_IDENTIFIER=authen-kiosk
        // (`journalctl -t authen-kiosk`).
        if environment["AUTHEN_KIOSK_LOG"] == "journal", JournalLogHandler.isAvailable {
            LoggingSystem.bootstrap { label in
                var handler = JournalLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            return
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// A full-screen program must not write on its own screen: when standard error is the terminal,
    /// it is sent to `logPath` (appended, created `0640`) for as long as the program runs. Under
    /// systemd standard error is already the journal and is left alone.
    static func keepStandardErrorOffScreen(logPath: String) throws {
        guard isatty(STDERR_FILENO) == 1 else { return }
        let url = URL(fileURLWithPath: logPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Never through a link: the kiosk's own user can make links in its folder.
        let fd = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: logPath]) }
        defer { close(fd) }
        guard dup2(fd, STDERR_FILENO) >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: logPath]) }
    }
}
