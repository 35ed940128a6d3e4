import Foundation
import Journey
import NHSO
import Workbench

/// Draws the counter's workbench: the sign-in screen, the menu and its screens over the whole grid, and
/// on every screen (the journey's too, during a visit) the signed-in person on the top line. Fits 80×24.
public struct WorkbenchRenderer: Sendable {
    public let catalog: TextCatalog

    public init(catalog: TextCatalog) {
        self.catalog = catalog
    }

    public func draw(_ state: WorkbenchState, language: Language, into grid: inout CellGrid) {
        func t(_ key: String, _ values: [String: String] = [:]) -> String { catalog.text(key, language, values) }
        if !state.showsVisit {
            grid.fill(row: 0, column: 0, width: grid.width, height: grid.height, style: .normal)
            grid.fill(row: 0, column: 0, width: grid.width, height: 3, style: .title)
            grid.put(t("station.name"), row: 1, column: 2, style: .title)
        }
        staffLine(state, t, &grid)
        guard !state.showsVisit else { return }
        var row = 4
        func line(_ text: String, style: CellStyle = .normal, column: Int = 2) {
            guard row < grid.height - 2 else { return }
            grid.put(text, row: row, column: column, style: style)
            row += 1
        }
        switch state.screen {
        case .visit:
            return
        case .signIn(let notice):
            line(t("workbench.signIn.title"), style: .emphasis)
            row += 1
            line(t("workbench.signIn.card"))
            if let notice {
                row += 1
                line(t("workbench.signIn.\(notice)"), style: .warning)
            }
        case .readingStaffCard:
            line(t("workbench.signIn.reading"), style: .emphasis)
        case .menu(let focus):
            for item in WorkbenchItem.allCases {
                let label = " F\(item.rawValue)  \(item.rawValue)  \(t(item.nameKey))" + (item.isAvailable ? "" : "  " + t("workbench.notYetMark"))
                let style: CellStyle = item == focus ? .focusedButton : item.isAvailable ? .normal : .muted
                // A one-row tap target (a staff desk, not a patient's fingertip), its label left-aligned.
                grid.button("", action: .select(item.rawValue), row: row, column: 2, width: grid.width - 4, height: 1, minimumHeight: 1)
                grid.fill(row: row, column: 2, width: grid.width - 4, height: 1, style: style)
                grid.put(label, row: row, column: 2, style: style)
                row += 1
            }
            row += 1
            line(t(focus.helpKey), style: .muted)
            if let notice = state.notice { line(noticeText(notice, t), style: .emphasis) }
        case .notYet(let item):
            line(t(item.nameKey), style: .emphasis)
            row += 1
            line(t("workbench.notYet"))
            line(t(item.helpKey), style: .muted)
        case .report(let view, let page):
            guard let view else {
                line(t("workbench.loading"), style: .muted)
                break
            }
            line(t("workbench.report.title", ["date": view.date, "count": String(view.lines.count)]), style: .emphasis)
            if view.unreadable {
                line(t("workbench.report.unreadable"), style: .warning)
            } else if view.lines.isEmpty {
                line(t("workbench.report.none"), style: .muted)
            }
            for text in view.lines.dropFirst(page * ReportView.pageSize).prefix(ReportView.pageSize) { line(text) }
            row = max(row, grid.height - 7)
            for (key, total) in zip(["workbench.report.byService", "workbench.report.byPath"], view.totals) { line(t(key) + total, style: .muted) }
            line(t("workbench.report.page", ["page": String(page + 1), "pages": String(view.pageCount)]), style: .muted)
            if let notice = state.notice { for text in noticeText(notice, t).split(separator: "\n") { line(String(text), style: .emphasis) } }
        case .token(let lines):
            line(t("workbench.item.token"), style: .emphasis)
            row += 1
            guard let lines else {
                line(t("workbench.loading"), style: .muted)
                break
            }
            for entry in lines {
                line("\(entry.ok ? "OK  " : "FAIL")  \(entry.subject): \(ServerText.safe(entry.detail))", style: entry.ok ? .normal : .warning)
            }
        }
        grid.putCentered(t(keysKey(state.screen)), row: grid.height - 1, style: .muted)
    }

    /// The top line: who is signed in (masked id), and how to sign out.
    private func staffLine(_ state: WorkbenchState, _ t: (String, [String: String]) -> String, _ grid: inout CellGrid) {
        guard let staff = state.staff else { return }
        let id = ServerText.maskingIDs(in: staff.citizenID)
        let name = staff.name.isEmpty ? id : "\(ServerText.clean(staff.name)) (\(id))"
        grid.fill(row: 0, column: 0, width: grid.width, height: 1, style: .title)
        grid.put(" " + t("workbench.signedIn", ["name": name]), row: 0, column: 0, style: .title)
    }

    private func noticeText(_ notice: WorkbenchNotice, _ t: (String, [String: String]) -> String) -> String {
        switch notice {
        // The file's name (a whole path seldom fits 80 columns); its folder is on the line below.
        case .exported(let path):
            t("workbench.exported", ["path": ServerText.clean(URL(fileURLWithPath: path).lastPathComponent)])
                + "\n" + ServerText.clean(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        case .exportFailed(let reason): t("workbench.exportFailed", ["reason": ServerText.safe(reason)])
        }
    }

    private func keysKey(_ screen: WorkbenchScreen) -> String {
        switch screen {
        case .signIn, .readingStaffCard: "workbench.keys.signIn"
        case .menu: "workbench.keys.menu"
        case .report: "workbench.keys.report"
        default: "workbench.keys.back"
        }
    }
}
