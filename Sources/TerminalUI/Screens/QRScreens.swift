import Journey
import QRCode

extension Screen {
    /// The hospital's QR, as large as the screen allows, with what to do on the phone beside it.
    /// The code takes the left half from under the header to above the countdown row; the words and
    /// the buttons take the right half (nothing may be drawn over the code).
    mutating func qrScan(url: String) {
        let textColumn = max(2, width / 2 + 1)
        let qrArea = (row: 3, columns: textColumn - 2, rows: height - 5)
        if let code = try? QRCode(url), let panel = QRPanel(code, fitting: qrArea.columns, rows: qrArea.rows) {
            panel.draw(into: &grid, row: qrArea.row + (qrArea.rows - panel.height) / 2, column: 1 + (qrArea.columns - panel.width) / 2)
        } else {
            // Never a code cut to fit: a partial code scans as nothing, or as something else.
            for (index, line) in TextWrapper.wrap(t("qr.tooSmall"), width: max(10, textColumn - 4)).enumerated() {
                grid.put(line, row: top + 2 + index, column: 2, style: .warning)
            }
        }
        var row = top
        for key in ["qr.title", "qr.step1", "qr.step2", "qr.step3"] {
            for line in TextWrapper.wrap(t(key), width: width - textColumn - 2) where row < buttonRow - 1 {
                grid.put(line, row: row, column: textColumn, style: key == "qr.title" ? .title : .normal)
                row += 1
            }
            row += 1
        }
        let buttonWidth = (width - textColumn - 3) / 2
        grid.button(t("common.back"), action: .back, row: buttonRow, column: textColumn, width: buttonWidth)
        grid.button(t("qr.next"), action: .enter, row: buttonRow, column: textColumn + buttonWidth + 1, width: buttonWidth, selected: true)
    }

    /// NHSO is asked until it lists the phone's authentication; the seconds left are shown.
    mutating func qrWaiting(secondsLeft: Int) {
        let row = waiting("qr.waiting", detail: nil)
        paragraph(t("qr.waitingLeft", ["seconds": String(secondsLeft)]), row: row + 1, style: .muted)
        bottomButtons([(t("common.cancel"), .back, false)])
    }
}
