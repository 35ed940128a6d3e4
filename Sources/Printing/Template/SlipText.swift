/// Text on its way to a printer. Names come from a card, rights and messages from NHSO, wording from
/// files a hospital edits: none of it may carry a byte that a printer reads as a command (ESC, GS, DLE
/// and friends would change modes, open the drawer, or cut mid-slip), nor invisible direction marks.
public enum SlipText {
    /// The longest value kept from one field (a name, a right): a slip is not a place for essays.
    public static let longestValue = 200

    /// `text` with control characters (C0, DEL, C1, Unicode format and line/paragraph separators)
    /// replaced by spaces, runs of spaces collapsed, trimmed, and cut to `longestValue` characters.
    public static func clean(_ text: String, limit: Int = longestValue) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) || scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        var cleaned = String(out)
        while cleaned.hasSuffix(" ") { cleaned.removeLast() }
        return cleaned.count > limit ? String(cleaned.prefix(limit)) : cleaned
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        default: return scalar.properties.generalCategory == .format
        }
    }
}
