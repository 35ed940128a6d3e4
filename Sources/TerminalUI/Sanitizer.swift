/// Text from a card or a server, made safe to draw: control characters (escape sequences start with
/// one) and other invisible formatting become spaces or disappear, so nothing received can move the
/// cursor, change colours or retitle the terminal.
public enum Sanitizer {
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F:
                scalars.append(" ")
            case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                continue  // zero-width and bidirectional controls
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
