import Foundation
import NHSO
import NHSOTestZone
import Testing

@Suite struct PersistenceTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("testzone-\(UUID()).sqlite").path

    func visit(_ pid: String, _ service: String = ServiceCode.general, correlation: String = "p-1") -> VisitRequest {
        VisitRequest(pid: pid, claimType: service, mobile: "", correlationId: correlation)
    }

    @Test func claimsAndTheCodeCounterSurviveARestart() async throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try TestZoneLedger(store: SQLiteTestZoneStore(path: path))
        let a = try await first.confirm(visit(People.somchai), hcode: "10757", at: "2026-11-27T09:00:00", channel: "KIOSK")
        let b = try await first.confirm(visit(People.malee), hcode: "10757", at: "2026-11-27T09:01:00", channel: "KIOSK")
        _ = try await first.cancel(b.claimCode)
        _ = try await first.saveDraft(visit(People.child, correlation: "draft-1"), hcode: "10757", at: "2026-11-27T09:02:00")

        let reopened = try TestZoneLedger(store: SQLiteTestZoneStore(path: path))
        let claims = await reopened.allClaims()
        #expect(claims.map(\.claimCode) == [a.claimCode, b.claimCode])
        #expect(claims.last?.status == .cancelled)
        #expect(await reopened.allDrafts().map(\.visit.correlationId) == ["draft-1"])
        // Still one code per person, service and day after the restart...
        await #expect(throws: TestZoneLedger.Refusal.alreadyAuthenticated(claims[0])) {
            try await reopened.confirm(visit(People.somchai, correlation: "p-2"), hcode: "10757", at: "2026-11-27T10:00:00", channel: "KIOSK")
        }
        // ...and a new code never repeats an old one.
        let c = try await reopened.confirm(visit(People.malee, correlation: "p-3"), hcode: "10757", at: "2026-11-27T10:00:00", channel: "KIOSK")
        #expect(![a.claimCode, b.claimCode].contains(c.claimCode))
    }

    @Test func withoutAStoreNothingIsKept() async throws {
        let ledger = try TestZoneLedger()
        _ = try await ledger.confirm(visit(People.somchai), hcode: "10757", at: "2026-11-27T09:00:00", channel: "KIOSK")
        #expect(try await TestZoneLedger(store: nil).allClaims().isEmpty)
    }
}
