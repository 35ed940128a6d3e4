/// How a slip is turned into bytes for one printer.
public struct PrinterSettings: Sendable, Hashable {
    public enum Paper: Int, Sendable, Hashable, CaseIterable {
        case mm58 = 58, mm80 = 80

        /// Printable dots across at 203 dpi (8 dots a millimetre).
        public var dots: Int { self == .mm80 ? 576 : 384 }
        /// Characters a line in the printer's own font A (12×24 dots), for text mode.
        public var columns: Int { self == .mm80 ? 48 : 32 }
    }

    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Every line drawn on the host (Pango) and sent as a picture: Thai right on every printer.
        case raster
        /// Lines sent as text in the printer's Thai code page: for firmware that stacks Thai marks itself.
        case text
    }

    public enum Codes: String, Sendable, Hashable, CaseIterable {
        /// The printer draws the QR code and the barcode (`GS ( k`, `GS k`).
        case native
        /// The host draws them into the picture: for printers without those commands.
        case raster
    }

    public var paper: Paper
    public var mode: Mode
    public var codes: Codes
    /// `ESC t n` for text mode: the Thai code page's number in this printer model's table.
    public var codePage: UInt8?
    /// Send `FS .` after `ESC @` (Chinese-made printers start in a double-byte mode).
    public var cancelKanjiMode: Bool
    /// The font family for raster mode.
    public var font: String

    public init(paper: Paper = .mm80, mode: Mode = .raster, codes: Codes = .native, codePage: UInt8? = nil,
                cancelKanjiMode: Bool = true, font: String = "Waree") {
        self.paper = paper
        self.mode = mode
        self.codes = codes
        self.codePage = codePage
        self.cancelKanjiMode = cancelKanjiMode
        self.font = font
    }

    /// Text heights in dots for raster mode, by paper width.
    var textSizes: [SlipTextStyle.Size: Int] {
        paper == .mm80 ? [.small: 22, .normal: 26, .large: 34, .huge: 68] : [.small: 19, .normal: 22, .large: 28, .huge: 52]
    }

    /// Dots a QR module: about 0.75 mm (80 mm paper) or 0.6 mm (58 mm), readable by phone and scanner.
    var qrModule: Int { paper == .mm80 ? 6 : 5 }
    /// Dots a barcode module (narrowest bar).
    var barcodeModule: Int { 2 }
    var barcodeHeight: Int { 80 }
}
