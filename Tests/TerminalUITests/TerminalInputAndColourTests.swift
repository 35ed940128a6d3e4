import Testing
@testable import TerminalUI

@Suite struct TerminalInputAndColourTests {
    @Test func sgrReportsBecomeTapsAtZeroBasedCells() {
        #expect(KeyMap.mouseReport("[<0;66;27M") == .tap(row: 26, column: 65))
        // The release, the right button, and a drag are not taps.
        #expect(KeyMap.mouseReport("[<0;66;27m") == .ignored)
        #expect(KeyMap.mouseReport("[<2;66;27M") == .ignored)
        #expect(KeyMap.mouseReport("[<32;66;27M") == .ignored)
    }

    @Test func x10ReportsFromTerminalsWithoutSGRAreTapsToo() {
        // ESC [ M, then button, column, row, each + 32.
        let body = "[M" + String(UnicodeScalar(32)) + String(UnicodeScalar(32 + 66)!) + String(UnicodeScalar(32 + 27)!)
        #expect(KeyMap.mouseReport(body) == .tap(row: 26, column: 65))
        #expect(KeyMap.mouseReport("[M#") == nil)
    }

    /// Staff pressing Esc then a digit within the escape delay: Back, then the digit, not both lost.
    @Test func keysRightAfterEscAreBackAndThenThoseKeys() {
        #expect(KeyMap.afterEscape("6") == [.journey(.back), .journey(.digit(6))])
        #expect(KeyMap.afterEscape("12") == [.journey(.back), .journey(.digit(1)), .journey(.digit(2))])
        #expect(KeyMap.afterEscape("[99~") == [.ignored], "an unknown sequence is no key")
        #expect(KeyMap.afterEscape("OZ") == [.ignored])
    }

    @Test func garbledReportsAreNotTaps() {
        #expect(KeyMap.mouseReport("[<0;66M") == nil)
        #expect(KeyMap.mouseReport("[<a;b;cM") == nil)
        #expect(KeyMap.mouseReport("1") == nil)
    }

    @Test(arguments: [TerminalPalette.basic, TerminalPalette.extended])
    func everyStyleHasItsOwnColoursAtAAAContrast(palette: TerminalPalette) throws {
        for style in CellStyle.named {
            let look = palette.look(style)
            // -1 is the terminal's default colour: never used.
            #expect(look.foreground >= 0 && look.background >= 0, "\(style)")
            #expect(Int(look.foreground) < palette.colorCount && Int(look.background) < palette.colorCount, "\(style)")
            let contrast = try #require(palette.contrast(style))
            #expect(contrast >= 7, "\(style): \(contrast)")
        }
    }

    /// xterm draws bold text in colours 0–7 in their bright versions: bold black on cyan was grey on
    /// cyan under `TERM=xterm` (2:1).
    @Test func boldTextIsMeasuredInTheBrightColourXtermDrawsIt() throws {
        let boldBlackOnCyan = TerminalPalette.Look(foreground: 0, background: 6, bold: true)
        #expect(TerminalPalette.basic.shownForeground(boldBlackOnCyan) == 8)
        #expect(TerminalPalette.extended.shownForeground(TerminalPalette.Look(foreground: 16, background: 46, bold: true)) == 16)
        #expect(TerminalPalette.forTerminal(colors: 16).name == TerminalPalette.basic.name)
        #expect(TerminalPalette.forTerminal(colors: 88).name == TerminalPalette.basic.name)
        #expect(TerminalPalette.forTerminal(colors: -1).contrast(.title) == nil)
    }

    @Test func withoutColoursBarsAndButtonsAreInReverseVideo() {
        let palette = TerminalPalette.monochrome
        for style: CellStyle in [.title, .button, .selectedButton, .focusedButton, .warning, .qr] { #expect(palette.look(style).reverse, "\(style)") }
        #expect(!palette.look(.normal).reverse)
    }

    @Test func contrastIsComputedAsWCAGDefinesIt() {
        // Black on white is 21:1; xterm's grey (7) on black about 16.7:1.
        #expect(abs(TerminalPalette.luminance((255, 255, 255)) - 1) < 1e-9)
        var palette = TerminalPalette.basic
        #expect(palette.rgb(7) == (229, 229, 229))
        palette = .extended
        #expect(palette.rgb(16) == (0, 0, 0) && palette.rgb(231) == (255, 255, 255) && palette.rgb(18) == (0, 0, 135))
        #expect(palette.rgb(254) == (228, 228, 228))
        #expect(abs((palette.contrast(.normal) ?? 0) - 21) < 0.01)
    }
}
