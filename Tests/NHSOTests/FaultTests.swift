import Foundation
import NHSO
import NHSOTestZone
import Testing

/// Each injected fault ends with at most one claim code and a clear error.
@Suite struct FaultTests {
    /// Long enough for a loaded 2-core machine to answer a normal request; short enough for a hang test.
    let short = NHSOTimeouts(request: .milliseconds(1500))

    func visit(_ pid: String = People.somchai, correlation: String = "f-1") -> VisitRequest {
        VisitRequest(pid: pid, claimType: ServiceCode.general, mobile: "0812345678", correlationId: correlation)
    }

    @Test func anAnswerLostAfterCommitIsRecoveredNotRepeated() async throws {
        let zone = try await RunningTestZone(faults: TestZoneFaults(dropAfterCommit: true))
        let submitter = VisitSubmitter(service: zone.cloud(timeouts: short), attempts: 3, backoff: .milliseconds(10))
        let submitted = try await submitter.submit(visit(), serviceDate: thaiToday())
        #expect(submitted.origin == .recovered)
        let claims = await zone.zone.ledger.allClaims()
        #expect(claims.count == 1)
        #expect(claims.first?.claimCode == submitted.claimCode)
    }

    @Test func anOutageLeavesTheVisitPendingAndSendsItOnlyOnce() async throws {
        let zone = try await RunningTestZone(faults: TestZoneFaults(hang: true))
        let counter = CountingService(zone.cloud(timeouts: short))
        let submitter = VisitSubmitter(service: counter, attempts: 3, backoff: .milliseconds(10))
        // The confirm went unanswered and NHSO could not be asked whether it recorded it: the outcome is
        // unknown, and nothing is sent again on a guess.
        await #expect { try await submitter.submit(visit(), serviceDate: thaiToday()) } throws: {
            guard case .visitOutcomeUnknown = $0 as? NHSOError else { return false }
            return true
        }
        #expect(counter.confirms == 1)
        #expect(await zone.zone.ledger.allClaims().isEmpty)
        let error = NHSOError.unreachable(reason: "timed out")
        #expect(error.patientMessage.th.contains("ไม่สามารถเชื่อมต่อ"))
        #expect(error.patientMessage.en.contains("cannot be reached"))
    }

    @Test func serverErrorsAreRetriedThenReported() async throws {
        let zone = try await RunningTestZone(faults: TestZoneFaults(errorRate: 1))
        let client = zone.cloud()
        await #expect { try await VisitSubmitter(service: client, attempts: 2, backoff: .milliseconds(10)).submit(visit(), serviceDate: thaiToday()) } throws: {
            guard case .visitOutcomeUnknown(let reason) = $0 as? NHSOError else { return false }
            return reason.contains("503")
        }
        #expect(await zone.zone.ledger.allClaims().isEmpty)
        // Once NHSO recovers, the same visit gets exactly one code.
        zone.setFaults(TestZoneFaults())
        let submitted = try await VisitSubmitter(service: client, backoff: .milliseconds(10)).submit(visit(), serviceDate: thaiToday())
        #expect(submitted.origin == .issued)
        #expect(await zone.zone.ledger.allClaims().count == 1)
    }

    @Test func malformedAnswersAreTypedErrors() async throws {
        let zone = try await RunningTestZone(faults: TestZoneFaults(malformedJSON: true))
        await #expect { try await zone.cloud().checkRights(pid: People.somchai) } throws: {
            guard case .malformedAnswer = $0 as? NHSOError else { return false }
            return true
        }
    }

    @Test func aSecondVisitTheSameDayGetsTheExistingCode() async throws {
        let zone = try await RunningTestZone()
        let submitter = VisitSubmitter(service: zone.cloud(), backoff: .milliseconds(10))
        let first = try await submitter.submit(visit(correlation: "morning"), serviceDate: thaiToday())
        let second = try await submitter.submit(visit(correlation: "afternoon"), serviceDate: thaiToday())
        #expect(first.origin == .issued)
        #expect(second.origin == .alreadyIssuedToday)
        #expect(second.claimCode == first.claimCode)
        #expect(await zone.zone.ledger.allClaims().count == 1)
    }

    @Test func addedLatencyIsServed() async throws {
        let zone = try await RunningTestZone(faults: TestZoneFaults(latencyMs: 150))
        let start = ContinuousClock.now
        _ = try await zone.cloud().checkRights(pid: People.somchai)
        #expect(ContinuousClock.now - start >= .milliseconds(150))
    }

    @Test func theTokenNeverReachesTheLog() async throws {
        let log = CapturedLog()
        let zone = try await RunningTestZone()
        let client = zone.cloud(logger: log.logger)
        _ = try await client.checkRights(pid: People.somchai)
        _ = try? await client.checkRights(pid: "1101700203451")
        zone.setFaults(TestZoneFaults(malformedJSON: true))
        _ = try? await client.checkRights(pid: People.somchai)
        zone.setFaults(TestZoneFaults(hang: true))
        _ = try? await zone.cloud(timeouts: short, logger: log.logger).checkRights(pid: People.somchai)
        let text = log.text
        #expect(!text.isEmpty)
        #expect(!text.contains(TestZoneConfiguration.defaultTestToken))
        // Citizen ids are masked in logs too.
        #expect(!text.contains(People.somchai))
        #expect(text.contains("1101xxxxxx50") || text.contains("11017"))
    }
}
