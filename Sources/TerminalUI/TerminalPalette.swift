import Foundation

/// The kiosk's own colours: every cell names its foreground *and* background, so the screen looks the
/// same whatever the terminal's defaults are (xterm's are black on white, foot's light on dark). A
/// terminal's default colours (-1) are never used: on xterm's white they made the hint line and the
/// key help nearly invisible.
///
/// Every style has a contrast of at least 7:1 (WCAG AAA) as the terminal shows it: the 256-colour
/// palette's fixed entries (16–255 are the same in every xterm-compatible terminal); on 8-, 16- and
/// 88-colour terminals (`TERM=xterm`, the Linux console) the standard VGA/xterm colours, with bold text
/// brightened as xterm draws it; without colours, reverse video. `RealTerminalTests` measures it in
/// pixels from a real xterm under each TERM.
public struct TerminalPalette: Sendable {
    /// How a style is drawn: a pair of colour numbers (as `init_pair` takes them) and its attributes.
    public struct Look: Sendable, Hashable {
        public var foreground: Int16
        public var background: Int16
        public var bold = false
        /// Swaps the terminal's own colours (the palette for a terminal without colours only).
        public var reverse = false
    }

    /// The palette's name, as `authen-kiosk palette` shows it.
    public let name: String
    /// How many colours the palette's numbers refer to (256, 8; 0: none, attributes only).
    public let colorCount: Int
    private let looks: [CellStyle: Look]

    public func look(_ style: CellStyle) -> Look { looks[style]! }

    /// The palette for a terminal with `colors` colours (ncurses' `COLORS`; 0 or less: none, or unknown).
    /// 16 and 88 colours take the 8-colour palette: their first 8 are the same standard colours, while
    /// their upper numbers differ from terminal to terminal.
    public static func forTerminal(colors: Int) -> TerminalPalette {
        switch colors {
        case 256...: .extended
        case 8...: .basic
        default: .monochrome
        }
    }

    /// 256 colours: white on black, a navy title bar, yellow and green accents. Bold does not change
    /// these colours (terminals brighten only the first 8).
    public static let extended = TerminalPalette(name: "256 colours", colorCount: 256, looks: [
        .normal: Look(foreground: 231, background: 16),                      // #ffffff on #000000
        .title: Look(foreground: 231, background: 18, bold: true),           // #ffffff on #000087
        .emphasis: Look(foreground: 226, background: 16, bold: true),        // #ffff00 on #000000
        .button: Look(foreground: 16, background: 254),                      // #000000 on #e4e4e4
        .selectedButton: Look(foreground: 16, background: 46, bold: true),   // #000000 on #00ff00
        .focusedButton: Look(foreground: 16, background: 226, bold: true),   // #000000 on #ffff00
        .warning: Look(foreground: 16, background: 226, bold: true),         // #000000 on #ffff00
        .code: Look(foreground: 46, background: 16, bold: true),             // #00ff00 on #000000
        .muted: Look(foreground: 252, background: 16),                       // #d0d0d0 on #000000
        .qr: Look(foreground: 16, background: 231),                          // #000000 on #ffffff
    ])

    /// 8 colours (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white). Black text is
    /// never bold here: xterm (`boldColors`, its default) and the Linux console draw bold 0–7 as their
    /// bright 8–15, and bold black became grey on cyan, yellow and green (2:1 in a real xterm under
    /// `TERM=xterm`). Bold is kept where brightening helps: yellow and green on black.
    public static let basic = TerminalPalette(name: "8 colours", colorCount: 8, looks: [
        .normal: Look(foreground: 7, background: 0),
        .title: Look(foreground: 0, background: 6),
        .emphasis: Look(foreground: 3, background: 0, bold: true),
        .button: Look(foreground: 0, background: 7),
        .selectedButton: Look(foreground: 0, background: 2),
        .focusedButton: Look(foreground: 0, background: 3),
        .warning: Look(foreground: 0, background: 3),
        .code: Look(foreground: 2, background: 0, bold: true),
        .muted: Look(foreground: 6, background: 0),
        .qr: Look(foreground: 0, background: 7),
    ])

    /// No colours (a terminfo entry without them, or `colors` unknown): the terminal's own foreground and
    /// background, the bars and buttons in reverse video, accents bold. Whatever the terminal's two
    /// colours are, each style is one of them on the other.
    public static let monochrome = TerminalPalette(name: "no colours (reverse video)", colorCount: 0, looks: [
        .normal: Look(foreground: -1, background: -1),
        .title: Look(foreground: -1, background: -1, reverse: true),
        .emphasis: Look(foreground: -1, background: -1, bold: true),
        .button: Look(foreground: -1, background: -1, reverse: true),
        .selectedButton: Look(foreground: -1, background: -1, bold: true, reverse: true),
        .focusedButton: Look(foreground: -1, background: -1, bold: true, reverse: true),
        .warning: Look(foreground: -1, background: -1, bold: true, reverse: true),
        .code: Look(foreground: -1, background: -1, bold: true),
        .muted: Look(foreground: -1, background: -1),
        .qr: Look(foreground: -1, background: -1, reverse: true),
    ])

    // MARK: Contrast

    /// The contrast ratio of a style's text on its background (1…21) as xterm shows it (bold 0–7 drawn
    /// as 8–15); `nil` without colours, where it is the terminal's own two colours.
    public func contrast(_ style: CellStyle) -> Double? {
        guard colorCount > 0 else { return nil }
        let look = look(style)
        return Self.contrast(rgb(shownForeground(look)), rgb(look.background))
    }

    /// The colour a terminal shows for a look's text: xterm's `boldColors` (on by default) and the
    /// Linux console brighten bold text in colours 0–7 to 8–15.
    public func shownForeground(_ look: Look) -> Int16 {
        look.bold && (0..<8).contains(look.foreground) ? look.foreground + 8 : look.foreground
    }

    /// The colour a number stands for: xterm's standard 16 colours, its 6×6×6 cube and grey ramp.
    public func rgb(_ index: Int16) -> (Int, Int, Int) {
        let index = Int(index)
        switch index {
        case 0..<16: return Self.standard[index]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let n = index - 16
            return (levels[n / 36], levels[n / 6 % 6], levels[n % 6])
        default:
            let grey = 8 + 10 * (index - 232)
            return (grey, grey, grey)
        }
    }

    private static let standard: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The WCAG contrast ratio of two sRGB colours (1…21).
    public static func contrast(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// WCAG relative luminance of an sRGB colour.
    public static func luminance(_ rgb: (Int, Int, Int)) -> Double {
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(rgb.0) + 0.7152 * linear(rgb.1) + 0.0722 * linear(rgb.2)
    }
}
