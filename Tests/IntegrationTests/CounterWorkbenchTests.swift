import Foundation
import Testing
import VisitJournal

extension TmuxKiosk {
    /// Esc alone: a key sent within ncurses' escape delay (25 ms) after it would make one sequence.
    func escape() throws {
        try keys("Escape")
        Thread.sleep(forTimeInterval: 0.1)
    }
}

/// The registration counter's workbench in a real terminal (`demo --station`, tmux under
/// `TERM=xterm-256color`), as staff use it: sign in with their own card, a patient's visit from the
/// menu, the day's report on screen and exported, the token page, English, and signed out when idle.
@Suite(.serialized) struct CounterWorkbenchTests {
    @Test func aStaffMemberWorksTheCounterAndIsSignedOutWhenIdle() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--station", "--sign-out-seconds", "30"], width: 80, height: 24,
                                  environment: ["TERM": "xterm-256color"])
        #expect(kiosk.waitFor("เสียบบัตรประชาชนของเจ้าหน้าที่เพื่อลงชื่อเข้าใช้"))
        // Keys do nothing until someone signs in.
        try kiosk.keys("6")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!kiosk.screen.contains("รายงาน Authen Code"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("เจ้าหน้าที่: นายสมชาย ใจดี (11017xxxxxx50) · F10 ออกจากระบบ"))
        for entry in ["F1  1  ตรวจสอบสิทธิและยืนยันเข้ารับบริการ", "F2  2  ค้นหา/แก้ไขรายการบันทึก (ร่าง)", "F3  3  ค้นหา/ลบรายการที่ยืนยันแล้ว",
                      "F4  4  ประวัติ Authen Code รายบุคคล", "F5  5  ยืนยันเข้ารับบริการพร้อมปิดสิทธิ (NHSO ENDPOINT)", "F6  6  รายงาน",
                      "F7  7  Token สำหรับตู้ Kiosk"] {
            #expect(kiosk.screen.contains(entry), "\(entry)")
        }
        // The staff card out, a patient's in: their visit starts from the menu, one key to the code.
        try kiosk.keys("F6")
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        #expect(kiosk.screen.contains("เจ้าหน้าที่: นายสมชาย ใจดี"), "the signed-in person stays on the top line")
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("รหัสยืนยันการเข้ารับบริการ (Authen Code)"))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        try kiosk.keys("F6")
        #expect(kiosk.waitFor("เสียบบัตรประชาชนของผู้รับบริการ", timeout: .seconds(30)))
        try kiosk.escape()
        #expect(kiosk.waitFor("F6  6  รายงาน"))

        try kiosk.keys("6")
        #expect(kiosk.waitFor("รายงาน Authen Code วันที่"))
        #expect(kiosk.screen.contains(code))
        #expect(kiosk.screen.contains("11002xxxxxx94"), "ids masked")
        #expect(kiosk.screen.contains("ตามบริการ: PG0060001 1"))
        try kiosk.keys("1")
        #expect(kiosk.waitFor("บันทึกไฟล์แล้ว:"))
        try kiosk.keys("2")
        #expect(kiosk.waitFor(".xlsx"))
        let reports = kiosk.output.appendingPathComponent("reports")
        let files = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        #expect(files.count == 2 && files.allSatisfy { $0.hasPrefix("authen-codes-") }, "\(files)")
        let csv = try Data(contentsOf: reports.appendingPathComponent(try #require(files.first { $0.hasSuffix(".csv") })))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv, as: UTF8.self).contains(code))

        try kiosk.escape()
        try kiosk.keys("7")
        #expect(kiosk.waitFor("NHSO: accepts the token now"))
        #expect(kiosk.screen.contains("zone: test"))
        // Esc and a key in one burst (within ncurses' escape delay): back, then the key.
        try kiosk.keys("Escape", "3")
        #expect(kiosk.waitFor("ระหว่างนี้กรุณาใช้หน้าเว็บ New Authen ของ สปสช."), "an entry not yet here says what to use")
        try kiosk.escape()
        try kiosk.keys("F11")
        #expect(kiosk.waitFor("F1  1  Verify and confirm a visit"))
        #expect(kiosk.screen.contains("Staff: นายสมชาย ใจดี (11017xxxxxx50) · F10 signs out"))

        // No key for the idle time: signed out, and the journal says who did what.
        #expect(kiosk.waitFor("Signed out after a time without use", timeout: .seconds(45)))
        let journal = try VisitJournal(path: kiosk.output.appendingPathComponent("journal.sqlite").path, readOnly: true)
        let actions = try journal.staffActions().reversed().map { "\($0.action) \($0.actor)" }
        #expect(actions == ["signedIn 11017xxxxxx50", "exported 11017xxxxxx50", "exported 11017xxxxxx50", "signedOutIdle 11017xxxxxx50"])
    }

    @Test func f10SignsOutAtOnceAndACardNotOnTheListIsRefused() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--station", "--cards", "somchai,lifetime"], width: 80, height: 24)
        #expect(kiosk.waitFor("เสียบบัตรประชาชนของเจ้าหน้าที่เพื่อลงชื่อเข้าใช้"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("เจ้าหน้าที่: นายสมชาย ใจดี"))
        try kiosk.keys("F10")
        #expect(kiosk.waitFor("ออกจากระบบแล้ว"))
        // The next demo card (Thongkham) is not on the demo's staff list.
        try kiosk.keys("F6")
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("บัตรนี้ไม่อยู่ในรายชื่อเจ้าหน้าที่ของจุดบริการนี้"))
        #expect(!kiosk.screen.contains("F10 ออกจากระบบ"))
    }
}
