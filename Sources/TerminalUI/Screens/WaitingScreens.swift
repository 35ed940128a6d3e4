import Journey
import NHSO

extension Screen {
    @discardableResult
    mutating func waiting(_ key: String, detail: String?, name: String? = nil) -> Int {
        var row = paragraph(t(key), row: top + 3, style: .title)
        if let name { row = paragraph(name, row: row + 1, style: .emphasis) }
        if let detail { row = paragraph(t(detail), row: row + 1, style: .warning) }
        return row
    }
    /// "Reading your card", with a bar where the reader reports its steps.
    mutating func reading(_ progress: JourneyState.ReadProgress?) {
        let row = waiting("reading.title", detail: "reading.keepIn")
        guard let progress else { return }
        let barWidth = min(40, width - 10)
        let filled = Int((progress.fraction * Double(barWidth)).rounded())
        grid.putCentered(String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled), row: row + 1, style: .emphasis)
    }
    /// "Recording your visit", with the seconds since confirm: a patient sees the kiosk is working.
    mutating func submitting(_ name: String, seconds: Int) {
        let row = waiting("submitting.title", detail: nil, name: name)
        paragraph(t("submitting.elapsed", ["seconds": String(seconds)]), row: row + 1, style: .muted)
    }
}
