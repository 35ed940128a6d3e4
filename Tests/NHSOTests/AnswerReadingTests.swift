import Foundation
@testable import NHSO
import NHSOTestZone
import Synchronization
import Testing

/// NHSO's answers read as NHSO sends them: any 2xx from confirm-save is a committed visit, a 400 is
/// settled by looking for an existing code, a failed lookup never leads to a second POST, and a list
/// skips what it cannot read.
@Suite struct AnswerReadingTests {
    let short = NHSOTimeouts(request: .milliseconds(400))

    func visit(_ rights: RightsCheck, service: String = ServiceCode.general) -> VisitRequest {
        VisitRequest(pid: rights.pid, claimType: service, mobile: "", correlationId: rights.correlationId!, hcode: "10757")
    }

    @Test func aCommittedVisitWithOnlyItsCodeIsACode() async throws {
        let zone = try await RunningTestZone(faults: TestZoneFaults(partialCommitBody: true))
        let client = zone.cloud()
        let answer = try await client.confirmSave(visit(try await client.checkRights(pid: People.somchai)))
        #expect(answer.claimCode != nil)
        #expect(answer.createdDate == nil && answer.correlationId == nil)
        let submitted = try await VisitSubmitter(service: client).submit(
            visit(try await client.checkRights(pid: People.malee)), serviceDate: thaiToday()
        )
        #expect(submitted.origin == .issued)
        #expect(await zone.zone.ledger.allClaims().map(\.claimCode).contains(submitted.claimCode))
    }

    @Test func aCommittedVisitWhoseBodyCannotBeReadIsLookedUpNotSentAgain() async throws {
        let zone = try await RunningTestZone()
        let counter = CountingService(zone.cloud())
        let rights = try await zone.cloud().checkRights(pid: People.somchai)
        // Every answer cut in half: confirm-save's body is not JSON, but the visit is committed.
        zone.setFaults(TestZoneFaults(malformedJSON: true))
        await #expect { try await VisitSubmitter(service: counter).submit(visit(rights), serviceDate: thaiToday()) } throws: {
            // The lookups' answers are cut too: the code exists but cannot be read yet.
            guard case .visitOutcomeUnknown = $0 as? NHSOError else { return false }
            return true
        }
        #expect(counter.confirms == 1)
        #expect(await zone.zone.ledger.allClaims().count == 1)
        // Once answers can be read again, a retry finds the code without sending anything.
        zone.setFaults(TestZoneFaults())
        let found = try await VisitSubmitter(service: counter).submit(visit(rights), serviceDate: thaiToday(), mayHaveBeenRecorded: true)
        #expect(found.origin == .recovered)
        #expect(counter.confirms == 1)
        #expect(await zone.zone.ledger.allClaims().first?.claimCode == found.claimCode)
    }

    @Test(arguments: [false, true])
    func aDuplicateIsTheExistingCodeWhateverTheShapeOfIts400(withErrors: Bool) async throws {
        let zone = try await RunningTestZone(faults: TestZoneFaults(duplicateWithErrors: withErrors))
        let client = zone.cloud()
        let submitter = VisitSubmitter(service: client)
        let first = try await submitter.submit(visit(try await client.checkRights(pid: People.somchai)), serviceDate: thaiToday())
        let again = try await submitter.submit(visit(try await client.checkRights(pid: People.somchai)), serviceDate: thaiToday())
        #expect(again.origin == .alreadyIssuedToday)
        #expect(again.claimCode == first.claimCode)
    }

    @Test func a400WithNoExistingCodeIsNHSOsReason() async throws {
        let zone = try await RunningTestZone()
        let client = zone.cloud()
        var request = visit(try await client.checkRights(pid: People.somchai))
        request.mobile = "08123"
        await #expect { try await VisitSubmitter(service: client).submit(request, serviceDate: thaiToday()) } throws: {
            guard case .visitRejected(let message) = $0 as? NHSOError else { return false }
            return message.contains("10 หลัก")
        }
        #expect(await zone.zone.ledger.allClaims().isEmpty)
    }

    @Test func anotherPersonsCorrelationIdIsRefused() async throws {
        let zone = try await RunningTestZone()
        let client = zone.cloud()
        let somchai = try await client.checkRights(pid: People.somchai)
        let malee = try await client.checkRights(pid: People.malee)
        var crossed = visit(malee)
        crossed.correlationId = somchai.correlationId!
        await #expect { try await client.confirmSave(crossed) } throws: {
            guard case .visitRejected(let message) = $0 as? NHSOError else { return false }
            return message.contains("correlationId")
        }
        #expect(await zone.zone.ledger.allClaims().isEmpty)
    }

    @Test func aListSkipsARecordItCannotRead() throws {
        let body = """
            [{"claimType":"PG0060001","claimCode":"PP1172534798","hcode":"10757","claimDateTime":"2026-11-28T09:00:00"},
             {"claimType":"PG0060001","claimCode":"not a code","hcode":"10757","claimDateTime":"2026-11-27T09:00:00"},
             {"claimCode":"PP1172534700"}]
            """
        let status = """
            {"statusAuthen":true,"statusMessage":"พบข้อมูลการ authen","serviceHistories":[
              {"hospital":{"hcode":"10757","hname":"x"},"serviceDateTime":"2026-11-28T09:00:00","claimCode":"PP1172534798","service":{"code":"PG0060001","name":"x"}},
              {"hospital":{"hcode":"10757"},"serviceDateTime":"2026-11-28T09:00:00","claimCode":"PP1172534799"}]}
            """
        let records = try JSONDecoder().decode([Lossy<AuthenCodeRecord>].self, from: Data(body.utf8)).compactMap(\.value)
        #expect(records.map(\.claimCode.value) == ["PP1172534798"])
        let decoded = try JSONDecoder().decode(AuthenStatus.self, from: Data(status.utf8))
        #expect(decoded.serviceHistories.map(\.claimCode.value) == ["PP1172534798"])
    }

    @Test func serverTextIsMadeSafeAndItsIdsMasked() {
        let text = "bad \u{1B}]0;owned\u{07} pid 1101700203450 \u{1B}[2J"
        let safe = ServerText.safe(text)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 })
        #expect(!safe.contains("1101700203450"))
        #expect(safe.contains("11017xxxxxx50"))
    }
}

/// An `NHSOService` that counts the confirm-saves sent through it.
final class CountingService: NHSOService {
    let inner: any NHSOService
    private let count = Mutex(0)

    init(_ inner: any NHSOService) { self.inner = inner }

    var confirms: Int { count.withLock { $0 } }

    func checkRights(pid: String) async throws(NHSOError) -> RightsCheck { try await inner.checkRights(pid: pid) }
    func confirmSave(_ visit: VisitRequest) async throws(NHSOError) -> ConfirmSaveResponse {
        count.withLock { $0 += 1 }
        return try await inner.confirmSave(visit)
    }
    func saveAsDraft(_ visit: VisitRequest) async throws(NHSOError) -> DraftResponse { try await inner.saveAsDraft(visit) }
    func latestAuthenCode(pid: String) async throws(NHSOError) -> AuthenCodeRecord? { try await inner.latestAuthenCode(pid: pid) }
    func latestAuthenCodesAllHospitals(pid: String) async throws(NHSOError) -> AuthenCodeList { try await inner.latestAuthenCodesAllHospitals(pid: pid) }
    func checkAuthenStatus(pid: String, serviceDate: String, serviceCode: String?) async throws(NHSOError) -> AuthenStatus {
        try await inner.checkAuthenStatus(pid: pid, serviceDate: serviceDate, serviceCode: serviceCode)
    }
}

/// NHSO as a script: what confirm-save answers, attempt by attempt, and what the lookups list.
final class ScriptedNHSO: NHSOService {
    let confirms: Mutex<[Result<ConfirmSaveResponse, NHSOError>]>
    let five: AuthenCodeList
    private let sent = Mutex(0)

    init(confirms: [Result<ConfirmSaveResponse, NHSOError>], five: AuthenCodeList = []) {
        self.confirms = Mutex(confirms)
        self.five = five
    }

    var confirmSaves: Int { sent.withLock { $0 } }

    func checkRights(pid: String) async throws(NHSOError) -> RightsCheck { throw .unreachable(reason: "not scripted") }
    func confirmSave(_ visit: VisitRequest) async throws(NHSOError) -> ConfirmSaveResponse {
        sent.withLock { $0 += 1 }
        let next = confirms.withLock { $0.isEmpty ? .failure(.unreachable(reason: "script ended")) : $0.removeFirst() }
        return try next.get()
    }
    func saveAsDraft(_ visit: VisitRequest) async throws(NHSOError) -> DraftResponse { throw .unreachable(reason: "not scripted") }
    func latestAuthenCode(pid: String) async throws(NHSOError) -> AuthenCodeRecord? { five.first }
    func latestAuthenCodesAllHospitals(pid: String) async throws(NHSOError) -> AuthenCodeList { five }
    func checkAuthenStatus(pid: String, serviceDate: String, serviceCode: String?) async throws(NHSOError) -> AuthenStatus { throw .tokenMissing }
}

@Suite struct ResendTests {
    let visit = VisitRequest(pid: People.somchai, claimType: ServiceCode.general, mobile: "", correlationId: "c-night", hcode: "10757")

    @Test func aCodeCarryingTheVisitsCorrelationIdIsItsOwnWhateverItsDate() async throws {
        // Sent just before midnight, stamped by NHSO just after: found, not sent again.
        let stamped = AuthenCodeRecord(pid: visit.pid, claimType: visit.claimType, claimCode: ClaimCode("PP1172534798")!,
                                       hcode: "10757", claimDateTime: "2026-11-29T00:00:02", correlationId: "c-night")
        let nhso = ScriptedNHSO(confirms: [], five: [stamped])
        let found = try await VisitSubmitter(service: nhso).submit(visit, serviceDate: "2026-11-28", mayHaveBeenRecorded: true)
        #expect(found.claimCode == stamped.claimCode && found.origin == .recovered)
        #expect(nhso.confirmSaves == 0)
    }

    @Test func a400AfterAnUnansweredAttemptIsPendingNotRefused() async throws {
        let nhso = ScriptedNHSO(confirms: [.failure(.unreachable(reason: "timed out")), .failure(.visitRejected(message: "มีรายการแล้ว"))])
        await #expect { try await VisitSubmitter(service: nhso, backoff: .milliseconds(1)).submit(self.visit, serviceDate: "2026-11-28") } throws: {
            guard case .visitOutcomeUnknown(let reason) = $0 as? NHSOError else { return false }
            return reason.contains("มีรายการแล้ว")
        }
    }

    @Test func fiveCodesAllNewerThanTheDayProveNothing() async throws {
        let newer = (0..<5).map { n in
            AuthenCodeRecord(pid: visit.pid, claimType: visit.claimType, claimCode: ClaimCode("PP11725348\(10 + n)")!,
                             hcode: "10757", claimDateTime: "2026-12-0\(n + 1)T09:00:00")
        }
        let nhso = ScriptedNHSO(confirms: [], five: AuthenCodeList(records: newer))
        await #expect(throws: NHSOError.self) { try await VisitSubmitter(service: nhso).existingCode(for: self.visit, serviceDate: "2026-11-28") }
        let skipped = ScriptedNHSO(confirms: [], five: AuthenCodeList(records: [], unreadable: 1))
        await #expect(throws: NHSOError.self) { try await VisitSubmitter(service: skipped).existingCode(for: self.visit, serviceDate: "2026-11-28") }
        #expect(try await VisitSubmitter(service: ScriptedNHSO(confirms: [])).existingCode(for: visit, serviceDate: "2026-11-28") == nil)
    }
}

@Suite struct ServerTextLimitTests {
    @Test func anEchoedPhotoOrALongMessageIsCutBeforeItIsLoggedOrShown() {
        let photo = String(repeating: "/9j/4AAQSkZJRgABAQAAAQABAAD", count: 20)
        let safe = ServerText.safe("Validation failed: photo '\(photo)' is not accepted")
        #expect(!safe.contains("/9j/4AAQ"))
        #expect(safe.contains("Validation failed: photo '…' is not accepted"))
        #expect(ServerText.safe(String(repeating: "ไม่พบ ", count: 200)).count <= ServerText.messageLimit + 1)
        #expect(ServerText.safe("PP1172534798 ผู้รับบริการได้รับ Authen Code แล้ว") == "PP1172534798 ผู้รับบริการได้รับ Authen Code แล้ว")
    }
}
