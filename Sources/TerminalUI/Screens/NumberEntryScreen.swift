import Journey

extension Screen {
    /// Digits typed on a numpad: the title, the digits in their groups (blanks for the rest), what is
    /// wrong if anything, and a tap keypad (1–9, ⌫ 0 ✓, each key three rows tall).
    mutating func numberEntry(_ entry: NumberEntry, title: String, hint: String? = nil) {
        paragraph(title, row: top - 1, style: .title)
        grid.putCentered(Self.grouped(entry), row: top + 1, style: .code)
        if let message = entry.message {
            grid.putCentered(t(Self.messageKey(message), ["length": String(entry.kind.length)]), row: top + 2, style: .warning)
        } else if let hint {
            grid.putCentered(hint, row: top + 2, style: .muted)
        }
        let keys: [(String, UIAction)] = (1...9).map { ("\($0)", .digit($0)) } + [("⌫", .backspace), ("0", .digit(0)), ("✓", .enter)]
        let keyWidth = 9, keyHeight = 3
        let left = (width - keyWidth * 3 - 2) / 2
        let firstRow = top + 3
        for (index, key) in keys.enumerated() {
            let row = firstRow + (index / 3) * keyHeight
            guard row + keyHeight <= height - 2 else { break }
            grid.button(key.0, action: key.1, row: row, column: left + (index % 3) * (keyWidth + 1), width: keyWidth, height: keyHeight)
        }
    }

    /// `1-2345-67890-12-3` for an id, `081-234-5678` for a mobile; `_` where a digit is still to come.
    static func grouped(_ entry: NumberEntry) -> String {
        let groups: Set<Int> = switch entry.kind {
        case .citizenID: [1, 5, 10, 12]
        case .mobile: [3, 6]
        }
        let padded = entry.digits + String(repeating: "_", count: entry.kind.length - entry.digits.count)
        return padded.enumerated().map { index, char in (groups.contains(index) ? "-" : "") + String(char) }.joined()
    }

    static func messageKey(_ message: NumberEntry.Message) -> String {
        switch message {
        case .digitsOnly: "entry.digitsOnly"
        case .tooShort: "entry.tooShort"
        case .full: "entry.full"
        case .wrongCheckDigit: "entry.wrongCheckDigit"
        case .mobileStartsWithZero: "entry.mobileStartsWithZero"
        case .sameAsPatient: "entry.sameAsPatient"
        }
    }
}
