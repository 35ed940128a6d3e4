import Journey

extension Screen {
    /// The six leaves of the journey tree, numbered in its order, in two columns; the focused one (the
    /// arrows move it, Enter takes it) is highlighted.
    mutating func chooseIdentity(focus: IdentityPath) {
        paragraph(t("choose.title"), row: top, style: .title)
        let columns = 2
        let buttonWidth = (width - 6) / columns
        for (index, path) in IdentityPath.allCases.enumerated() {
            let row = top + 2 + (index / columns) * 4
            let column = 2 + (index % columns) * (buttonWidth + 2)
            guard row + 3 <= buttonRow else { break }
            grid.button("\(path.number)  \(t("path.\(path.rawValue)"))", action: .choosePath(path),
                        row: row, column: column, width: buttonWidth, focused: path == focus)
        }
        bottomButtons([(t("common.back"), .back, false)])
        grid.putCentered(t("choose.keys"), row: height - 2, style: .muted)
    }

    /// A path this kiosk does not offer: the patient is sent to the counter.
    mutating func atCounter(_ path: IdentityPath) {
        let row = paragraph(t("path.\(path.rawValue)"), row: top, style: .title)
        paragraph(t("other.notYet"), row: row + 1)
        bottomButtons([(t("common.back"), .back, false)])
    }
}
