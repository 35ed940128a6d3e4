/// A 13-digit Thai citizen identification number whose check digit is right.
///
/// Built once, at the edge (a card, a keypad, a server), so that the rest of the program never holds an
/// id it has not checked.
public struct CitizenID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let digits: String

    public enum Problem: Error, Sendable, Hashable {
        case wrongLength(Int)
        case notDigits
        case wrongCheckDigit
    }

    /// Validates `text`: exactly 13 ASCII digits whose last is the check digit of the first twelve.
    public init(validating text: String) throws(Problem) {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { throw .notDigits }
        guard bytes.count == 13 else { throw .wrongLength(bytes.count) }
        let values = bytes.map { Int($0 - 0x30) }
        guard values[12] == Self.checkDigit(of: values.prefix(12)) else { throw .wrongCheckDigit }
        self.digits = text
    }

    public init?(_ text: String) {
        guard let id = try? CitizenID(validating: text) else { return nil }
        self = id
    }

    /// `sum = Σ d[i]·(13−i)` over the first twelve digits; check = `(11 − sum mod 11) mod 10`.
    public static func checkDigit<Digits: Collection<Int>>(of firstTwelve: Digits) -> Int {
        let sum = firstTwelve.enumerated().reduce(0) { $0 + $1.element * (13 - $1.offset) }
        return (11 - sum % 11) % 10
    }

    /// Grouped the way it is printed on the card: `1-1017-00203-45-1`.
    public var formatted: String {
        let d = Array(digits)
        return "\(d[0])-\(String(d[1...4]))-\(String(d[5...9]))-\(String(d[10...11]))-\(d[12])"
    }

    /// For logs and screens that must not show the whole id: `1-1017-xxxxx-x5-1` keeps the
    /// first five and the last two digits, enough for staff to tell people apart.
    public var masked: String {
        let d = Array(digits)
        return "\(d[0])-\(String(d[1...4]))-xxxxx-x\(d[11])-\(d[12])"
    }

    public var description: String { masked }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(validating: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "not a valid citizen id (\(error))"
            ))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
