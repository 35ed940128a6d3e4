import Journey
import NHSO

/// Draws the admin menu over the patient's screen: a panel with the PIN prompt, the menu, or one of its
/// lists. Pure, like `ScreenRenderer`; every text comes from the catalog (`admin.*`).
public struct AdminRenderer: Sendable {
    public let catalog: TextCatalog
    /// Wrong PINs in a row before the chord locks (shown with each wrong one).
    public let attemptsBeforeLockout: Int

    public init(catalog: TextCatalog, attemptsBeforeLockout: Int) {
        self.catalog = catalog
        self.attemptsBeforeLockout = attemptsBeforeLockout
    }

    /// - Parameter visitInProgress: a patient's visit is on screen beneath (restart and shut down say so).
    public func draw(_ admin: AdminState, defaultLanguage: Language, language: Language, visitInProgress: Bool = false, into grid: inout CellGrid) {
        guard admin.isOpen else { return }
        func t(_ key: String, _ values: [String: String] = [:]) -> String { catalog.text(key, language, values) }
        let (top, left) = (3, 3)
        let (width, height) = (max(20, grid.width - 2 * left), max(8, grid.height - top - 3))
        grid.fill(row: top, column: left, width: width, height: height, style: .normal)
        grid.fill(row: top, column: left, width: width, height: 1, style: .title)
        grid.put(" " + t("admin.title"), row: top, column: left, style: .title)
        var row = top + 2
        func line(_ text: String, style: CellStyle = .normal) {
            guard row < top + height - 2 else { return }
            grid.put(text, row: row, column: left + 2, style: style)
            row += 1
        }
        func visits(_ lines: [AdminVisitLine]?, numbered: Bool) {
            guard let lines else { return line(t("admin.loading"), style: .muted) }
            if lines.isEmpty { line(t("admin.none"), style: .muted) }
            for (index, visit) in lines.enumerated() {
                let number = numbered ? "\(index + 1)  " : ""
                let slip = visit.slip.map { "  (\($0))" } ?? ""
                line("\(number)\(visit.time)  \(visit.claimCode ?? visit.reference)  \(visit.maskedCitizenID)  \(visit.state)\(slip)")
            }
        }

        switch admin.screen {
        case .closed:
            return
        case .pin(let entry, let checking):
            line(t("admin.pin"))
            row += 1
            line("PIN: " + String(repeating: "*", count: entry.count) + (checking ? "" : "_"), style: .emphasis)
            if checking { line(t("admin.pin.checking"), style: .muted) }
            if admin.wrongPINs > 0 {
                line(t("admin.pin.wrong", ["count": "\(admin.wrongPINs)", "limit": "\(attemptsBeforeLockout)"]), style: .warning)
            }
        case .lockedOut(let until):
            line(t("admin.locked", ["time": ThaiTime.format(until, "HH:mm")]), style: .warning)
        case .menu(let focus):
            for item in AdminItem.allCases {
                let label = t("admin.item.\(item)", ["language": t("language.\(defaultLanguage.rawValue)")])
                line("\(item.rawValue)  \(label)", style: item == focus ? .focusedButton : .normal)
            }
        case .confirm(let item):
            if visitInProgress { line(t("admin.visitInProgress"), style: .warning) }
            line(t("admin.confirm", ["action": t("admin.action.\(item)")]), style: .warning)
        case .confirmLast(let last):
            guard let last else { line(t("admin.loading"), style: .muted); break }
            line(t("admin.confirmLast"), style: .emphasis)
            row += 1
            visits([last], numbered: false)
            row += 1
            line(t("admin.confirmLast.keys"))
        case .status(let lines):
            line(t("admin.status.title"), style: .emphasis)
            guard let lines else { line(t("admin.loading"), style: .muted); break }
            for status in lines {
                line("\(status.ok ? "OK" : "!!")  \(status.subject): \(status.detail)", style: status.ok ? .normal : .warning)
            }
        case .pending(let lines):
            line(t("admin.pending.title"), style: .emphasis)
            visits(lines, numbered: false)
        case .reprints(let lines):
            line(t("admin.reprints.title"), style: .emphasis)
            visits(lines, numbered: true)
        case .busy:
            line(t("admin.busy"), style: .muted)
        }
        if let notice = admin.notice {
            grid.put(text(notice, t), row: top + height - 2, column: left + 2, style: notice.isProblem ? .warning : .emphasis)
        }
        grid.put(t("admin.keys"), row: top + height - 1, column: left + 2, style: .muted)
    }

    private func text(_ notice: AdminNotice, _ t: (String, [String: String]) -> String) -> String {
        switch notice {
        case .reprinted(let code): t("admin.notice.reprinted", ["code": code])
        case .testPrinted: t("admin.notice.testPrinted", [:])
        case .printFailed(let reason): t("admin.notice.printFailed", ["reason": reason])
        case .nothingToReprint: t("admin.notice.nothingToReprint", [:])
        case .languageSet(let language): t("admin.notice.languageSet", ["language": t("language.\(language.rawValue)", [:])])
        case .failed(let reason): t("admin.notice.failed", ["reason": reason])
        }
    }
}

extension AdminNotice {
    var isProblem: Bool {
        switch self {
        case .printFailed, .failed, .nothingToReprint: true
        default: false
        }
    }
}
