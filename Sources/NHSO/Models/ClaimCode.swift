/// An Authen Code (claim code): `PP` and ten digits, e.g. `PP1172534797`. Without it the hospital is not
/// paid for the visit.
public struct ClaimCode: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 12, text.hasPrefix("PP"),
              bytes.dropFirst(2).allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        value = text
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = ClaimCode(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "'\(text)' is not PP and ten digits"
            ))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
