import Testing
@testable import SmartCard

/// A card that answers from a script and records what it was sent.
final class ScriptedChannel: CardChannel {
    let atr: ATR
    var answers: [[UInt8]]
    var sent: [[UInt8]] = []

    init(atr: [UInt8] = [0x3B, 0x78], answers: [[UInt8]]) {
        self.atr = ATR(atr)
        self.answers = answers
    }

    func transmit(_ command: [UInt8]) throws -> [UInt8] {
        sent.append(command)
        guard !answers.isEmpty else { throw SmartCardError(.cardRemoved) }
        return answers.removeFirst()
    }
}

@Suite struct TransportRuleTests {
    let read = CommandAPDU(cla: 0x80, ins: 0xB0, p1: 0x00, p2: 0x04, data: [0x00, 0x03])

    @Test func sixtyOneIsFollowedByGetResponseForTheAnnouncedLength() throws {
        let card = ScriptedChannel(answers: [[0x61, 0x03], [0x31, 0x32, 0x33, 0x90, 0x00]])
        let response = try card.exchange(read)
        #expect(response.data == Array("123".utf8))
        #expect(response.isSuccess)
        #expect(card.sent == [read.bytes, [0x00, 0xC0, 0x00, 0x00, 0x03]])
    }

    @Test func oldChipsGetResponseUsesP2One() throws {
        let card = ScriptedChannel(atr: [0x3B, 0x67, 0x00], answers: [[0x61, 0x01], [0x41, 0x90, 0x00]])
        _ = try card.exchange(read)
        #expect(card.sent.last == [0x00, 0xC0, 0x00, 0x01, 0x01])
    }

    @Test func sixCResendsWithTheLengthTheCardWants() throws {
        let command = CommandAPDU(cla: 0x00, ins: 0xB0, p1: 0, p2: 0, le: 0x10)
        let card = ScriptedChannel(answers: [[0x6C, 0x02], [0x41, 0x42, 0x90, 0x00]])
        let response = try card.exchange(command)
        #expect(response.data == [0x41, 0x42])
        #expect(card.sent.last == [0x00, 0xB0, 0x00, 0x00, 0x02])
    }

    @Test func dataAcrossSeveralSixtyOneRoundsIsJoined() throws {
        let card = ScriptedChannel(answers: [[0x61, 0x02], [0x41, 0x42, 0x61, 0x01], [0x43, 0x90, 0x00]])
        #expect(try card.exchange(read).data == [0x41, 0x42, 0x43])
    }

    @Test func aCardThatNeverStopsAnnouncingDataIsAnError() {
        let card = ScriptedChannel(answers: Array(repeating: [0x61, 0x01], count: 100))
        #expect(throws: SmartCardError.self) { try card.exchange(read) }
    }

    @Test func anAnswerShorterThanAStatusWordIsAnError() {
        let card = ScriptedChannel(answers: [[0x90]])
        #expect { try card.send(read) } throws: { ($0 as? SmartCardError)?.kind == .unresponsiveCard }
    }
}
