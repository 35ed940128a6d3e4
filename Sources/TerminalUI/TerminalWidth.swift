import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// How many terminal columns a character takes: 0 for Thai vowel and tone marks above and below (they
/// sit on the cell of their base), 1 for SARA AM and other Thai letters, 2 for East Asian wide
/// characters, from the C library's `wcwidth` in a UTF-8 locale.
public enum TerminalWidth {
    /// `wcwidth` answers only in a UTF-8 locale; the kiosk sets one once, at start.
    nonisolated(unsafe) private static var localeReady = false

    public static func prepareLocale() {
        guard !localeReady else { return }
        if setlocale(LC_CTYPE, "") == nil || !String(cString: nl_langinfo(nl_item(CODESET))).uppercased().contains("UTF") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        localeReady = true
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E:
            return 0  // Thai marks above or below the base: no column of their own
        case 0x0E33:
            return 1  // SARA AM is written after its base and takes a column
        case 0x0E01...0x0E5B:
            return 1
        case 0x00...0x1F, 0x7F...0x9F:
            return 0  // control characters are removed before drawing anyway
        case 0x20...0x7E:
            return 1
        default:
            prepareLocale()
            let width = authen_kiosk_wcwidth(scalar.value)
            return width < 0 ? 1 : Int(width)
        }
    }

    /// Columns the text takes on one line.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }
}
