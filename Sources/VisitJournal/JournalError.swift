/// The journal could not be opened or written: the kiosk must not submit visits it cannot recover.
public struct JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "the journal \(path) cannot be written: \(reason)" }
}
