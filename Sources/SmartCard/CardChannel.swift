/// Something that carries APDUs to one card: a PC/SC connection in production, a recorded or
/// virtual card in unit tests.
///
/// Implementations block the calling thread for the duration of one exchange; a channel is used by one
/// thread at a time.
public protocol CardChannel: AnyObject {
    /// The card's Answer To Reset.
    var atr: ATR { get }
    /// Sends one command and returns the card's raw answer (data and status word).
    func transmit(_ command: [UInt8]) throws -> [UInt8]
}

extension CardChannel {
    /// One exchange: sends the command and returns the answer as the card gave it.
    public func send(_ command: CommandAPDU) throws -> ResponseAPDU {
        let raw = try transmit(command.bytes)
        guard let response = ResponseAPDU(bytes: raw) else {
            throw SmartCardError(.unresponsiveCard, detail: "answer of \(raw.count) byte(s) to \(command)")
        }
        return response
    }

    /// Sends a command and follows the T=0 transport rules until the card has given all its data:
    /// `61 xx` is answered with GET RESPONSE for `xx` bytes (P2 chosen by the ATR, see
    /// `ATR.getResponseP2`), and `6C xx` ("wrong length, use xx") resends the command once with Le = xx.
    public func exchange(_ command: CommandAPDU) throws -> ResponseAPDU {
        var response = try send(command)
        if response.sw1 == 0x6C {
            var corrected = command
            corrected.le = response.sw2
            response = try send(corrected)
        }
        var data = response.data
        // A card announces at most 256 bytes per `61 xx`; a photo needs no more than one round, but a
        // card that keeps announcing data forever must not hang the kiosk.
        var rounds = 0
        while response.hasMoreData {
            rounds += 1
            guard rounds <= 64 else {
                throw SmartCardError(.unresponsiveCard, detail: "card kept answering 61 xx to \(command)")
            }
            response = try send(.getResponse(length: response.sw2, p2: atr.getResponseP2))
            data += response.data
        }
        return ResponseAPDU(data: data, sw1: response.sw1, sw2: response.sw2)
    }
}
