/// A card's Answer To Reset, the bytes a card sends when powered.
public struct ATR: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var description: String { bytes.hexString }

    /// Old Thai ID chips (ATR `3B 67 …`) answer GET RESPONSE only with P2 = 01; every other card
    /// wants P2 = 00. Seen in the field and in every open-source Thai ID reader.
    public var getResponseP2: UInt8 {
        bytes.starts(with: [0x3B, 0x67]) ? 0x01 : 0x00
    }
}
