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
        let name = choice.guardian.nameTH.isEmpty ? choice.guardian.citizenID.masked : choice.guardian.nameTH
        grid.put(t("proxy.relationTitle", ["name": name]), row: 3, column: 2, style: .title)
        choiceBoard(choice.board, groups: [
            BoardGroup(labels: ProxyChoice.roles.map { t("proxy.role.\($0.rawValue)") }, columns: 2, hint: t("proxy.roleHint")),
            BoardGroup(labels: ProxyChoice.relationships.map(\.thai), columns: 3),
        ], continueLabel: t("proxy.continue"))
    }
}
