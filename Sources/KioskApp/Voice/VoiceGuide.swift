import Foundation
import Journey
import Logging
import Synchronization
import TerminalUI

/// Speaks each patient screen's short prompt (espeak-ng's Thai or English voice, or a recorded file),
/// in the background: a prompt never holds the screen, and a new one cuts off the last.
public final class VoiceGuide: Sendable {
    public struct Settings: Sendable, Hashable {
        /// The speech program and its first arguments (`espeak-ng`); the voice, speed and text follow.
        public var command: [String]
        /// A folder of recordings, `KEY.LANGUAGE.wav` (`voice.attract.th.wav`), played instead of the
        /// synthetic voice where one exists (with `aplay`).
        public var recordings: String?
        /// Instead of speaking, each prompt is saved here as a numbered `.wav` (for trying the voices on
        /// a machine without speakers).
        public var saveTo: String?

        public init(command: [String] = ["espeak-ng"], recordings: String? = nil, saveTo: String? = nil) {
            self.command = command
            self.recordings = recordings
            self.saveTo = saveTo
        }
    }

    let settings: Settings
    let catalog: TextCatalog
    let logger: Logger
    private let speaking = Mutex<(process: Process?, count: Int)>((nil, 0))

    public init(settings: Settings, catalog: TextCatalog, logger: Logger = Logger(label: "authen-kiosk.voice")) {
        self.settings = settings
        self.catalog = catalog
        self.logger = logger
        // Said once at start: a missing speech program would otherwise be silent forever.
        if let program = settings.command.first, Self.find(program) == nil {
            logger.error("the speech program is not installed: prompts are not spoken", metadata: ["program": "\(program)", "fix": "apt-get install espeak-ng"])
        }
    }

    /// `program`'s path: itself when it has a slash, else the first in PATH.
    static func find(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Says the prompt `key` in `language`, stopping whatever was being said.
    public func say(_ key: String, language: Language) {
        let text = catalog.text(key, language)
        guard !text.isEmpty, text != key else { return }
        let recording = settings.recordings.map { URL(fileURLWithPath: $0).appendingPathComponent("\(key).\(language.rawValue).wav") }
            .flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
        speaking.withLock { speaking in
            // SIGKILL: the kiosk ignores SIGTERM, and a child spawned by Foundation inherits that.
            if let running = speaking.process, running.isRunning { kill(running.processIdentifier, SIGKILL) }
            speaking.count += 1
            let process = Process()
            var arguments: [String]
            if let recording, settings.saveTo == nil {
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                arguments = ["aplay", "-q", recording.path]
            } else {
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                // Slower than espeak's default: many patients are elderly.
                arguments = settings.command + ["-v", language == .thai ? "th" : "en", "-s", "140"]
                if let folder = settings.saveTo {
                    arguments += ["-w", URL(fileURLWithPath: folder).appendingPathComponent(String(format: "%04d-%@.%@.wav", speaking.count, key, language.rawValue)).path]
                }
                arguments += ["--", text]
            }
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
                speaking.process = process
            } catch {
                logger.warning("voice prompt not spoken", metadata: ["prompt": "\(key)", "reason": "\(error)"])
            }
        }
    }
}
