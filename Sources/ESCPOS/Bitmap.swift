/// A 1-bit picture for `GS v 0`: rows of dots, `true` printed black; width padded to whole bytes.
public struct Bitmap: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row-major, `(width + 7) / 8` bytes a row, most significant bit leftmost.
    public private(set) var bytes: [UInt8]

    public init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
        bytes = Array(repeating: 0, count: ((self.width + 7) / 8) * self.height)
    }

    public var bytesPerRow: Int { (width + 7) / 8 }

    public subscript(x: Int, y: Int) -> Bool {
        get {
            guard (0..<width).contains(x), (0..<height).contains(y) else { return false }
            return bytes[y * bytesPerRow + x / 8] & (0x80 >> UInt8(x % 8)) != 0
        }
        set {
            guard (0..<width).contains(x), (0..<height).contains(y) else { return }
            let index = y * bytesPerRow + x / 8, bit: UInt8 = 0x80 >> UInt8(x % 8)
            if newValue { bytes[index] |= bit } else { bytes[index] &= ~bit }
        }
    }

    /// `GS v 0 m xL xH yL yH d…`: normal density; a printer buffers a band of at most 65,535 rows.
    var rasterCommand: [UInt8] {
        let rows = min(height, 0xFFFF)
        return [0x1D, 0x76, 0x30, 0, UInt8(bytesPerRow & 0xFF), UInt8(bytesPerRow >> 8), UInt8(rows & 0xFF), UInt8(rows >> 8)]
            + bytes.prefix(bytesPerRow * rows)
    }
}

extension Bitmap {
    /// A bitmap from packed rows (as `bytes` describes them); `nil` if the byte count does not match.
    public init?(width: Int, height: Int, bytes: [UInt8]) {
        self.init(width: width, height: height)
        guard bytes.count == bytesPerRow * self.height else { return nil }
        self.bytes = bytes
    }

    /// `parts` one under the other, left-aligned, as wide as the widest.
    public static func stacked(_ parts: [Bitmap]) -> Bitmap {
        let width = parts.map(\.width).max() ?? 1
        var result = Bitmap(width: width, height: parts.reduce(0) { $0 + $1.height })
        var top = 0
        for part in parts {
            for y in 0..<part.height {
                let source = y * part.bytesPerRow, target = (top + y) * result.bytesPerRow
                result.bytes.replaceSubrange(target..<target + part.bytesPerRow, with: part.bytes[source..<source + part.bytesPerRow])
            }
            top += part.height
        }
        return result
    }

    /// Horizontal bands of at most `rows` rows each: printers buffer one `GS v 0` band at a time, and
    /// cheap ones have small buffers.
    public func bands(ofRows rows: Int) -> [Bitmap] {
        stride(from: 0, to: height, by: max(1, rows)).map { top in
            let count = min(rows, height - top)
            return Bitmap(width: width, height: count, bytes: Array(bytes[top * bytesPerRow..<(top + count) * bytesPerRow]))!
        }
    }

    /// Sets a rectangle of dots.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) { self[column, row] = true }
        }
    }

    /// The bitmap as a binary PBM (`P4`) picture: the same packed rows, `1` black.
    public var pbm: [UInt8] { Array("P4\n\(width) \(height)\n".utf8) + bytes }
}
