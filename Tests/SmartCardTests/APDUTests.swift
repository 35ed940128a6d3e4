import Testing
@testable import SmartCard

@Suite struct APDUTests {
    @Test func commandWithDataAndNoLeEncodesLcAndData() {
        let select = CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0x04, p2: 0x00, data: [0xA0, 0x00])
        #expect(select.bytes == [0x00, 0xA4, 0x04, 0x00, 0x02, 0xA0, 0x00])
    }

    @Test func getResponseCarriesLengthAndP2() {
        #expect(CommandAPDU.getResponse(length: 0xDE, p2: 0x01).bytes == [0x00, 0xC0, 0x00, 0x01, 0xDE])
    }

    @Test func responseSplitsStatusWord() throws {
        let response = try #require(ResponseAPDU(bytes: [0x41, 0x42, 0x90, 0x00]))
        #expect(response.data == [0x41, 0x42])
        #expect(response.statusWord == 0x9000)
        #expect(response.isSuccess)
        #expect(ResponseAPDU(bytes: [0x90]) == nil)
    }

    @Test func hexRoundTrips() {
        #expect([UInt8](hexString: "3B 67 00") == [0x3B, 0x67, 0x00])
        #expect([UInt8](hexString: "3b6700") == [0x3B, 0x67, 0x00])
        #expect([UInt8](hexString: "3B 6") == nil)
        #expect([UInt8](hexString: "zz") == nil)
        #expect([0x3B, 0x0A].hexString == "3B 0A")
    }

    @Test func oldChipATRSelectsGetResponseP2One() {
        #expect(ATR([0x3B, 0x67, 0x00]).getResponseP2 == 0x01)
        #expect(ATR([0x3B, 0x78, 0x13]).getResponseP2 == 0x00)
    }
}
