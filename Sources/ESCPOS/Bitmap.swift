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
