import ArgumentParser
import Foundation
import Journey
import NHSO
import Reports
import VisitJournal

/// The counter's report over a busy unit's month: the journal read, the report built, and its CSV and
/// XLSX made, for `visits` coded visits spread over 31 days.
struct ReportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Time a 31-day report over many journal visits (read, build, CSV, XLSX); print the figures.",
        discussion: "Benchmarks/report.sh runs it. Targets for 10,000 visits: build under 200 ms, CSV under 1 s."
    )

    @Option(help: "Folder for the journal file.")
    var folder = "/var/tmp"

    @Option(help: "Coded visits in the journal.")
    var visits = 10_000

    @Option(help: "Times each step is repeated (the median is printed).")
    var runs = 5

    func run() throws {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("authen-kiosk-report-bench-\(getpid()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let journal = try VisitJournal(path: path)
        try journal.insertAll(try Self.month(visits))
        let query = try ReportQuery(from: "2026-11-01", to: "2026-12-01")
        var read: [Double] = [], build: [Double] = [], csv: [Double] = [], xlsx: [Double] = []
        var report = VisitReport.build(query, from: [])
        var sizes = (csv: 0, xlsx: 0)
        for _ in 0..<runs {
            var start = ContinuousClock.now
            let rows = try journal.coded(serviceDatesFrom: query.from, to: query.to)
            read.append((ContinuousClock.now - start).milliseconds)
            start = ContinuousClock.now
            report = VisitReport.build(query, from: [("kiosk-1", rows)])
            build.append((ContinuousClock.now - start).milliseconds)
            start = ContinuousClock.now
            sizes.csv = CSVExport.data(report, language: .th).count
            csv.append((ContinuousClock.now - start).milliseconds)
            start = ContinuousClock.now
            sizes.xlsx = try XLSXExport.data(report, language: .th).count
            xlsx.append((ContinuousClock.now - start).milliseconds)
        }
        func median(_ values: [Double]) -> String { String(format: "%.1f ms", values.sorted()[values.count / 2]) }
        print("report over \(report.rows.count) coded visits, 31 days, median of \(runs):")
        print("  journal read \(median(read)); report build \(median(build)) (target < 200 ms)")
        print("  CSV \(median(csv)), \(sizes.csv / 1024) KiB (target < 1 s); XLSX \(median(xlsx)), \(sizes.xlsx / 1024) KiB")
    }

    /// `count` settled, coded visits over 2026-11-01…2026-12-01, ids masked as the journal keeps them.
    static func month(_ count: Int) throws -> [JournalVisit] {
        let services = [ServiceCode.general, ServiceCode.general, ServiceCode.general, ServiceCode.haemodialysis, ServiceCode.commonIllnesses]
        let paths = IdentityPath.allCases.map(\.rawValue)
        let start = 1_793_491_200.0  // 2026-11-01 00:00 Thai time
        let rows: [[String: Any]] = (0..<count).map { n in
            let day = n % 31
            let at = start + Double(day) * 86_400 + Double(7 * 3600 + n % 36_000)
            return [
                "id": UUID().uuidString, "reference": String(format: "R%05d", n % 100_000), "state": "printed",
                "citizenID": "11017xxxxxx50", "path": paths[n % paths.count], "mainInscl": "(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ",
                "service": services[n % services.count], "hcode": "10757", "serviceDate": ThaiTime.format(Date(timeIntervalSince1970: at), "yyyy-MM-dd"),
                "claimCode": String(format: "PP%010d", n), "claimDateTime": "", "origin": "issued", "slip": "printed",
                "startedAt": at, "updatedAt": at,
            ]
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode([JournalVisit].self, from: JSONSerialization.data(withJSONObject: rows))
    }
}
