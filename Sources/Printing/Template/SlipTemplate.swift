import Foundation

/// A slip's layout as a hospital edits it: one element a line, values in braces.
///
/// ```
/// title    {hospital.name}
/// text     {text:slip.patient} {patient.name}
/// big      {claimCode}
/// qr       {claimCode}
/// ```
/// `{name}` is a value of the slip (`hospital.name`, `claimCode`…); `{text:key}` a sentence from the
/// text catalog of the patient's language. A line whose values are all empty is left out, so a visit
/// without a guardian prints no guardian line and a hospital without a logo no logo. `#` starts a comment.
public struct SlipTemplate: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var kind: Kind
        public var content: String
        /// Line number in the file, for messages.
        public var number: Int
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Bold, large, centred.
        case title
        /// Centred, normal size.
        case center
        /// Left, normal size, wrapped.
        case text
        /// Left, smaller.
        case small
        /// The claim code: very large, bold, centred.
        case big
        case qr, barcode, rule, logo
        /// `feed 2`: blank lines.
        case feed
        /// The printer's code-page table (the test slip).
        case codepage
    }

    public enum ParseError: Error, CustomStringConvertible, Equatable {
        case unknownElement(line: Int, String)
        case unclosedBrace(line: Int)
        case badFeed(line: Int)

        public var description: String {
            switch self {
            case .unknownElement(let line, let word):
                "slip template line \(line): \"\(word)\" is not an element (\(Kind.allCases.map(\.rawValue).joined(separator: ", ")))"
            case .unclosedBrace(let line): "slip template line \(line): a { is not closed"
            case .badFeed(let line): "slip template line \(line): feed takes a number of lines from 1 to 10"
            }
        }
    }

    public var lines: [Line]

    public init(parsing text: String) throws(ParseError) {
        var lines: [Line] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let word = String(trimmed.prefix { !$0.isWhitespace })
            guard let kind = Kind(rawValue: word) else { throw .unknownElement(line: number, word) }
            let content = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            if content.filter({ $0 == "{" }).count != content.filter({ $0 == "}" }).count { throw .unclosedBrace(line: number) }
            if kind == .feed, !(1...10).contains(Int(content) ?? 0) { throw .badFeed(line: number) }
            lines.append(Line(kind: kind, content: content, number: number))
        }
        self.lines = lines
    }

    /// Reads a template file.
    public init(contentsOf url: URL) throws {
        try self.init(parsing: String(contentsOf: url, encoding: .utf8))
    }

    /// The `{value}` names the template uses (not `{text:…}`), with their line numbers.
    public var valueNames: [(line: Int, name: String)] {
        lines.flatMap { line in
            line.content.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap { part -> (Int, String)? in
                guard let close = part.firstIndex(of: "}") else { return nil }
                let name = part[..<close].trimmingCharacters(in: .whitespaces)
                return name.hasPrefix("text:") ? nil : (line.number, name)
            }
        }
    }

    /// The slip's elements with `values` (already the patient's language) and catalog `texts` filled
    /// in; every value is cleaned of control characters on the way (`SlipText`).
    public func elements(values: [String: String], texts: [String: String]) -> [SlipElement] {
        lines.compactMap { line in
            guard let content = fill(line.content, values: values, texts: texts) else { return nil }
            switch line.kind {
            case .title: return .text(content, SlipTextStyle(size: .large, bold: true, alignment: .center))
            case .center: return .text(content, SlipTextStyle(alignment: .center))
            case .text: return .text(content, SlipTextStyle())
            case .small: return .text(content, SlipTextStyle(size: .small))
            case .big: return .text(content, SlipTextStyle(size: .huge, bold: true, alignment: .center))
            case .qr: return content.isEmpty ? nil : .qr(content)
            case .barcode: return content.isEmpty ? nil : .barcode(content)
            case .rule: return .rule
            case .logo: return content.isEmpty ? nil : .logo(path: content)
            case .feed: return .feed(Int(content) ?? 1)
            case .codepage: return .codePageTable
            }
        }
    }

    /// `nil` when the line names values and every one of them is empty.
    func fill(_ content: String, values: [String: String], texts: [String: String]) -> String? {
        var out = "", rest = Substring(content)
        var namedValues = 0, filledValues = 0
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("text:") {
                let key = String(name.dropFirst(5))
                out += SlipText.clean(texts[key] ?? key)
            } else {
                namedValues += 1
                let value = SlipText.clean(values[name] ?? "")
                if !value.isEmpty { filledValues += 1 }
                out += value
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        if namedValues > 0 && filledValues == 0 { return nil }
        return SlipText.clean(out, limit: 1000)
    }
}
