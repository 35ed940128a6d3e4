import SmartCard
import Testing
@testable import ThaiIDCard
import VirtualThaiIDCard

/// A bad card never crashes the reader and never yields a half-filled person.
@Suite struct CardFaultTests {
    @Test(arguments: 0..<7)
    func aCardPulledAtAnyExchangeIsReportedAsRemoved(after: Int) throws {
        let channel = try Fixtures.channel("somchai", faults: CardFaults(pullAfter: after))
        #expect { try ThaiIDCardReader(channel: channel).readPerson() } throws: {
            ($0 as? ThaiIDCardError)?.isCardRemoved == true
        }
    }

    @Test func aCardPulledDuringThePhotoIsReportedAsRemoved() throws {
        let channel = try Fixtures.channel("somchai", faults: CardFaults(pullAfter: 12))
        #expect { try ThaiIDCardReader(channel: channel).readPerson(includePhoto: true) } throws: {
            ($0 as? ThaiIDCardError)?.isCardRemoved == true
        }
    }

    @Test func aMuteCardIsUnresponsive() throws {
        let channel = try Fixtures.channel("somchai", faults: CardFaults(muteAfter: 0))
        #expect(throws: ThaiIDCardError.transport(SmartCardError(
            .unresponsiveCard, code: PCSCReturnCode.unresponsiveCard, detail: "SCardTransmit"
        ))) { try ThaiIDCardReader(channel: channel).readPerson() }
    }

    @Test func aChipWithoutTheThaiApplicationIsNotAThaiIDCard() throws {
        let channel = try Fixtures.channel("somchai", faults: CardFaults(refuseSelect: true))
        #expect(throws: ThaiIDCardError.notAThaiIDCard(statusWord: 0x6A82)) {
            try ThaiIDCardReader(channel: channel).readPerson()
        }
    }

    @Test func aRefusedReadReportsItsStatusWord() throws {
        let channel = try Fixtures.channel("somchai", faults: CardFaults(readStatusWord: 0x6982))
        #expect(throws: ThaiIDCardError.unexpectedStatus(command: "READ 0x4", statusWord: 0x6982)) {
            try ThaiIDCardReader(channel: channel).readPerson()
        }
    }

    @Test func aShortAnswerIsAWrongLength() throws {
        let channel = try Fixtures.channel("somchai", faults: CardFaults(shortAnswers: true))
        // The combined read comes back short, and so does the citizen id read on its own.
        #expect(throws: ThaiIDCardError.wrongLength(offset: 4, expected: 13, received: 3)) {
            try ThaiIDCardReader(channel: channel).readPerson()
        }
    }

    @Test func garbageBytesAreAGarbledField() throws {
        let channel = try Fixtures.channel("somchai", faults: CardFaults(garbledData: true))
        #expect { try ThaiIDCardReader(channel: channel).readPerson() } throws: {
            if case .garbledField(.citizenID, _) = $0 as? ThaiIDCardError { return true }
            return false
        }
    }

    @Test func aWrongCheckDigitOnTheChipIsAGarbledID() throws {
        #expect { try Fixtures.read("invalid-cid") } throws: {
            if case .garbledField(.citizenID, let reason) = $0 as? ThaiIDCardError {
                return reason.contains("wrongCheckDigit")
            }
            return false
        }
    }

    @Test func aCardWithoutAPhotoSaysSo() throws {
        #expect { try Fixtures.read("unknown-birth-day", photo: true) } throws: {
            if case .garbledField(.photo, let reason) = $0 as? ThaiIDCardError { return reason == "the card holds no photo" }
            return false
        }
    }

    @Test func errorsSayWhatToDo() {
        #expect(ThaiIDCardError.notAThaiIDCard(statusWord: 0x6A82).description.contains("6A 82"))
        #expect(ThaiIDCardError.notAThaiIDCard(statusWord: 0x6A82).description.contains("insert the Thai national ID card"))
        #expect(ThaiIDCardError.transport(SmartCardError(.cardRemoved)).description.contains("insert it again"))
    }
}
