/// A command sent to a card (ISO 7816-4 command APDU), kept as its header, body and expected length
/// so that transport rules (T=0 GET RESPONSE, `6C xx` resend) can rebuild it.
public struct CommandAPDU: Sendable, Hashable, CustomStringConvertible {
    public var cla: UInt8
    public var ins: UInt8
    public var p1: UInt8
    public var p2: UInt8
    public var data: [UInt8]
    /// Expected response length; `nil` when the command expects no data (ISO case 1 or 3).
    public var le: UInt8?

    public init(cla: UInt8, ins: UInt8, p1: UInt8, p2: UInt8, data: [UInt8] = [], le: UInt8? = nil) {
        precondition(data.count <= 255, "short APDUs carry at most 255 data bytes")
        self.cla = cla
        self.ins = ins
        self.p1 = p1
        self.p2 = p2
        self.data = data
        self.le = le
    }

    /// The bytes as they go on the wire.
    public var bytes: [UInt8] {
        var out = [cla, ins, p1, p2]
        if !data.isEmpty {
            out.append(UInt8(data.count))
            out += data
        }
        if let le { out.append(le) }
        return out
    }

    public var description: String { bytes.hexString }

    /// GET RESPONSE (`00 C0 00 P2 Le`): fetches data the card announced with `61 xx`.
    public static func getResponse(length: UInt8, p2: UInt8 = 0x00) -> CommandAPDU {
        CommandAPDU(cla: 0x00, ins: 0xC0, p1: 0x00, p2: p2, le: length)
    }
}

/// A card's answer: data followed by the two status bytes SW1 SW2.
public struct ResponseAPDU: Sendable, Hashable, CustomStringConvertible {
    public var data: [UInt8]
    public var sw1: UInt8
    public var sw2: UInt8

    public init(data: [UInt8] = [], sw1: UInt8, sw2: UInt8) {
        self.data = data
        self.sw1 = sw1
        self.sw2 = sw2
    }

    /// Splits raw bytes from the reader; fewer than two bytes is not an answer at all.
    public init?(bytes: [UInt8]) {
        guard bytes.count >= 2 else { return nil }
        self.data = Array(bytes.dropLast(2))
        self.sw1 = bytes[bytes.count - 2]
        self.sw2 = bytes[bytes.count - 1]
    }

    public var statusWord: UInt16 { UInt16(sw1) << 8 | UInt16(sw2) }
    public var isSuccess: Bool { statusWord == 0x9000 }
    /// `61 xx`: success, `xx` bytes wait to be fetched with GET RESPONSE (T=0).
    public var hasMoreData: Bool { sw1 == 0x61 }
    public var bytes: [UInt8] { data + [sw1, sw2] }
    public var description: String { bytes.hexString }
}

extension Sequence where Element == UInt8 {
    /// Upper-case hex, bytes separated by a space: `3B 67 00`.
    public var hexString: String {
        map { byte in
            let digits = Array("0123456789ABCDEF")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined(separator: " ")
    }
}

extension Array where Element == UInt8 {
    /// Parses hex such as `3B 67 00` or `3b6700`; `nil` for anything else.
    public init?(hexString: String) {
        let digits = hexString.filter { !$0.isWhitespace && $0 != ":" }
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self = bytes
    }
}
