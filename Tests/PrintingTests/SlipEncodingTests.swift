import ESCPOS
import Foundation
import Testing
@testable import Printing

/// A claim slip's elements, as the kiosk's template makes them.
let claimElements: [SlipElement] = [
    .text("โรงพยาบาลทดสอบ", SlipTextStyle(size: .large, bold: true, alignment: .center)),
    .rule,
    .text("ชื่อ: นางสาว น้ำฝน ปั้นนั้น", SlipTextStyle()),
    .text("เลขประจำตัวประชาชน: 1-1017-xxxxx-45-0", SlipTextStyle()),
    .text("PP1172534798", SlipTextStyle(size: .huge, bold: true, alignment: .center)),
    .qr("PP1172534798"),
    .barcode("PP1172534798"),
    .text("กรุณายื่นใบนี้ที่จุดบริการ", SlipTextStyle(size: .small)),
]

@Suite("Slips as ESC/POS streams: raster and text mode, decoded back and scanned")
struct SlipEncodingTests {
    @Test(arguments: PrinterSettings.Paper.allCases)
    func rasterSlipWithNativeCodes(paper: PrinterSettings.Paper) throws {
        let bytes = SlipEncoder(settings: PrinterSettings(paper: paper, codes: .native)).bytes(claimElements)
        let commands = try ESCPOSDecoder.decode(bytes)
        #expect(Array(commands.prefix(2)) == [.initialize, .cancelKanjiMode])
        #expect(commands.last == .cut)
        #expect(commands.contains(.qrCode(data: Array("PP1172534798".utf8), moduleSize: paper == .mm80 ? 6 : 5, correction: .medium)))
        #expect(commands.contains(.code128(data: Array("PP1172534798".utf8), height: 80, moduleWidth: paper == .mm80 ? 3 : 2)))
        // No text in the printer's font: every Thai line is a picture, exactly the paper's width.
        #expect(!commands.contains { if case .line = $0 { true } else { false } })
        let bands = commands.compactMap { if case .raster(let bitmap) = $0 { bitmap } else { nil } }
        #expect(!bands.isEmpty && bands.allSatisfy { $0.width == paper.dots && $0.height <= 256 })
    }

    @Test(arguments: PrinterSettings.Paper.allCases)
    func rasterCodesAreReadByAnIndependentScanner(paper: PrinterSettings.Paper) throws {
        let bytes = SlipEncoder(settings: PrinterSettings(paper: paper, codes: .raster, cancelKanjiMode: false)).bytes(claimElements)
        let commands = try ESCPOSDecoder.decode(bytes)
        #expect(commands.first == .initialize && commands.last == .cut)
        #expect(!commands.contains { if case .qrCode = $0 { true } else if case .code128 = $0 { true } else { false } })
        let picture = Bitmap.stacked(commands.compactMap { if case .raster(let bitmap) = $0 { bitmap } else { nil } })
        let scanned = try zbarimg(picture)
        #expect(scanned.contains("QR-Code:PP1172534798"))
        #expect(scanned.contains("CODE-128:PP1172534798"))
    }

    @Test func textModeGoldenStream() throws {
        let settings = PrinterSettings(paper: .mm58, mode: .text, codes: .native, codePage: 21, cancelKanjiMode: true)
        let elements: [SlipElement] = [
            .text("รหัส", SlipTextStyle(size: .large, bold: true, alignment: .center)),
            .text("PP1", SlipTextStyle(size: .huge, bold: true, alignment: .center)),
            .rule,
            .qr("PP1"),
        ]
        let bytes = SlipEncoder(settings: settings).bytes(elements)
        let expected: [UInt8] = [0x1B, 0x40, 0x1C, 0x2E, 0x1B, 0x74, 21]
            + [0x1B, 0x61, 1, 0x1B, 0x45, 1, 0x1D, 0x21, 0x01, 0xC3, 0xCB, 0xD1, 0xCA, 0x0A, 0x1D, 0x21, 0x00, 0x1B, 0x45, 0, 0x1B, 0x61, 0]
            + [0x1B, 0x61, 1, 0x1B, 0x45, 1, 0x1D, 0x21, 0x11, 0x50, 0x50, 0x31, 0x0A, 0x1D, 0x21, 0x00, 0x1B, 0x45, 0, 0x1B, 0x61, 0]
            + Array(repeating: 0x2D, count: 32) + [0x0A]
            + [0x1B, 0x61, 1]
            + [0x1D, 0x28, 0x6B, 4, 0, 0x31, 65, 50, 0, 0x1D, 0x28, 0x6B, 3, 0, 0x31, 67, 5, 0x1D, 0x28, 0x6B, 3, 0, 0x31, 69, 49]
            + [0x1D, 0x28, 0x6B, 6, 0, 0x31, 80, 0x30, 0x50, 0x50, 0x31, 0x1D, 0x28, 0x6B, 3, 0, 0x31, 81, 0x30]
            + [0x1B, 0x64, 1, 0x1B, 0x61, 0, 0x1D, 0x56, 66, 0]
        #expect(bytes == expected)
    }

    @Test func textModeKeepsThaiMarksWithTheirConsonant() throws {
        let settings = PrinterSettings(paper: .mm58, mode: .text, codePage: 26)
        let name = "ชื่อ: นางสาว น้ำฝน ปั้นนั้น ที่นี่ กี่ครั้ง ผู้ใหญ่ ญาติผู้ใหญ่ทั้งหลาย"
        let commands = try ESCPOSDecoder.decode(SlipEncoder(settings: settings).bytes([.text(name, SlipTextStyle())]))
        #expect(commands.contains(.codePage(26)))
        let lines = commands.compactMap { if case .line(let bytes) = $0 { bytes } else { nil } }
        // Back from the code page, the lines are the name (broken at spaces), and fit 32 cells each.
        let decoded = lines.map { String(String.UnicodeScalarView($0.map { $0 >= 0xA1 ? Unicode.Scalar(UInt32($0) - 0xA1 + 0x0E01)! : Unicode.Scalar($0) })) }
        #expect(decoded.joined(separator: " ") == name)
        #expect(lines.count == 2)
        #expect(decoded.allSatisfy { ThaiCodePage.cells($0) <= 32 })
    }

    @Test func rasterModeGoldenStream() {
        // A rule on 58 mm paper: 14 rows of 48 bytes, dots in rows 6 and 7 across the whole width.
        let bytes = SlipEncoder(settings: PrinterSettings(paper: .mm58, cancelKanjiMode: false)).bytes([.rule])
        let rows = (0..<14).flatMap { row in Array(repeating: UInt8(row == 6 || row == 7 ? 0xFF : 0), count: 48) }
        #expect(bytes == [0x1B, 0x40, 0x1D, 0x76, 0x30, 0, 48, 0, 14, 0] + rows + [0x1D, 0x56, 66, 0])
    }

    @Test func aBrokenRasterHeaderIsRefusedNotACrash() {
        #expect(throws: ESCPOSDecoder.Failure.self) { try ESCPOSDecoder.decode([0x1D, 0x76, 0x30, 0, 0, 0, 5, 0]) }
    }

    @Test func theCode128TableIsWellFormed() {
        #expect(Code128.patterns.count == 107)
        for (value, pattern) in Code128.patterns.enumerated() {
            let modules = pattern.reduce(0) { $0 + Int(String($1))! }
            #expect(modules == (value == Code128.stop ? 13 : 11), "symbol \(value)")
        }
        #expect(Code128.modules("ก") == nil)
    }

    @Test func streamsWithStrayBytesAreRefused() {
        #expect(throws: ESCPOSDecoder.Failure.unknownCommand(offset: 2, bytes: [0x07])) { try ESCPOSDecoder.decode([0x1B, 0x40, 0x07]) }
        #expect(throws: ESCPOSDecoder.Failure.truncated(offset: 4)) { try ESCPOSDecoder.decode([0x1B, 0x40, 0x41, 0x42]) }
    }
}

/// What zbar's `zbarimg` reads in a bitmap (saved as PBM), one `TYPE:text` a line.
func zbarimg(_ bitmap: Bitmap) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("slip-\(UUID()).pbm")
    try Data(bitmap.pbm).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
    process.arguments = ["--quiet", file.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text
}
