/// The card's gender byte: ASCII `1` for male, `2` for female.
public enum Gender: String, Sendable, Hashable, Codable {
    case male
    case female

    public init?(cardField text: String) {
        switch text {
        case "1": self = .male
        case "2": self = .female
        default: return nil
        }
    }

    public var cardField: String { self == .male ? "1" : "2" }
}
