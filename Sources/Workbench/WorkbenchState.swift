import Foundation
import Journey

/// Where the counter's workbench stands. At a station it sits above the patient journey: signed out
/// it shows the sign-in screen; signed in, the menu or one of its screens; during a visit
/// (`screen == .visit`) the journey's own screens show and the journey takes the keys.
public struct WorkbenchState: Sendable, Hashable {
    public var screen: WorkbenchScreen = .signIn(notice: nil)
    public var staff: StaffMember?
    /// When staff last pressed a key (sign-out after the configured idle time).
    public var lastInput: Date?
    /// What the last action came to (shown on the menu until the next key).
    public var notice: WorkbenchNotice?

    public init() {}

    public var isSignedIn: Bool { staff != nil }
    /// Whether the journey's screens show (and take the keys).
    public var showsVisit: Bool { screen == .visit }
    /// Signed in, so idle time counts.
    public var needsTicks: Bool { staff != nil }
}

public enum WorkbenchScreen: Sendable, Hashable {
    /// Waiting for a staff card; `notice` says why the last one did not serve.
    case signIn(notice: SignInNotice?)
    /// A staff card is being read.
    case readingStaffCard
    case menu(focus: WorkbenchItem)
    /// The journey shows: a patient's visit at the counter.
    case visit
    /// An entry this station does not do yet: what to use meanwhile.
    case notYet(WorkbenchItem)
    /// The report of a day: `nil` while it loads; `page` from 0.
    case report(ReportView?, page: Int)
    /// The token's state: `nil` while it is checked.
    case token([TokenLine]?)
}

public enum SignInNotice: Sendable, Hashable {
    /// A card whose id is not on the station's staff list (`staff.listFile`).
    case notOnStaffList
    case unreadable
    case removed
    /// Signed out after the configured idle time.
    case signedOutIdle
    case signedOut
}

/// What the report screen shows: the rows already formatted (masked ids), totals, and the day.
public struct ReportView: Sendable, Hashable {
    public var date: String
    public var lines: [String]
    public var totals: [String]
    /// The journal could not be read: nothing is listed, and staff are told so (not "no codes").
    public var unreadable: Bool

    public init(date: String, lines: [String], totals: [String], unreadable: Bool = false) {
        self.date = date
        self.lines = lines
        self.totals = totals
        self.unreadable = unreadable
    }

    public static let pageSize = 10
    public var pageCount: Int { max(1, (lines.count + Self.pageSize - 1) / Self.pageSize) }
}

/// One line of the token page: what, whether well, what it said (never the token). The admin
/// menu's status line, the same three things.
public typealias TokenLine = AdminStatusLine

public enum WorkbenchNotice: Sendable, Hashable {
    case exported(path: String)
    case exportFailed(String)
}
