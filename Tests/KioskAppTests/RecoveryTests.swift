import Foundation
import Journey
import KioskApp
import NHSO
import NHSOTestZone
import Testing
import VisitJournal

/// After a crash: visits left `submitting` or `pending` are settled by asking NHSO (the test zone over
/// HTTP), never by sending them again.
@Suite struct RecoveryTests {
    let somchai = "1101700203450"

    func setUp() async throws -> (EmbeddedTestZone, NHSOHTTPService, VisitJournal) {
        let zone = try await EmbeddedTestZone(zone: TestZone(population: try Population.bundled(), ledger: try TestZoneLedger()))
        let nhso = NHSOHTTPService.cloud(zone: .test, token: KioskToken(TestZoneConfiguration.defaultTestToken)!, baseURL: zone.url,
                                         timeouts: NHSOTimeouts(request: .milliseconds(500)))
        let journal = try VisitJournal(path: FileManager.default.temporaryDirectory.appendingPathComponent("recovery-\(UUID()).sqlite").path)
        return (zone, nhso, journal)
    }

    /// A visit as a crashed kiosk left it: written, then (maybe) sent.
    func crashedVisit(_ nhso: NHSOHTTPService, _ journal: VisitJournal, send: Bool) async throws -> (VisitID, VisitRequest) {
        let rights = try await nhso.checkRights(pid: somchai)
        let request = VisitRequest(pid: somchai, claimType: ServiceCode.general, mobile: "", correlationId: rights.correlationId!, hcode: "10757")
        let visit = VisitID()
        try await journal.recordNow(visit, .submitting(request, serviceDate: ThaiTime.today()))
        if send { _ = try await nhso.confirmSave(request) }
        return (visit, request)
    }

    /// A running kiosk's pass leaves a young `submitting` row alone: another program on the journal
    /// (`authen-kiosk confirm --config`) may be sending it, and asked about before NHSO records it, it
    /// would be marked not submitted. Past the submit's limit it is asked about as any other.
    @Test func aRunningKioskLeavesAnotherProgramsSubmitUnderWayAlone() async throws {
        let (zone, nhso, journal) = try await setUp()
        defer { zone.stop() }
        let (visit, _) = try await crashedVisit(nhso, journal, send: false)
        #expect(await Recovery(journal: journal, nhso: nhso).run(leavesOthersSubmits: true).isEmpty)
        #expect(try journal.visit(visit)?.state == .submitting)
        let later = await Recovery(journal: journal, nhso: nhso).run(leavesOthersSubmits: true, now: Date().addingTimeInterval(120))
        #expect(later.map(\.outcome) == [.notSubmitted])
    }

    @Test func aCodeNHSOIssuedBeforeTheCrashIsRecordedNotIssuedAgain() async throws {
        let (zone, nhso, journal) = try await setUp()
        defer { zone.stop() }
        let (visit, _) = try await crashedVisit(nhso, journal, send: true)
        let issued = await zone.zone.ledger.allClaims()
        let settled = await Recovery(journal: journal, nhso: nhso).run(closeInterrupted: true)
        #expect(settled.map(\.outcome) == [.found(issued[0].claimCode)])
        let row = try #require(try journal.visit(visit))
        #expect(row.state == .coded && row.origin == "recovered" && row.claimCode == issued[0].claimCode.value)
        #expect(await zone.zone.ledger.allClaims().count == 1)
    }

    @Test func aVisitNHSONeverSawIsMarkedNotSubmitted() async throws {
        let (zone, nhso, journal) = try await setUp()
        defer { zone.stop() }
        let (visit, _) = try await crashedVisit(nhso, journal, send: false)
        let settled = await Recovery(journal: journal, nhso: nhso).run()
        #expect(settled.map(\.outcome) == [.notSubmitted])
        #expect(try journal.visit(visit)?.state == .failed)
        #expect(try journal.visit(visit)?.reason == .notSubmitted)
        #expect(await zone.zone.ledger.allClaims().isEmpty)
    }

    @Test func aLookupThatFailsLeavesItPendingAndSendsNothing() async throws {
        let (zone, nhso, journal) = try await setUp()
        defer { zone.stop() }
        let (visit, _) = try await crashedVisit(nhso, journal, send: false)
        zone.server.setFaults(TestZoneFaults(errorRate: 1))
        let settled = await Recovery(journal: journal, nhso: nhso).run()
        guard case .stillPending = settled.first?.outcome else { Issue.record("\(settled)"); return }
        #expect(try journal.visit(visit)?.state == .pending)
        // Asked again once NHSO answers.
        zone.server.setFaults(TestZoneFaults())
        #expect(await Recovery(journal: journal, nhso: nhso).run().map(\.outcome) == [.notSubmitted])
        #expect(await zone.zone.ledger.allClaims().isEmpty)
    }

    @Test func visitsLeftBeforeConfirmAreClosedAsAbandoned() async throws {
        let (zone, nhso, journal) = try await setUp()
        defer { zone.stop() }
        let visit = VisitID()
        try await journal.recordNow(visit, .identified(citizenID: somchai, path: .card))
        await Recovery(journal: journal, nhso: nhso).run(closeInterrupted: true)
        let row = try #require(try journal.visit(visit))
        #expect(row.state == .abandoned && row.reason == .kioskStopped)
        #expect(row.citizenID == "11017xxxxxx50")
    }

    @Test func aRowChangedSinceRecoveryReadItIsNotOverwritten() async throws {
        let (zone, nhso, journal) = try await setUp()
        defer { zone.stop() }
        let (visit, request) = try await crashedVisit(nhso, journal, send: false)
        let seen = try #require(try journal.visit(visit))
        // A retry of this run takes the visit up again after recovery read it.
        try await journal.recordNow(visit, .submitting(request, serviceDate: ThaiTime.today()), at: Date().addingTimeInterval(1))
        #expect(try await !journal.recordIfUnchanged(seen, .ended(.notSubmitted, detail: "x")))
        #expect(try journal.visit(visit)?.state == .submitting)
    }

    @Test func oldVisitsAreAskedAboutLessOftenAndAfterThreeDaysLeftToStaff() async throws {
        let (zone, nhso, journal) = try await setUp()
        defer { zone.stop() }
        let (visit, _) = try await crashedVisit(nhso, journal, send: false)
        let recovery = Recovery(journal: journal, nhso: nhso)
        #expect(await recovery.run(includeOlder: false, now: Date().addingTimeInterval(3600)).isEmpty)
        #expect(await recovery.run(now: Date().addingTimeInterval(4 * 86_400)).isEmpty)
        #expect(try journal.visit(visit)?.state == .submitting)
        #expect(await recovery.run().map(\.outcome) == [.notSubmitted])
    }

    @Test func aSubmitStillUnderWayIsLeftToItsOwnAnswer() async throws {
        let (zone, nhso, journal) = try await setUp()
        defer { zone.stop() }
        let (visit, _) = try await crashedVisit(nhso, journal, send: false)
        #expect(await Recovery(journal: journal, nhso: nhso).run(inFlight: { $0 == visit }).isEmpty)
        #expect(try journal.visit(visit)?.state == .submitting)
    }
}
