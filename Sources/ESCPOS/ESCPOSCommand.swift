/// The ESC/POS commands the kiosk sends, as bytes (Epson's ESC/POS reference; the same on the
/// Thai-market and Chinese-made 58/80 mm printers hospitals buy).
public enum ESCPOSCommand: Sendable, Hashable {
    /// `ESC @`: reset to the power-on state (a slip never inherits the last one's modes).
    case initialize
    /// `FS .`: leave the Chinese double-byte mode that many Chinese-made printers start in (their
    /// Kanji mode would swallow Thai code-page bytes in pairs).
    case cancelKanjiMode
    /// `ESC t n`: the code page for text mode (the Thai one's number differs by printer model).
    case codePage(UInt8)
    /// `ESC a n`: left, centre, right.
    case align(Alignment)
    /// `ESC E n`.
    case bold(Bool)
    /// `GS ! n`: character width and height multipliers, 1–8 each.
    case size(width: Int, height: Int)
    /// Text in the printer's code page (already encoded) and a line feed.
    case line([UInt8])
    /// `ESC d n`: feed n lines.
    case feed(lines: Int)
    /// `GS v 0`: a 1-bit raster image (a band of the slip).
    case raster(Bitmap)
    /// `GS ( k`: a QR code the printer draws itself (model 2), `moduleSize` dots per module.
    case qrCode(data: [UInt8], moduleSize: Int, correction: QRCorrection)
    /// `GS k m=73`: a CODE128 barcode of `data` (code set B), `height` dots tall, bars `moduleWidth`
    /// dots wide (`GS w`; printers default to 3, too wide for a claim code on 58 mm paper), human-readable
    /// text below.
    case code128(data: [UInt8], height: Int, moduleWidth: Int)
    /// `GS V 66 n`: feed to the cutter and cut (partially, leaving a tab, as kiosks do).
    case cut

    public enum Alignment: UInt8, Sendable { case left = 0, center = 1, right = 2 }

    /// `GS ( k` error-correction levels (function 169: 48 L, 49 M, 50 Q, 51 H).
    public enum QRCorrection: UInt8, Sendable { case low = 48, medium = 49, quartile = 50, high = 51 }

    public var bytes: [UInt8] {
        switch self {
        case .initialize: return [0x1B, 0x40]
        case .cancelKanjiMode: return [0x1C, 0x2E]
        case .codePage(let page): return [0x1B, 0x74, page]
        case .align(let alignment): return [0x1B, 0x61, alignment.rawValue]
        case .bold(let on): return [0x1B, 0x45, on ? 1 : 0]
        case .size(let width, let height):
            let w = UInt8(min(8, max(1, width)) - 1), h = UInt8(min(8, max(1, height)) - 1)
            return [0x1D, 0x21, w << 4 | h]
        case .line(let text): return text.filter { $0 >= 0x20 && $0 != 0x7F } + [0x0A]
        case .feed(let lines): return [0x1B, 0x64, UInt8(min(255, max(0, lines)))]
        case .raster(let bitmap): return bitmap.rasterCommand
        case .qrCode(let data, let moduleSize, let correction): return Self.qr(data, moduleSize: moduleSize, correction: correction)
        case .code128(let data, let height, let moduleWidth):
            // Code set B ("{B"), then the data; printable ASCII only (a claim code is `PP` and digits).
            let payload: [UInt8] = [0x7B, 0x42] + data.filter { (0x20...0x7E).contains($0) && $0 != 0x7B }
            return [0x1D, 0x68, UInt8(min(255, max(1, height))), 0x1D, 0x77, UInt8(min(6, max(1, moduleWidth))), 0x1D, 0x48, 2, 0x1D, 0x6B, 73, UInt8(min(255, payload.count))] + payload.prefix(255)
        case .cut: return [0x1D, 0x56, 66, 0]
        }
    }

    /// `GS ( k` functions 165 (model 2), 167 (module size), 169 (error correction), 180 (store), 181 (print).
    static func qr(_ data: [UInt8], moduleSize: Int, correction: QRCorrection) -> [UInt8] {
        func function(_ fn: UInt8, _ parameters: [UInt8]) -> [UInt8] {
            let length = parameters.count + 2
            return [0x1D, 0x28, 0x6B, UInt8(length & 0xFF), UInt8(length >> 8), 0x31, fn] + parameters
        }
        return function(65, [50, 0])                                   // model 2
            + function(67, [UInt8(min(16, max(1, moduleSize)))])
            + function(69, [correction.rawValue])
            + function(80, [0x30] + data)                               // store
            + function(81, [0x30])                                      // print
    }
}
