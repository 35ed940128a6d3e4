import Foundation
import Journey
import NHSO
import ThaiIDCard

/// What a report covers: service dates from `from` to `to` (Thai time, both included, at most
/// `maximumDays` as NHSO's own report allows), and optionally one service, one way of identifying the
/// patient, one person.
public struct ReportQuery: Sendable, Hashable {
    /// NHSO's report covers at most 31 days; so does ours, so the two can be compared.
    public static let maximumDays = 31

    public var from: String
    public var to: String
    public var service: String?
    public var path: IdentityPath?
    public var citizenID: CitizenIDFilter?

    /// Checks the dates (`YYYY-MM-DD`, `from` not after `to`, at most 31 days) and the filters.
    public init(from: String, to: String, service: String? = nil, path: IdentityPath? = nil, citizenID: String? = nil) throws(ReportError) {
        guard let start = Self.day(from) else { throw .badDate(from) }
        guard let end = Self.day(to) else { throw .badDate(to) }
        guard start <= end else { throw .datesReversed(from: from, to: to) }
        let days = Int((end.timeIntervalSince(start) / 86_400).rounded()) + 1
        guard days <= Self.maximumDays else { throw .rangeTooLong(days: days) }
        if let service, service.wholeMatch(of: /PG\d{7}/) == nil { throw .badService(service) }
        self.from = from
        self.to = to
        self.service = service
        self.path = path
        self.citizenID = try citizenID.map { (id) throws(ReportError) in
            guard let filter = CitizenIDFilter(id) else { throw .badCitizenID(id) }
            return filter
        }
    }

    /// `YYYY-MM-DD` as a day, or `nil` when it is not a real date in that form.
    static func day(_ text: String) -> Date? {
        guard text.count == 10, text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = ThaiTime.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.isLenient = false
        guard let date = formatter.date(from: text), formatter.string(from: date) == text else { return nil }
        return date
    }
}

/// A person to report on. The journal masks a settled visit's citizen id (`11017xxxxxx50`), so a row
/// matches when its id is the person's, in full or masked. Two people can share a mask; the report
/// says so (`ReportRow.matchedByMask`).
public struct CitizenIDFilter: Sendable, Hashable {
    public let digits: String
    public let masked: String

    public init?(_ text: String) {
        let digits = text.filter(\.isNumber)
        guard let id = CitizenID(digits) else { return nil }
        self.digits = id.digits
        masked = ServerText.maskingIDs(in: id.digits)
    }

    /// Whether a journal's id (full or masked) is this person's: full → exactly; masked → same mask.
    func matches(_ journalID: String?) -> (matches: Bool, byMask: Bool) {
        guard let journalID else { return (false, false) }
        if journalID == digits { return (true, false) }
        return journalID == masked ? (true, true) : (false, false)
    }
}

public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    case badDate(String)
    case datesReversed(from: String, to: String)
    case rangeTooLong(days: Int)
    case badService(String)
    case badCitizenID(String)
    case badPath(String)

    public var description: String {
        switch self {
        case .badDate(let text): "'\(text)' is not a date as YYYY-MM-DD (e.g. 2026-12-03)"
        case .datesReversed(let from, let to): "the report runs from \(from) to \(to): the first date is after the last"
        case .rangeTooLong(let days): "the report covers \(days) days; at most \(ReportQuery.maximumDays) (as NHSO's report)"
        case .badService(let text): "'\(text)' is not a service code such as PG0060001"
        case .badCitizenID(let text): "'\(ServerText.maskingIDs(in: text))' is not a citizen id (13 digits with a valid check digit)"
        case .badPath(let text): "'\(text)' is not a way of identifying: card, photo, qr, proxyCard, proxyPhoto or staff"
        }
    }
}
