import Foundation
import Testing

/// `authen-kiosk run` with `nhso.backend: agent`: NHSO's agent owns the reader, so the kiosk learns of
/// the card from the agent's terminal list and of the person (with rights) from its `read`. The agent
/// here is `nhso-testzone`, whose agent paths serve a reader that the test fills by a control call.
@Suite(.serialized) struct KioskAgentTests {
    let somchai = "1101700203450"

    /// `run` on the agent backend of a fresh test zone, on its start screen; its files under `folder`.
    func startKiosk(_ zone: TestZoneProcess) throws -> (kiosk: TmuxKiosk, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agent-\(UUID())")
        let config = try writeKioskConfiguration(zone: zone, folder: folder, backend: "agent")
        // No token at all: with the agent, the kiosk token is optional.
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", config], demoOutput: false)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        return (kiosk, folder)
    }

    @Test func aPatientGoesFromCardToClaimCodeThroughTheAgentAndAgainTheSameDay() throws {
        let zone = try TestZoneProcess()
        let (kiosk, folder) = try startKiosk(zone)
        try zone.setAgentCard(somchai)
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        #expect(kiosk.screen.contains("สมชาย ใจดี"))
        #expect(kiosk.screen.contains("1-1017-xxxxx-x5-0"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณานำบัตรประชาชนออก"))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        #expect(try printedCodes(folder.appendingPathComponent("slips/\(code).escpos")) == [code, code])
        try zone.setAgentCard(nil)
        #expect(kiosk.waitFor("เสร็จสิ้น"))
        // NHSO's own record says the same: the code was issued to this unit today.
        let status = try runKiosk(
            ["status", "--pid", somchai, "--date", thaiToday(), "--base-url", zone.url],
            environment: ["NHSO_KIOSK_TOKEN": "testzone-kiosk-token-10757"]
        )
        #expect(status.stdout.contains(code))

        // The same card again, the same day: the agent's confirm-save refuses, the kiosk shows the code
        // it already has.
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try zone.setAgentCard(somchai)
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("ท่านได้รับรหัสสำหรับบริการนี้แล้ววันนี้"))
        #expect(kiosk.screen.contains(code))
        try zone.setAgentCard(nil)
    }

    @Test func aLateReadOfAPulledCardNeverReachesTheNextPatient() throws {
        // The agent takes 3 s to read a card (it checks the rights online as it reads); A is pulled
        // during the read and B goes in.
        let zone = try TestZoneProcess(arguments: ["--agent-read-latency-ms", "3000"])
        let (kiosk, folder) = try startKiosk(zone)
        try zone.setAgentCard(somchai)
        #expect(kiosk.waitFor("กำลังอ่านบัตร"))
        try zone.setAgentCard(nil)
        #expect(kiosk.waitFor("บัตรถูกดึงออกก่อนยืนยัน"))
        let lifetime = "3500100345671"
        try zone.setAgentCard(lifetime)
        #expect(kiosk.waitFor("(WEL) สิทธิหลักประกันสุขภาพแห่งชาติ", timeout: .seconds(20)))
        #expect(kiosk.screen.contains("ทองคำ มีสุข"))
        #expect(!kiosk.screen.contains("สมชาย"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณานำบัตรประชาชนออก"))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        let token = ["NHSO_KIOSK_TOKEN": "testzone-kiosk-token-10757"]
        let forB = try runKiosk(["status", "--pid", lifetime, "--date", thaiToday(), "--base-url", zone.url], environment: token)
        #expect(forB.stdout.contains(code))
        let forA = try runKiosk(["status", "--pid", somchai, "--date", thaiToday(), "--base-url", zone.url], environment: token)
        #expect(forA.stdout.contains("NOT FOUND"))
        try zone.setAgentCard(nil)
        #expect(try journalListing(folder.appendingPathComponent("journal.sqlite")).contains(code))
    }

    @Test func aCardTakenOutBeforeConfirmCancels() throws {
        let zone = try TestZoneProcess()
        let (kiosk, folder) = try startKiosk(zone)
        try zone.setAgentCard(somchai)
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try zone.setAgentCard(nil)
        #expect(kiosk.waitFor("บัตรถูกดึงออกก่อนยืนยัน"))
        // The screen does not wait for the journal (its write is queued): the row follows within moments.
        var journal = ""
        let deadline = ContinuousClock.now + .seconds(5)
        repeat {
            journal = try journalListing(folder.appendingPathComponent("journal.sqlite"))
            if journal.contains("abandoned  cardRemoved") { break }
            Thread.sleep(forTimeInterval: 0.1)
        } while ContinuousClock.now < deadline
        #expect(journal.contains("abandoned  cardRemoved"), "\(journal)")
        #expect(!journal.contains(somchai))
    }

    @Test func aCardTheAgentCannotReadOffersARetry() throws {
        let zone = try TestZoneProcess()
        let (kiosk, _) = try startKiosk(zone)
        // A valid id that the test zone's population does not hold: its agent answers 500.
        try zone.setAgentCard("1234567890121")
        #expect(kiosk.waitFor("ระบบ สปสช. ขัดข้อง"))
        #expect(kiosk.screen.contains("ลองอีกครั้ง"))
        try zone.setAgentCard(nil)
    }

    @Test func anAgentThatIsNotRunningIsShownAndItsStartIsNoticed() throws {
        // The kiosk may start before the agent: it says the reader is not ready, and waits for it.
        let zone = try TestZoneProcess()
        let (kiosk, folder) = try startKiosk(zone)
        #expect(!kiosk.screen.contains("เครื่องอ่านบัตรยังไม่พร้อมใช้งาน"))
        zone.process.terminate()
        zone.process.waitUntilExit()
        #expect(kiosk.waitFor("เครื่องอ่านบัตรยังไม่พร้อมใช้งาน"))
        #expect(kiosk.screen.contains("กรุณาติดต่อเจ้าหน้าที่"))
        // The failed polls are logged to the file, never drawn over the screen.
        #expect(!kiosk.screen.contains("unreachable"))
        let log = try String(contentsOf: folder.appendingPathComponent("kiosk.log"), encoding: .utf8)
        #expect(log.contains("NHSO agent is not answering"))
        // Once, when it stopped; not at every poll.
        #expect(log.components(separatedBy: "NHSO agent is not answering").count == 2)
    }
}
