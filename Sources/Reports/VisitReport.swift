import Foundation
import Journey
import NHSO
import VisitJournal

/// One claim code in a report: a visit of this unit's journals that NHSO gave a code for.
public struct ReportRow: Sendable, Hashable {
    /// `YYYY-MM-DD`, Thai time: the service date sent with the visit.
    public var serviceDate: String
    /// When the visit started, `HH:mm:ss` Thai time.
    public var time: String
    public var reference: String
    /// Always masked, whatever the journal still holds.
    public var citizenID: String
    public var path: String
    public var service: String
    public var mainInscl: String
    public var hcode: String
    public var claimCode: String
    /// `issued`, `recovered`, `alreadyIssuedToday`: how the kiosk came by the code.
    public var origin: String
    /// Which journal it came from (a kiosk's or station's name), where several are read.
    public var source: String
    /// The row matched an id filter by its mask only (a settled visit keeps the id masked).
    public var matchedByMask: Bool
}

/// A report over journal visits: the rows (oldest first) and totals by service and by path.
public struct VisitReport: Sendable, Hashable {
    public var query: ReportQuery
    public var rows: [ReportRow]
    /// Codes per service code and per path, largest first (ties by name).
    public var totalsByService: [(key: String, count: Int)] { Self.totals(rows.map(\.service)) }
    public var totalsByPath: [(key: String, count: Int)] { Self.totals(rows.map(\.path)) }

    public static func == (a: VisitReport, b: VisitReport) -> Bool { a.query == b.query && a.rows == b.rows }
    public func hash(into hasher: inout Hasher) { hasher.combine(query); hasher.combine(rows) }

    /// The report of `visits` (from one or more journals, named by `source`) for `query`. Only visits
    /// that hold a claim code count: those are what NHSO pays, and what its own report lists. Each code
    /// counts once: a second visit that was told "already issued today" carries the same code.
    public static func build(_ query: ReportQuery, from journals: [(source: String, visits: [JournalVisit])]) -> VisitReport {
        var rows: [ReportRow] = []
        var seen: Set<String> = []
        // Issued codes first, so the row kept for a code is the visit that got it.
        let ordered = journals.flatMap { journal in journal.visits.map { (journal.source, $0) } }
            .sorted { ($0.1.origin == "alreadyIssuedToday" ? 1 : 0) < ($1.1.origin == "alreadyIssuedToday" ? 1 : 0) }
        for (source, visit) in ordered {
            guard let code = visit.claimCode, let date = visit.serviceDate,
                  date >= query.from, date <= query.to, seen.insert(code).inserted else { continue }
            if let service = query.service, visit.service != service { continue }
            if let path = query.path, visit.path != path.rawValue { continue }
            var byMask = false
            if let filter = query.citizenID {
                let match = filter.matches(visit.citizenID)
                guard match.matches else { continue }
                byMask = match.byMask
            }
            rows.append(ReportRow(
                serviceDate: date, time: thaiClockTime(visit.startedAt), reference: visit.reference,
                citizenID: visit.citizenID.map(VisitJournal.masked) ?? "", path: visit.path ?? "", service: visit.service ?? "",
                mainInscl: visit.mainInscl ?? "", hcode: visit.hcode ?? "", claimCode: code, origin: visit.origin ?? "",
                source: source, matchedByMask: byMask))
        }
        rows.sort { ($0.serviceDate, $0.time, $0.claimCode) < ($1.serviceDate, $1.time, $1.claimCode) }
        return VisitReport(query: query, rows: rows)
    }

    static func totals(_ keys: [String]) -> [(key: String, count: Int)] {
        var counts: [String: Int] = [:]
        for key in keys { counts[key, default: 0] += 1 }
        let ordered = counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
        return ordered.map { (key: $0.key, count: $0.value) }
    }

    /// `HH:mm:ss` in Thai time (UTC+7 all year): arithmetic, no formatter per row and none shared
    /// between threads.
    static func thaiClockTime(_ date: Date) -> String {
        let seconds = (Int(date.timeIntervalSince1970.rounded(.down)) + 7 * 3600) % 86_400
        let second = seconds < 0 ? seconds + 86_400 : seconds
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))"
    }
}
