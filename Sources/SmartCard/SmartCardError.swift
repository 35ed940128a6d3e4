/// Everything that can go wrong between the program and a card, in one type.
///
/// It keeps the PC/SC return code (when there is one) for the logs, and says in words what happened
/// and what a person can do about it.
public struct SmartCardError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// pcscd is not running or went away.
        case serviceNotRunning
        /// No reader is connected, or the named one is not.
        case noReader
        /// A reader is there but holds no card.
        case noCard
        /// The card left the reader (pulled out) while it was in use.
        case cardRemoved
        /// Another program holds the card exclusively.
        case sharingViolation
        /// Nothing happened within the time allowed.
        case timeout
        /// The card does not answer, or answers in a way no known card does.
        case unresponsiveCard
        /// The card is not one this program knows how to read.
        case unknownCard
        /// The wait was cancelled by this program.
        case cancelled
        /// Any other PC/SC failure.
        case other
    }

    public var kind: Kind
    /// The PC/SC return code (`SCARD_E_…`, `SCARD_W_…`), when the failure came from PC/SC.
    public var code: UInt32?
    /// Extra words about the failure (the function that failed, the reader's name).
    public var detail: String?

    public init(_ kind: Kind, code: UInt32? = nil, detail: String? = nil) {
        self.kind = kind
        self.code = code
        self.detail = detail
    }

    /// Maps a PC/SC return code to its kind.
    public init(pcscCode code: UInt32, function: String) {
        let kind: Kind
        switch code {
        case PCSCReturnCode.noService, PCSCReturnCode.serviceStopped, PCSCReturnCode.commError:
            kind = .serviceNotRunning
        case PCSCReturnCode.noReadersAvailable, PCSCReturnCode.unknownReader,
             PCSCReturnCode.readerUnavailable:
            kind = .noReader
        case PCSCReturnCode.noSmartcard:
            kind = .noCard
        case PCSCReturnCode.removedCard, PCSCReturnCode.resetCard:
            kind = .cardRemoved
        case PCSCReturnCode.sharingViolation:
            kind = .sharingViolation
        case PCSCReturnCode.timeout:
            kind = .timeout
        case PCSCReturnCode.unresponsiveCard, PCSCReturnCode.unpoweredCard,
             PCSCReturnCode.protoMismatch, PCSCReturnCode.notTransacted:
            kind = .unresponsiveCard
        case PCSCReturnCode.unsupportedCard, PCSCReturnCode.cardUnsupported:
            kind = .unknownCard
        case PCSCReturnCode.cancelled:
            kind = .cancelled
        default:
            kind = .other
        }
        self.init(kind, code: code, detail: function)
    }

    /// One line that says what happened and what to do, for a person at a terminal.
    public var description: String {
        var text = Self.message(for: kind)
        if let code { text += " [PC/SC \(PCSCReturnCode.name(code)), 0x\(String(code, radix: 16, uppercase: true))" }
        if let detail { text += code == nil ? " [\(detail)]" : " in \(detail)]" } else if code != nil { text += "]" }
        return text
    }

    static func message(for kind: Kind) -> String {
        switch kind {
        case .serviceNotRunning:
            "The smart-card service (pcscd) is not running: start it with 'systemctl start pcscd'."
        case .noReader:
            "No card reader found: check that the reader is plugged in (and its name, if one was given)."
        case .noCard:
            "No card in the reader: insert the ID card, chip first and facing up."
        case .cardRemoved:
            "The card was removed while it was being read: insert it again and leave it in until the end."
        case .sharingViolation:
            "Another program is using the card reader: close it (for example the NHSO agent) and try again."
        case .timeout:
            "No card was inserted in time: insert the card and try again."
        case .unresponsiveCard:
            "The card does not answer: clean the chip, insert it the right way round, and try again."
        case .unknownCard:
            "This card cannot be read here: it is not a supported card."
        case .cancelled:
            "The card operation was cancelled."
        case .other:
            "The card reader failed: unplug and replug the reader, then try again."
        }
    }
}
