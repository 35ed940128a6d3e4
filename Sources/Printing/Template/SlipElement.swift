/// One part of a slip, in the order printed: what a template becomes once its values are filled in.
public enum SlipElement: Sendable, Hashable {
    case text(String, SlipTextStyle)
    /// A QR code of the text (the claim code), drawn by the printer or rastered, as configured.
    case qr(String)
    /// A CODE128 barcode of the text, with the text under it.
    case barcode(String)
    /// A thin line across the paper.
    case rule
    /// A picture (PNG) scaled to the paper's width at most: the hospital's logo.
    case logo(path: String)
    /// Blank lines.
    case feed(Int)
    /// The upper half of the printer's code page (0xA0–0xFF) in its own font, 16 a line: on the test
    /// slip, for finding which `ESC t` number is this model's Thai.
    case codePageTable
}

public struct SlipTextStyle: Sendable, Hashable {
    public enum Size: String, Sendable, Hashable, CaseIterable {
        case small, normal, large, huge
    }

    public enum Alignment: Sendable, Hashable { case left, center }

    public var size: Size
    public var bold: Bool
    public var alignment: Alignment

    public init(size: Size = .normal, bold: Bool = false, alignment: Alignment = .left) {
        self.size = size
        self.bold = bold
        self.alignment = alignment
    }
}
