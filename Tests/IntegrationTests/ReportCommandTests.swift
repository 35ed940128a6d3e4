import Foundation
import Journey
import NHSO
import Testing
import VisitJournal

/// `authen-kiosk report` on real journals, its CSV and XLSX read back by Python's csv module and
/// openpyxl (Debian's python3-openpyxl), as a spreadsheet would read them.
@Suite struct ReportCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-cli-\(UUID())")

    func journal(_ name: String, codes: [(String, String, IdentityPath, String)]) async throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("\(name).sqlite").path
        let journal = try VisitJournal(path: path)
        for (n, (pid, service, path, code)) in codes.enumerated() {
            let visit = VisitID()
            try await journal.recordNow(visit, .identified(citizenID: pid, path: path))
            try await journal.recordNow(visit, .rights(mainInscl: "(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ, \"บัตรทอง\""))
            let request = VisitRequest(pid: pid, claimType: service, mobile: "", correlationId: "\(name)-\(n)", hcode: "10757")
            try await journal.recordNow(visit, .submitting(request, serviceDate: "2026-12-02"))
            try await journal.recordNow(visit, .coded(ClaimCode(code)!, claimDateTime: "", origin: .issued))
        }
        return path
    }

    /// Runs Python on `script` with the arguments; its standard output.
    func python(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        // Debian's own interpreter: python3-openpyxl is installed for it.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ReaderFailed(message: String(decoding: problem, as: UTF8.self)) }
        return String(decoding: data, as: UTF8.self)
    }

    struct ReaderFailed: Error { let message: String }

    @Test func theReportOfTwoJournalsOpensInRealReadersWithThaiIntact() async throws {
        let kiosk = try await journal("kiosk-1", codes: [
            ("1101700203450", ServiceCode.general, .card, "PP1000000001"),
            ("3500100345671", ServiceCode.haemodialysis, .qr, "PP1000000002"),
        ])
        let station = try await journal("station-1", codes: [("1100200778894", ServiceCode.general, .staff, "PP1000000003")])
        let csv = folder.appendingPathComponent("report.csv").path, xlsx = folder.appendingPathComponent("report.xlsx").path
        let result = try runKiosk(["report", "--file", kiosk, "--file", station, "--from", "2026-12-02", "--to", "2026-12-02", "--csv", csv, "--xlsx", xlsx])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 codes from 2026-12-02 to 2026-12-02; PG0060001 2; PG0130001 1"), "\(result.stdout)")

        // The BOM is what makes Excel read UTF-8: utf-8-sig takes it off, and the first heading is Thai.
        let rows = try python("""
            import csv, sys
            raw = open(sys.argv[1], 'rb').read()
            assert raw.startswith(b'\\xef\\xbb\\xbf'), 'no BOM'
            for row in csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')):
                print('|'.join(row))
            """, [csv]).split(separator: "\n").map(String.init)
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("วันที่รับบริการ|เวลา|Authen Code|เลขประจำตัวประชาชน|รหัสบริการ|บริการ|สิทธิหลัก"))
        #expect(rows.contains { $0.contains("PP1000000002|35001xxxxxx71|PG0130001|บริการฟอกเลือดด้วยเครื่องไตเทียม (HD)") })
        // A comma and quotes inside a field survive the round trip as one field.
        #expect(rows[1].contains("|(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ, \"บัตรทอง\"|"))
        // Each row names the journal (the box) it came from.
        #expect(rows.contains { $0.contains("PP1000000003|11002xxxxxx94|") && $0.hasSuffix("|staff|10757|\($0.split(separator: "|")[9])|issued|station-1") })
        #expect(rows.allSatisfy { !$0.contains("1101700203450") && !$0.contains("3500100345671") }, "no id in full")

        let sheets = try python("""
            import openpyxl, sys
            book = openpyxl.load_workbook(sys.argv[1])
            for sheet in book.worksheets:
                print('#' + sheet.title)
                for row in sheet.iter_rows(values_only=True):
                    print('|'.join('' if v is None else str(v) for v in row))
            """, [xlsx]).split(separator: "\n").map(String.init)
        let visits = Array(sheets.drop { $0 != "#รายการ" }.dropFirst().prefix { !$0.hasPrefix("#") })
        #expect(visits.count == 4)
        #expect(visits == rows, "the workbook's rows are the CSV's")
        let totals = Array(sheets.drop { $0 != "#สรุป" }.dropFirst())
        #expect(totals.contains("PG0060001|เข้ารับบริการรักษาทั่วไป (OPD/ IPD/ PP)|2"))
        // openpyxl gives every row the sheet's width (3 columns).
        #expect(totals.contains("staff|1|"))
    }

    @Test func aRangeNHSOWouldRefuseIsRefusedWithWhy() throws {
        let result = try runKiosk(["report", "--file", "/nonexistent.sqlite", "--from", "2026-11-01", "--to", "2026-12-02"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("at most 31"), "\(result.stderr)")
    }
}
