import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A running `nhso-testzone` on a port of its own.
final class TestZoneProcess {
    let process = Process()
    let port: Int

    init(arguments: [String] = []) throws {
        let output = Pipe()
        process.executableURL = Harness.executable("nhso-testzone")
        process.arguments = ["--port", "0"] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line says where it listens: "nhso-testzone: listening on http://127.0.0.1:PORT (...)".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        let port = text.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) }
        self.port = try #require(port, "nhso-testzone did not start: \(text)")
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Puts the card of `pid` in the simulated agent's reader (`nil` takes it out).
    func setAgentCard(_ pid: String?) throws {
        let body = pid.map { #"{"pid":"\#($0)"}"# } ?? "{}"
        try post("/testzone/agent-card", body: body)
    }

    /// A POST to the test zone's control paths, waited for.
    func post(_ path: String, body: String) throws {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var status = 0
        URLSession.shared.dataTask(with: request) { _, response, _ in
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
            done.signal()
        }.resume()
        done.wait()
        try #require(status == 200, "POST \(path) answered \(status)")
    }

    /// A GET of the test zone's control paths; the body.
    func get(_ path: String) throws -> String {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var body = Data()
        URLSession.shared.dataTask(with: URL(string: url + path)!) { data, _, _ in
            body = data ?? Data()
            done.signal()
        }.resume()
        done.wait()
        return String(decoding: body, as: UTF8.self)
    }

    deinit {
        // A hung request (the --hang fault) holds a graceful shutdown for minutes: a short grace, then kill.
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(2)
        while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// `rights` and `status` as hospital IT runs them, against the simulator executable.
@Suite struct NHSOCommandTests {
    let token = ["NHSO_KIOSK_TOKEN": "testzone-kiosk-token-10757"]

    @Test func rightsThroughTheCloudAPI() throws {
        let zone = try TestZoneProcess()
        let result = try runKiosk(["rights", "--pid", "1101700203450", "--base-url", zone.url], environment: token)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        #expect(result.stdout.contains("PG0060001"))
        #expect(!result.stderr.contains("testzone-kiosk-token"))
    }

    @Test func rightsThroughTheAgentNeedNoToken() throws {
        let zone = try TestZoneProcess()
        let result = try runKiosk(["rights", "--pid", "3100500456783", "--backend", "agent", "--agent-url", zone.url, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["mainInscl"] as? String == "(SSS) สิทธิประกันสังคม")
    }

    @Test func statusNeedsAValidToken() throws {
        let zone = try TestZoneProcess()
        let missing = try runKiosk(["status", "--pid", "1101700203450", "--date", "2026-01-05", "--base-url", zone.url])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("No kiosk token"))
        let wrong = try runKiosk(["status", "--pid", "1101700203450", "--date", "2026-01-05", "--base-url", zone.url],
                                 environment: ["NHSO_KIOSK_TOKEN": "production-kiosk-token-10757"])
        #expect(wrong.status == 3)
        #expect(wrong.stderr.contains("NHSO refused the kiosk token"))
        #expect(!wrong.stderr.contains("production-kiosk-token"))
    }

    @Test func statusReportsNHSOsMessage() throws {
        let zone = try TestZoneProcess()
        let answered = try runKiosk(["status", "--pid", "1101700203450", "--date", "2026-01-05", "--base-url", zone.url], environment: token)
        #expect(answered.status == 0)
        #expect(answered.stdout.contains("ไม่พบข้อมูลการ authen"))
        let refused = try runKiosk(["status", "--pid", "1101700203450", "--date", "05/01/2026", "--base-url", zone.url], environment: token)
        #expect(refused.status == 4)
        #expect(refused.stdout.contains("serviceDate ไม่ถูกต้องตามรูปแบบที่กำหนด (yyyy-MM-dd)"))
    }

    @Test func aTokenFileOthersCanReadIsRefused() throws {
        let zone = try TestZoneProcess()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID())").path
        try "testzone-kiosk-token-10757".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        let result = try runKiosk(["rights", "--pid", "1101700203450", "--base-url", zone.url, "--token-file", path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("chmod 600"))
        chmod(path, 0o600)
        #expect(try runKiosk(["rights", "--pid", "1101700203450", "--base-url", zone.url, "--token-file", path]).status == 0)
    }

    @Test func aDeadNetworkExitsFive() throws {
        let result = try runKiosk(["rights", "--pid", "1101700203450", "--base-url", "http://127.0.0.1:9", "--timeout", "2"], environment: token)
        #expect(result.status == 5)
        #expect(result.stderr.contains("NHSO is unreachable"))
    }
}

/// `confirm`: one claim code per person, service and day, and clear refusals.
@Suite struct ConfirmCommandTests {
    let token = ["NHSO_KIOSK_TOKEN": "testzone-kiosk-token-10757"]
    let journal = FileManager.default.temporaryDirectory.appendingPathComponent("confirm-\(UUID()).sqlite").path
    var unit: [String] { ["--hcode", "10757", "--journal", journal] }

    @Test func aVisitGetsOneCodeAndTheSecondAskGetsTheSameCodeBothJournaled() throws {
        let zone = try TestZoneProcess()
        let first = try runKiosk(["confirm", "--pid", "1101700203450", "--mobile", "0812345678", "--base-url", zone.url] + unit, environment: token)
        #expect(first.status == 0, "\(first.stderr)")
        let code = String(first.stdout.prefix(12))
        #expect(code.hasPrefix("PP") && code.dropFirst(2).allSatisfy(\.isNumber))
        let second = try runKiosk(["confirm", "--pid", "1101700203450", "--base-url", zone.url] + unit, environment: token)
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix(code))
        #expect(second.stdout.contains("already issued today"))
        let status = try runKiosk(["status", "--pid", "1101700203450", "--date", thaiToday(), "--base-url", zone.url], environment: token)
        #expect(status.stdout.contains(code))
        // The journal has both, coded, as the screens record theirs (the id masked once settled).
        let listing = try journalListing(URL(fileURLWithPath: journal))
        #expect(listing.components(separatedBy: "coded  -  \(code)").count == 3, "both visits journaled: \(listing)")
        #expect(listing.contains("11017xxxxxx50"))
    }

    @Test func withoutTheUnitOrAJournalNothingIsSent() throws {
        let noUnit = try runKiosk(["confirm", "--pid", "1101700203450", "--journal", journal], environment: token)
        #expect(noUnit.status == 64)
        #expect(noUnit.stderr.contains("--hcode"))
        let noJournal = try runKiosk(["confirm", "--pid", "1101700203450", "--hcode", "10757"], environment: token)
        #expect(noJournal.status == 64)
        #expect(noJournal.stderr.contains("--journal"))
        // With a configuration, an address that seems to say otherwise is refused, not ignored.
        let both = try runKiosk(["confirm", "--pid", "1101700203450", "--config", "/etc/authen-kiosk/kiosk.yaml", "--base-url", "http://127.0.0.1:1"], environment: token)
        #expect(both.status == 64)
        #expect(both.stderr.contains("leave out --base-url"))
    }

    /// A journal that cannot be written: nothing is sent to NHSO.
    @Test func anUnwritableJournalSendsNothing() throws {
        let zone = try TestZoneProcess()
        let result = try runKiosk(["confirm", "--pid", "1101700203450", "--base-url", zone.url, "--hcode", "10757", "--journal", "/proc/no-journal.sqlite"], environment: token)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!(try zone.get("/testzone/claims")).contains("PP"), "no claim at NHSO")
    }

    @Test func aPersonWithoutRightsIsSentToTheCounter() throws {
        let zone = try TestZoneProcess()
        let population = try JSONSerialization.jsonObject(with: Data(contentsOf: Harness.packageRoot
            .appendingPathComponent("Sources/NHSOTestZone/Resources/population.json"))) as! [String: Any]
        let people = population["people"] as! [[String: Any]]
        let pid = try #require(people.first { $0["note"] as? String == "no health-coverage right" }?["pid"] as? String)
        let result = try runKiosk(["confirm", "--pid", pid, "--base-url", zone.url] + unit, environment: token)
        #expect(result.status == 4)
        #expect(result.stderr.contains("authenticate at the counter"))
    }

    @Test func aBadMobileNumberIsRefusedBeforeAskingNHSO() throws {
        let result = try runKiosk(["confirm", "--pid", "1101700203450", "--mobile", "08123"], environment: token)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--mobile must be 10 digits"))
    }
}

func thaiToday() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Asia/Bangkok")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date())
}
