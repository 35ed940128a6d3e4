import Journey
import NHSO

extension Screen {
    /// "Guardian (or staff member): please insert your own ID card", or what went wrong with the last
    /// one. `role` is `proxy` or `staff`: the keys of its texts.
    mutating func verifierCard(_ role: String, reading: Bool, notice: VerifierCardNotice?) {
        var row = paragraph(t("\(role).insertTitle"), row: top + 1, style: .title)
        if reading {
            waiting("\(role).reading", detail: "reading.keepIn")
            return
        }
        row = paragraph(t("\(role).insertCard"), row: row + 1, style: .emphasis)
        if let notice {
            let key = switch notice {
            case .isThePatientsCard: "proxy.isThePatient"
            case .unreadable: "problem.cardUnreadable"
            case .removed: "proxy.removed"
            case .notOnStaffList: "staff.notOnList"
            }
            paragraph(t(key), row: row + 1, style: .warning)
        }
        bottomButtons([(t("common.back"), .back, false)])
    }

    /// As what the guardian acts (1–2) and how they are related to the patient (3–21), on one screen
    /// that fits 80×24: chosen by number and Enter, by arrows and Enter, or by tap.
    mutating func relation(_ choice: ProxyChoice) {
        grid.put(t("proxy.relationTitle", ["name": choice.guardian.nameTH]), row: 3, column: 2, style: .title)
        let h = max(2, min(3, (height - 6) / 9))
        let columns = 3, gap = 1
        let cellWidth = (width - 4 - gap * (columns - 1)) / columns
        var row = 4
        for (index, role) in ProxyChoice.roles.enumerated() {
            grid.button("\(index + 1) \(t("proxy.role.\(role.rawValue)"))", action: .select(index), row: row, column: 2 + index * (cellWidth + gap),
                        width: cellWidth, height: h, minimumHeight: 2, selected: choice.role == role, focused: choice.focus == index)
        }
        grid.put(t("proxy.roleHint"), row: row + h / 2, column: 2 + 2 * (cellWidth + gap), style: .muted)
        row += h
        for (offset, relationship) in ProxyChoice.relationships.enumerated() {
            let index = ProxyChoice.roles.count + offset
            grid.button("\(index + 1) \(relationship.thai)", action: .select(index), row: row + (offset / columns) * h,
                        column: 2 + (offset % columns) * (cellWidth + gap), width: cellWidth, height: h, minimumHeight: 2,
                        selected: choice.relationship == relationship, focused: choice.focus == index)
        }
        row += (ProxyChoice.relationships.count + columns - 1) / columns * h
        let typed = choice.typed.isEmpty ? t("proxy.numberHint") : t("proxy.typed", ["number": choice.typed])
        grid.putCentered(typed, row: row, style: choice.typed.isEmpty ? .muted : .emphasis)
        let buttonRow = row + 1, buttonWidth = min(30, (width - 6) / 2)
        grid.button(t("common.back"), action: .back, row: buttonRow, column: width / 2 - buttonWidth - 1, width: buttonWidth, height: h, minimumHeight: 2)
        grid.button(t("proxy.continue"), action: .select(ProxyChoice.continueIndex), row: buttonRow, column: width / 2 + 1,
                    width: buttonWidth, height: h, minimumHeight: 2, selected: choice.isComplete, focused: choice.focus == ProxyChoice.continueIndex)
    }
}
