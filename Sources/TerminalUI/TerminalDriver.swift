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
    /// terminfo's mouse-report prefix: ncurses swallows it and returns `KEY_MOUSE` (xterm-256color and
    /// foot say `ESC [ <`, the SGR report the kiosk asks for; tmux-256color says `ESC [ M`).
    private var mousePrefix: String?

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
        // A terminal without colours (or whose count is unknown) gets reverse video and bold instead.
        // COLORS is known only once start_color() has run.
        if has_colors() { start_color() }
        if has_colors() && ak_colors() >= 8 {
            colorCount = Int(ak_colors())
            palette = TerminalPalette.forTerminal(colors: colorCount)
            for style in CellStyle.named {
                let look = palette.look(style)
                init_pair(Int16(Self.styleIndex(style)), look.foreground, look.background)
            }
            ak_background(Self.styleIndex(.normal))
        } else {
            colorCount = 0
            palette = .monochrome
        }
        mousePrefix = ak_kmous().map { String(cString: $0) }
        // Taps: xterm mouse tracking with SGR coordinates (any size of screen); parsed by KeyMap.
        // Numeric keypad in its normal mode (DECKPNM): `keypad()` switched it to application mode, where
        // the numpad's digits and Enter arrive as `ESC O p`…`ESC O y` and `ESC O M`, which most terminfo
        // entries do not list; a kiosk's numpad must send plain digits and Enter.
        if !Self.write("\u{1B}[?1000h\u{1B}[?1006h\u{1B}>") { isLost = true }
        started = true
    }

    /// Gives the terminal back as it was.
    public func stop() {
        guard started else { return }
        // A terminal that has gone takes no more: ncurses' own writes ignore the error, ours are skipped.
        if !isLost { Self.write("\u{1B}[?1006l\u{1B}[?1000l") }
        endwin()
        started = false
    }

    public var size: (width: Int, height: Int) { (Int(ak_cols()), Int(ak_lines())) }

    /// Copies the grid to the screen; unchanged grids cost nothing.
    public func draw(_ grid: CellGrid) {
        guard grid != lastDrawn, !isLost else { return }
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
                // Pairs above 255 do not fit in an attribute word: the pair is set on its own.
                let (attributes, pair) = look(style)
                ak_attr_set(attributes, pair)
                mvaddstr(Int32(row), Int32(start), text)
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
            if result == ak_key_code_yes() && Int32(bitPattern: value) == ak_key_mouse() {
                inputs.append(mouseReport())
            } else if result == ak_key_code_yes() {
                inputs.append(KeyMap.key(Int32(bitPattern: value)))
            } else if value == 0x1B {
                inputs += escapeSequence()
            } else {
                inputs.append(KeyMap.character(value))
            }
        }
        return inputs
    }

    /// After an ESC: an SGR mouse report, or ESC alone (Back). Keys typed right after Esc (within the
    /// escape delay: staff pressing Esc then 6) are Back and then those keys, not lost.
    private func escapeSequence() -> [KioskInput] {
        let body = readReport(after: "")
        if body.isEmpty { return [.journey(.back)] }
        if let report = KeyMap.mouseReport(body) { return [report] }
        return KeyMap.afterEscape(body)
    }

    /// After ncurses matched terminfo's mouse prefix (`KEY_MOUSE`): the rest of the report is still
    /// waiting, and is read here. Left unread, its digits would be typed into the screen as digits.
    private func mouseReport() -> KioskInput {
        let prefix = String((mousePrefix ?? "\u{1B}[<").drop { $0 == "\u{1B}" })
        return KeyMap.mouseReport(readReport(after: prefix)) ?? .ignored
    }

    /// Reads the rest of a mouse report (a terminal writes one whole, so it is there or a moment away):
    /// an SGR report up to its final `M`/`m`, an old X10 report's three bytes.
    private func readReport(after prefix: String) -> String {
        var body = prefix
        var value: UInt32 = 0
        ak_input_timeout(30)
        defer { nodelay(ak_stdscr(), true) }
        while body.count < 32, ak_get_wch(&value) != ERR, let scalar = Unicode.Scalar(value) {
            body.unicodeScalars.append(scalar)
            if body.hasPrefix("[M") {
                if body.unicodeScalars.count == 5 { break }
            } else if scalar == "M" || scalar == "m" || (body.count == 1 && scalar != "[") {
                break
            }
        }
        return body
    }

    // MARK: Styles

    static func styleIndex(_ style: CellStyle) -> Int32 {
        switch style {
        case .pixels: 1  // drawn through `pixelPair`
        case .normal: 1
        case .title: 2
        case .emphasis: 3
        case .button: 4
        case .selectedButton: 5
        case .warning: 6
        case .code: 7
        case .muted: 8
        case .focusedButton: 9
        case .qr: 10
        }
    }

    /// Colour pairs of picture cells, made as they are needed (a preview frame uses a few thousand).
    private var pixelPairs: [UInt16: Int32] = [:]
    private var colorCount = 0
    /// The palette chosen for this terminal's colours (known once started).
    public private(set) var palette = TerminalPalette.monochrome

    /// What the terminal announced, in words (`authen-kiosk palette`).
    public var colorDescription: String { colorCount > 0 ? "\(colorCount) colours" : "no colours" }
    private static let firstPixelPair: Int32 = 32

    private func pixelPair(top: UInt8, bottom: UInt8) -> Int32 {
        let (top, bottom) = colorCount >= 256 ? (top, bottom) : (Self.basic(top), Self.basic(bottom))
        let key = UInt16(top) << 8 | UInt16(bottom)
        if let pair = pixelPairs[key] { return pair }
        if Self.firstPixelPair + Int32(pixelPairs.count) >= min(Int32(ak_color_pairs()), 32_000) { pixelPairs.removeAll() }
        let pair = Self.firstPixelPair + Int32(pixelPairs.count)
        init_pair(Int16(pair), Int16(top), Int16(bottom))
        pixelPairs[key] = pair
        return pair
    }

    /// A 256-colour number as the nearest of the 8 basic colours (the Linux console).
    static func basic(_ color: UInt8) -> UInt8 {
        guard color >= 16 else { return color & 7 }
        if color >= 232 { return color >= 244 ? 7 : 0 }
        let n = Int(color) - 16
        let (r, g, b) = (n / 36 >= 3 ? 1 : 0, n / 6 % 6 >= 3 ? 1 : 0, n % 6 >= 3 ? 1 : 0)
        return UInt8(r | g << 1 | b << 2)
    }

    /// A style's attributes (bold or not) and colour pair.
    func look(_ style: CellStyle) -> (attributes: Int32, pair: Int32) {
        if case .pixels(let top, let bottom) = style {
            return colorCount > 0 ? (0, pixelPair(top: top, bottom: bottom)) : (0, 0)
        }
        let look = palette.look(style)
        let attributes = (look.bold ? ak_attr_bold() : 0) | (look.reverse ? ak_attr_reverse() : 0)
        return (attributes, colorCount > 0 ? Self.styleIndex(style) : 0)
    }

    /// Writes to the terminal; `false` when it has gone (a hung-up terminal answers EIO). Never traps:
    /// Foundation's non-throwing `FileHandle.write(_:)` is a `try!`, and a terminal that went away
    /// (tmux killed, foot or xterm dying under the compositor) ended the kiosk mid-visit with it.
    @discardableResult
    public static func write(_ text: String) -> Bool {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
            return true
        } catch {
            return false
        }
    }

    /// Whether the terminal has hung up: its input reports POLLHUP or an error, or a write failed.
    public private(set) var isLost = false

    /// Reads the terminal's poll result: a hang-up marks it lost.
    public func noteInputEvents(_ events: Int16) {
        if events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { isLost = true }
    }
}
