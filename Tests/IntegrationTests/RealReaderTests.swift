import Foundation
import SmartCard
import Testing
import ThaiIDCard

/// Expected reading of each fixture card, written out by hand from the card files.
struct Expectation: Sendable, CustomStringConvertible {
    var fixture: String
    var cid: String
    var birthDate: String
    var expiryDate: String?
    var firstTH: String
    var lastEN: String
    var province: String
    var photo: String?
    var description: String { fixture }
}

let expectations: [Expectation] = [
    .init(fixture: "somchai", cid: "1101700203450", birthDate: "1980-04-15", expiryDate: "2031-04-14",
          firstTH: "สมชาย", lastEN: "Jaidee", province: "นนทบุรี", photo: "somchai.jpg"),
    .init(fixture: "malee", cid: "3100500456783", birthDate: "1992-09-23", expiryDate: "2030-09-22",
          firstTH: "มาลี", lastEN: "Srisuk", province: "กรุงเทพมหานคร", photo: "malee.jpg"),
    .init(fixture: "longest-names", cid: "5709900123454", birthDate: "1982-01-01", expiryDate: "2032-01-01",
          firstTH: "ประภัสสรวรรณาภิรมย์สุขเกษมศรี", lastEN: "Srisawatwongpaiboonkulthanapa",
          province: "เชียงราย"),
    .init(fixture: "unknown-birth-day", cid: "3400100987657", birthDate: "1967-06", expiryDate: "2029-08-11",
          firstTH: "บุญมา", lastEN: "Thongdee", province: "อุบลราชธานี"),
    .init(fixture: "unknown-birth-day-month", cid: "3400200112237", birthDate: "1947", expiryDate: "2028-02-13",
          firstTH: "คำปุน", lastEN: "Kaewmanee", province: "อุบลราชธานี"),
    .init(fixture: "lifetime", cid: "3500100345671", birthDate: "1939-03-12", expiryDate: nil,
          firstTH: "ทองคำ", lastEN: "Meesuk", province: "เชียงใหม่", photo: "elder.jpg"),
    .init(fixture: "expired", cid: "1900100554431", birthDate: "1977-07-04", expiryDate: "2022-07-03",
          firstTH: "วิชัย", lastEN: "Saithong", province: "สงขลา"),
    .init(fixture: "old-chip", cid: "3609900121219", birthDate: "1957-01-01", expiryDate: "2019-12-31",
          firstTH: "สมศรี", lastEN: "Rakthai", province: "ขอนแก่น", photo: "malee.jpg"),
    .init(fixture: "child", cid: "1100200778894", birthDate: "2018-08-08", expiryDate: "2033-08-07",
          firstTH: "ภูมิ", lastEN: "Rakrian", province: "กรุงเทพมหานคร"),
]

/// A fault switch of the virtual card and what the person at the reader must be told.
struct Fault: Sendable, CustomStringConvertible {
    var fixture = "somchai"
    var simulatorArguments: [String]
    var message: String
    var description: String { simulatorArguments.joined(separator: " ") }
}

let faults: [Fault] = [
    .init(simulatorArguments: ["--pull-after", "0"], message: "removed while it was being read"),
    .init(simulatorArguments: ["--pull-after", "3"], message: "removed while it was being read"),
    .init(simulatorArguments: ["--pull-after", "6"], message: "removed while it was being read"),
    .init(simulatorArguments: ["--refuse-select"], message: "not a Thai ID card"),
    .init(simulatorArguments: ["--read-status-word", "6982"], message: "refused to be read (69 82"),
    .init(simulatorArguments: ["--short-answers"], message: "incomplete answer"),
    .init(simulatorArguments: ["--garbled-data"], message: "citizenID could not be read"),
    .init(fixture: "invalid-cid", simulatorArguments: [], message: "citizenID could not be read (not a valid citizen id"),
]

/// One virtual reader serves every test here, so they run one after another.
@Suite(.serialized) struct RealReaderTests {
    init() throws { try Harness.requireVirtualReader() }

    func readCard(_ extra: [String] = []) throws -> CommandResult {
        try runKiosk(["read-card", "--reader", Harness.reader, "--timeout", "10", "--json"] + extra)
    }

    @Test(arguments: expectations)
    func everyFixtureCardReadsThroughPCSC(expected: Expectation) throws {
        let card = try SimulatedCard(expected.fixture)
        defer { try? card.remove() }
        let photoFile = FileManager.default.temporaryDirectory.appendingPathComponent("photo-\(UUID()).jpg")
        defer { try? FileManager.default.removeItem(at: photoFile) }
        let result = try readCard(expected.photo == nil ? [] : ["--photo", photoFile.path])
        try #require(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["cid"] as? String == expected.cid)
        #expect(json["birthDate"] as? String == expected.birthDate)
        #expect(json["expiryDate"] as? String == expected.expiryDate)
        #expect((json["nameTH"] as? [String: Any])?["first"] as? String == expected.firstTH)
        #expect((json["nameEN"] as? [String: Any])?["last"] as? String == expected.lastEN)
        #expect((json["address"] as? [String: Any])?["province"] as? String == expected.province)
        if let photo = expected.photo {
            let fixture = try Data(contentsOf: Harness.cards.appendingPathComponent("photos/\(photo)"))
            #expect(try Data(contentsOf: photoFile) == fixture)
        }
    }

    @Test func aCardWithOddDataOnAChipThatRefusesLongReadsStillServesItsPatient() throws {
        // Padding of 0xA0, combined READs refused with 6700, and only the id and Thai name readable.
        let card = try SimulatedCard("../odd-cards/odd-fields", arguments: ["--long-read-status", "6700", "--padding", "A0"])
        defer { try? card.remove() }
        let result = try readCard()
        try #require(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["cid"] as? String == "1100200778894")
        #expect((json["nameTH"] as? [String: Any])?["first"] as? String == "ภูมิ")
        #expect(json["birthDate"] == nil && json["gender"] == nil && json["address"] == nil)
        #expect(json["expiryDate"] as? String == "2030-09-22")
        let text = try runKiosk(["read-card", "--reader", Harness.reader, "--timeout", "10"])
        #expect(text.stdout.contains("(unreadable: '9' is neither 1 nor 2)"))
    }

    @Test func theOldChipRuleIsNeededOnTheRealStack() throws {
        // The virtual old chip refuses GET RESPONSE with P2 = 00, like the real ones.
        let card = try SimulatedCard("old-chip")
        defer { try? card.remove() }
        let context = try PCSCContext()
        let found = try context.waitForCard(reader: Harness.reader, timeout: .seconds(10))
        let connection = try context.connect(reader: found.reader)
        defer { connection.disconnect() }
        _ = try connection.send(ThaiIDCardCommand.selectMOIApplet)
        _ = try connection.send(ThaiIDCardCommand.read(offset: 4, length: 13))
        #expect(try connection.send(.getResponse(length: 13, p2: 0x00)).statusWord == 0x6B00)
        _ = try connection.send(ThaiIDCardCommand.read(offset: 4, length: 13))
        let answer = try connection.send(.getResponse(length: 13, p2: 0x01))
        #expect(String(decoding: answer.data, as: UTF8.self) == "3609900121219")
    }

    @Test(arguments: faults)
    func aFaultyCardExitsFiveAndSaysWhy(fault: Fault) throws {
        let card = try SimulatedCard(fault.fixture, arguments: fault.simulatorArguments)
        defer { try? card.remove() }
        let result = try readCard()
        #expect(result.status == 5)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(fault.message), "\(result.stderr)")
    }

    @Test func aMuteCardTimesOut() throws {
        let card = try SimulatedCard("somchai", arguments: ["--mute-after", "1"])
        defer { try? card.remove() }
        let start = ContinuousClock.now
        let result = try readCard(["--read-timeout", "2"])
        #expect(ContinuousClock.now - start < .seconds(8))
        #expect(result.status == 5)
        #expect(result.stderr.contains("The card does not answer"))
    }

    @Test func aSlowCardStillReads() throws {
        let card = try SimulatedCard("malee", arguments: ["--latency-ms", "5"])
        defer { try? card.remove() }
        let result = try readCard(["--photo", "/dev/null"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3100500456783"))
    }

    @Test func noCardInTimeExitsFour() throws {
        let result = try runKiosk(["read-card", "--reader", Harness.reader, "--timeout", "0.5"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("No card was inserted in time"))
    }

    @Test func anUnknownReaderExitsThree() throws {
        let result = try runKiosk(["read-card", "--reader", "No Such Reader", "--timeout", "1"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("No card reader found"))
    }

    @Test func humanReadableOutputShowsThaiNames() throws {
        let card = try SimulatedCard("somchai")
        defer { try? card.remove() }
        let result = try runKiosk(["read-card", "--reader", Harness.reader, "--timeout", "10"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("นายสมชาย ใจดี"))
        #expect(result.stdout.contains("1-1017-00203-45-0"))
    }

    @Test func theWatcherSeesCardsComeAndGoWithoutPolling() async throws {
        var events = CardReaderWatcher(reader: Harness.reader).makeAsyncIterator()
        #expect(try await events.next() == .readerAttached(reader: Harness.reader))

        // Idle: the watcher thread sleeps inside pcscd.
        let before = CardReaderWatcher.wakeupCount
        try await Task.sleep(for: .milliseconds(500))
        #expect(CardReaderWatcher.wakeupCount - before <= 1)

        let card = try SimulatedCard("old-chip")
        let inserted = try await events.next()
        #expect(inserted == .cardInserted(reader: Harness.reader, atr: ATR([UInt8](hexString: "3B 67 00 00 73 20 00 6C 68 90 00")!)))
        card.process.terminate()
        #expect(try await events.next() == .cardRemoved(reader: Harness.reader))
        try card.remove()
    }

    @Test func endingTheWatchStopsItsThread() async throws {
        let watching = Task {
            var count = 0
            for try await _ in CardReaderWatcher() { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(200))
        let cancelled = ContinuousClock.now
        watching.cancel()
        // Both vpcd readers were reported before the cancel; the loop then ends at once (a lock
        // order bug once held it for the whole 2-second cancel retry budget).
        #expect(try await watching.value >= 2)
        #expect(ContinuousClock.now - cancelled < .seconds(1))
    }

    @Test func aBriefSharingViolationIsRetried() throws {
        let card = try SimulatedCard("somchai")
        defer { try? card.remove() }
        _ = try PCSCContext().waitForCard(reader: Harness.reader, timeout: .seconds(10))
        let holder = try PCSCContext().connect(reader: Harness.reader, exclusive: true)
        let release = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            holder.disconnect()
        }
        release.start()
        // Refused while the other program holds the card, then let in once it lets go.
        let start = ContinuousClock.now
        let connection = try PCSCContext().connect(reader: Harness.reader)
        #expect(ContinuousClock.now - start >= .milliseconds(150), "connected while the card was held")
        #expect(try connection.send(ThaiIDCardCommand.selectMOIApplet).statusWord == 0x610A)
    }

    @Test func aLongSharingViolationIsReported() throws {
        let card = try SimulatedCard("somchai")
        defer { try? card.remove() }
        _ = try PCSCContext().waitForCard(reader: Harness.reader, timeout: .seconds(10))
        let holder = try PCSCContext().connect(reader: Harness.reader, exclusive: true)
        defer { holder.disconnect() }
        #expect { try PCSCContext().connect(reader: Harness.reader, sharingRetries: 2) } throws: {
            ($0 as? SmartCardError)?.kind == .sharingViolation
        }
        let result = try runKiosk(["read-card", "--reader", Harness.reader, "--timeout", "5"])
        #expect(result.status == 5)
        #expect(result.stderr.contains("Another program is using the card reader"))
    }

    @Test func noSmartCardServiceExitsThreeAndSaysHowToStartIt() throws {
        // pcsc-lite finds pcscd through this socket; pointing it nowhere is pcscd not running.
        let result = try runKiosk(["read-card", "--timeout", "1"],
                                  environment: ["PCSCLITE_CSOCK_NAME": "/nonexistent/pcscd.comm"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("systemctl start pcscd"))
    }

    @Test func twoProgramsShareTheCard() throws {
        let card = try SimulatedCard("somchai")
        defer { try? card.remove() }
        let context = try PCSCContext()
        _ = try context.waitForCard(reader: Harness.reader, timeout: .seconds(10))
        let first = try context.connect(reader: Harness.reader)
        let second = try PCSCContext().connect(reader: Harness.reader)
        #expect(try first.send(ThaiIDCardCommand.selectMOIApplet).statusWord == 0x610A)
        #expect(try second.send(ThaiIDCardCommand.selectMOIApplet).statusWord == 0x610A)
        first.disconnect()
        second.disconnect()
    }
}
