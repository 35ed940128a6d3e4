import Camera
import Journey
import NHSO
import Printing

/// Everything a kiosk or station needs to run, read from its configuration file and checked.
public struct KioskSettings: Sendable, Hashable {
    public var journey: JourneyConfiguration
    /// The hospital unit's 5-digit code and name (shown on screen and slips).
    public var hospitalCode: String
    public var hospitalName: String
    /// The card reader to use; `nil`: the first with a card.
    public var reader: String?
    /// A training kiosk (test zone): it takes cards from virtual readers too.
    public var training: Bool
    public var nhso: NHSO
    /// The admin menu (F12 and the PIN).
    public var admin: Admin
    public var slipsDirectory: String
    /// The SQLite journal of visits (mode 0600).
    public var journalPath: String
    /// Settled visits older than this many days are purged from the journal at start.
    public var journalRetentionDays: Int
    /// Where the log goes while the program has the terminal (a line written to the screen would
    /// break it); under systemd, whose journal takes standard error, the log stays there.
    public var logPath: String
    /// The kiosk's camera (photo paths); `nil`: none.
    public var camera: CameraSettings?
    /// The receipt printer, and what its slips say of the kiosk.
    public var printer: Printer
    /// Where Prometheus text is served (loopback); `nil`: nowhere.
    public var metrics: Metrics?
    /// Spoken prompts for patients; `nil`: silent.
    public var voice: Voice?
    /// A station signs its staff member out after this many minutes without a key (never mid-visit).
    public var staffSignOutMinutes = 10
    /// Where a station's exported reports go; `nil`: a `reports` folder beside the journal.
    public var reportsDirectory: String?

    public struct Voice: Sendable, Hashable {
        public var command: [String]
        public var recordings: String?
        public var saveTo: String?
    }

    public struct Metrics: Sendable, Hashable {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }
    }

    public struct Admin: Sendable, Hashable {
        /// The PIN's yescrypt hash (`AdminPIN`).
        public var pinHash: String
        /// Wrong PINs in a row before the chord locks, and for how long.
        public var lockoutAttempts: Int
        public var lockoutSeconds: Int
        /// What Shut down runs (`systemctl poweroff` on a kiosk box).
        public var shutdownCommand: [String]

        public init(pinHash: String, lockoutAttempts: Int = 5, lockoutSeconds: Int = 300, shutdownCommand: [String] = ["systemctl", "poweroff"]) {
            self.pinHash = pinHash
            self.lockoutAttempts = lockoutAttempts
            self.lockoutSeconds = lockoutSeconds
            self.shutdownCommand = shutdownCommand
        }
    }

    public struct Printer: Sendable, Hashable {
        public enum Connection: Sendable, Hashable {
            /// Slips saved as `.escpos` files in a folder (no printer, or training).
            case files(folder: String)
            /// A USB printer's device (`/dev/usb/lp0`).
            case device(path: String)
            /// A network printer's raw port.
            case network(host: String, port: Int)
            /// A raw CUPS queue.
            case cups(queue: String)

            /// `usb:/dev/usb/lp0`, `tcp:HOST[:PORT]`, `cups:QUEUE`, `file:/folder`; `nil` for anything else.
            public init?(_ text: String) {
                switch text {
                case let value where value.hasPrefix("file:/"): self = .files(folder: String(value.dropFirst(5)))
                case let value where value.hasPrefix("usb:/"): self = .device(path: String(value.dropFirst(4)))
                case let value where value.hasPrefix("cups:") && value.count > 5 && !value.contains(where: \.isWhitespace):
                    self = .cups(queue: String(value.dropFirst(5)))
                case let value where value.hasPrefix("tcp:"):
                    let parts = value.dropFirst(4).split(separator: ":", omittingEmptySubsequences: false)
                    guard parts.count <= 2, let host = parts.first, !host.isEmpty, !host.contains(where: \.isWhitespace),
                          let port = parts.count == 2 ? Int(parts[1]) : 9100, (1...65535).contains(port) else { return nil }
                    self = .network(host: String(host), port: port)
                default: return nil
                }
            }
        }

        public var connection: Connection
        public var settings: PrinterSettings

        public init(connection: Connection, settings: PrinterSettings = PrinterSettings(), timeoutSeconds: Int = 10, asksStatus: Bool = true,
                    logo: String? = nil, templates: String? = nil, kioskName: String = "") {
            self.connection = connection
            self.settings = settings
            self.timeoutSeconds = timeoutSeconds
            self.asksStatus = asksStatus
            self.logo = logo
            self.templates = templates
            self.kioskName = kioskName
        }
        public var timeoutSeconds: Int
        /// Ask a network printer's status (`DLE EOT`) before and after each slip.
        public var asksStatus: Bool
        /// A PNG printed at the top of slips.
        public var logo: String?
        /// A folder with the slip templates (`claim.slip`…); `nil`: the assets' `slips/`.
        public var templates: String?
        /// This kiosk's name or place, printed on its slips.
        public var kioskName: String
    }

    public struct NHSO: Sendable, Hashable {
        public enum Backend: String, Sendable, Hashable, CaseIterable { case direct, agent }
        public var backend: Backend
        public var zone: NHSOZone
        /// Replaces the zone's address (the test-zone simulator's, for training).
        public var baseURL: String?
        /// Replaces the address of check-authen-status alone.
        public var statusBaseURL: String?
        public var agentURL: String
        /// File with the kiosk token, mode 0600; `nil`: `NHSO_KIOSK_TOKEN`.
        public var tokenFile: String?
        public var timeoutSeconds: Int
        /// NHSO paths replaced by the hospital (`nhso.paths.<name>`), by `NHSOPaths.names`.
        public var paths: [String: String] = [:]
    }
}
