import Foundation
import NHSO

/// Time as NHSO writes it: Thai local time (UTC+7, no daylight saving), `2023-04-11T13:20:36`.
public struct TestZoneClock: Sendable {
    let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    public func dateTime() -> String { ThaiTime.format(now(), "yyyy-MM-dd'T'HH:mm:ss") }
    public func date() -> String { ThaiTime.today(now()) }
}
