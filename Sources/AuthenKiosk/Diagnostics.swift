import Foundation
import Logging

/// Where the program's log goes: standard error, at the level `AUTHEN_KIOSK_LOG_LEVEL` names
/// (trace, debug, info, notice, warning, error, critical; `error` by default, so that a command's own
/// one-line message is not repeated). Logs never hold the kiosk token, and citizen ids in them are
/// masked.
enum Diagnostics {
    static let levelVariable = "AUTHEN_KIOSK_LOG_LEVEL"

    static func bootstrapLogging(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = environment[levelVariable].flatMap(Logger.Level.init(rawValue:)) ?? .error
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
