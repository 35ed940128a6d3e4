import CPCSC

/// An open, shared connection to the card in one reader.
///
/// Not for concurrent use: one thread sends, waits for the answer, then sends again.
public final class CardConnection: CardChannel, @unchecked Sendable {
    public let reader: String
    public let atr: ATR
    /// `SCARD_PROTOCOL_T0` or `SCARD_PROTOCOL_T1`, as negotiated.
    public let activeProtocol: UInt32
    /// How many APDUs went to the card on this connection (each GET RESPONSE counts).
    public private(set) var exchangeCount = 0

    private let context: PCSCContext
    private var handle: SCARDHANDLE
    private var isOpen = true

    /// 255 data bytes and two status bytes do not fit the 256-byte buffers some readers assume: a photo
    /// chunk of 255 bytes fails there. pcsc-lite's own maximum is 264.
    static let receiveBufferSize = 264

    init(context: PCSCContext, reader: String, exclusive: Bool) throws {
        var handle: SCARDHANDLE = 0
        var negotiated: DWORD = 0
        try check(
            SCardConnect(
                context.handle, reader, DWORD(exclusive ? SCARD_SHARE_EXCLUSIVE : SCARD_SHARE_SHARED),
                DWORD(SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1), &handle, &negotiated
            ),
            "SCardConnect(\(reader))"
        )
        self.context = context
        self.reader = reader
        self.handle = handle
        self.activeProtocol = UInt32(truncatingIfNeeded: negotiated)

        var atrBytes = [UInt8](repeating: 0, count: Int(MAX_ATR_SIZE))
        var atrLength = DWORD(atrBytes.count)
        var state: DWORD = 0
        var proto: DWORD = 0
        var nameLength: DWORD = 0
        let rv = SCardStatus(handle, nil, &nameLength, &state, &proto, &atrBytes, &atrLength)
        if UInt32(truncatingIfNeeded: rv) != PCSCReturnCode.success {
            SCardDisconnect(handle, DWORD(SCARD_LEAVE_CARD))
            try check(rv, "SCardStatus")
        }
        self.atr = ATR(Array(atrBytes.prefix(Int(atrLength))))
    }

    deinit {
        disconnect()
    }

    public func transmit(_ command: [UInt8]) throws -> [UInt8] {
        guard isOpen else { throw SmartCardError(.cardRemoved, detail: "connection already closed") }
        var sendPCI = SCARD_IO_REQUEST(
            dwProtocol: DWORD(activeProtocol),
            cbPciLength: DWORD(MemoryLayout<SCARD_IO_REQUEST>.size)
        )
        var buffer = [UInt8](repeating: 0, count: Self.receiveBufferSize)
        var length = DWORD(buffer.count)
        exchangeCount += 1
        let rv = SCardTransmit(handle, &sendPCI, command, DWORD(command.count), nil, &buffer, &length)
        // Readers report a pulled card in different ways: SCARD_W_REMOVED_CARD from most CCID readers,
        // SCARD_E_NOT_TRANSACTED or an empty answer from others (vpcd among them). Ask the reader
        // whether the card is still there, so that a pulled card is always called one.
        if UInt32(truncatingIfNeeded: rv) != PCSCReturnCode.success || length < 2,
           cardLeft(within: Self.removalGrace) {
            throw SmartCardError(.cardRemoved, code: PCSCReturnCode.removedCard, detail: "SCardTransmit")
        }
        try check(rv, "SCardTransmit")
        return Array(buffer.prefix(Int(length)))
    }

    /// How long a failed exchange waits for the reader to notice a pulled card. Readers that learn of
    /// removal by polling (pcscd polls such drivers about every 400 ms) need this; the others say so at
    /// once.
    static let removalGrace = Duration.milliseconds(1500)

    /// Whether the card leaves the reader (or is swapped) within `grace`.
    func cardLeft(within grace: Duration) -> Bool {
        if isCardGone() { return true }
        let deadline = ContinuousClock.now + grace
        guard var state = try? context.waitForChange([ReaderState(reader: reader)], timeout: .zero).first else {
            return false
        }
        let insertion = state.eventState >> 16
        while state.isCardPresent && state.eventState >> 16 == insertion {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            state.eventState &= ~UInt32(0x0002)
            do {
                state = try context.waitForChange([state], timeout: remaining)[0]
            } catch {
                return false
            }
        }
        return true
    }

    /// Whether the reader already says the card has left.
    func isCardGone() -> Bool {
        var nameLength: DWORD = 0
        var state: DWORD = 0
        var proto: DWORD = 0
        var atrLength: DWORD = 0
        let rv = UInt32(truncatingIfNeeded: SCardStatus(handle, nil, &nameLength, &state, &proto, nil, &atrLength))
        switch rv {
        case PCSCReturnCode.removedCard, PCSCReturnCode.noSmartcard, PCSCReturnCode.resetCard,
             PCSCReturnCode.readerUnavailable:
            return true
        case PCSCReturnCode.success:
            return state & DWORD(SCARD_ABSENT) != 0
        default:
            return false
        }
    }

    /// Runs `body` with the card to this connection alone: other programs sharing the reader wait until it
    /// ends. A read is several APDUs (READ then GET RESPONSE); another program's command between them
    /// would take the pending answer, so every multi-APDU exchange belongs in a transaction.
    public func withTransaction<T>(_ body: () throws -> T) throws -> T {
        try check(SCardBeginTransaction(handle), "SCardBeginTransaction")
        defer { SCardEndTransaction(handle, DWORD(SCARD_LEAVE_CARD)) }
        return try body()
    }

    /// Releases the card, leaving it powered for the next reader of it.
    public func disconnect() {
        guard isOpen else { return }
        isOpen = false
        SCardDisconnect(handle, DWORD(SCARD_LEAVE_CARD))
    }
}
