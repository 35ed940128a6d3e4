import Foundation

/// The kiosk's own colours: every cell names its foreground *and* background, so the screen looks the
/// same whatever the terminal's defaults are (xterm's are black on white, foot's light on dark). A
/// terminal's default colours (-1) are never used: on xterm's white they made the hint line and the
/// key help nearly invisible.
///
/// Every pair has a contrast of at least 7:1 (WCAG AAA) in the palette it is drawn with: the 256-colour
/// palette's fixed entries (16–255 are the same in every xterm-compatible terminal), and on 8-colour
/// terminals (the Linux console) the standard VGA/xterm colours.
public struct TerminalPalette: Sendable {
    /// A pair of colour numbers, as `init_pair` takes them.
    public struct Pair: Sendable, Hashable {
        public var foreground: Int16
        public var background: Int16
    }

    /// How many colours the palette's numbers refer to (8 or 256).
    public let colorCount: Int
    private let pairs: [CellStyle: Pair]

    public func pair(_ style: CellStyle) -> Pair { pairs[style]! }

    /// The palette for a terminal with `colors` colours (ncurses' `COLORS`).
    public static func forTerminal(colors: Int) -> TerminalPalette { colors >= 256 ? .extended : .basic }

    /// 256 colours: white on black, a navy title bar, yellow and green accents.
    public static let extended = TerminalPalette(colorCount: 256, pairs: [
        .normal: Pair(foreground: 231, background: 16),          // #ffffff on #000000
        .title: Pair(foreground: 231, background: 18),           // #ffffff on #000087
        .emphasis: Pair(foreground: 226, background: 16),        // #ffff00 on #000000
        .button: Pair(foreground: 16, background: 254),          // #000000 on #e4e4e4
        .selectedButton: Pair(foreground: 16, background: 46),   // #000000 on #00ff00
        .focusedButton: Pair(foreground: 16, background: 226),   // #000000 on #ffff00
        .warning: Pair(foreground: 16, background: 226),         // #000000 on #ffff00
        .code: Pair(foreground: 46, background: 16),             // #00ff00 on #000000
        .muted: Pair(foreground: 252, background: 16),           // #d0d0d0 on #000000
        .qr: Pair(foreground: 16, background: 231),              // #000000 on #ffffff
    ])

    /// 8 colours (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white).
    public static let basic = TerminalPalette(colorCount: 8, pairs: [
        .normal: Pair(foreground: 7, background: 0),
        .title: Pair(foreground: 0, background: 6),
        .emphasis: Pair(foreground: 3, background: 0),
        .button: Pair(foreground: 0, background: 7),
        .selectedButton: Pair(foreground: 0, background: 2),
        .focusedButton: Pair(foreground: 0, background: 3),
        .warning: Pair(foreground: 0, background: 3),
        .code: Pair(foreground: 2, background: 0),
        .muted: Pair(foreground: 6, background: 0),
        .qr: Pair(foreground: 0, background: 7),
    ])

    // MARK: Contrast

    /// The contrast ratio of a style's text on its background (1…21), in this palette's colours.
    public func contrast(_ style: CellStyle) -> Double {
        let pair = pair(style)
        let a = Self.luminance(rgb(pair.foreground)), b = Self.luminance(rgb(pair.background))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
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

    /// WCAG relative luminance of an sRGB colour.
    static func luminance(_ rgb: (Int, Int, Int)) -> Double {
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(rgb.0) + 0.7152 * linear(rgb.1) + 0.0722 * linear(rgb.2)
    }
}
