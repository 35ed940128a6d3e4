import Foundation
import Testing

/// `authen-kiosk doctor` on the real stack: pcscd with its virtual readers, the test-zone simulator.
@Suite(.serialized) struct DoctorTests {
    let token = ["NHSO_KIOSK_TOKEN": "testzone-kiosk-token-10757"]

    struct Check: Decodable {
        var name: String
        var status: String
        var detail: String
        var advice: String?
    }

    struct Document: Decodable {
        var ok: Bool
        var checks: [Check]
    }

    func doctor(_ config: String, environment: [String: String]) throws -> (status: Int32, document: Document, table: String) {
        let json = try runKiosk(["doctor", "--config", config, "--json"], environment: environment)
        let table = try runKiosk(["doctor", "--config", config], environment: environment)
        let document = try JSONDecoder().decode(Document.self, from: Data(json.stdout.utf8))
        #expect(json.status == table.status)
        return (json.status, document, table.stdout)
    }

    func folder() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("doctor-\(UUID())") }

    @Test func aTrainingKioskOnTheSimulatorIsReady() throws {
        try Harness.requireVirtualReader(KioskRunTests.reader)
        let zone = try TestZoneProcess()
        let place = folder()
        let config = try writeKioskConfiguration(zone: zone, folder: place, backend: "direct", reader: KioskRunTests.reader)
        let (status, document, table) = try doctor(config, environment: token)
        #expect(status == 0, "\(table)")
        // Doctor (often run as root) never makes the kiosk's journal: its files must be the kiosk user's.
        #expect(!FileManager.default.fileExists(atPath: place.appendingPathComponent("journal.sqlite").path))
        #expect(table.contains("not created yet"))
        #expect(document.ok)
        let statuses = Dictionary(document.checks.map { ($0.name, $0.status) }, uniquingKeysWith: { $1 })
        for name in ["configuration", "token file", "slip templates", "journal", "pcscd", "reader", "card", "printer", "camera", "NHSO", "clock", "token", "disk"] {
            #expect(statuses[name] == "PASS", "\(name): \(statuses[name] ?? "missing")\n\(table)")
        }
        #expect(table.contains("PASS  reader") && table.hasSuffix("Ready.\n"))
    }

    /// Doctor's card check once pcscd has seen the simulator's card (it looks without waiting).
    func cardCheck(_ config: String) throws -> Check? {
        let deadline = ContinuousClock.now + .seconds(15)
        while true {
            let json = try runKiosk(["doctor", "--config", config, "--json"], environment: token)
            let check = try JSONDecoder().decode(Document.self, from: Data(json.stdout.utf8)).checks.first { $0.name == "card" }
            if check?.detail.hasPrefix("none in the reader") != true || ContinuousClock.now > deadline { return check }
            Thread.sleep(forTimeInterval: 0.3)
        }
    }

    @Test func aCardInTheReaderIsReadAndItsIdMasked() throws {
        try Harness.requireVirtualReader(KioskRunTests.reader)
        let zone = try TestZoneProcess()
        let config = try writeKioskConfiguration(zone: zone, folder: folder(), backend: "direct", reader: KioskRunTests.reader)
        let card = try SimulatedCard("lifetime", arguments: ["--vpcd-port", KioskRunTests.vpcdPort])
        defer { try? card.remove() }
        let check = try #require(try cardCheck(config))
        #expect(check.status == "PASS" && check.detail.contains("reads in \(KioskRunTests.reader)"), "\(check)")
        #expect(check.detail.contains("3-5001-xxxxx-x7-1") && !check.detail.contains("3500100345671"), "\(check.detail)")
    }

    @Test func aCardThatAnswersGarbageFailsWithWhatToDo() throws {
        try Harness.requireVirtualReader(KioskRunTests.reader)
        let zone = try TestZoneProcess()
        let config = try writeKioskConfiguration(zone: zone, folder: folder(), backend: "direct", reader: KioskRunTests.reader)
        let card = try SimulatedCard("lifetime", arguments: ["--vpcd-port", KioskRunTests.vpcdPort, "--garbled-data"])
        defer { try? card.remove() }
        let check = try #require(try cardCheck(config))
        #expect(check.status == "FAIL" && check.detail.contains("does not read"), "\(check)")
        #expect(check.advice?.contains("clean the reader's contacts") == true)
    }

    @Test func aMissingReaderFailsWithWhatToDo() throws {
        let zone = try TestZoneProcess()
        let config = try writeKioskConfiguration(zone: zone, folder: folder(), backend: "direct", reader: "No Such Reader 00 00")
        let (status, document, table) = try doctor(config, environment: token)
        #expect(status == 1)
        let reader = try #require(document.checks.first { $0.name == "reader" })
        #expect(reader.status == "FAIL" && reader.detail.contains("No Such Reader 00 00 not attached"))
        #expect(reader.advice?.contains("pcsc_scan") == true)
        #expect(table.contains("FAIL  reader") && table.contains("Not ready"))
    }

    @Test func aVirtualReaderOnAProductionBoxFails() throws {
        try Harness.requireVirtualReader(KioskRunTests.reader)
        let base = folder()
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let config = base.appendingPathComponent("kiosk.yaml").path
        try """
            hospital: { hcode: "10757" }
            nhso: { backend: direct, zone: production, baseURL: "https://127.0.0.1:9", timeoutSeconds: 2 }
            admin: { pinHash: "$y$j9T$16BnBZl60.PO4wkmp7NW$Ta/zBpwUvnHAaaiPFEyKvIKNlElnHOn/XBWITkO.g8C" }
            output: { slips: \(base.path)/slips, journal: \(base.path)/journal.sqlite, log: \(base.path)/kiosk.log }
            """.write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)
        let (status, document, _) = try doctor(config, environment: ["NHSO_KIOSK_TOKEN": "a-production-token"])
        #expect(status == 1)
        let virtual = try #require(document.checks.first { $0.name == "virtual readers" })
        #expect(virtual.status == "FAIL" && virtual.detail.contains("Virtual PCD"))
        #expect(virtual.advice?.contains("apt-get remove vsmartcard-vpcd") == true)
        #expect(document.checks.first { $0.name == "reader" }?.status == "FAIL", "the virtual readers are not this kiosk's")
        #expect(document.checks.first { $0.name == "NHSO" }?.status == "FAIL")
    }

    @Test func aWrongTokenFails() throws {
        let zone = try TestZoneProcess()
        let config = try writeKioskConfiguration(zone: zone, folder: folder(), backend: "direct", reader: KioskRunTests.reader)
        let (status, document, _) = try doctor(config, environment: ["NHSO_KIOSK_TOKEN": "not-the-test-zones-token"])
        #expect(status == 1)
        let check = try #require(document.checks.first { $0.name == "token" })
        #expect(check.status == "FAIL" && check.detail.contains("NHSO refused it (HTTP 401)"))
        #expect(check.advice?.contains("issue a new Kiosk Authentication Token for the test zone") == true)
        let output = try runKiosk(["doctor", "--config", config], environment: ["NHSO_KIOSK_TOKEN": "not-the-test-zones-token"])
        #expect(!output.stdout.contains("not-the-test-zones-token"), "the token never shows")
    }

    @Test func anUnreadableConfigurationExits2() throws {
        let result = try runKiosk(["doctor", "--config", "/nonexistent/kiosk.yaml"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("FAIL  configuration"))
    }
}
