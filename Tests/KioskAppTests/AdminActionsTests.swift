import ESCPOS
import Foundation
import Journey
import KioskApp
import KioskConfig
import NHSO
import Printing
import Synchronization
import Testing
import VisitJournal

/// The admin menu's work on real parts: the journal, the slip printer (on a test roll), the PIN hash.
@Suite("Admin menu: reprints, status, pending visits, the PIN")
struct AdminActionsTests {
    /// A visit through to its printed code, on `rig`.
    func codedVisit(_ rig: Rig) async throws -> VisitID {
        rig.cards.insert(Cards.somchai)
        rig.core.dispatch(.cardInserted)
        #expect(await rig.core.run { if case .review = $0.step { true } else { false } })
        rig.core.dispatch(.enter)
        #expect(await rig.core.run { if case .claimCode(let issued) = $0.step { issued.slip == .printed } else { false } })
        return try #require(rig.core.state.visit)
    }

    /// A kiosk on a test roll with paper, and a visit through to its printed code.
    func printedVisit() async throws -> (PaperRoll, ReceiptSlipPrinter, Rig, VisitID, String) {
        let roll = PaperRoll()
        roll.empty.withLock { $0 = false }
        let printer = try slipPrinter(roll)
        let rig = try Rig(printer: printer)
        let visit = try await codedVisit(rig)
        return (roll, printer, rig, visit, try #require(try rig.journal.visit(visit)?.claimCode))
    }

    /// The PIN 8642's hash, as `set-pin` wrote it once (the same file read at each start).
    static let pinHash = "$y$j9T$16BnBZl60.PO4wkmp7NW$Ta/zBpwUvnHAaaiPFEyKvIKNlElnHOn/XBWITkO.g8C"

    func actions(_ rig: Rig, printer: any SlipPrinter, slips: SlipArchive, events: AdminEventLog, pinHash: String = Self.pinHash) -> AdminActions {
        let services = KioskServices(cards: rig.cards, nhso: rig.nhso, printer: printer, journal: rig.journal)
        let setup = AdminSetup(pinHash: pinHash, nhsoSummary: "test zone", tokenSummary: nil)
        return AdminActions(setup: setup, services: services, slips: slips, language: .thai) { event in events.list.withLock { $0.append(event) } }
    }

    func wait(for events: AdminEventLog, count: Int = 1) async -> [AdminEvent] {
        for _ in 0..<500 where events.list.withLock({ $0.count }) < count { try? await Task.sleep(for: .milliseconds(10)) }
        return events.list.withLock { $0 }
    }

    /// Every text line of a printed slip (the raster slip's text is pictures; text mode keeps words).
    func printedCode(_ bytes: [UInt8]) throws -> String? {
        for case .qrCode(let data, _, _) in try ESCPOSDecoder.decode(bytes) { return String(decoding: data, as: UTF8.self) }
        return nil
    }

    @Test func theLastSlipIsPrintedAgainAsACopyWithItsNameAndTheJournalHearsOfIt() async throws {
        let (roll, printer, rig, visit, code) = try await printedVisit()
        let events = AdminEventLog()
        let admin = actions(rig, printer: printer, slips: rig.core.effects.slips, events: events)

        #expect(admin.perform(.reprint(visitID: visit.description)))
        #expect(await wait(for: events) == [.finished(.reprinted(claimCode: code))])
        let slips = roll.slips.withLock { $0 }
        #expect(slips.count == 2)
        #expect(try printedCode(slips[1]) == code)
        // The copy says so, and still has the patient's name (this run printed it).
        let copy = try #require(rig.core.effects.slips.slip(for: visit))
        var marked = copy
        marked.isCopy = true
        let texts = printer.elements(marked).compactMap { if case .text(let text, _) = $0 { text } else { nil } }
        #expect(texts.contains("สำเนา (พิมพ์ซ้ำโดยเจ้าหน้าที่)"))
        #expect(texts.contains { $0.contains(copy.patientName) && !copy.patientName.isEmpty })
        #expect(try rig.journal.visit(visit)?.slip == "printed")
    }

    @Test func afterARestartAnEarlierSlipComesFromTheJournalWithoutAName() async throws {
        let (roll, printer, rig, visit, code) = try await printedVisit()
        let events = AdminEventLog()
        // A new run: nothing printed yet in memory.
        let admin = actions(rig, printer: printer, slips: SlipArchive(), events: events)

        admin.perform(.loadRecentVisits)
        guard case .recentLoaded(let lines) = await wait(for: events).first else { Issue.record("no list"); return }
        #expect(lines.map(\.claimCode) == [code])
        #expect(lines.first?.maskedCitizenID == "1-1017-xxxxx-x5-0", "the list shows masked ids only")
        events.list.withLock { $0.removeAll() }

        admin.perform(.reprint(visitID: try #require(lines.first?.visitID)))
        #expect(await wait(for: events) == [.finished(.reprinted(claimCode: code))])
        #expect(try printedCode(try #require(roll.slips.withLock { $0.last })) == code)
        let rebuilt = try #require(try rig.journal.visit(visit)?.copySlip(language: .thai))
        #expect(rebuilt.patientName.isEmpty && rebuilt.maskedCitizenID == "1-1017-xxxxx-x5-0" && rebuilt.isCopy)
    }

    @Test func aReprintOnAnEmptyRollSaysWhyAndNothingWhenThereIsNoSlip() async throws {
        let roll = PaperRoll()   // empty
        let printer = try slipPrinter(roll)
        let rig = try Rig(printer: printer)
        let events = AdminEventLog()
        let admin = actions(rig, printer: printer, slips: SlipArchive(), events: events)
        admin.perform(.reprint(visitID: VisitID().description))
        #expect(await wait(for: events) == [.finished(.nothingToReprint)])
        events.list.withLock { $0.removeAll() }

        roll.empty.withLock { $0 = false }
        let visit = try await codedVisit(rig)
        roll.empty.withLock { $0 = true }
        admin.perform(.reprint(visitID: visit.description))
        #expect(await wait(for: events) == [.finished(.printFailed("the printer is out of paper"))])
        events.list.withLock { $0.removeAll() }
        admin.perform(.printTest)
        #expect(await wait(for: events) == [.finished(.printFailed("the printer is out of paper"))])
    }

    @Test func thePINIsComparedWithItsHash() async throws {
        let rig = try Rig()
        let events = AdminEventLog()
        let admin = actions(rig, printer: NoPrinter(), slips: SlipArchive(), events: events)
        admin.perform(.checkPIN("8642"))
        #expect(await wait(for: events) == [.pinChecked(true)])
        events.list.withLock { $0.removeAll() }
        admin.perform(.checkPIN("86420"))
        #expect(await wait(for: events) == [.pinChecked(false)])
    }

    /// Wrong PINs entered through the menu's reducer, whose log effects the actions carry out.
    func enterWrongPINs(_ count: Int, console: AdminConsole, state: inout AdminState, admin: AdminActions, now: Date) {
        for _ in 0..<count {
            for event in [AdminEvent.chord, .digit(1), .digit(1), .digit(1), .digit(1), .enter, .pinChecked(false)] {
                for effect in console.reduce(&state, event, now: now) { admin.perform(effect) }
            }
            _ = console.reduce(&state, .back, now: now)
        }
    }

    @Test func wrongPINsAndALockoutOutliveARestart() async throws {
        let rig = try Rig()
        let console = AdminConsole(attemptsBeforeLockout: 5, lockoutSeconds: 300)
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded())  // whole seconds survive the round trip exactly
        var state = AdminState()
        enterWrongPINs(3, console: console, state: &state, admin: actions(rig, printer: NoPrinter(), slips: SlipArchive(), events: AdminEventLog()), now: now)
        #expect(state.wrongPINs == 3)

        // The plug pulled: the journal opened again by a new kiosk, which counts on from three.
        let reopened = try Rig(journalPath: rig.journalPath)
        let afterRestart = actions(reopened, printer: NoPrinter(), slips: SlipArchive(), events: AdminEventLog())
        #expect(afterRestart.savedLockout(now: now, console: console) == AdminLockoutRecord(wrongPINs: 3, pinHash: Self.pinHash))
        var restarted = AdminState()
        restarted.wrongPINs = afterRestart.savedLockout(now: now, console: console).wrongPINs
        enterWrongPINs(2, console: console, state: &restarted, admin: afterRestart, now: now)
        let until = try #require(restarted.lockedUntil)
        #expect(until == now.addingTimeInterval(300))

        // Locked after another restart, until the time is up; a right PIN clears the count.
        let again = actions(try Rig(journalPath: rig.journalPath), printer: NoPrinter(), slips: SlipArchive(), events: AdminEventLog())
        #expect(again.savedLockout(now: now.addingTimeInterval(10), console: console) == AdminLockoutRecord(wrongPINs: 0, lockedUntil: until, lockouts: 1, pinHash: Self.pinHash))
        // Over, but still counted: the next lockout will last twice as long.
        #expect(again.savedLockout(now: now.addingTimeInterval(301), console: console) == AdminLockoutRecord(lockouts: 1, pinHash: Self.pinHash))
        // A PIN chosen anew (set-pin, then a restart) starts from nothing: IT can always get back in.
        let newPIN = actions(try Rig(journalPath: rig.journalPath), printer: NoPrinter(), slips: SlipArchive(), events: AdminEventLog(),
                             pinHash: "$y$j9T$tvtMLwLAtaG93mtI/652$8pVu/xDyAqxcfSa4WRXCGQnSJ24VXpczDLr4kPqhGE8")
        #expect(newPIN.savedLockout(now: now.addingTimeInterval(10), console: console) == AdminLockoutRecord())
        again.perform(.log(.opened))
        #expect(try rig.journal.adminLockout() == AdminLockoutRecord(pinHash: Self.pinHash))
    }

    @Test func aSavedLockoutIsNeverLongerThanItCouldLast() async throws {
        let rig = try Rig()
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded())  // whole seconds survive the round trip exactly
        // Saved while the clock was wrong by a year (a box without a clock battery, before NTP).
        try rig.journal.saveAdminLockout(AdminLockoutRecord(wrongPINs: 99, lockedUntil: now.addingTimeInterval(365 * 86_400), pinHash: Self.pinHash))
        let admin = actions(rig, printer: NoPrinter(), slips: SlipArchive(), events: AdminEventLog())
        let console = AdminConsole(attemptsBeforeLockout: 5, lockoutSeconds: 300)
        #expect(admin.savedLockout(now: now, console: console) == AdminLockoutRecord(wrongPINs: 4, lockedUntil: now.addingTimeInterval(300), pinHash: Self.pinHash))
        // The third lockout in a row: up to 20 minutes.
        try rig.journal.saveAdminLockout(AdminLockoutRecord(lockedUntil: now.addingTimeInterval(365 * 86_400), lockouts: 3, pinHash: Self.pinHash))
        #expect(admin.savedLockout(now: now, console: console) == AdminLockoutRecord(lockedUntil: now.addingTimeInterval(1_200), lockouts: 3, pinHash: Self.pinHash))
    }

    @Test func statusAndPendingListsComeFromTheServices() async throws {
        let rig = try Rig()
        let events = AdminEventLog()
        let admin = actions(rig, printer: NoPrinter(), slips: SlipArchive(), events: events)
        admin.perform(.loadStatus)
        guard case .statusLoaded(let lines) = await wait(for: events).first else { Issue.record("no status"); return }
        #expect(lines.map(\.subject) == ["reader", "printer", "NHSO", "token", "journal"])
        #expect(lines.last?.ok == true && lines.last?.detail.contains("0 visit(s) waiting") == true)
        #expect(lines.first { $0.subject == "token" }?.ok == false)
        #expect(admin.perform(.restart) == false, "the runtime restarts, not the actions")
    }
}

/// What the actions posted, in order.
final class AdminEventLog: Sendable {
    let list = Mutex<[AdminEvent]>([])
}
