import Foundation
import NHSO

/// Changes one `section.key` of a configuration file in place, line by line, so the hospital's comments,
/// order and other values stay as they were. The file is replaced atomically, with its owner and mode.
public enum ConfigurationEdit {
    public struct EditError: Error, LocalizedError {
        public var errorDescription: String?
    }

    /// Sets `key` (`section.name`) to `value` (written double-quoted); a key listed in `removing` in
    /// the same section goes (the plain `pin` a hash replaces).
    public static func set(key: String, to value: String, removing: [String] = [], in path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let updated = try setting(key: key, to: value, removing: removing, in: text)
        try replace(path, with: updated)
    }

    /// Several keys set in one text (`section.key`, or a top-level `key`).
    public static func apply(_ edits: [(key: String, value: String)], to text: String) throws -> String {
        try edits.reduce(text) { text, edit in try setting(key: edit.key, to: edit.value, in: text) }
    }

    /// Writes `text` to `path` atomically, with the owner and mode of `reference` (the file it replaces
    /// or sits beside).
    public static func write(_ text: String, to path: String, like reference: String) throws {
        var info = stat()
        guard stat(reference, &info) == 0 else { throw EditError(errorDescription: "\(reference): \(String(cString: strerror(errno)))") }
        if let problem = ProtectedFile.writeAtomically(text, to: path, mode: info.st_mode & 0o777, owner: (info.st_uid, info.st_gid)) {
            throw EditError(errorDescription: "\(path) \(problem)")
        }
    }

    static func setting(key: String, to value: String, removing: [String] = [], in text: String) throws(EditError) -> String {
        guard !value.contains("\""), !value.contains("\\"), !value.contains("\n"), !value.contains("\r") else {
            throw EditError(errorDescription: "the value cannot be written in double quotes")
        }
        // A file saved on Windows (CRLF) is edited as lines and written back with CRLF: a blank line
        // inside a section must read as blank, or the key below it would be written twice.
        guard !text.contains("\r\n") else {
            let edited = try setting(key: key, to: value, removing: removing, in: text.replacingOccurrences(of: "\r\n", with: "\n"))
            return edited.replacingOccurrences(of: "\n", with: "\r\n")
        }
        var lines = text.components(separatedBy: "\n")
        let quoted = "\"\(value)\""
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            // A top-level key (`training`): its line, or a new one at the end.
            if let index = lines.firstIndex(where: { topLevelKey($0) == key }) {
                lines[index] = "\(key): \(quoted)"
            } else {
                if lines.last == "" { lines.removeLast() }
                lines += ["\(key): \(quoted)", ""]
            }
            return lines.joined(separator: "\n")
        }
        let (section, name) = (parts[0], parts[1])

        guard let start = lines.firstIndex(where: { topLevelKey($0) == section }) else {
            if lines.last == "" { lines.removeLast() }
            lines += ["", "\(section):", "  \(name): \(quoted)", ""]
            return lines.joined(separator: "\n")
        }
        guard lines[start].drop(while: { $0 != ":" }).dropFirst().trimmingCharacters(in: .whitespaces).prefix(while: { $0 != "#" }).isEmpty else {
            throw EditError(errorDescription: "'\(section):' is written on one line ({ … }); set \(key) by hand")
        }
        // The section's block: the indented (or blank, or comment) lines after it.
        var end = start + 1
        while end < lines.count, lines[end].isEmpty || lines[end].first == " " || lines[end].first == "#" { end += 1 }
        let indent = lines[(start + 1)..<end].first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") })
            .map { String($0.prefix(while: { $0 == " " })) } ?? "  "
        for index in ((start + 1)..<end).reversed() where removing.contains(childKey(lines[index]) ?? "") {
            lines.remove(at: index)
            end -= 1
        }
        if let index = ((start + 1)..<end).first(where: { childKey(lines[$0]) == name }) {
            lines[index] = "\(indent)\(name): \(quoted)"
        } else {
            lines.insert("\(indent)\(name): \(quoted)", at: start + 1)
        }
        return lines.joined(separator: "\n")
    }

    private static func topLevelKey(_ line: String) -> String? {
        guard let first = line.first, first != " ", first != "#", let colon = line.firstIndex(of: ":") else { return nil }
        return String(line[..<colon])
    }

    private static func childKey(_ line: String) -> String? {
        let trimmed = line.drop(while: { $0 == " " })
        guard trimmed.count < line.count, trimmed.first != "#", let colon = trimmed.firstIndex(of: ":") else { return nil }
        return String(trimmed[..<colon])
    }

    /// Writes beside the file, keeps its owner and mode, syncs, then renames over it.
    static func replace(_ path: String, with text: String) throws { try write(text, to: path, like: path) }
}
