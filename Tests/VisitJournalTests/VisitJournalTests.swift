import Foundation
import GRDB
import Journey
import NHSO
import Testing
@testable import VisitJournal

@Suite struct VisitJournalTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID())")
    var path: String { folder.appendingPathComponent("journal.sqlite").path }
    let visit = VisitID.numbered(1)
    let request = VisitRequest(pid: "1101700203450", claimType: ServiceCode.general, mobile: "0812345678", correlationId: "c-1", hcode: "10757")

    @Test func theFileIsPrivateAndWritesAheadWithFullSync() async throws {
        let journal = try VisitJournal(path: path)
        try await journal.recordNow(visit, .submitting(request, serviceDate: "2026-11-28"))
        var info = stat()
        for file in [path, path + "-wal", path + "-shm"] {
            // In WAL mode the -wal and -shm files exist while the journal is open: each must be private.
            #expect(stat(file, &info) == 0, "\(file) is missing")
            #expect(info.st_mode & 0o777 == 0o600, "\(file) is \(String(info.st_mode & 0o777, radix: 8))")
        }
        let (mode, sync) = try await journal.database.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)  // FULL
    }

    @Test func whoActedForThePatientIsKeptAndTheirIDMaskedOnceSettledButNeverThePhoto() async throws {
        let journal = try VisitJournal(path: path)
        var proxied = request
        proxied.verification = Verification(
            authenType: .proxyPhoto, verifierType: "ผู้ปกครอง", verifierPid: "3500100345671", verifierName: "นายทองคำ มีสุข",
            relationship: "บิดา", documentType: PhotoDocument.passport.thai, reason: "บัตรหาย", photo: "/9j/4AAQSkZJRgABAQ=="
        )
        try await journal.recordNow(visit, .identified(citizenID: request.pid, path: .proxyPhoto))
        try await journal.recordNow(visit, .submitting(proxied, serviceDate: "2026-11-28"))
        var row = try #require(try journal.visit(visit))
        #expect(row.verifierType == "ผู้ปกครอง" && row.relationship == "บิดา" && row.documentType == PhotoDocument.passport.thai)
        #expect(row.verifierCitizenID == "3500100345671", "in full while recovery may need it")
        try await journal.recordNow(visit, .coded(ClaimCode("PP1172534798")!, claimDateTime: "2026-11-28T09:30:00", origin: .issued))
        row = try #require(try journal.visit(visit))
        #expect(row.verifierCitizenID == "35001xxxxxx71")
        let dump = try await journal.database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM visit").description }
        #expect(!dump.contains("/9j/"), "the photo is never journaled")
    }

    @Test func aSubmittingVisitKeepsWhatRecoveryNeedsAndSurvivesAReopen() async throws {
        do {
            let journal = try VisitJournal(path: path)
            try await journal.recordNow(visit, .identified(citizenID: request.pid, path: .card))
            try await journal.recordNow(visit, .submitting(request, serviceDate: "2026-11-28"))
        }
        let reopened = try VisitJournal(path: path)
        let unsettled = try reopened.unsettled()
        #expect(unsettled.count == 1)
        let row = try #require(unsettled.first)
        #expect(row.visitID == visit)
        #expect(row.citizenID == request.pid)
        #expect(row.service == ServiceCode.general && row.hcode == "10757" && row.correlationId == "c-1")
        #expect(row.serviceDate == "2026-11-28")
        #expect(row.reference == visit.reference)
    }

    @Test func aSettledVisitKeepsOnlyAMaskedId() async throws {
        let journal = try VisitJournal(path: path)
        try await journal.recordNow(visit, .submitting(request, serviceDate: "2026-11-28"))
        try await journal.recordNow(visit, .coded(ClaimCode("PP1172534798")!, claimDateTime: "2026-11-28T09:00:00", origin: .issued))
        let row = try #require(try journal.visit(visit))
        #expect(row.state == .coded)
        #expect(row.citizenID == "11017xxxxxx50")
        #expect(try journal.unsettled().isEmpty)
    }

    @Test func aCodeIsNeverOverwrittenByALaterFailureOrPendingMark() async throws {
        let journal = try VisitJournal(path: path)
        try await journal.recordNow(visit, .submitting(request, serviceDate: "2026-11-28"))
        try await journal.recordNow(visit, .coded(ClaimCode("PP1172534798")!, claimDateTime: "2026-11-28T09:00:00", origin: .issued))
        try await journal.recordNow(visit, .pending)
        try await journal.recordNow(visit, .ended(.submitFailed, detail: "late"))
        try await journal.recordNow(visit, .submitting(request, serviceDate: "2026-11-28"))
        let row = try #require(try journal.visit(visit))
        #expect(row.state == .coded)
        #expect(row.claimCode == "PP1172534798")
    }

    @Test func aPendingVisitIsFailedOnlyByRecoverysLookup() async throws {
        let journal = try VisitJournal(path: path)
        try await journal.recordNow(visit, .submitting(request, serviceDate: "2026-11-28"))
        try await journal.recordNow(visit, .pending)
        try await journal.recordNow(visit, .ended(.submitFailed, detail: "timed out"))
        #expect(try journal.visit(visit)?.state == .pending)
        try await journal.recordNow(visit, .ended(.notSubmitted, detail: "NHSO holds no code"))
        #expect(try journal.visit(visit)?.state == .failed)
        #expect(try journal.visit(visit)?.mobile == nil)
    }

    @Test func anOlderKiosksTextJournalIsRefusedUntouched() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = folder.appendingPathComponent("journal.jsonl").path
        try #"{"event":"claimCode"}"#.write(toFile: old, atomically: true, encoding: .utf8)
        chmod(old, 0o644)
        #expect { try VisitJournal(path: old) } throws: { "\($0)".contains("not an SQLite journal") }
        var info = stat()
        stat(old, &info)
        #expect(info.st_mode & 0o777 == 0o644)
    }

    @Test func aReadOnlyLookChangesNothing() async throws {
        let journal = try VisitJournal(path: path)
        try await journal.recordNow(visit, .submitting(request, serviceDate: "2026-11-28"))
        let look = try VisitJournal(path: path, readOnly: true)
        #expect(try look.unsettled().count == 1)
        await #expect(throws: JournalError.self) { try await look.recordNow(visit, .pending) }
    }

    @Test func queuedWritesKeepTheirOrder() async throws {
        let journal = try VisitJournal(path: path)
        journal.record(visit, .identified(citizenID: request.pid, path: .card), at: Date()) { _ in }
        journal.record(visit, .rights(mainInscl: "(UCS) x"), at: Date()) { _ in }
        journal.record(visit, .ended(.idleTimeout, detail: "idle"), at: Date()) { _ in }
        // An awaited write comes after everything queued before it.
        try await journal.recordNow(VisitID.numbered(2), .identified(citizenID: request.pid, path: .card))
        let row = try #require(try journal.visit(visit))
        #expect(row.state == .abandoned)
        #expect(row.reason == .idleTimeout)
        #expect(row.mainInscl == "(UCS) x")
        #expect(row.citizenID == "11017xxxxxx50")
    }

    @Test func purgeDropsOldSettledVisitsAndKeepsThoseThatNeedRecovery() async throws {
        let journal = try VisitJournal(path: path)
        let old = Date().addingTimeInterval(-100 * 86_400)
        try await journal.recordNow(VisitID.numbered(1), .ended(.cardRemoved, detail: "x"), at: old)
        try await journal.recordNow(VisitID.numbered(2), .submitting(request, serviceDate: "2026-08-20"), at: old)
        try await journal.recordNow(VisitID.numbered(3), .ended(.cardRemoved, detail: "x"))
        #expect(try journal.purge(olderThanDays: 90) == 1)
        #expect(try journal.visit(VisitID.numbered(1)) == nil)
        #expect(try journal.visit(VisitID.numbered(2))?.state == .submitting)
        #expect(try journal.visit(VisitID.numbered(3)) != nil)
    }

    @Test func aJournalThatCannotBeCreatedSaysWhere() {
        #expect { try VisitJournal(path: "/proc/authen-kiosk/journal.sqlite") } throws: { error in
            (error as? JournalError)?.path == "/proc/authen-kiosk/journal.sqlite"
        }
    }
}
