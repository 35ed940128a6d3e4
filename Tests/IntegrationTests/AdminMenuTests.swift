import Foundation
import Testing

/// The admin menu in a real terminal: the chord and PIN, a copy of the last slip, the status screen,
/// and a station's reprint key.
@Suite(.serialized) struct AdminMenuTests {
    /// A demo patient through to a printed code, back at the start screen; returns the code.
    func codedVisit(_ kiosk: TmuxKiosk, start: String = "กรุณาเสียบบัตรประชาชน") throws -> String {
        #expect(kiosk.waitFor(start))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try kiosk.keys("Enter")
        let deadline = ContinuousClock.now + .seconds(15)
        while kiosk.screen.firstMatch(of: /PP\d{10}/) == nil, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        try kiosk.keys("F6")
        #expect(kiosk.waitFor("เสร็จสิ้น"))
        try kiosk.keys("Enter")
        return code
    }

    @Test func staffPrintTheLastSlipAgainAndSeeTheStatusBehindThePIN() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--admin-pin", "8642"])
        let code = try codedVisit(kiosk)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))

        try kiosk.keys("F12", "1", "1", "1", "1", "Enter")
        #expect(kiosk.waitFor("รหัสไม่ถูกต้อง (ผิด 1 จาก 5 ครั้ง"))
        try kiosk.keys("8", "6", "4", "2", "Enter")
        #expect(kiosk.waitFor("พิมพ์ใบยืนยันใบล่าสุดซ้ำ"))
        try kiosk.keys("1")
        // The latest slip is shown first, for staff to check with the patient; Enter prints it.
        #expect(kiosk.waitFor("ใบยืนยันใบล่าสุด"))
        #expect(kiosk.screen.contains(code) && kiosk.screen.contains("1-1017-xxxxx-x5-0"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("พิมพ์สำเนาใบ \(code) แล้ว"))
        // The copy, beside the first slip: the same code in its QR and barcode.
        let copy = kiosk.output.appendingPathComponent("slips/\(code)-copy.escpos")
        #expect(try printedCodes(copy) == [code, code])
        #expect(FileManager.default.fileExists(atPath: kiosk.output.appendingPathComponent("slips/\(code).escpos").path))

        try kiosk.keys("4")
        #expect(kiosk.waitFor("OK  journal: writable; 0 visit(s) waiting"))
        #expect(kiosk.screen.contains("OK  reader: the demo's card slot"))
        #expect(kiosk.screen.contains("OK  printer: "))
        try kiosk.keys("Escape")
        #expect(kiosk.waitFor("พิมพ์ใบยืนยันใบล่าสุดซ้ำ"))
        try kiosk.keys("Escape")
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        #expect(!kiosk.screen.contains("เมนูผู้ดูแลระบบ"))

        // Patients start in English from now on; the menu says so.
        try kiosk.keys("F12", "8", "6", "4", "2", "Enter")
        #expect(kiosk.waitFor("พิมพ์ใบยืนยันใบล่าสุดซ้ำ"))
        try kiosk.keys("6")
        #expect(kiosk.waitFor("Patients start in: English"))
        try kiosk.keys("Escape")
        #expect(kiosk.waitFor("Please insert your Thai ID card"))
    }

    @Test func aLockoutOutlivesThePlugBeingPulled() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-lockout-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["demo", "--admin-pin", "8642", "--output", folder.path]
        do {
            let kiosk = try TmuxKiosk(arguments: arguments, demoOutput: false)
            #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
            try kiosk.keys("F12")
            for attempt in 1...4 {
                try kiosk.keys("1", "1", "1", "1", "Enter")
                #expect(kiosk.waitFor("ผิด \(attempt) จาก 5 ครั้ง"))
            }
            // Killed at once, as a power cut would: four wrong PINs already count.
            kill(try #require(kiosk.pid), SIGKILL)
        }
        do {
            let kiosk = try TmuxKiosk(arguments: arguments, demoOutput: false)
            #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
            try kiosk.keys("F12", "1", "1", "1", "1", "Enter")
            #expect(kiosk.waitFor("ล็อกชั่วคราวถึงเวลา"))
            kill(try #require(kiosk.pid), SIGKILL)
        }
        // Still locked after another start, even with the right PIN.
        let kiosk = try TmuxKiosk(arguments: arguments, demoOutput: false)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F12")
        #expect(kiosk.waitFor("ล็อกชั่วคราวถึงเวลา"))
        try kiosk.keys("8", "6", "4", "2", "Enter")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(kiosk.screen.contains("ล็อกชั่วคราวถึงเวลา") && !kiosk.screen.contains("พิมพ์ใบยืนยันใบล่าสุดซ้ำ"))
    }

    @Test func restartStartsTheProgramAgainWithNothingBlockedAndTheJournalKept() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--admin-pin", "8642"])
        let code = try codedVisit(kiosk)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let pid = try #require(kiosk.pid)
        try kiosk.keys("F12", "8", "6", "4", "2", "Enter")
        #expect(kiosk.waitFor("7  เริ่มโปรแกรมใหม่"))
        try kiosk.keys("7")
        #expect(kiosk.waitFor("กด Enter อีกครั้งเพื่อเริ่มโปรแกรมใหม่"))
        try kiosk.keys("Enter")
        // The same process, the program anew: the start screen, no menu, and the journal still has the visit.
        Thread.sleep(forTimeInterval: 1)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        #expect(!kiosk.screen.contains("เมนูผู้ดูแลระบบ"))
        #expect(kiosk.pid == pid)
        // Signals reach the new program (none blocked), so SIGTERM and a resize still work.
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let blocked = status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") }
        #expect(blocked?.hasSuffix("0000000000000000") == true, "\(blocked ?? "")")
        try kiosk.keys("F12", "8", "6", "4", "2", "Enter")
        #expect(kiosk.waitFor("1  พิมพ์ใบยืนยันใบล่าสุดซ้ำ"))
        try kiosk.keys("1")
        #expect(kiosk.waitFor(code))
    }

    @Test func aStationPrintsAnEarlierSlipAgainWithItsReprintKey() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--station", "--cards", "somchai"])
        try kiosk.signInAtDemoStation()
        let first = try codedVisit(kiosk, start: "เสียบบัตรประชาชนของผู้รับบริการ")
        #expect(kiosk.waitFor("เสียบบัตรประชาชนของผู้รับบริการ"))
        try kiosk.keys("F9")
        #expect(kiosk.waitFor("พิมพ์ใบยืนยันซ้ำ: กดหมายเลขของรายการ"))
        #expect(kiosk.waitFor(first))
        #expect(kiosk.screen.contains("1-1017-xxxxx-x5-0"))
        try kiosk.keys("1")
        #expect(kiosk.waitFor("พิมพ์สำเนาใบ \(first) แล้ว"))
        #expect(try printedCodes(kiosk.output.appendingPathComponent("slips/\(first)-copy.escpos")) == [first, first])
        try kiosk.keys("Escape")
        #expect(kiosk.waitFor("เสียบบัตรประชาชนของผู้รับบริการ"))
        #expect(!kiosk.screen.contains("พิมพ์ใบยืนยันซ้ำ"))
    }
}
