/// Something that happened at the card readers.
public enum CardReaderEvent: Sendable, Hashable {
    /// A reader is there (at the start of watching, or plugged in later).
    case readerAttached(reader: String)
    /// A reader was unplugged.
    case readerDetached(reader: String)
    /// A card is in the reader (at the start of watching, or inserted later).
    case cardInserted(reader: String, atr: ATR)
    /// The card left the reader.
    case cardRemoved(reader: String)
}
