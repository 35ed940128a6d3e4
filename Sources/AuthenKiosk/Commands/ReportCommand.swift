import ArgumentParser
import Foundation
import Journey
import KioskConfig
import NHSO
import Reports
import VisitJournal

/// `authen-kiosk report`: the claim codes of one or more journals over a date range, as a table with
/// totals, or exported for Excel (CSV with a BOM, or XLSX).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report the claim codes issued over a date range (at most 31 days), on screen or as CSV/XLSX.",
        discussion: """
            Reads the journal of --config, or the journal files given with --file (repeat it to cover \
            several kiosks and stations of one unit). Dates are service dates, YYYY-MM-DD, Thai time; \
            both default to today. Citizen ids are always masked; --id also matches a settled visit \
            whose id the journal has masked, which two people can share (such rows are marked).
            """
    )

    @Option(help: "The kiosk's or station's configuration file (its output.journal is read).")
    var config: String?

    @Option(name: .customLong("file"), help: "A journal file (repeatable).")
    var files: [String] = []

    @Option(help: "The first service date, YYYY-MM-DD (default: today).")
    var from: String?

    @Option(help: "The last service date, YYYY-MM-DD (default: --from).")
    var to: String?

    @Option(help: "Only this service code (e.g. PG0060001).")
    var service: String?

    @Option(help: "Only visits identified this way: card, photo, qr, proxyCard, proxyPhoto, staff.")
    var path: String?

    @Option(help: "Only this person's visits (13-digit citizen id).")
    var id: String?

    @Option(help: "Write the report as CSV (UTF-8 with BOM, opens in Excel with Thai intact) to this file.")
    var csv: String?

    @Option(help: "Write the report as an Excel workbook (.xlsx) to this file.")
    var xlsx: String?

    @Option(help: "Headings in th or en.")
    var language = "th"

    func validate() throws {
        guard (config == nil) != files.isEmpty else { throw ValidationError("give --config or one or more --file") }
        guard ReportColumns.Language(rawValue: language) != nil else { throw ValidationError("--language is th or en") }
    }

    func run() async throws {
        let query: ReportQuery
        do {
            let first = from ?? ThaiTime.today()
            let identity = try path.map { (text) throws(ReportError) -> IdentityPath in
                guard let path = IdentityPath(rawValue: text) else { throw .badPath(text) }
                return path
            }
            query = try ReportQuery(from: first, to: to ?? first, service: service, path: identity, citizenID: id)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let journals = try await journalPaths()
        var sources: [(source: String, visits: [JournalVisit])] = []
        for path in journals {
            guard FileManager.default.fileExists(atPath: path) else {
                printError("no journal at \(path)")
                throw ExitCode(2)
            }
            do {
                // Read-only: a running kiosk's journal is looked at, never changed.
                let journal = try VisitJournal(path: path, readOnly: true)
                sources.append((URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, try journal.coded(serviceDatesFrom: query.from, to: query.to)))
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
        let report = VisitReport.build(query, from: sources)
        let language = ReportColumns.Language(rawValue: language)!
        if let csv { try write(CSVExport.data(report, language: language), to: csv) }
        if let xlsx { try write(try XLSXExport.data(report, language: language), to: xlsx) }
        if csv == nil && xlsx == nil { printTable(report) }
        print("\(report.rows.count) codes from \(query.from) to \(query.to)"
            + report.totalsByService.map { "; \($0.key) \($0.count)" }.joined()
            + " · by path" + report.totalsByPath.map { " \($0.key.isEmpty ? "-" : $0.key) \($0.count)" }.joined())
    }

    private func journalPaths() async throws -> [String] {
        guard let config else { return files }
        do {
            return [try await KioskConfigurationFile.load(path: config).journalPath]
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }

    private func printTable(_ report: VisitReport) {
        for row in report.rows {
            let cells = ReportColumns.cells(row).enumerated().filter { $0.offset != 5 }.map(\.element)  // the service's name is long
            print((cells + (row.matchedByMask ? ["(matched by mask)"] : [])).map { $0.isEmpty ? "-" : sanitized($0) }.joined(separator: "  "))
        }
    }

    /// Written whole, readable by the owner and group only from its first byte: masked ids are still
    /// personal data.
    private func write(_ data: Data, to path: String) throws {
        do {
            try ReportFile.write(data, to: path)
            print("written: \(path) (\(data.count) bytes)")
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
