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

    @Test func garbledReportsAreNotTaps() {
        #expect(KeyMap.mouseReport("[<0;66M") == nil)
        #expect(KeyMap.mouseReport("[<a;b;cM") == nil)
        #expect(KeyMap.mouseReport("1") == nil)
    }

    @Test(arguments: [TerminalPalette.basic, TerminalPalette.extended])
    func everyStyleHasItsOwnColoursAtAAAContrast(palette: TerminalPalette) {
        for style in CellStyle.named {
            let pair = palette.pair(style)
            // -1 is the terminal's default colour: never used.
            #expect(pair.foreground >= 0 && pair.background >= 0, "\(style)")
            #expect(Int(pair.foreground) < palette.colorCount && Int(pair.background) < palette.colorCount, "\(style)")
            #expect(palette.contrast(style) >= 7, "\(style): \(palette.contrast(style))")
        }
    }

    @Test func contrastIsComputedAsWCAGDefinesIt() {
        // Black on white is 21:1; xterm's grey (7) on black about 16.7:1.
        #expect(abs(TerminalPalette.luminance((255, 255, 255)) - 1) < 1e-9)
        var palette = TerminalPalette.basic
        #expect(palette.rgb(7) == (229, 229, 229))
        palette = .extended
        #expect(palette.rgb(16) == (0, 0, 0) && palette.rgb(231) == (255, 255, 255) && palette.rgb(18) == (0, 0, 135))
        #expect(palette.rgb(254) == (228, 228, 228))
        #expect(abs(palette.contrast(.normal) - 21) < 0.01)
    }
}
