import Camera
import Journey
import NHSO

/// Everything a kiosk or station needs to run, read from its configuration file and checked.
public struct KioskSettings: Sendable, Hashable {
    public var journey: JourneyConfiguration
    /// The hospital unit's 5-digit code and name (shown on screen and slips).
    public var hospitalCode: String
    public var hospitalName: String
    /// The card reader to use; `nil`: the first with a card.
    public var reader: String?
    public var nhso: NHSO
    /// F12, this PIN and Enter leave the kiosk.
    public var adminPIN: String
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
