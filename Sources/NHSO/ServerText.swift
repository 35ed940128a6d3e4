/// Text that came from NHSO or the agent, made safe for a log line, a terminal or a screen: control
/// characters (every escape sequence starts with one) and invisible formatting are dropped, and a
/// citizen id quoted in a message is masked.
public enum ServerText {
    /// For messages (logs, screens, the journal): cleaned, ids masked, long runs of encoded data (a
    /// server echoing a photo back) cut, and at most `messageLimit` characters.
    public static func safe(_ text: String) -> String {
        let short = cuttingEncodedRuns(in: maskingIDs(in: clean(text)))
        return short.count > messageLimit ? String(short.prefix(messageLimit)) + "…" : short
    }

    public static let messageLimit = 300

    /// Runs of 40 or more base64 characters (an echoed photo, a token) replaced by `…`.
    static func cuttingEncodedRuns(in text: String) -> String {
        var result = "", run = ""
        func flush() {
            result += run.count >= 40 ? "…" : run
            run = ""
        }
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber || "+/=".contains(character)) { run.append(character) } else { flush(); result.append(character) }
        }
        flush()
        return result
    }

    /// Control characters and invisible formatting removed; nothing else changed (for data fields).
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F: scalars.append(" ")
            case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: continue  // zero-width and bidirectional controls
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Every run of exactly 13 digits (a citizen id) shown as `1-1017-xxxxx-x5-0`'s digits would be:
    /// the first five and last two kept.
    public static func maskingIDs(in text: String) -> String {
        var result = ""
        var digits = ""
        func flush() {
            if digits.count == 13 {
                let d = Array(digits)
                result += "\(d[0])\(String(d[1...4]))xxxxxx\(String(d[11...12]))"
            } else {
                result += digits
            }
            digits = ""
        }
        for character in text {
            if character.isASCII && character.isNumber { digits.append(character) } else { flush(); result.append(character) }
        }
        flush()
        return result
    }
}
