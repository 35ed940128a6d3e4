import Foundation

/// A report as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the file as the
/// machine's ANSI code page and Thai comes out as mojibake), CRLF line ends, RFC 4180 quoting.
public enum CSVExport {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func data(_ report: VisitReport, language: ReportColumns.Language) -> Data {
        var text = line(ReportColumns.headings(language))
        text.reserveCapacity(report.rows.count * 160)
        for row in report.rows { text += line(ReportColumns.cells(row)) }
        return Data(byteOrderMark) + Data(text.utf8)
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    /// One field: quoted when it holds a comma, a quote or a line end; a field a spreadsheet would run
    /// as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first: text from a server could be
    /// one) is kept as text with a leading apostrophe.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard value.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
