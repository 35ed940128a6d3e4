import Foundation
import Journey
import NHSO
import Testing
import VisitJournal
@testable import Reports

/// Journals made for real (SQLite files) and read back as reports.
@Suite struct ReportTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID())")

    /// A journal holding `visits`: (citizen id, service, path, service date, code or nil).
    func journal(_ name: String, _ visits: [(String, String, IdentityPath, String, String?)]) async throws -> [JournalVisit] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let journal = try VisitJournal(path: folder.appendingPathComponent("\(name).sqlite").path)
        for (n, visit) in visits.enumerated() {
            let id = VisitID()
            let request = VisitRequest(pid: visit.0, claimType: visit.1, mobile: "", correlationId: "c-\(n)", hcode: "10757")
            try await journal.recordNow(id, .identified(citizenID: visit.0, path: visit.2))
            try await journal.recordNow(id, .submitting(request, serviceDate: visit.3))
            if let code = visit.4 {
                try await journal.recordNow(id, .coded(ClaimCode(code)!, claimDateTime: "", origin: .issued))
            } else {
                try await journal.recordNow(id, .ended(.rejectedByNHSO, detail: "refused"))
            }
        }
        return try journal.coded(serviceDatesFrom: "2000-01-01", to: "2999-12-31")
    }

    @Test func aReportHoldsTheCodesOfItsDatesServiceAndPathWithTotals() async throws {
        let kiosk = try await journal("kiosk-1", [
            ("1101700203450", ServiceCode.general, .card, "2026-12-01", "PP1000000001"),
            ("3500100345671", ServiceCode.general, .qr, "2026-12-02", "PP1000000002"),
            ("3500100345671", ServiceCode.haemodialysis, .card, "2026-12-02", "PP1000000003"),
            ("1100200778894", ServiceCode.general, .card, "2026-12-02", nil),
            ("1101700203450", ServiceCode.general, .card, "2026-11-30", "PP1000000004"),
        ])
        let station = try await journal("station-1", [("1100200778894", ServiceCode.general, .staff, "2026-12-03", "PP1000000005")])
        let query = try ReportQuery(from: "2026-12-01", to: "2026-12-03")
        let report = VisitReport.build(query, from: [("kiosk-1", kiosk), ("station-1", station)])
        #expect(report.rows.map(\.claimCode) == ["PP1000000001", "PP1000000002", "PP1000000003", "PP1000000005"])
        #expect(report.rows.last?.source == "station-1")
        #expect(report.totalsByService.map(\.key) == [ServiceCode.general, ServiceCode.haemodialysis])
        #expect(report.totalsByService.map(\.count) == [3, 1])
        #expect(report.totalsByPath.first! == (key: "card", count: 2))
        // Settled visits keep the id masked, and the report never shows one in full.
        #expect(report.rows.allSatisfy { $0.citizenID.contains("xxxxxx") })

        let dialysis = VisitReport.build(try ReportQuery(from: "2026-12-01", to: "2026-12-03", service: ServiceCode.haemodialysis), from: [("k", kiosk)])
        #expect(dialysis.rows.map(\.claimCode) == ["PP1000000003"])
        let qr = VisitReport.build(try ReportQuery(from: "2026-12-01", to: "2026-12-03", path: .qr), from: [("k", kiosk)])
        #expect(qr.rows.map(\.claimCode) == ["PP1000000002"])
        let person = VisitReport.build(try ReportQuery(from: "2026-11-30", to: "2026-12-03", citizenID: "1101700203450"), from: [("k", kiosk)])
        #expect(person.rows.map(\.claimCode) == ["PP1000000004", "PP1000000001"])
        #expect(person.rows.allSatisfy { $0.matchedByMask })
    }

    /// A patient told "already issued today" on a second visit carries the same code: it counts once,
    /// as the visit that got it.
    @Test func aCodeCountsOnceWhateverVisitsCarryIt() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let journal = try VisitJournal(path: folder.appendingPathComponent("twice.sqlite").path)
        for (n, origin) in [VisitSubmitter.Submitted.Origin.alreadyIssuedToday, .issued].enumerated() {
            let id = VisitID()
            let request = VisitRequest(pid: "1101700203450", claimType: ServiceCode.general, mobile: "", correlationId: "c-\(n)", hcode: "10757")
            try await journal.recordNow(id, .identified(citizenID: request.pid, path: n == 0 ? .qr : .card))
            try await journal.recordNow(id, .submitting(request, serviceDate: "2026-12-02"))
            try await journal.recordNow(id, .coded(ClaimCode("PP1000000009")!, claimDateTime: "", origin: origin))
        }
        let report = VisitReport.build(try ReportQuery(from: "2026-12-02", to: "2026-12-02"),
                                       from: [("k", try journal.coded(serviceDatesFrom: "2026-12-02", to: "2026-12-02"))])
        #expect(report.rows.map(\.claimCode) == ["PP1000000009"])
        #expect(report.rows.first?.origin == "issued" && report.rows.first?.path == "card")
        #expect(report.totalsByService.first! == (key: ServiceCode.general, count: 1))
    }

    @Test func aQueryRefusesWhatNHSOsReportWouldNot() {
        #expect(throws: ReportError.rangeTooLong(days: 32)) { try ReportQuery(from: "2026-11-01", to: "2026-12-02") }
        #expect((try? ReportQuery(from: "2026-11-01", to: "2026-12-01")) != nil, "31 days is allowed")
        #expect(throws: ReportError.datesReversed(from: "2026-12-02", to: "2026-12-01")) { try ReportQuery(from: "2026-12-02", to: "2026-12-01") }
        #expect(throws: ReportError.badDate("2026-02-30")) { try ReportQuery(from: "2026-02-30", to: "2026-03-01") }
        #expect(throws: ReportError.badDate("3/12/2569")) { try ReportQuery(from: "3/12/2569", to: "2026-12-01") }
        #expect(throws: ReportError.badService("PG6")) { try ReportQuery(from: "2026-12-01", to: "2026-12-01", service: "PG6") }
        #expect(throws: ReportError.badCitizenID("1101700203451")) { try ReportQuery(from: "2026-12-01", to: "2026-12-01", citizenID: "1101700203451") }
        // The message never carries the id in full.
        #expect(!ReportError.badCitizenID("1101700203451").description.contains("1101700203451"))
    }

    @Test func csvStartsWithABOMQuotesWhatNeedsItAndKeepsFormulasAsText() {
        #expect(CSVExport.field("plain") == "plain")
        #expect(CSVExport.field("a,b") == "\"a,b\"")
        #expect(CSVExport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVExport.field("two\r\nlines") == "\"two\r\nlines\"")
        #expect(CSVExport.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVExport.field("+66") == "'+66")
        #expect(CSVExport.field("\t=1") == "'\t=1")
        let report = VisitReport(query: try! ReportQuery(from: "2026-12-01", to: "2026-12-01"), rows: [])
        let data = CSVExport.data(report, language: .th)
        #expect(Array(data.prefix(3)) == CSVExport.byteOrderMark)
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self).hasPrefix("วันที่รับบริการ,เวลา,Authen Code"))
    }

    @Test func aReportFileIsWrittenWholeAndPrivate() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("codes.csv").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o666)
        try ReportFile.write(Data("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["codes.csv"], "no temporary file left")
        #expect(throws: ReportFile.WriteError.self) { try ReportFile.write(Data(), to: "/nonexistent-folder/x.csv") }
    }

    @Test func xlsxTextIsEscapedAndForbiddenCharactersDropped() {
        #expect(XLSXExport.escaped("a<b & \"c\"\u{1B}[31m\u{0}") == "a&lt;b &amp; &quot;c&quot;[31m")
        #expect(XLSXExport.columnName(0) == "A")
        #expect(XLSXExport.columnName(25) == "Z")
        #expect(XLSXExport.columnName(26) == "AA")
        #expect(VisitReport.thaiClockTime(Date(timeIntervalSince1970: 0)) == "07:00:00")
        #expect(VisitReport.thaiClockTime(Date(timeIntervalSince1970: 17 * 3600 + 59)) == "00:00:59")
    }
}
