import Testing
@testable import TerminalUI

@Suite struct WidthAndGridTests {
    @Test func thaiMarksTakeNoColumnButSaraAmDoes() {
        #expect(TerminalWidth.of("สมชาย") == 5)
        #expect(TerminalWidth.of("ที่") == 1)           // ท + ี + ่
        #expect(TerminalWidth.of("กำ") == 2)            // SARA AM takes its own column
        #expect(TerminalWidth.of("น้ำ") == 2)
        #expect(TerminalWidth.of("漢字") == 4)
    }

    @Test func marksSitOnTheirBaseCell() {
        var grid = CellGrid(width: 10, height: 1)
        #expect(grid.put("ที่นี่", row: 0, column: 0) == 2)
        #expect(grid[0, 0].text == "ที่")
        #expect(grid[0, 1].text == "นี่")
        #expect(grid.line(0).hasPrefix("ที่นี่ "))
    }

    @Test func saraAmGetsItsOwnCell() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("น้ำ", row: 0, column: 0)
        #expect(grid[0, 0].text == "น้")
        #expect(grid[0, 1].text == "ำ")
    }

    @Test func wideCharactersTakeTwoCellsAndAreNotSplit() {
        var grid = CellGrid(width: 3, height: 1)
        #expect(grid.put("漢字", row: 0, column: 0) == 2)
        #expect(grid[0, 0].text == "漢")
        #expect(grid[0, 1].text == "")
        #expect(grid.line(0) == "漢 ")
    }

    @Test func escapeSequencesNeverReachTheScreen() {
        var grid = CellGrid(width: 30, height: 1)
        grid.put("A\u{1B}]0;pwned\u{07}B\u{1B}[2J\u{9B}C", row: 0, column: 0)
        #expect(!grid.line(0).contains("\u{1B}"))
        #expect(!grid.line(0).contains("\u{07}"))
        #expect(!grid.line(0).contains("\u{9B}"))
        #expect(Sanitizer.clean("a\u{202E}b\u{200B}c") == "abc")
    }

    @Test func textIsCutAtTheEdge() {
        var grid = CellGrid(width: 5, height: 1)
        #expect(grid.put("abcdefgh", row: 0, column: 2) == 3)
        #expect(grid.line(0) == "  abc")
    }

    @Test func buttonsAreAtLeastThreeRowsAndTappable() {
        var grid = CellGrid(width: 20, height: 6)
        grid.button("OK", action: .enter, row: 1, column: 2, width: 8, height: 1)
        #expect(grid.buttons.first?.height == 3)
        #expect(grid.action(atRow: 3, column: 9) == .enter)
        #expect(grid.action(atRow: 4, column: 9) == nil)
        #expect(grid.action(atRow: 2, column: 10) == nil)
    }
}

@Suite struct WrappingTests {
    @Test func thaiIsBrokenBetweenWords() {
        let text = "กรุณาเช็ดชิปให้สะอาดแล้วเสียบบัตรใหม่อีกครั้ง"
        let lines = TextWrapper.wrap(text, width: 12)
        #expect(lines.count > 1)
        #expect(lines.joined() == text)
        #expect(lines.allSatisfy { TerminalWidth.of($0) <= 12 })
        // libthai knows these words: none is split.
        for word in ["กรุณา", "สะอาด", "บัตร", "อีกครั้ง"] {
            #expect(lines.contains { $0.contains(word) }, "\(word) was split: \(lines)")
        }
    }

    @Test func englishIsBrokenAtSpaces() {
        let lines = TextWrapper.wrap("Please take your ID card out of the reader", width: 16)
        #expect(lines == ["Please take your", "ID card out of", "the reader"])
    }

    @Test func aWordWiderThanTheLineIsCut() {
        let lines = TextWrapper.wrap("PP1172534798PP", width: 6)
        #expect(lines == ["PP1172", "534798", "PP"])
    }

    @Test func marksNeverStartALine() {
        for width in 3...10 {
            for line in TextWrapper.wrap("ผู้ป่วยกลุ่มอาการสีเหลืองและสีแดง", width: width) {
                if let first = line.unicodeScalars.first { #expect(TerminalWidth.of(first) > 0, "\(line)") }
            }
        }
    }
}

@Suite struct BigTextTests {
    @Test func claimCodesHaveEveryGlyph() {
        let rows = BigText.rows("PP0123456789")
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0.count == BigText.width(of: "PP0123456789") })
        #expect(!rows.joined().contains("?"))
    }
}
