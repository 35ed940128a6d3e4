/// Ways a virtual card can misbehave, to test that the reader copes. Each mimics something seen with
/// real cards and readers.
public struct CardFaults: Sendable, Hashable {
    /// The card is taken out after this many APDUs (the next one never arrives at the card).
    public var pullAfter: Int?
    /// The card stops answering after this many APDUs (0: it never answers one).
    public var muteAfter: Int?
    /// SELECT of the MOI applet fails with `6A 82`: a chip that is not a Thai ID card.
    public var refuseSelect = false
    /// Every READ answers with this status word instead of `61 xx`.
    public var readStatusWord: UInt16?
    /// GET RESPONSE returns fewer bytes than the card announced.
    public var shortAnswers = false
    /// GET RESPONSE returns bytes that are not text (0xFF), as a damaged chip does.
    public var garbledData = false
    /// Time the card takes for each exchange, as real chips and readers do (5–30 ms).
    public var latency: Duration = .zero
    /// READs longer than one field (over 100 bytes) answer this status word (`6700`, `6B00`), as some
    /// older chips do.
    public var longReadStatus: UInt16?
    /// GET RESPONSE after a READ longer than one field returns fewer bytes than announced.
    public var shortLongReads = false
    /// Text fields padded with this byte instead of spaces (`0x00`, `0xA0`, `0xFF` are seen on cards).
    public var padding: UInt8?

    public init(
        pullAfter: Int? = nil, muteAfter: Int? = nil, refuseSelect: Bool = false,
        readStatusWord: UInt16? = nil, shortAnswers: Bool = false, garbledData: Bool = false,
        latency: Duration = .zero, longReadStatus: UInt16? = nil, shortLongReads: Bool = false, padding: UInt8? = nil
    ) {
        self.longReadStatus = longReadStatus
        self.shortLongReads = shortLongReads
        self.padding = padding
        self.pullAfter = pullAfter
        self.muteAfter = muteAfter
        self.refuseSelect = refuseSelect
        self.readStatusWord = readStatusWord
        self.shortAnswers = shortAnswers
        self.garbledData = garbledData
        self.latency = latency
    }
}
