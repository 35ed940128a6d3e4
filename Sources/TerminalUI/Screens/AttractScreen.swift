import Journey
import NHSO

extension Screen {
    mutating func attract(cardPresent: Bool, readerAvailable: Bool, inService: Bool) {
        guard inService else {
            let row = paragraph(t("outOfService.title"), row: top + 1, style: .title)
            paragraph(t("problem.outOfService"), row: row + 1, style: .warning)
            return
        }
        var row = paragraph(t(forStaff ? "station.title" : "attract.title"), row: top + 1, style: .title)
        row = paragraph(t(forStaff ? "station.insertCard" : "attract.insertCard"), row: row + 1, style: .emphasis)
        row = paragraph(t(forStaff ? "station.insertHint" : "attract.insertHint"), row: row + 1)
        if cardPresent {
            paragraph(t("attract.removeCard"), row: row + 1, style: .warning)
        } else if !readerAvailable {
            paragraph(t("attract.readerNotReady"), row: row + 1, style: .warning)
        }
        bottomButtons([(t("attract.otherWays"), .chooseOtherWay, false)])
    }
}
