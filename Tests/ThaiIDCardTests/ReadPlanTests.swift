import SmartCard
import Testing
@testable import ThaiIDCard
import VirtualThaiIDCard

@Suite struct ReadPlanTests {
    @Test func commandsAreTheCardsOwnBytes() {
        #expect(ThaiIDCardCommand.selectMOIApplet.bytes.hexString == "00 A4 04 00 08 A0 00 00 00 54 48 00 01")
        #expect(ThaiIDCardCommand.read(offset: 0x0004, length: 0x0D).bytes.hexString == "80 B0 00 04 02 00 0D")
        #expect(ThaiIDCardCommand.read(offset: 0x1579, length: 100).bytes.hexString == "80 B0 15 79 02 00 64")
    }

    @Test func textIsReadInThreeReadsCoveringEveryTextField() {
        let reads = ThaiIDCardLayout.textReads
        #expect(reads.map(\.offset) == [0x0004, 0x00F6, 0x1579])
        #expect(reads.map(\.length) == [0xDE, 0x81, 100])
        let covered = Set(reads.flatMap(\.fields))
        #expect(covered == Set(ThaiIDCardLayout.Field.allCases).subtracting([.photo]))
        for read in reads {
            #expect(read.length <= 255)
            for field in read.fields {
                #expect(field.offset >= read.offset && field.offset + field.length <= read.offset + read.length)
            }
        }
    }

    @Test func progressIsReportedAfterEachStepOfTheTextRead() throws {
        nonisolated(unsafe) var steps: [Int] = []
        _ = try ThaiIDCardReader(channel: try Fixtures.channel("somchai")).readPerson { steps.append($0) }
        #expect(steps == [1, 2, 3, 4])
        #expect(ThaiIDCardReader.textReadSteps == 4)
    }

    @Test func theReaderSendsExactlyThePlannedAPDUs() throws {
        let recorder = RecordingChannel(try Fixtures.channel("somchai"))
        _ = try ThaiIDCardReader(channel: recorder).readPerson()
        #expect(recorder.sent.map(\.hexString) == [
            "00 A4 04 00 08 A0 00 00 00 54 48 00 01",
            "80 B0 00 04 02 00 DE", "00 C0 00 00 DE",
            "80 B0 00 F6 02 00 81", "00 C0 00 00 81",
            "80 B0 15 79 02 00 64", "00 C0 00 00 64",
        ])
    }

    @Test func oldChipsAreAskedWithGetResponseP2One() throws {
        let recorder = RecordingChannel(try Fixtures.channel("old-chip"))
        let person = try ThaiIDCardReader(channel: recorder).readPerson()
        #expect(person.atr.bytes.starts(with: [0x3B, 0x67]))
        let getResponses = recorder.sent.filter { $0[1] == 0xC0 }
        #expect(getResponses.count == 3)
        #expect(getResponses.allSatisfy { $0[3] == 0x01 })
    }

    @Test func allTextFieldsTakeAtMostTwelveExchanges() throws {
        for name in ["somchai", "malee", "longest-names", "old-chip", "child"] {
            let channel = try Fixtures.channel(name)
            _ = try ThaiIDCardReader(channel: channel).readPerson()
            #expect(channel.exchangeCount == 7)
            #expect(channel.exchangeCount <= 12)
        }
    }

    @Test func thePhotoReadStopsAtTheJPEGEndMarker() throws {
        let channel = try Fixtures.channel("somchai")
        let person = try ThaiIDCardReader(channel: channel).readPerson(includePhoto: true)
        let photo = try Fixtures.photo("somchai.jpg")
        #expect(person.photo == photo)
        let chunks = (photo.count + 254) / 255
        #expect(chunks < 20)
        #expect(channel.exchangeCount == 7 + 2 * chunks)
    }
}
