import Testing
@testable import SmartCard

@Suite struct SmartCardErrorTests {
    @Test(arguments: [
        (PCSCReturnCode.noService, SmartCardError.Kind.serviceNotRunning),
        (PCSCReturnCode.noReadersAvailable, .noReader),
        (PCSCReturnCode.unknownReader, .noReader),
        (PCSCReturnCode.removedCard, .cardRemoved),
        (PCSCReturnCode.sharingViolation, .sharingViolation),
        (PCSCReturnCode.timeout, .timeout),
        (PCSCReturnCode.unresponsiveCard, .unresponsiveCard),
        (PCSCReturnCode.unsupportedCard, .unknownCard),
        (PCSCReturnCode.cancelled, .cancelled),
        (UInt32(0x8010_0001), .other),
    ])
    func pcscCodesMapToKinds(code: UInt32, kind: SmartCardError.Kind) {
        #expect(SmartCardError(pcscCode: code, function: "SCardX").kind == kind)
    }

    @Test func descriptionKeepsTheCodeAndSaysWhatToDo() {
        let error = SmartCardError(pcscCode: PCSCReturnCode.removedCard, function: "SCardTransmit")
        #expect(error.description.contains("SCARD_W_REMOVED_CARD"))
        #expect(error.description.contains("0x80100069"))
        #expect(error.description.contains("insert it again"))
    }

    @Test func noServiceTellsHowToStartIt() {
        #expect(SmartCardError(.serviceNotRunning).description.contains("systemctl start pcscd"))
    }

    @Test func readerListIsSplitAtNULs() {
        let buffer: [CChar] = Array("A\0B C\0\0".utf8CString.dropLast()).map { $0 }
        #expect(PCSCContext.splitMultiString(buffer) == ["A", "B C"])
    }
}
