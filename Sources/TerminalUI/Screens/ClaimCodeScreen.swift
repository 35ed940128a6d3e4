import Journey
import NHSO

extension Screen {
    mutating func claimCode(_ issued: JourneyStep.Issued, cardPresent: Bool) {
        paragraph(t(forStaff ? "station.codeTitle" : "code.title"), row: top - 1, style: .title)
        let code = issued.submitted.claimCode.value
        var row = top + 1
        if BigText.width(of: code) <= width - 2 && height >= 20 {
            for line in BigText.rows(code) {
                grid.putCentered(line, row: row, style: .code)
                row += 1
            }
        }
        grid.putCentered(code, row: row, style: .code)
        row += 1
        grid.putCentered(issued.service.claimTypeName, row: row, style: .muted)
        row += 1
        if issued.submitted.origin == .alreadyIssuedToday {
            row = paragraph(t("code.alreadyToday"), row: row, style: .emphasis)
        }
        switch issued.slip {
        case .printing: row = paragraph(t("code.printing"), row: row)
        case .printed: row = paragraph(t("code.printed"), row: row, style: .emphasis)
        case .failed: row = paragraph(t("code.printFailed"), row: row, style: .warning)
        }
        if cardPresent { paragraph(t("code.takeCard"), row: row, style: .warning) }
        // A card left in after another path (a guardian's, a staff member's) does not hold the screen.
        let leaves = !cardPresent || issued.path != .card
        if case .failed = issued.slip {
            // Enter prints again; Esc leaves.
            bottomButtons(leaves ? [(t("code.done"), .back, false), (t("code.printAgain"), .retry, true)] : [(t("code.printAgain"), .retry, true)])
        } else if leaves {
            bottomButtons([(t("code.done"), .enter, true)])
        }
    }
    /// The visit was sent, its outcome is not known yet: the patient goes to staff with the reference.
    mutating func pending(reference: String) {
        var row = paragraph(t("problem.title"), row: top, style: .title)
        row = paragraph(t("pending.message"), row: row + 1, style: .warning)
        row = paragraph(t("pending.reference"), row: row + 1)
        grid.putCentered(reference, row: row + 1, style: .code)
        bottomButtons([(t("problem.toStart"), .back, false)])
    }
}
