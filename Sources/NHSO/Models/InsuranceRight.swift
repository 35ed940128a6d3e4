/// A health-coverage right: a code (`UCS`, `WEL`, `SSS`, `OFC`, `LGO`…, or a sub-right such as `89`) and
/// its Thai name.
///
/// The agent writes it as one string, `(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ`; check-authen-status writes
/// `{"id": "UCS", "name": "…"}`. Both decode into this type; it encodes back to the agent's string.
public struct InsuranceRight: Sendable, Hashable, Codable, CustomStringConvertible {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// Parses `(CODE) name`; text without a leading code keeps an empty code and the whole text as name.
    public init(agentText text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("("), let close = trimmed.firstIndex(of: ")") {
            code = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            name = trimmed[trimmed.index(after: close)...].trimmingCharacters(in: .whitespaces)
        } else {
            code = ""
            name = trimmed
        }
    }

    /// `(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ`, as the agent and NHSO's web pages show it.
    public var agentText: String { code.isEmpty ? name : "(\(code)) \(name)" }
    public var description: String { agentText }

    enum ObjectKeys: String, CodingKey { case id, name }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(agentText: text)
            return
        }
        let object = try decoder.container(keyedBy: ObjectKeys.self)
        self.init(
            code: try object.decodeIfPresent(String.self, forKey: .id) ?? "",
            name: try object.decodeIfPresent(String.self, forKey: .name) ?? ""
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(agentText)
    }

    /// The `{"id", "name"}` form of check-authen-status.
    public struct IDName: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public init(_ right: InsuranceRight) { id = right.code; name = right.name }
        public var right: InsuranceRight { InsuranceRight(code: id, name: name) }
    }
}

import Foundation
