import SmartCard
import Testing
@testable import ThaiIDCard
import VirtualThaiIDCard

/// Real cards carry odd data and old chips refuse long reads: a patient with a readable id and Thai name
/// is still served, and the read still takes seven exchanges on a normal card.
@Suite struct OddCardTests {
    static let oddCards = Fixtures.cards.deletingLastPathComponent().appendingPathComponent("odd-cards")

    @Test func onlyTheIdAndTheThaiNameAreNeeded() throws {
        let card = try VirtualThaiIDCard(personFile: Self.oddCards.appendingPathComponent("odd-fields.json"))
        let person = try ThaiIDCardReader(channel: VirtualCardChannel(card: card)).readPerson()
        #expect(person.citizenID.digits == "1100200778894")
        #expect(person.nameTH.fullName == "เด็กชายภูมิ ใจดี")
        #expect(person.nameEN == nil && person.birthDate == nil && person.gender == nil)
        #expect(person.issuer == nil && person.issueDate == nil && person.address == nil)
        #expect(person.expiryDate != nil)
        #expect(Set(person.unreadable.keys) == [.nameEN, .birthDate, .gender, .issuer, .issueDate, .address])
        #expect(person.unreadable[.gender]?.contains("'9'") == true)
    }

    @Test(arguments: [UInt8(0x00), 0xA0, 0xFF])
    func fieldsPaddedWithOtherBytesReadTheSame(padding: UInt8) throws {
        let padded = try Fixtures.read("malee", faults: CardFaults(padding: padding))
        let usual = try Fixtures.read("malee")
        #expect(padded == usual)
        #expect(padded.unreadable.isEmpty)
    }

    @Test(arguments: [UInt16(0x6700), 0x6B00])
    func aChipThatRefusesLongReadsIsReadOneFieldAtATime(status: UInt16) throws {
        let recording = RecordingChannel(try Fixtures.channel("malee", faults: CardFaults(longReadStatus: status)))
        let person = try ThaiIDCardReader(channel: recording).readPerson()
        #expect(person == (try Fixtures.read("malee")))
        // SELECT; the first combined READ refused, then 5 fields (READ + GET RESPONSE each); the second
        // refused, then 3 fields; the address as usual.
        #expect(recording.sent.count == 1 + 1 + 10 + 1 + 6 + 2)
    }

    @Test func aChipThatCutsLongReadsShortIsReadOneFieldAtATime() throws {
        let person = try Fixtures.read("malee", faults: CardFaults(shortLongReads: true))
        #expect(person == (try Fixtures.read("malee")))
    }

    @Test func aNormalCardStillTakesSevenExchanges() throws {
        let recording = RecordingChannel(try Fixtures.channel("malee"))
        _ = try ThaiIDCardReader(channel: recording).readPerson()
        #expect(recording.sent.count == 7)
    }
}
