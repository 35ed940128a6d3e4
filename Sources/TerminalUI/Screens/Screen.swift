import Journey

/// One screen being drawn.
struct Screen {
    var grid: CellGrid
    let language: Language
    let catalog: TextCatalog
    /// Station mode: staff at the counter read the screen, so it addresses them and shows the person in
    /// full (the whole id, birth date, every unit), which a kiosk in a public hall does not.
    let forStaff: Bool

    var width: Int { grid.width }
    var height: Int { grid.height }
    /// First row below the header.
    let top = 4
    /// First row of the bottom buttons.
    var buttonRow: Int { height - 5 }

    /// A text by key; at a station, its `atStation.` wording where the catalog has one (staff read the
    /// screen, and a patient's "how will you prove who you are?" or "go to the counter" is wrong there).
    func t(_ key: String, _ values: [String: String] = [:]) -> String {
        if forStaff, catalog.texts[language]?["atStation." + key] != nil {
            return catalog.text("atStation." + key, language, values)
        }
        return catalog.text(key, language, values)
    }

    mutating func header() {
        grid.fill(row: 0, column: 0, width: width, height: 3, style: .title)
        grid.put(t(forStaff ? "station.name" : "app.name"), row: 1, column: 2, style: .title)
        let label = t("common.language")
        let buttonWidth = max(12, TerminalWidth.of(label) + 4)
        grid.button(label, action: .toggleLanguage, row: 0, column: width - buttonWidth, width: buttonWidth)
    }

    /// Text wrapped to the screen, centred line by line from `row`; returns the next free row.
    @discardableResult
    mutating func paragraph(_ text: String, row: Int, style: CellStyle = .normal, margin: Int = 4) -> Int {
        var r = row
        for line in TextWrapper.wrap(text, width: max(10, width - 2 * margin)) {
            grid.putCentered(line, row: r, style: style)
            r += 1
        }
        return r
    }

    /// One or two buttons side by side on the bottom rows.
    mutating func bottomButtons(_ buttons: [(String, UIAction, Bool)]) {
        guard !buttons.isEmpty else { return }
        let gap = 2
        let buttonWidth = min(30, (width - 4 - gap * (buttons.count - 1)) / buttons.count)
        let total = buttonWidth * buttons.count + gap * (buttons.count - 1)
        var column = (width - total) / 2
        for (label, action, selected) in buttons {
            grid.button(label, action: action, row: buttonRow, column: column, width: buttonWidth, selected: selected)
            column += buttonWidth + gap
        }
    }
}
