/// The counter's menu: the same seven entries as NHSO's New Authen web menu, in its order. Each is
/// on its function key (F1…F7) and its digit.
public enum WorkbenchItem: Int, Sendable, Hashable, CaseIterable {
    /// A patient's visit: card, typed id, or the other ways; HN, phones, service time, services.
    case verifyAndConfirm = 1
    /// Drafts saved at this unit: open, edit, confirm, delete.
    case drafts
    /// Confirmed visits: find one, cancel it with a reason.
    case confirmedVisits
    /// A person's Authen Code history, 10 a page.
    case personHistory
    /// The end-of-visit (NHSO ENDPOINT) close-privilege submission that returns an `EP` code.
    case closePrivilege
    /// Codes by date range, service and path, on screen and exported for Excel.
    case report
    /// The kiosk token: zone, installed when, accepted now, replace it.
    case token

    /// Whether this station can do it yet. The others show what to use meanwhile (NHSO's web page);
    /// they are listed so the menu matches the one staff know.
    public var isAvailable: Bool {
        switch self {
        case .verifyAndConfirm, .report, .token: true
        case .drafts, .confirmedVisits, .personHistory, .closePrivilege: false
        }
    }

    /// The text keys of its name and its help line.
    public var nameKey: String { "workbench.item.\(self)" }
    public var helpKey: String { "workbench.help.\(self)" }
}
