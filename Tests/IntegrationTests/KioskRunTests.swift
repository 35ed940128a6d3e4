import Foundation
import Journey
import NHSO
import Testing
import VisitJournal

/// `authen-kiosk run --config` on the real stack: pcscd with vpcd's second virtual reader (the first
/// belongs to `RealReaderTests`), `thaiid-card-sim`, and a running `nhso-testzone`.
@Suite(.serialized) struct KioskRunTests {
    static let reader = "Virtual PCD 00 01"
    static let vpcdPort = "35964"
    let token = ["NHSO_KIOSK_TOKEN": "testzone-kiosk-token-10757"]

    init() throws { try Harness.requireVirtualReader(Self.reader) }

    /// A configuration for the kiosk against this test zone; slips, journal and log under `folder`.
    func configuration(zone: TestZoneProcess, folder: URL, reader: String = Self.reader, extra: String = "") throws -> String {
        try writeKioskConfiguration(zone: zone, folder: folder, backend: "direct", reader: reader, extra: extra)
    }

    func card(_ fixture: String, _ arguments: [String] = []) throws -> SimulatedCard {
        try SimulatedCard(fixture, arguments: ["--vpcd-port", Self.vpcdPort, "--latency-ms", "5"] + arguments)
    }

    @Test func aPatientGoesFromCardToClaimCodeOnTheRealStack() throws {
        let zone = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", try configuration(zone: zone, folder: folder)], demoOutput: false, environment: token)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        #expect(kiosk.screen.contains("โรงพยาบาลทดสอบ"))
        #expect(!kiosk.screen.contains("เครื่องอ่านบัตรยังไม่พร้อมใช้งาน"))
        let inserted = try card("lifetime")
        #expect(kiosk.waitFor("(WEL) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        #expect(kiosk.screen.contains("นายทองคำ มีสุข"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณานำบัตรประชาชนออก"))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        #expect(try printedCodes(folder.appendingPathComponent("slips/\(code).escpos")) == [code, code])
        try inserted.remove()
        #expect(kiosk.waitFor("เสร็จสิ้น"))
        let status = try runKiosk(["status", "--pid", "3500100345671", "--date", thaiToday(), "--base-url", zone.url], environment: token)
        #expect(status.stdout.contains(code))
    }

    /// vsmartcard's reader takes a card from anyone who reaches its port: a kiosk that is not a training
    /// one never reads from it, and says no reader is ready.
    @Test func aKioskThatIsNotATrainingOneIgnoresTheVirtualReader() throws {
        let zone = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let config = try writeKioskConfiguration(zone: zone, folder: folder, backend: "direct", reader: nil, training: false)
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", config], demoOutput: false, environment: token)
        #expect(kiosk.waitFor("เครื่องอ่านบัตรยังไม่พร้อมใช้งาน"))
        let inserted = try card("lifetime")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(!kiosk.screen.contains("นายทองคำ มีสุข"))
        #expect(kiosk.screen.contains("เครื่องอ่านบัตรยังไม่พร้อมใช้งาน"))
        try inserted.remove()
        let log = try String(contentsOf: folder.appendingPathComponent("kiosk.log"), encoding: .utf8)
        #expect(log.contains("a virtual card reader is ignored: this is not a training kiosk"))

        // Naming it is refused before the screen is taken.
        let named = try writeKioskConfiguration(zone: zone, folder: folder, backend: "direct", reader: Self.reader, training: false)
        let refused = try runKiosk(["run", "--config", named], environment: token)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is a virtual reader: only a training kiosk"))
    }

    @Test func aSecondVisitTheSameDayGetsTheExistingCodeByTap() throws {
        let zone = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", try configuration(zone: zone, folder: folder)], demoOutput: false, environment: token)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        var inserted = try card("child")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        // A tap on Confirm (bottom buttons, rows 25-27 of 30; right half), as SGR mouse reports.
        try kiosk.type("\u{1B}[<0;66;27M\u{1B}[<0;66;27m")
        #expect(kiosk.waitFor("กรุณานำบัตรประชาชนออก"))
        let first = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        try inserted.remove()
        #expect(kiosk.waitFor("เสร็จสิ้น"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        inserted = try card("child")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("ท่านได้รับรหัสสำหรับบริการนี้แล้ววันนี้"))
        #expect(kiosk.screen.contains(first))
        try inserted.remove()
    }

    @Test func aLateAnswerForAPulledCardNeverReachesTheNextPatient() throws {
        // Every NHSO answer takes 2.5 s: A's rights check is still out when A leaves and B is read.
        let zone = try TestZoneProcess(arguments: ["--latency-ms", "2500"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", try configuration(zone: zone, folder: folder)], demoOutput: false, environment: token)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let a = try card("somchai")
        #expect(kiosk.waitFor("กำลังตรวจสอบสิทธิการรักษากับ สปสช."))
        try a.remove()
        #expect(kiosk.waitFor("บัตรถูกดึงออกก่อนยืนยัน"))
        let b = try card("lifetime")
        #expect(kiosk.waitFor("(WEL) สิทธิหลักประกันสุขภาพแห่งชาติ", timeout: .seconds(20)))
        #expect(kiosk.screen.contains("นายทองคำ มีสุข"))
        #expect(!kiosk.screen.contains("สมชาย") && !kiosk.screen.contains("(UCS)"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณานำบัตรประชาชนออก", timeout: .seconds(20)))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        // NHSO recorded B's visit, with B's correlationId (the test zone refuses another person's), and
        // nothing for A.
        let forB = try runKiosk(["status", "--pid", "3500100345671", "--date", thaiToday(), "--base-url", zone.url], environment: token)
        #expect(forB.stdout.contains(code))
        let forA = try runKiosk(["status", "--pid", "1101700203450", "--date", thaiToday(), "--base-url", zone.url], environment: token)
        #expect(forA.stdout.contains("NOT FOUND"))
        try b.remove()
        let journal = try journalListing(folder.appendingPathComponent("journal.sqlite"))
        #expect(journal.contains("abandoned  cardRemoved"))
        #expect(journal.contains(code))
    }

    @Test func anNHSOThatDoesNotAnswerDoesNotKeepTheKioskFromStarting() async throws {
        // A visit a previous run left submitting, and NHSO not answering at all.
        let zone = try TestZoneProcess(arguments: ["--hang"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let journal = try VisitJournal(path: folder.appendingPathComponent("journal.sqlite").path)
        // Three visits: asking about them all would take about 90 s (5 s timeouts, retried lookups).
        var visits: [VisitID] = []
        for n in 1...3 {
            let visit = VisitID()
            let request = VisitRequest(pid: "1101700203450", claimType: ServiceCode.general, mobile: "", correlationId: "left-over-\(n)", hcode: "10757")
            try await journal.recordNow(visit, .submitting(request, serviceDate: thaiToday()))
            visits.append(visit)
        }
        let started = ContinuousClock.now
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", try configuration(zone: zone, folder: folder)], demoOutput: false, environment: token)
        // Recovery has 20 s before the kiosk takes patients anyway; the visits stay for later.
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน", timeout: .seconds(40)))
        #expect(ContinuousClock.now - started < .seconds(28))
        for visit in visits { #expect(try journal.visit(visit)?.state.needsRecovery == true) }
    }

    /// Somchai's visit confirmed with NHSO answering after 3 s: the kiosk is on "recording your visit".
    func submitUnderWay(recordsExit: Bool = false) throws -> (TestZoneProcess, URL, TmuxKiosk, SimulatedCard) {
        let zone = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", try configuration(zone: zone, folder: folder)], demoOutput: false,
                                  environment: token, recordsExit: recordsExit)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let inserted = try card("somchai")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try zone.post("/testzone/faults", body: #"{"latencyMs": 3000}"#)
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กำลังบันทึกการเข้ารับบริการ"))
        return (zone, folder, kiosk, inserted)
    }

    /// The visit's code is in the journal, coded, and NHSO lists it.
    func expectCodeKept(folder: URL, zone: TestZoneProcess) throws {
        let journal = try journalListing(folder.appendingPathComponent("journal.sqlite"))
        let code = try #require(journal.firstMatch(of: /PP\d{10}/).map { String($0.0) }, "\(journal)")
        #expect(journal.contains("coded  -  \(code)"))
        let status = try runKiosk(["status", "--pid", "1101700203450", "--date", thaiToday(), "--base-url", zone.url], environment: token)
        #expect(status.stdout.contains(code))
    }

    @Test func leavingDuringASubmitWaitsForNHSOsAnswerAndKeepsTheCode() throws {
        let (zone, folder, kiosk, inserted) = try submitUnderWay()
        defer { try? inserted.remove() }
        let pid = try #require(kiosk.pid)
        kill(pid, SIGTERM)
        // It leaves only once NHSO has answered (about 3 s), and the answer is in the journal.
        let deadline = ContinuousClock.now + .seconds(20)
        while kill(pid, 0) == 0 && ContinuousClock.now < deadline { usleep(50_000) }
        #expect(kill(pid, 0) != 0, "the kiosk did not leave")
        try expectCodeKept(folder: folder, zone: zone)
    }

    /// The terminal taken away mid-submit (its window closed, tmux killed): the kiosk waits for NHSO's
    /// answer, keeps the code and leaves cleanly, as on SIGTERM. It used to die in Foundation's
    /// non-throwing `FileHandle.write` (a `try!`) with an I/O error.
    @Test func aTerminalThatHangsUpMidSubmitEndsTheKioskCleanlyWithTheCodeKept() throws {
        let (zone, folder, kiosk, inserted) = try submitUnderWay(recordsExit: true)
        defer { try? inserted.remove() }
        try kiosk.tmux(["kill-session", "-t", kiosk.session])
        let status = kiosk.waitForExit()
        let errors = (try? String(contentsOf: kiosk.standardError, encoding: .utf8)) ?? ""
        #expect(status == 0, "the kiosk ended with \(status.map(String.init) ?? "no status"): \(errors)")
        #expect(!errors.contains("Fatal error"), "\(errors)")
        // Standard error is not a terminal here, so the log is in it rather than in output.log.
        #expect(errors.contains("the terminal hung up"), "\(errors)")
        try expectCodeKept(folder: folder, zone: zone)
    }

    @Test func anIdleReviewReturnsToTheStart() throws {
        let zone = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let config = try configuration(zone: zone, folder: folder, extra: "journey:\n  idleSeconds: 10\n  countdownSeconds: 5\n")
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", config], demoOutput: false, environment: token)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let inserted = try card("somchai")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        #expect(kiosk.waitFor("กลับสู่หน้าแรกใน", timeout: .seconds(12)))
        #expect(kiosk.waitFor("ยินดีต้อนรับ", timeout: .seconds(8)))
        // The card is still in: the start screen asks for it to be taken out.
        #expect(kiosk.screen.contains("กรุณานำบัตรออกจากเครื่องอ่านบัตร"))
        try inserted.remove()
    }

    @Test func aReaderThatIsNotThereIsShownOnTheStartScreen() throws {
        let zone = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let config = try configuration(zone: zone, folder: folder, reader: "Unplugged Reader 00 00")
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", config], demoOutput: false, environment: token)
        #expect(kiosk.waitFor("เครื่องอ่านบัตรยังไม่พร้อมใช้งาน"))
        try kiosk.keys("F2")
        #expect(kiosk.waitFor("The card reader is not ready. Please ask the staff."))
        let log = try String(contentsOf: folder.appendingPathComponent("kiosk.log"), encoding: .utf8)
        #expect(log.contains("no card reader") && log.contains("Unplugged Reader 00 00"))
    }

    @Test func aCardPulledMidReadIsReported() throws {
        let zone = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", try configuration(zone: zone, folder: folder)], demoOutput: false, environment: token)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let pulled = try card("somchai", ["--pull-after", "3"])
        #expect(kiosk.waitFor("บัตรถูกดึงออกก่อนยืนยัน"))
        try pulled.remove()
    }

    @Test func nhsoDownIsReportedWithARetry() throws {
        let zone = try TestZoneProcess(arguments: ["--error-rate", "1"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", try configuration(zone: zone, folder: folder)], demoOutput: false, environment: token)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let inserted = try card("somchai")
        #expect(kiosk.waitFor("ระบบ สปสช. ขัดข้อง"))
        #expect(kiosk.screen.contains("ลองอีกครั้ง"))
        try inserted.remove()
    }

    @Test func aBadConfigurationStopsBeforeTheScreenIsTaken() throws {
        let zone = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let path = try configuration(zone: zone, folder: folder, extra: "journey:\n  idleSeconds: forever\n")
        let result = try runKiosk(["run", "--config", path], environment: token)
        #expect(result.status == 2)
        #expect(result.stderr.contains("journey.idleSeconds is 'forever'"))
    }

    @Test(.enabled(if: geteuid() == 0, "needs root"))
    func rootRunningTheKioskOfAnotherUserIsStoppedBeforeItMakesRootsFiles() throws {
        let zone = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let path = try configuration(zone: zone, folder: folder)
        // The kiosk's folder belongs to its own user (nobody, here), as the package makes it.
        #expect(chown(folder.path, 65534, 65534) == 0)
        let result = try runKiosk(["run", "--config", path], environment: token)
        #expect(result.status == 2)
        #expect(result.stderr.contains("run as root, but \(folder.path) is nobody's"), "\(result.stderr)")
        #expect(result.stderr.contains("sudo -u nobody authen-kiosk run"))
        let made = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!made.contains("journal.sqlite") && !made.contains("kiosk.log"), "\(made)")
    }

    @Test func aTokenFileOthersCanReadStopsIt() throws {
        let zone = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID())")
        let tokenFile = folder.appendingPathComponent("token")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "testzone-kiosk-token-10757".write(to: tokenFile, atomically: true, encoding: .utf8)
        chmod(tokenFile.path, 0o644)
        var path = try configuration(zone: zone, folder: folder)
        try (try String(contentsOfFile: path, encoding: .utf8))
            .replacingOccurrences(of: "  timeoutSeconds: 5", with: "  timeoutSeconds: 5\n  tokenFile: \(tokenFile.path)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        path = path + ""
        let result = try runKiosk(["run", "--config", path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("chmod 600"))
        #expect(!result.stderr.contains("testzone-kiosk-token"))
    }
}
