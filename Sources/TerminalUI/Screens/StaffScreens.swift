import Journey

extension Screen {
    /// A kiosk's staff path: to the registration desk, with the queue slip's reference.
    mutating func toDesk(reference: String, slip: JourneyStep.SlipState) {
        var row = paragraph(t("staff.toDeskTitle"), row: top, style: .title)
        row = paragraph(t("staff.toDesk"), row: row + 1, style: .emphasis)
        row = paragraph(t("pending.reference"), row: row + 1)
        grid.putCentered(reference, row: row, style: .code)
        switch slip {
        case .printing: paragraph(t("staff.slipPrinting"), row: row + 2)
        case .printed: paragraph(t("staff.slipPrinted"), row: row + 2, style: .emphasis)
        case .failed: paragraph(t("staff.slipFailed"), row: row + 2, style: .warning)
        }
        bottomButtons([(t("code.done"), .enter, true)])
    }
}
