import ESCPOS
import Foundation
import Testing
@testable import Printing

/// Thai vowel and tone marks sit above or below their consonant, two high in names like น้ำ, ปั้น, ที่:
/// drawn one character after another (no shaping), or with a font without Thai, they land beside it.
@Suite("Thai marks stack over their consonant on the slip")
struct StackedMarksTests {
    static let name = "นางสาว น้ำฝน ปั้นนั้น ที่นี่ ผู้ใหญ่"
    static let renderer = TextRenderer(family: PrinterSettings().font, sizes: PrinterSettings().textSizes)
    static let reference = Bundle.module.url(forResource: "stacked-marks", withExtension: "pbm", subdirectory: "Resources")!

    @Test func theNameMatchesItsReferenceRendering() throws {
        let drawn = Self.renderer.render(Self.name, style: SlipTextStyle(), width: 576)
        if ProcessInfo.processInfo.environment["AUTHEN_KIOSK_WRITE_REFERENCE"] != nil {
            try Data(drawn.pbm).write(to: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/stacked-marks.pbm"))
        }
        let reference = try #require(Self.readPBM(Data(contentsOf: Self.reference)))
        #expect(drawn.width == reference.width && drawn.height == reference.height)
        let differing = zip(drawn.bytes, reference.bytes).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
        let inked = reference.bytes.reduce(0) { $0 + $1.nonzeroBitCount }
        #expect(inked > 1000)
        #expect(Double(differing) / Double(inked) < 0.02, "\(differing) of \(inked) dots differ")
    }

    @Test(arguments: ["น้ำ", "ปั้น", "ที่", "ผู้", "กี่"])
    func marksTakeNoWidthOfTheirOwn(word: String) {
        // A mark beside its base would widen the word by its own advance.
        let bases = String(word.unicodeScalars.filter { !ThaiCodePage.isMark($0) }.map(Character.init))
        let withMarks = inkColumns(Self.renderer.render(word, style: SlipTextStyle(size: .huge), width: 576))
        let without = inkColumns(Self.renderer.render(bases, style: SlipTextStyle(size: .huge), width: 576))
        #expect(abs(withMarks - without) <= 4, "\(word): \(withMarks) dots wide, \(without) without its marks")
    }

    @Test func twoMarksStackHigherThanOne() {
        let one = inkRows(Self.renderer.render("ปน", style: SlipTextStyle(size: .huge), width: 576))
        let two = inkRows(Self.renderer.render("ปั้น", style: SlipTextStyle(size: .huge), width: 576))
        #expect(two.lowerBound < one.lowerBound - 10)
    }

    func inkColumns(_ bitmap: Bitmap) -> Int {
        let columns = (0..<bitmap.width).filter { x in (0..<bitmap.height).contains { bitmap[x, $0] } }
        return (columns.last ?? 0) - (columns.first ?? 0)
    }

    func inkRows(_ bitmap: Bitmap) -> Range<Int> {
        let rows = (0..<bitmap.height).filter { y in (0..<bitmap.width).contains { bitmap[$0, y] } }
        return (rows.first ?? 0)..<(rows.last ?? 0)
    }

    static func readPBM(_ data: Data) -> Bitmap? {
        let bytes = [UInt8](data)
        var fields: [String] = [], index = 0, current = ""
        while fields.count < 3, index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x20 || byte == 0x0A { if !current.isEmpty { fields.append(current); current = "" } } else { current.append(Character(Unicode.Scalar(byte))) }
        }
        guard fields.count == 3, fields[0] == "P4", let width = Int(fields[1]), let height = Int(fields[2]) else { return nil }
        return Bitmap(width: width, height: height, bytes: Array(bytes[index...]))
    }
}
