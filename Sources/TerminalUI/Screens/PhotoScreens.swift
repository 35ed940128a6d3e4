import Journey
import NHSO

extension Screen {
    /// The camera: the live preview to frame the photo (or the photo taken, to keep or retake), with
    /// what to do beside it; the countdown large.
    mutating func camera(_ capture: PhotoCapture, instructionKey: String) {
        let textColumn = max(2, width / 2 + 1)
        let area = (row: 3, columns: textColumn - 3, rows: height - 5)
        if let picture = capture.photo?.thumbnail ?? capture.frame {
            let panel = PicturePanel(picture, fitting: area.columns, rows: area.rows)
            panel.draw(into: &grid, row: area.row + (area.rows - panel.rows) / 2, column: 1 + (area.columns - panel.columns) / 2)
        }
        var row = top
        func text(_ key: String, _ style: CellStyle = .normal, _ values: [String: String] = [:]) {
            for line in TextWrapper.wrap(t(key, values), width: width - textColumn - 2) where row < buttonRow - 1 {
                grid.put(line, row: row, column: textColumn, style: style)
                row += 1
            }
            row += 1
        }
        let buttonWidth = (width - textColumn - 3) / 2
        if let failure = capture.failure {
            text("photo.cameraFailed", .warning)
            grid.put(failure, row: row, column: textColumn, style: .muted)
            grid.button(t("common.back"), action: .back, row: buttonRow, column: textColumn, width: buttonWidth)
            grid.button(t("problem.retry"), action: .retry, row: buttonRow, column: textColumn + buttonWidth + 1, width: buttonWidth, selected: true)
        } else if capture.photo != nil {
            text("photo.confirmTitle", .title)
            text("photo.confirm")
            grid.button(t("photo.retake"), action: .back, row: buttonRow, column: textColumn, width: buttonWidth)
            grid.button(t("photo.use"), action: .enter, row: buttonRow, column: textColumn + buttonWidth + 1, width: buttonWidth, selected: true)
        } else if let countdown = capture.countdown {
            text("photo.holdStill", .title)
            for line in BigText.rows(String(countdown)) {
                grid.put(line, row: row, column: textColumn + 2, style: .code)
                row += 1
            }
        } else if capture.taking {
            text("photo.taking", .title)
        } else {
            text("photo.title", .title)
            text(instructionKey)
            if capture.frame == nil { text("photo.starting", .muted) }
            grid.button(t("common.back"), action: .back, row: buttonRow, column: textColumn, width: buttonWidth)
            grid.button(t("photo.take"), action: .enter, row: buttonRow, column: textColumn + buttonWidth + 1, width: buttonWidth, selected: true)
        }
    }

    /// The kind of photo ID (1–5) and why no smart card (6–10).
    mutating func document(_ form: ProxyPhotoForm) {
        grid.put(t("proxyPhoto.documentTitle"), row: 3, column: 2, style: .title)
        choiceBoard(form.board, groups: [
            BoardGroup(labels: ProxyPhotoForm.documents.map { t("proxyPhoto.document.\($0)") }, columns: 3),
            BoardGroup(labels: ProxyPhotoForm.reasons.map { t("proxyPhoto.reason.\($0)") }, columns: 3),
        ], continueLabel: t("proxy.continue"))
    }
}
