/// A name as the card stores it: `prefix#first#middle#last`, each part possibly empty.
public struct PersonName: Sendable, Hashable, Codable {
    public var prefix: String
    public var first: String
    public var middle: String
    public var last: String

    public init(prefix: String, first: String, middle: String = "", last: String) {
        self.prefix = prefix
        self.first = first
        self.middle = middle
        self.last = last
    }

    /// Parses the card's `#`-separated field. Cards write four parts; a few older ones leave out the
    /// middle one, so three parts are read as prefix, first and last.
    public init?(cardField text: String) {
        let parts = text.split(separator: "#", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces() }
        switch parts.count {
        case 4: self.init(prefix: parts[0], first: parts[1], middle: parts[2], last: parts[3])
        case 3: self.init(prefix: parts[0], first: parts[1], last: parts[2])
        default: return nil
        }
        guard !first.isEmpty || !last.isEmpty else { return nil }
    }

    /// The name as it is said: `นาย สมชาย ใจดี`. Thai prefixes are written joined to the first name
    /// (`นายสมชาย`); English ones take a space.
    public var fullName: String {
        let joinedPrefix = prefix.unicodeScalars.first.map { (0x0E00...0x0E7F).contains($0.value) } ?? false
        let given = [first, middle].filter { !$0.isEmpty }.joined(separator: " ")
        let head = prefix.isEmpty ? given : (joinedPrefix ? prefix + given : prefix + " " + given)
        return [head, last].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The card layout of this name, for the virtual card.
    public var cardField: String { [prefix, first, middle, last].joined(separator: "#") }
}

extension StringProtocol {
    /// Without leading and trailing spaces and NULs, the padding card fields use.
    func trimmingSpaces() -> String {
        let isPadding: (Character) -> Bool = { $0 == " " || $0 == "\u{0}" }
        guard let start = firstIndex(where: { !isPadding($0) }) else { return "" }
        let end = lastIndex(where: { !isPadding($0) })!
        return String(self[start...end])
    }
}
