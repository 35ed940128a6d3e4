import Foundation

/// What staff can do from the admin menu, in the order it lists them (their number is their key).
public enum AdminItem: Int, Sendable, Hashable, CaseIterable {
    /// The latest visit with a code, shown first (time, code, masked id): Enter prints its copy.
    case reprintLast = 1
    /// A list of the latest coded visits; a digit reprints one.
    case reprintEarlier
    case testPrint
    /// The reader, the printer, NHSO's zone and the token.
    case status
    /// Visits that wait for recovery (sent, with no answer yet).
    case pending
    /// Thai or English for each new patient.
    case defaultLanguage
    case restart
    case shutDown
    /// Leave the program (a box under systemd starts it again).
    case leave

    /// Items that need Enter a second time: they stop the kiosk.
    public var needsConfirmation: Bool { self == .restart || self == .shutDown || self == .leave }
}

/// One visit in an admin list: enough to pick it and to tell it from the others, never the full id.
public struct AdminVisitLine: Sendable, Hashable {
    /// `VisitID`'s text.
    public var visitID: String
    public var reference: String
    /// `HH:mm`, Thai time.
    public var time: String
    public var maskedCitizenID: String
    public var claimCode: String?
    /// The journal's word for where it stands (`printed`, `coded`, `pending`…) and the slip's fate.
    public var state: String
    public var slip: String?

    public init(visitID: String, reference: String, time: String, maskedCitizenID: String, claimCode: String?, state: String, slip: String?) {
        self.visitID = visitID
        self.reference = reference
        self.time = time
        self.maskedCitizenID = maskedCitizenID
        self.claimCode = claimCode
        self.state = state
        self.slip = slip
    }
}

/// One line of the status screen: what was checked, whether it is well, and what it said.
public struct AdminStatusLine: Sendable, Hashable {
    public var subject: String
    public var ok: Bool
    public var detail: String

    public init(subject: String, ok: Bool, detail: String) {
        self.subject = subject
        self.ok = ok
        self.detail = detail
    }
}

/// What came of something the menu started.
public enum AdminNotice: Sendable, Hashable {
    case reprinted(claimCode: String)
    case testPrinted
    case printFailed(String)
    /// Nothing to reprint: no slip since the journal began (or all were purged).
    case nothingToReprint
    case languageSet(Language)
    case failed(String)
}

/// The admin menu's screens. `nil` lists are still loading.
public enum AdminScreen: Sendable, Hashable {
    case closed
    /// The PIN being typed; `checking` while its hash is compared (off the screen's thread).
    case pin(entry: String, checking: Bool)
    /// Too many wrong PINs: the chord does nothing until then.
    case lockedOut(until: Date)
    case menu(focus: AdminItem)
    case confirm(AdminItem)
    /// The latest visit with a code, for staff to check before its copy prints (`nil` while loading).
    case confirmLast(AdminVisitLine?)
    case status([AdminStatusLine]?)
    case pending([AdminVisitLine]?)
    case reprints([AdminVisitLine]?)
    /// Working on it (printing, restarting): keys wait.
    case busy(AdminItem)
}

/// The admin menu's state, kept beside the journey's: the patient's screen stays as it was beneath it.
public struct AdminState: Sendable, Hashable {
    public var screen: AdminScreen = .closed
    /// Wrong PINs since the last right one (or the last lockout).
    public var wrongPINs = 0
    public var lockedUntil: Date?
    /// Lockouts with no right PIN between them: each lasts twice the last.
    public var lockouts = 0
    /// The last key, for closing a menu left open.
    public var lastInput: Date?
    /// What came of the last thing done, until the next key.
    public var notice: AdminNotice?
    /// Opened without a PIN (a station's reprint key): only the reprint list is open to it.
    public var reprintsOnly = false

    public init() {}

    public var isOpen: Bool { screen != .closed }

    /// Whether the app must send `.tick` (an open menu closes itself when left, and a lockout shown
    /// ends).
    public var needsTicks: Bool { isOpen }
}
