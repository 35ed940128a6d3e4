import CQREncode

/// A QR code as a square of modules (dark or light), made by libqrencode: drawn on screen with half
/// blocks and on slips as a raster.
public struct QRCode: Sendable, Hashable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]

    /// The smallest margin of light modules readers need around the code.
    public static let quietZone = 4

    public enum Failure: Error, Sendable, Hashable {
        /// The text is empty, or too long for any QR version at the chosen error correction.
        case cannotEncode(String)
    }

    /// Error correction: M restores about 15% of a damaged code (a scratched screen, glare).
    public enum Correction: Sendable, Hashable {
        case medium, quartile, high

        var level: QRecLevel {
            switch self {
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// Encodes `text` (UTF-8, 8-bit mode, case kept) in the smallest version that holds it.
    public init(_ text: String, correction: Correction = .medium) throws(Failure) {
        guard !text.isEmpty, let code = QRcode_encodeString8bit(text, 0, correction.level) else {
            throw .cannotEncode(text)
        }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        // libqrencode's module byte: bit 0 set = dark; the other bits describe the module's role.
        let data = UnsafeBufferPointer(start: code.pointee.data, count: size * size)
        self.size = size
        modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at (row, column) is dark; outside the code (the quiet zone) it is light.
    public func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return modules[row * size + column]
    }

    /// Modules per side with the quiet zone on every side.
    public var sizeWithQuietZone: Int { size + 2 * Self.quietZone }
}
