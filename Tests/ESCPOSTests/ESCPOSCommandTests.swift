import Testing
@testable import ESCPOS

@Suite struct ESCPOSCommandTests {
    @Test func resetAndTheChinesePrintersKanjiModeOff() {
        #expect(ESCPOSCommand.initialize.bytes == [0x1B, 0x40])
        #expect(ESCPOSCommand.cancelKanjiMode.bytes == [0x1C, 0x2E])
        #expect(ESCPOSCommand.codePage(26).bytes == [0x1B, 0x74, 26])
    }

    @Test func styleCommands() {
        #expect(ESCPOSCommand.align(.center).bytes == [0x1B, 0x61, 1])
        #expect(ESCPOSCommand.bold(true).bytes == [0x1B, 0x45, 1])
        #expect(ESCPOSCommand.size(width: 2, height: 3).bytes == [0x1D, 0x21, 0x12])
        #expect(ESCPOSCommand.size(width: 20, height: 0).bytes == [0x1D, 0x21, 0x70], "clamped to 1-8")
        #expect(ESCPOSCommand.feed(lines: 3).bytes == [0x1B, 0x64, 3])
        #expect(ESCPOSCommand.cut.bytes == [0x1D, 0x56, 66, 0])
    }

    @Test func aTextLineCannotCarryControlBytes() {
        // ESC and GS inside text would start commands on the printer: they never pass.
        let text: [UInt8] = Array("PP11".utf8) + [0x1B, 0x40, 0x1D, 0x56, 0x0A, 0x7F] + Array("72".utf8)
        #expect(ESCPOSCommand.line(text).bytes == Array("PP11@V72".utf8) + [0x0A])
    }

    @Test func aNativeQRIsModelTwoSizedCorrectedStoredAndPrinted() {
        let bytes = ESCPOSCommand.qrCode(data: Array("PP1172534798".utf8), moduleSize: 6, correction: .medium).bytes
        let expected: [UInt8] = [
            0x1D, 0x28, 0x6B, 4, 0, 0x31, 65, 50, 0,
            0x1D, 0x28, 0x6B, 3, 0, 0x31, 67, 6,
            0x1D, 0x28, 0x6B, 3, 0, 0x31, 69, 49,
            0x1D, 0x28, 0x6B, 15, 0, 0x31, 80, 0x30,
        ] + Array("PP1172534798".utf8) + [0x1D, 0x28, 0x6B, 3, 0, 0x31, 81, 0x30]
        #expect(bytes == expected)
    }

    @Test func aCode128OfTheClaimCodeInCodeSetB() {
        let bytes = ESCPOSCommand.code128(data: Array("PP1172534798".utf8), height: 80, moduleWidth: 2).bytes
        #expect(bytes == [0x1D, 0x68, 80, 0x1D, 0x77, 2, 0x1D, 0x48, 2, 0x1D, 0x6B, 73, 14, 0x7B, 0x42] + Array("PP1172534798".utf8))
    }

    @Test func aRasterBandIsItsRowsOfBytesMostSignificantBitLeft() {
        var bitmap = Bitmap(width: 10, height: 2)
        bitmap[0, 0] = true
        bitmap[9, 0] = true
        bitmap[1, 1] = true
        #expect(bitmap.bytesPerRow == 2)
        #expect(ESCPOSCommand.raster(bitmap).bytes == [0x1D, 0x76, 0x30, 0, 2, 0, 2, 0, 0x80, 0x40, 0x40, 0x00])
        #expect(bitmap[9, 0] && !bitmap[8, 0] && !bitmap[20, 0])
    }

    @Test func statusAnswersAreReadAndGarbageRefused() {
        // Online, cover closed, paper present: the fixed bits only.
        let ready = PrinterStatus(printer: 0x12, offlineCause: 0x12, paper: 0x12)
        #expect(ready?.canPrint == true)
        let out = PrinterStatus(printer: 0x1A, offlineCause: 0x32, paper: 0x72)
        #expect(out?.paperOut == true && out?.offline == true && out?.canPrint == false)
        let cover = PrinterStatus(printer: 0x1A, offlineCause: 0x16, paper: 0x12)
        #expect(cover?.coverOpen == true)
        let nearEnd = PrinterStatus(printer: 0x12, offlineCause: 0x12, paper: 0x1E)
        #expect(nearEnd?.paperNearEnd == true && nearEnd?.canPrint == true)
        #expect(PrinterStatus(printer: 0xFF, offlineCause: 0x12, paper: 0x12) == nil)
        #expect(PrinterStatus.requests == [[0x10, 0x04, 1], [0x10, 0x04, 2], [0x10, 0x04, 4]])
    }
}
