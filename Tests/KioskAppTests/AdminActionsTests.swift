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

    func actions(_ rig: Rig, printer: any SlipPrinter, slips: SlipArchive, events: AdminEventLog) -> AdminActions {
        let services = KioskServices(cards: rig.cards, nhso: rig.nhso, printer: printer, journal: rig.journal)
        let setup = AdminSetup(pinHash: AdminPIN.hash("8642")!, nhsoSummary: "test zone", tokenSummary: nil)
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
