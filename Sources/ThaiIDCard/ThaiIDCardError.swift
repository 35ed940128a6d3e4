import SmartCard

/// Why a Thai ID card could not be read. Every case leaves nothing half-read behind.
public enum ThaiIDCardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The card refused the MOI applet: it is some other chip (a bank card, a SIM, a foreign id).
    case notAThaiIDCard(statusWord: UInt16)
    /// The card answered a command with a status word that means failure.
    case unexpectedStatus(command: String, statusWord: UInt16)
    /// The card returned fewer (or more) bytes than asked for.
    case wrongLength(offset: Int, expected: Int, received: Int)
    /// A field's bytes make no sense (bad characters, an impossible date, a wrong check digit).
    case garbledField(ThaiIDCardLayout.Field, reason: String)
    /// The reader or the card failed underneath: removed, unresponsive, no service...
    case transport(SmartCardError)

    public var description: String {
        switch self {
        case .notAThaiIDCard(let sw):
            "This is not a Thai ID card (the card answered \(sw.hex) to the ID-card application): insert the Thai national ID card."
        case .unexpectedStatus(let command, let sw):
            "The card refused to be read (\(sw.hex) to \(command)): take the card out, insert it again and retry."
        case .wrongLength(let offset, let expected, let received):
            "The card gave an incomplete answer (\(received) of \(expected) bytes at 0x\(String(offset, radix: 16))): take the card out, insert it again and retry."
        case .garbledField(let field, let reason):
            "The card's \(field.rawValue) could not be read (\(reason)): clean the chip and retry; if it happens again the chip is damaged."
        case .transport(let error):
            error.description
        }
    }

    /// The card refused a read across several fields or answered it short: worth one read per field.
    public var refusesLongReads: Bool {
        switch self {
        case .unexpectedStatus(_, let sw): sw == 0x6700 || sw == 0x6B00 || sw & 0xFF00 == 0x6C00
        case .wrongLength: true
        default: false
        }
    }

    /// The card was pulled out during the read.
    public var isCardRemoved: Bool {
        if case .transport(let error) = self { return error.kind == .cardRemoved || error.kind == .noCard }
        return false
    }
}

extension UInt16 {
    var hex: String {
        let digits = String(self, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
        return "\(padded.prefix(2)) \(padded.suffix(2))"
    }
}
