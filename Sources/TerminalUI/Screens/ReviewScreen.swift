import Journey
import NHSO

extension Screen {
    mutating func review(_ review: JourneyStep.Review, mobileRequired: Bool) {
        paragraph(t(forStaff ? "station.reviewTitle" : "review.title"), row: top - 1, style: .title)
        let panel = PersonPanel(review: review, language: language, catalog: catalog, mobileRequired: mobileRequired)
        let lines = forStaff ? panel.forStaff : panel.forPatient
        let labelWidth = max(18, (lines.map { TerminalWidth.of($0.0) }.max() ?? 0) + 2)
        var row = top + 1
        for (label, value) in lines where row < buttonRow - 4 {
            grid.put(label, row: row, column: 3, style: .muted)
            grid.put(value, row: row, column: 3 + labelWidth, style: .emphasis)
            row += 1
        }
        // The service: the selected one between previous / next buttons, all three rows tall.
        let serviceRow = buttonRow - 4
        let arrow = 7
        grid.button("◀", action: .previousChoice, row: serviceRow, column: 2, width: arrow)
        grid.button("\(t("review.service")): \(review.service.claimTypeName)", action: .nextChoice,
                    row: serviceRow, column: 3 + arrow, width: width - 2 * arrow - 6, selected: true)
        grid.button("▶", action: .nextChoice, row: serviceRow, column: width - arrow - 2, width: arrow)
        bottomButtons([(t("review.cancel"), .back, false), (t("review.confirm"), .enter, true)])
    }
}
