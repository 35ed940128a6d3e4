import Foundation

/// Time as NHSO writes it: Thai local time (UTC+7, no daylight saving), `2023-04-11T13:20:36`.
public struct TestZoneClock: Sendable {
    let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    static let bangkok = TimeZone(identifier: "Asia/Bangkok")!

    public func dateTime() -> String { Self.format(now(), "yyyy-MM-dd'T'HH:mm:ss") }
    public func date() -> String { Self.format(now(), "yyyy-MM-dd") }

    static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = bangkok
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
