/// Breaks text into lines of at most a given width in columns: at spaces, and inside Thai runs at
/// word boundaries (libthai). A single word wider than the line is cut.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in Sanitizer.clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(String(paragraph), width: width)
        }
        return lines
    }

    /// Pieces that must stay together: words (split at spaces and Thai word breaks), spaces kept.
    static func pieces(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var cut = Set(ThaiWordBreaker.shared.breaks(in: text))
        for (index, scalar) in scalars.enumerated() where scalar == " " {
            cut.insert(index)
            cut.insert(index + 1)
        }
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            // Never break before a mark that sits on the previous letter.
            if cut.contains(index), !current.isEmpty, TerminalWidth.of(scalar) > 0 || scalar == " " {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
            current.append(scalar)
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    static func wrapParagraph(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for piece in pieces(text) {
            let pieceWidth = TerminalWidth.of(piece)
            if piece == " " && lineWidth == 0 { continue }
            if lineWidth + pieceWidth <= width {
                line += piece
                lineWidth += pieceWidth
                continue
            }
            if !line.isEmpty { lines.append(trimmed(line)) }
            if piece == " " { line = ""; lineWidth = 0; continue }
            // A piece longer than a whole line is cut where it must be.
            var rest = piece
            while TerminalWidth.of(rest) > width {
                let (head, tail) = split(rest, at: width)
                lines.append(head)
                rest = tail
            }
            line = rest
            lineWidth = TerminalWidth.of(rest)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(trimmed(line)) }
        return lines
    }

    static func trimmed(_ line: String) -> String {
        var scalars = Array(line.unicodeScalars)
        while scalars.last == " " { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The first `width` columns and the rest, keeping marks with their letter.
    static func split(_ text: String, at width: Int) -> (String, String) {
        var head = String.UnicodeScalarView()
        var used = 0
        var index = text.unicodeScalars.startIndex
        while index < text.unicodeScalars.endIndex {
            let scalar = text.unicodeScalars[index]
            let w = TerminalWidth.of(scalar)
            if used + w > width { break }
            head.append(scalar)
            used += w
            index = text.unicodeScalars.index(after: index)
        }
        return (String(head), String(text.unicodeScalars[index...]))
    }
}
