import CNCursesW
import Journey

/// A key or tap, as the kiosk understands it.
public enum KioskInput: Sendable, Hashable {
    case journey(JourneyEvent)
    /// A tap at a screen position (row, column), from SGR mouse reporting.
    case tap(row: Int, column: Int)
    case functionKey(Int)
    case resize
    /// Keys the kiosk ignores on purpose (Ctrl-C, Ctrl-Z, Ctrl-\ arrive here in raw mode).
    case ignored
}

/// Turns terminal input into kiosk input.
public enum KeyMap {
    /// A typed character (not a function key).
    public static func character(_ scalar: UInt32) -> KioskInput {
        switch scalar {
        case 0x30...0x39: return .journey(.digit(Int(scalar - 0x30)))
        case 0x0A, 0x0D: return .journey(.enter)
        case 0x08, 0x7F: return .journey(.backspace)
        case 0x1B: return .journey(.back)
        case 0x20: return .journey(.nextChoice)
        case 0x03, 0x1A, 0x1C: return .ignored  // Ctrl-C, Ctrl-Z, Ctrl-\ in raw mode: not for patients
        case 0x00..<0x20, 0x7F..<0xA0: return .ignored  // other control characters
        // A letter or a sign (typed, or pasted): where digits are typed, the patient is told.
        default: return .journey(.notADigit)
        }
    }

    /// A key ncurses decoded (arrows, function keys, keypad).
    public static func key(_ code: Int32) -> KioskInput {
        switch code {
        case Int32(KEY_ENTER): return .journey(.enter)
        case Int32(KEY_BACKSPACE): return .journey(.backspace)
        case Int32(KEY_UP), Int32(KEY_LEFT): return .journey(.previousChoice)
        case Int32(KEY_DOWN), Int32(KEY_RIGHT): return .journey(.nextChoice)
        case Int32(KEY_RESIZE): return .resize
        case Int32(ak_key_f(1))...Int32(ak_key_f(12)):
            let number = Int(code) - Int(ak_key_f(0))
            return number == 2 ? .journey(.toggleLanguage) : .functionKey(number)
        default: return .ignored
        }
    }

    /// What followed an ESC that was no mouse report: a sequence this terminal's entry does not list
    /// (`[`, `O` first) is ignored; anything else is Back and then the keys typed after it.
    public static func afterEscape(_ body: String) -> [KioskInput] {
        guard let first = body.unicodeScalars.first, first != "[", first != "O" else { return [.ignored] }
        return [.journey(.back)] + body.unicodeScalars.map { character($0.value) }
    }

    /// Parses a mouse report after its ESC: SGR (`[<b;x;yM`, what the kiosk asks for) or, from a
    /// terminal without SGR reporting, X10 (`[M` and three bytes, each value + 32).
    public static func mouseReport(_ body: String) -> KioskInput? {
        if body.hasPrefix("[<") { return sgrMouse(body) }
        let bytes = Array(body.unicodeScalars)
        guard body.hasPrefix("[M"), bytes.count == 5 else { return nil }
        let (button, column, row) = (Int(bytes[2].value) - 32, Int(bytes[3].value) - 32, Int(bytes[4].value) - 32)
        guard button & 0b11 == 0, button & 32 == 0, column >= 1, row >= 1 else { return .ignored }
        return .tap(row: row - 1, column: column - 1)
    }

    /// Parses an SGR mouse report after its ESC: `[<b;x;yM` (press) or `...m` (release). Presses of
    /// the first button (a tap) become `.tap`; rows and columns are 1-based on the wire.
    public static func sgrMouse(_ body: String) -> KioskInput? {
        guard body.hasPrefix("[<"), let last = body.last, last == "M" || last == "m" else { return nil }
        let numbers = body.dropFirst(2).dropLast().split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        guard last == "M", numbers[0] & 0b11 == 0, numbers[0] & 32 == 0 else { return .ignored }
        return .tap(row: numbers[2] - 1, column: numbers[1] - 1)
    }
}
