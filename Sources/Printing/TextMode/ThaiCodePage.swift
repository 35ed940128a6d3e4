/// Thai in the printer's own code page (TIS-620 layout: the Thai block U+0E01–U+0E5B at 0xA1–0xFB),
/// which Thai-market firmware prints with its marks stacked. Its number for `ESC t` differs by model.
enum ThaiCodePage {
    /// One byte a character: ASCII as is, Thai moved into the upper half, anything else `?`.
    static func encode(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x20...0x7E: UInt8(scalar.value)
            case 0x0E01...0x0E5B: UInt8(scalar.value - 0x0E01 + 0xA1)
            default: UInt8(ascii: "?")
            }
        }
    }

    /// Cells a text takes on the printer: Thai marks above and below share their consonant's cell.
    static func cells(_ text: String) -> Int {
        text.unicodeScalars.filter { !isMark($0) }.count
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E: true
        default: false
        }
    }
}
