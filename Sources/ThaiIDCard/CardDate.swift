/// A date as the card writes it: Buddhist era `YYYYMMDD`, where real cards may leave the day, or the
/// day and the month, unknown (`00`), typically for people born before births were registered
/// precisely.
public struct CardDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year of the Buddhist era (Gregorian + 543).
    public let buddhistYear: Int
    /// 1–12, or `nil` when the card says `00`.
    public let month: Int?
    /// 1–31, or `nil` when the card says `00` (always `nil` when the month is unknown).
    public let day: Int?

    public init?(buddhistYear: Int, month: Int?, day: Int?) {
        guard (2300...2700).contains(buddhistYear) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                let gregorian = buddhistYear - 543
                guard (1...Self.daysIn(month: month, gregorianYear: gregorian)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.buddhistYear = buddhistYear
        self.month = month
        self.day = day
    }

    /// Parses the card's 8 ASCII digits, `25230415`; `00` for an unknown day or month.
    public init?(cardField text: String) {
        guard text.count == 8, text.allSatisfy(\.isASCII), let _ = Int(text) else { return nil }
        let digits = Array(text)
        let year = Int(String(digits[0...3]))!
        let month = Int(String(digits[4...5]))!
        let day = Int(String(digits[6...7]))!
        // A day without a month cannot be placed; such a card is read as "day and month unknown".
        self.init(buddhistYear: year, month: month == 0 ? nil : month, day: month == 0 || day == 0 ? nil : day)
    }

    public var gregorianYear: Int { buddhistYear - 543 }

    /// ISO 8601 in the Gregorian calendar, as precise as the card: `1980-04-15`, `1980-04` or `1980`.
    public var iso8601: String {
        var text = String(format4: gregorianYear)
        if let month { text += "-" + String(format2: month) }
        if let day { text += "-" + String(format2: day) }
        return text
    }

    /// The card's own form, `25230415`, with `00` where unknown.
    public var cardField: String {
        String(format4: buddhistYear) + String(format2: month ?? 0) + String(format2: day ?? 0)
    }

    public var description: String { iso8601 }

    public static func < (lhs: CardDate, rhs: CardDate) -> Bool {
        (lhs.buddhistYear, lhs.month ?? 0, lhs.day ?? 0) < (rhs.buddhistYear, rhs.month ?? 0, rhs.day ?? 0)
    }

    static func daysIn(month: Int, gregorianYear year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// The card's expiry: a date, or "lifetime" — cards issued to people aged 70 and over never expire, and
/// the card writes `99999999`.
public enum CardExpiry: Sendable, Hashable, CustomStringConvertible {
    case date(CardDate)
    case lifetime

    public init?(cardField text: String) {
        if text == "99999999" {
            self = .lifetime
        } else if let date = CardDate(cardField: text) {
            self = .date(date)
        } else {
            return nil
        }
    }

    public var cardField: String {
        switch self {
        case .date(let date): date.cardField
        case .lifetime: "99999999"
        }
    }

    public var description: String {
        switch self {
        case .date(let date): date.iso8601
        case .lifetime: "lifetime"
        }
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
    init(format4 value: Int) {
        let digits = "\(value)"
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}
