import CNCursesW
import Foundation
import Journey

/// The thin layer between cell grids and a real terminal: ncursesw in raw mode, colours for the cell
/// styles, SGR mouse reporting for taps, and keys decoded into `KioskInput`.
///
/// Only the thread that started it may call it (ncurses is not thread-safe).
public final class TerminalDriver {
    private var started = false
    private var lastDrawn: CellGrid?

    public init() {}

    /// Takes over the terminal. In raw mode Ctrl-C, Ctrl-Z and Ctrl-\ reach the program as keys and do
    /// not kill or suspend it.
    public func start() {
        TerminalWidth.prepareLocale()
        setlocale(LC_ALL, "")
        initscr()
        raw()
        noecho()
        nonl()
        keypad(ak_stdscr(), true)
        nodelay(ak_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
            for (index, colors) in Self.palette.enumerated() {
                init_pair(Int16(index + 1), colors.0, colors.1)
            }
        }
        // Taps: xterm mouse tracking with SGR coordinates (any size of screen); parsed by KeyMap.
        // Numeric keypad in its normal mode (DECKPNM): `keypad()` switched it to application mode, where
        // the numpad's digits and Enter arrive as `ESC O p`…`ESC O y` and `ESC O M`, which most terminfo
        // entries do not list; a kiosk's numpad must send plain digits and Enter.
        Self.write("\u{1B}[?1000h\u{1B}[?1006h\u{1B}>")
        started = true
    }

    /// Gives the terminal back as it was.
    public func stop() {
        guard started else { return }
        Self.write("\u{1B}[?1006l\u{1B}[?1000l")
        endwin()
        started = false
    }

    public var size: (width: Int, height: Int) { (Int(ak_cols()), Int(ak_lines())) }

    /// Copies the grid to the screen; unchanged grids cost nothing.
    public func draw(_ grid: CellGrid) {
        guard grid != lastDrawn else { return }
        lastDrawn = grid
        erase()
        for row in 0..<grid.height {
            var column = 0
            while column < grid.width {
                // One run of cells in one style, written as a whole string so Thai marks stay on their base.
                let style = grid[row, column].style
                var text = ""
                let start = column
                while column < grid.width && grid[row, column].style == style {
                    text += grid[row, column].text
                    column += 1
                }
                // The bottom-right cell would scroll the screen: leave it.
                if row == grid.height - 1 && column == grid.width { text = String(text.dropLast()) }
                let attributes = Self.attributes(style)
                attron(attributes)
                mvaddstr(Int32(row), Int32(start), text)
                attroff(attributes)
            }
        }
        refresh()
    }

    /// Forces the next draw (after a resize).
    public func invalidate() { lastDrawn = nil }

    /// Every input waiting now; empty when none (never blocks).
    public func pendingInput() -> [KioskInput] {
        var inputs: [KioskInput] = []
        var value: UInt32 = 0
        while true {
            let result = ak_get_wch(&value)
            if result == ERR { break }
            if result == ak_key_code_yes() {
                inputs.append(KeyMap.key(Int32(bitPattern: value)))
            } else if value == 0x1B {
                inputs.append(escapeSequence())
            } else {
                inputs.append(KeyMap.character(value))
            }
        }
        return inputs
    }

    /// After an ESC: an SGR mouse report, or ESC alone (Back).
    private func escapeSequence() -> KioskInput {
        var body = ""
        var value: UInt32 = 0
        while body.count < 32, ak_get_wch(&value) != ERR, let scalar = Unicode.Scalar(value) {
            body.unicodeScalars.append(scalar)
            if scalar == "M" || scalar == "m" || (body.count == 1 && scalar != "[") { break }
        }
        if body.isEmpty { return .journey(.back) }
        return KeyMap.sgrMouse(body) ?? .ignored
    }

    // MARK: Styles

    /// High contrast: foreground, background per `CellStyle`, in the order of `styleIndex`.
    static let palette: [(Int16, Int16)] = [
        (Int16(COLOR_WHITE), -1),                 // normal
        (Int16(COLOR_WHITE), Int16(COLOR_BLUE)),   // title
        (Int16(COLOR_YELLOW), -1),                // emphasis
        (Int16(COLOR_BLACK), Int16(COLOR_WHITE)),  // button
        (Int16(COLOR_BLACK), Int16(COLOR_GREEN)),  // selected button
        (Int16(COLOR_BLACK), Int16(COLOR_YELLOW)), // warning
        (Int16(COLOR_GREEN), -1),                 // code
        (Int16(COLOR_CYAN), -1),                  // muted
    ]

    static func styleIndex(_ style: CellStyle) -> Int32 {
        switch style {
        case .normal: 1
        case .title: 2
        case .emphasis: 3
        case .button: 4
        case .selectedButton: 5
        case .warning: 6
        case .code: 7
        case .muted: 8
        }
    }

    static func attributes(_ style: CellStyle) -> Int32 {
        var attributes = ak_color_pair(styleIndex(style))
        if [.title, .emphasis, .selectedButton, .warning, .code].contains(style) { attributes |= ak_attr_bold() }
        return attributes
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
