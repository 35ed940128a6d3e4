/// Large block letters for the claim code, readable from a step away: each glyph is 5 rows by 4
/// columns of full blocks, with one column between glyphs.
public enum BigText {
    static let height = 5
    static let glyphWidth = 4

    static let glyphs: [Character: [String]] = [
        "0": ["████", "█  █", "█  █", "█  █", "████"],
        "1": ["  █ ", " ██ ", "  █ ", "  █ ", " ███"],
        "2": ["████", "   █", "████", "█   ", "████"],
        "3": ["████", "   █", " ███", "   █", "████"],
        "4": ["█  █", "█  █", "████", "   █", "   █"],
        "5": ["████", "█   ", "████", "   █", "████"],
        "6": ["████", "█   ", "████", "█  █", "████"],
        "7": ["████", "   █", "  █ ", " █  ", " █  "],
        "8": ["████", "█  █", "████", "█  █", "████"],
        "9": ["████", "█  █", "████", "   █", "████"],
        "P": ["████", "█  █", "████", "█   ", "█   "],
    ]

    /// Columns `text` takes in block letters.
    public static func width(of text: String) -> Int {
        text.isEmpty ? 0 : text.count * (glyphWidth + 1) - 1
    }

    /// The rows of `text` in block letters.
    public static func rows(_ text: String) -> [String] {
        (0..<height).map { row in
            text.map { glyphs[$0]?[row] ?? String(repeating: " ", count: glyphWidth) }.joined(separator: " ")
        }
    }
}
