import Foundation
import Journey
import Testing
import TerminalUI

/// Every leaf of the journey tree end to end: `authen-kiosk run` in a real terminal against a running
/// `nhso-testzone`, by numpad, keyboard and taps, in Thai and English.
@Suite(.serialized) struct IdentityPathTests {
    let token = ["NHSO_KIOSK_TOKEN": "testzone-kiosk-token-10757"]
    let somchai = "1101700203450"

    func kiosk(_ zone: TestZoneProcess, term: String = "xterm-256color", station: Bool = false, staff: [String] = []) throws -> (TmuxKiosk, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paths-\(UUID())")
        let staffList = folder.appendingPathComponent("staff.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try (staff.joined(separator: "\n") + "\n").write(to: staffList, atomically: true, encoding: .utf8)
        let config = try writeKioskConfiguration(
            zone: zone, folder: folder, backend: "direct", reader: KioskRunTests.reader, qrURL: "\(zone.url)/testzone/qr/10757",
            extra: "journey:\n  verifiedVisits: true\nstaff:\n  listFile: \(staffList.path)\ncamera:\n  input: test-pattern"
        ).replacingStationMode(station)
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", config], width: 100, height: 30, demoOutput: false,
                                  environment: token.merging(["TERM": term]) { $1 })
        return (kiosk, folder)
    }

    /// Where a button with this action is on the screen the kiosk draws for `state` (100×30).
    func tap(_ action: JourneyEvent, on state: JourneyState, configuration: JourneyConfiguration, in kiosk: TmuxKiosk) throws {
        let renderer = ScreenRenderer(catalog: try TextCatalog.load(assets: Harness.packageRoot.appendingPathComponent("assets")), configuration: configuration)
        let grid = renderer.render(state, width: 100, height: 30)
        let button = try #require(grid.buttons.first { $0.action == action }, "no button for \(action)")
        let (row, column) = (button.row + button.height / 2 + 1, button.column + button.width / 2 + 1)
        try kiosk.type("\u{1B}[<0;\(column);\(row)M\u{1B}[<0;\(column);\(row)m")
    }

    @Test func qrByNumpadInThai() throws {
        let zone = try TestZoneProcess()
        let (kiosk, folder) = try kiosk(zone)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("KPEnter")
        #expect(kiosk.waitFor("ท่านจะยืนยันตัวตนด้วยวิธีใด"))
        try kiosk.keys("KP3")
        #expect(kiosk.waitFor("สแกน QR นี้ด้วย LINE"))
        try kiosk.keys("KPEnter")
        #expect(kiosk.waitFor("กรุณากรอกเลขประจำตัวประชาชน 13 หลัก"))
        // A wrong last digit is said at once and kept; Backspace mends it.
        try kiosk.keys(contentsOf: "1101700203451".map { "KP\($0)" })
        #expect(kiosk.waitFor("เลขประจำตัวประชาชนไม่ถูกต้อง"))
        #expect(kiosk.screen.contains("1-1017-00203-45-1"))
        try kiosk.keys("BSpace", "KP0", "KPEnter")
        #expect(kiosk.waitFor("กำลังรอผลการยืนยันตัวตนจาก สปสช."))
        // The patient's phone authenticates (NHSO's app, played by the test zone) while the kiosk asks.
        try zone.post("/testzone/mobile-authentication", body: #"{"pid":"\#(somchai)","hcode":"10757"}"#)
        #expect(kiosk.waitFor("รหัสยืนยันการเข้ารับบริการ (Authen Code)"))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        let listing = try journalListing(folder.appendingPathComponent("journal.sqlite"))
        #expect(listing.contains(code))
        #expect(listing.contains("qr"))
    }

    /// The guardian's card on vpcd's reader through pcscd; the child's id on the numpad.
    @Test func aGuardiansCardByNumpadInThai() throws {
        try Harness.requireVirtualReader(KioskRunTests.reader)
        let zone = try TestZoneProcess()
        let (kiosk, folder) = try kiosk(zone)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("KPEnter", "KP4")
        #expect(kiosk.waitFor("กรุณากรอกเลขประจำตัวประชาชน 13 หลักของผู้รับบริการ (ผู้ป่วย)"))
        try kiosk.keys(contentsOf: "1100200778894".map { "KP\($0)" } + ["KPEnter"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชนของผู้ปกครองหรือผู้ดูแล"))
        let card = try SimulatedCard("lifetime", arguments: ["--vpcd-port", KioskRunTests.vpcdPort, "--latency-ms", "5"])
        #expect(kiosk.waitFor("นายทองคำ มีสุข ยืนยันตัวตนแทนในฐานะ"))
        try kiosk.keys("KP2", "KPEnter", "KP1", "KP3", "KPEnter")   // ผู้ดูแล, ลุง
        try kiosk.keys("KPEnter")
        #expect(kiosk.waitFor("นายทองคำ มีสุข (ผู้ดูแล · ลุง)"))
        #expect(kiosk.screen.contains("ภูมิ รักเรียน"))
        try kiosk.keys("KPEnter")
        #expect(kiosk.waitFor("รหัสยืนยันการเข้ารับบริการ (Authen Code)"))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        try card.remove()
        // NHSO (the test zone) holds who acted, as the form's words; the journal too, the id masked.
        let verification = try zone.get("/testzone/verifications/\(code)")
        #expect(verification.contains("\"verifierType\":\"ผู้ดูแล\""))
        #expect(verification.contains("\"relationship\":\"ลุง\""))
        #expect(verification.contains("\"verifierPid\":\"3500100345671\""))
        let listing = try journalListing(folder.appendingPathComponent("journal.sqlite"))
        #expect(listing.contains("\(code)  11002xxxxxx94  proxyCard"))
        #expect(listing.contains("by  ผู้ดูแล  ลุง  35001xxxxxx71"))
    }

    @Test func aKioskSendsThePatientToTheDeskWithAQueueSlipInEnglish() throws {
        let zone = try TestZoneProcess()
        let (kiosk, folder) = try kiosk(zone)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F2", "Enter", "6")
        #expect(kiosk.waitFor("Please go to the registration desk"))
        #expect(kiosk.waitFor("Please take your queue slip"))
        let listing = try journalListing(folder.appendingPathComponent("journal.sqlite"))
        let reference = try #require(listing.split(separator: " ").dropFirst(2).first.map(String.init))
        #expect(listing.contains("abandoned  sentToStaff"))
        #expect(kiosk.screen.contains(reference))
        #expect(try printedCodes(folder.appendingPathComponent("slips/queue-\(reference).escpos")) == [reference])
    }

    /// At a station: the patient's id typed, the staff member's own card through pcscd, checked against
    /// the staff list; NHSO is told a staff recorder acted, as caretaking officer.
    @Test func aStationsStaffMemberAuthenticatesForThePatient() throws {
        try Harness.requireVirtualReader(KioskRunTests.reader)
        let zone = try TestZoneProcess()
        let (kiosk, _) = try kiosk(zone, station: true, staff: ["3500100345671"])
        // The staff member signs in with the same card first, through pcscd.
        try signInAtStation(kiosk)
        try kiosk.keys("Enter", "6")
        try kiosk.type("1100200778894")
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("เจ้าหน้าที่: กรุณาเสียบบัตรประชาชนของท่าน"))
        let card = try SimulatedCard("lifetime", arguments: ["--vpcd-port", KioskRunTests.vpcdPort, "--latency-ms", "5"])
        #expect(kiosk.waitFor("นายทองคำ มีสุข (เจ้าหน้าที่ผู้บันทึกข้อมูล · เจ้าหน้าที่ผู้ดูแล)"))
        #expect(kiosk.screen.contains("1-1002-00778-89-4"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("รหัสยืนยันการเข้ารับบริการ (Authen Code)"))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        try card.remove()
        let verification = try zone.get("/testzone/verifications/\(code)")
        #expect(verification.contains("\"authenType\":\"STAFF\""))
        #expect(verification.contains("\"verifierType\":\"เจ้าหน้าที่ผู้บันทึกข้อมูล\""))
    }

    /// The camera is ffmpeg's test pattern, through the code a V4L2 camera takes.
    @Test func aPhotoWithTheIDCardByNumpadInThai() throws {
        let zone = try TestZoneProcess()
        let (kiosk, folder) = try kiosk(zone)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("KPEnter", "KP2")
        try kiosk.keys(contentsOf: "1100200778894".map { "KP\($0)" } + ["KPEnter"])
        #expect(kiosk.waitFor("ถือบัตรประชาชนไว้ข้างใบหน้า"))
        #expect(kiosk.waitFor("▀"), "the live preview")
        try kiosk.keys("KPEnter")
        #expect(kiosk.waitFor("ภาพนี้ใช้ได้หรือไม่", timeout: .seconds(10)))
        // Retake, then keep the second one.
        try kiosk.keys("Escape")
        #expect(kiosk.waitFor("ถือบัตรประชาชนไว้ข้างใบหน้า"))
        try kiosk.keys("KPEnter")
        #expect(kiosk.waitFor("ภาพนี้ใช้ได้หรือไม่", timeout: .seconds(10)))
        try kiosk.keys("KPEnter")
        #expect(kiosk.waitFor("ภูมิ รักเรียน"))
        try kiosk.keys("KPEnter")
        #expect(kiosk.waitFor("รหัสยืนยันการเข้ารับบริการ (Authen Code)"))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        let verification = try zone.get("/testzone/verifications/\(code)")
        #expect(verification.contains("\"authenType\":\"PHOTO\""))
        #expect(verification.contains(#""photo":"\/9j\/"#) || verification.contains(#""photo":"/9j/"#), "a JPEG went with the visit")
        // Never on disk: not in the journal, not in the log.
        let journal = try Data(contentsOf: folder.appendingPathComponent("journal.sqlite"))
        #expect(journal.range(of: Data("/9j/".utf8)) == nil)
        let log = (try? String(contentsOf: folder.appendingPathComponent("kiosk.log"), encoding: .utf8)) ?? ""
        #expect(!log.contains("/9j/"))
    }

    @Test func aGuardiansPhotoWithAPassportByKeyboardInEnglish() throws {
        let zone = try TestZoneProcess()
        let (kiosk, _) = try kiosk(zone, term: "foot")
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F2", "Enter", "5")
        try kiosk.type("1100200778894")
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("Please type the guardian's or caretaker's 13-digit ID number"))
        try kiosk.type("3500100345671")
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("The ID shown (1–5) and why no Thai ID card (6–10)"))
        try kiosk.keys("4", "Enter", "6", "Enter", "Enter")
        #expect(kiosk.waitFor("Guardian or caretaker: hold the ID you chose"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("Is this photo good?", timeout: .seconds(10)))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("acts as, and is the patient's"))
        try kiosk.keys("1", "Enter", "4", "Enter", "Enter")
        #expect(kiosk.waitFor("(ผู้ปกครอง · มารดา · หนังสือเดินทาง)"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("Your visit code (Authen Code)"))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        let verification = try zone.get("/testzone/verifications/\(code)")
        #expect(verification.contains("\"authenType\":\"PROXY_PHOTO\""))
        #expect(verification.contains("\"documentType\":\"หนังสือเดินทาง\""))
        #expect(verification.contains("\"reason\":\"บัตรประชาชนสูญหาย\""))
    }

    @Test func qrByKeyboardAndTapsInEnglish() throws {
        let zone = try TestZoneProcess()
        let (kiosk, _) = try kiosk(zone, term: "foot")
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F2")
        #expect(kiosk.waitFor("Please insert your Thai ID card"))
        try kiosk.keys("Enter", "Down", "Down", "Enter")
        #expect(kiosk.waitFor("Scan this QR with LINE"))
        let configuration = JourneyConfiguration(hcode: "10757", qrAuthenticationURL: "\(zone.url)/testzone/qr/10757")
        try tap(.enter, on: JourneyState(step: .identifying(.qr(.scan)), language: .english), configuration: configuration, in: kiosk)
        #expect(kiosk.waitFor("Please type the patient's 13-digit ID number"))
        // Letters are refused with a message; the digits typed stay.
        try kiosk.type("11017abc")
        #expect(kiosk.waitFor("Please type digits only"))
        try kiosk.type("00203450")
        #expect(kiosk.waitFor("1-1017-00203-45-0"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("Waiting for NHSO to confirm the authentication"))
        try zone.post("/testzone/mobile-authentication", body: #"{"pid":"\#(somchai)","hcode":"10757"}"#)
        #expect(kiosk.waitFor("Your visit code (Authen Code)"))
    }
}

extension String {
    /// A configuration file's path, its `mode` set to station when asked.
    func replacingStationMode(_ station: Bool) throws -> String {
        guard station else { return self }
        let text = try String(contentsOfFile: self, encoding: .utf8).replacingOccurrences(of: "mode: kiosk", with: "mode: station")
        try text.write(toFile: self, atomically: true, encoding: .utf8)
        chmod(self, 0o600)  // a configuration others can read is refused
        return self
    }
}

extension TmuxKiosk {
    func keys(contentsOf keys: [String]) throws { try tmux(["send-keys", "-t", session] + keys) }
}

/// At a station on the real stack: the staff member whose card is "lifetime" (on the staff list)
/// signs in with it through pcscd, takes it out, and opens the visit screen.
func signInAtStation(_ kiosk: TmuxKiosk, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(kiosk.waitFor("เสียบบัตรประชาชนของเจ้าหน้าที่เพื่อลงชื่อเข้าใช้", sourceLocation: sourceLocation))
    let signIn = try SimulatedCard("lifetime", arguments: ["--vpcd-port", KioskRunTests.vpcdPort, "--latency-ms", "5"])
    #expect(kiosk.waitFor("เจ้าหน้าที่: นายทองคำ มีสุข (35001xxxxxx71)", sourceLocation: sourceLocation))
    try signIn.remove()
    try kiosk.keys("1")
    #expect(kiosk.waitFor("เสียบบัตรประชาชนของผู้รับบริการ", sourceLocation: sourceLocation))
}
