import Foundation

/// Dates as NHSO writes them: Thai local time (UTC+7, no daylight saving), Gregorian calendar.
public enum ThaiTime {
    public static let timeZone = TimeZone(identifier: "Asia/Bangkok")!

    /// `date` in Thai time, in a `DateFormatter` pattern such as `yyyy-MM-dd'T'HH:mm:ss`.
    public static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// Today in Thailand, `YYYY-MM-DD`: the service date of a visit made now.
    public static func today(_ now: Date = Date()) -> String { format(now, "yyyy-MM-dd") }
}
