import CSystemd
import Foundation
import Logging

/// The program's log straight into the systemd journal, in the journal's own protocol: each entry with
/// its priority, the logger's label, where in the code it was written, and the metadata as fields
/// (`journalctl -t authen-kiosk VISIT=K7Q2MX`). Used under systemd, where standard error is the kiosk's
/// terminal and not the journal.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Whether a journal is there to take entries (its socket exists).
    public static var isAvailable: Bool { FileManager.default.fileExists(atPath: "/run/systemd/journal/socket") }

    public func log(event: LogEvent) {
        var fields = [
            "MESSAGE=\(event.message)",
            "PRIORITY=\(Self.priority(event.level))",
            "SYSLOG_IDENTIFIER=authen-kiosk",
            "AUTHEN_KIOSK_LOGGER=\(label)",
            "CODE_FILE=\(event.file)",
            "CODE_LINE=\(event.line)",
            "CODE_FUNC=\(event.function)",
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields.append("\(Self.fieldName(key))=\(value)")
        }
        Self.send(fields)
    }

    /// syslog's numbers, which the journal uses.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// A journal field name: upper-case letters, digits and `_`, not starting with `_` or a digit.
    static func fieldName(_ key: String) -> String {
        var name = String(key.uppercased().unicodeScalars.map { ("A"..."Z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "_" })
        while name.hasPrefix("_") { name.removeFirst() }
        if name.isEmpty || name.first!.isNumber { name = "M" + name }
        return String(name.prefix(64))
    }

    private static func send(_ fields: [String]) {
        // Each field as its own buffer: a value may hold new lines (the journal takes them as they are).
        let buffers = fields.map { Array($0.utf8) }
        var pointers: [UnsafeMutableRawPointer] = []
        defer { pointers.forEach { $0.deallocate() } }
        var vectors: [iovec] = buffers.map { bytes in
            let memory = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
            bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            pointers.append(memory)
            return iovec(iov_base: memory, iov_len: bytes.count)
        }
        _ = sd_journal_sendv(&vectors, Int32(vectors.count))
    }
}
