import Foundation
import Journey
import KioskApp
import NHSO
import Testing
import Synchronization
import VisitJournal

/// The app layer on fake card sources and a fake NHSO (a real journal): a visit is never crossed, lost,
/// or submitted without its journal row.
@Suite struct VisitIntegrityTests {
    func isReview(of pid: String) -> (JourneyState) -> Bool {
        // The person on screen and the person NHSO answered about are both `pid`.
        { state in if case .review(let review) = state.step { review.person.citizenID.digits == pid && review.rights.pid == pid } else { false } }
    }

    @Test func aLateAnswerForAPulledCardNeverReachesTheNextPatient() async throws {
        let rig = try Rig()
        let a = Cards.somchai.citizenID.digits, b = Cards.malee.citizenID.digits
        // A's answer comes while B's rights are still being checked.
        rig.nhso.delay(a, .milliseconds(300))
        rig.nhso.delay(b, .milliseconds(700))
        rig.cards.insert(Cards.somchai)
        rig.core.dispatch(.cardInserted)
        #expect(await rig.core.run { if case .checkingRights = $0.step { true } else { false } })
        // A leaves while NHSO is slow; B arrives and is answered at once.
        rig.cards.insert(nil)
        rig.core.dispatch(.cardRemoved)
        rig.cards.insert(Cards.malee)
        rig.core.dispatch(.cardInserted)
        #expect(await rig.core.run(until: isReview(of: b)))
        // Nothing of A's reaches B's screen later either.
        #expect(await !rig.core.run(until: { !isReview(of: b)($0) }, timeout: .seconds(1)))
        rig.core.dispatch(.enter)
        #expect(await rig.core.run { if case .claimCode = $0.step { true } else { false } })
        let sent = try #require(rig.nhso.confirms.first)
        #expect(sent.pid == b)
        #expect(sent.correlationId.hasPrefix("corr-\(b)-"))
        #expect(rig.nhso.confirms.count == 1)
        _ = a
    }

    @Test func theVisitIsOnDiskBeforeNHSOHearsOfIt() async throws {
        let rig = try Rig()
        let journal = rig.journal
        let seen = SeenRows()
        rig.nhso.state.withLock { $0.beforeConfirm = { _ in seen.add(try? journal.unsettled()) } }
        rig.cards.insert(Cards.somchai)
        rig.core.dispatch(.cardInserted)
        #expect(await rig.core.run(until: isReview(of: Cards.somchai.citizenID.digits)))
        rig.core.dispatch(.enter)
        #expect(await rig.core.run { if case .claimCode = $0.step { true } else { false } })
        let row = try #require(seen.rows.first)
        #expect(row.state == .submitting)
        #expect(row.citizenID == Cards.somchai.citizenID.digits)
        #expect(row.correlationId?.hasPrefix("corr-") == true)
        // And the code, once shown, is in the journal with the id masked.
        #expect(await rig.core.run { _ in (try? journal.latest(1).first?.state) == .printed })
        let settled = try #require(try journal.latest(1).first)
        #expect(settled.claimCode != nil)
        #expect(settled.citizenID == "11017xxxxxx50")
    }

    @Test func withoutAJournalNothingIsSubmittedAndTheKioskSaysItIsOutOfService() async throws {
        let rig = try Rig(failingDisk: true)
        rig.cards.insert(Cards.somchai)
        rig.core.dispatch(.cardInserted)
        #expect(await rig.core.run(until: isReview(of: Cards.somchai.citizenID.digits)))
        // The synced write before confirm-save fails: nothing reaches NHSO.
        rig.core.dispatch(.enter)
        #expect(await rig.core.run { $0.step == .problem(.outOfService) })
        #expect(!rig.core.state.journalAvailable)
        #expect(rig.nhso.confirms.isEmpty)
        // No new visit starts until the journal works again.
        rig.core.dispatch(.cardRemoved)
        rig.core.dispatch(.cardInserted)
        #expect(rig.core.state.step == .problem(.outOfService))
        #expect(rig.nhso.confirms.isEmpty)
    }

    @Test func aSlowSubmitLeavesThePatientAReferenceAndItsCodeIsStillKept() async throws {
        let rig = try Rig(configuration: JourneyConfiguration(hcode: "10757", submitLimitSeconds: 2))
        rig.nhso.state.withLock { $0.confirmDelay = .milliseconds(900) }
        rig.cards.insert(Cards.somchai)
        rig.core.dispatch(.cardInserted)
        #expect(await rig.core.run(until: isReview(of: Cards.somchai.citizenID.digits)))
        rig.core.dispatch(.enter)
        rig.core.dispatch(.tick)
        rig.core.dispatch(.tick)
        guard case .pending(_, let reference) = rig.core.state.step else { Issue.record("\(rig.core.state.step)"); return }
        #expect(reference.count == 6)
        #expect(rig.core.effects.submitsInFlight.count == 1)
        // The answer still comes: the journal keeps the code, and the pending notice shows it.
        #expect(await rig.core.run { if case .claimCode = $0.step { true } else { false } })
        let row = try #require(try rig.journal.latest(1).first)
        #expect(row.reference == reference)
        #expect(row.claimCode != nil)
        #expect(await rig.core.effects.waitForSubmits(upTo: .seconds(2)).isEmpty)
    }

    @Test(arguments: [true, false])
    func theCodeIsCheckedAgainstNHSOsRecord(listed: Bool) async throws {
        let rig = try Rig()
        rig.nhso.state.withLock { $0.statusListsCodes = listed }
        rig.cards.insert(Cards.somchai)
        rig.core.dispatch(.cardInserted)
        #expect(await rig.core.run(until: isReview(of: Cards.somchai.citizenID.digits)))
        rig.core.dispatch(.enter)
        #expect(await rig.core.run { if case .claimCode = $0.step { true } else { false } })
        // Asked after the code is shown, outside the submit.
        let journal = rig.journal
        #expect(await rig.core.run { _ in (try? journal.latest(1).first?.nhsoConfirmed) != nil })
        let row = try #require(try rig.journal.latest(1).first)
        #expect(row.nhsoConfirmed == listed)
        #expect(row.claimCode != nil)
    }

    @Test func quittingWaitsForASubmitUnderWay() async throws {
        let rig = try Rig()
        rig.nhso.state.withLock { $0.confirmDelay = .milliseconds(500) }
        rig.cards.insert(Cards.somchai)
        rig.core.dispatch(.cardInserted)
        #expect(await rig.core.run(until: isReview(of: Cards.somchai.citizenID.digits)))
        rig.core.dispatch(.enter)
        #expect(!rig.core.effects.submitsInFlight.isEmpty)
        let left = await rig.core.effects.waitForSubmits(upTo: .seconds(5))
        #expect(left.isEmpty)
        #expect(try rig.journal.latest(1).first?.state == .coded)
    }
}

final class SeenRows: Sendable {
    private let store = Mutex<[JournalVisit]>([])
    func add(_ rows: [JournalVisit]?) { store.withLock { $0 += rows ?? [] } }
    var rows: [JournalVisit] { store.withLock { $0 } }
}
