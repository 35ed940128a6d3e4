import ThaiIDCard

/// Digits typed on the numpad (or a keyboard, or a tap keypad): a 13-digit citizen id or a 10-digit
/// mobile number. What was typed is always kept; a wrong key, a wrong length or a wrong check digit
/// only sets a message saying what is wrong.
public struct NumberEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A Thai citizen id: 13 digits, the last one a check digit (validated as soon as it is typed).
        case citizenID
        /// A Thai mobile number: 10 digits starting with 0; `optional` lets it be left empty.
        case mobile(optional: Bool)

        public var length: Int {
            switch self {
            case .citizenID: 13
            case .mobile: 10
            }
        }
    }

    /// What is wrong with the entry, shown under it.
    public enum Message: Sendable, Hashable {
        /// A key that is not a digit (a letter, pasted text).
        case digitsOnly
        /// Enter before every digit is there.
        case tooShort
        /// A digit after the last one.
        case full
        /// All 13 digits are there, and the last does not match the first twelve.
        case wrongCheckDigit
        /// A mobile number must start with 0.
        case mobileStartsWithZero
        /// A guardian's id that is the patient's own.
        case sameAsPatient
    }

    /// What a key did.
    public enum Outcome: Sendable, Hashable {
        /// Still typing (or told what is wrong).
        case editing
        /// Enter on a complete, valid entry: its digits (empty for a left-out optional mobile).
        case done(String)
        /// Back (or Backspace on an empty entry): leave the entry.
        case cancelled
    }

    public let kind: Kind
    public private(set) var digits: String
    public private(set) var message: Message?

    public init(_ kind: Kind, digits: String = "") {
        self.kind = kind
        self.digits = String(digits.filter(\.isASCIIDigit).prefix(kind.length))
        message = nil
    }

    public var isComplete: Bool { digits.count == kind.length }

    /// The same digits, with a message set by whoever checks them further.
    func withMessage(_ message: Message) -> NumberEntry {
        var entry = self
        entry.message = message
        return entry
    }

    /// The citizen id typed, once complete and valid.
    public var citizenID: CitizenID? { kind == .citizenID ? CitizenID(digits) : nil }

    public mutating func handle(_ event: JourneyEvent) -> Outcome {
        switch event {
        case .digit(let digit):
            guard digits.count < kind.length else {
                message = .full
                return .editing
            }
            digits.append(String(digit))
            message = problem(final: false)
        case .notADigit:
            message = .digitsOnly
        case .backspace:
            guard !digits.isEmpty else { return .cancelled }
            digits.removeLast()
            message = nil
        case .back:
            return .cancelled
        case .enter:
            if case .mobile(optional: true) = kind, digits.isEmpty { return .done("") }
            message = problem(final: true)
            if message == nil { return .done(digits) }
        default:
            break
        }
        return .editing
    }

    /// What is wrong with the digits so far; `final` when the patient says they are done.
    private func problem(final: Bool) -> Message? {
        if case .mobile = kind, let first = digits.first, first != "0" { return .mobileStartsWithZero }
        if final && !isComplete { return .tooShort }
        if kind == .citizenID && isComplete && citizenID == nil { return .wrongCheckDigit }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
