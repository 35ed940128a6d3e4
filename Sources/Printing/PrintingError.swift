import ESCPOS

/// Why a slip did not print, in words for the staff and the journal (the patient sees a sentence from
/// the catalog instead).
public enum PrintingError: Error, Sendable, Hashable, CustomStringConvertible {
    case paperOut
    case coverOpen
    case offline
    /// The printer reports an error of its own (cutter jammed, head too hot).
    case printerError
    /// Nothing came back, or it stopped taking data, within the time allowed.
    case notAnswering(seconds: Int)
    /// The printer (its address, device or queue) cannot be reached.
    case unreachable(String)
    /// The print system refused the job (CUPS' `lp`).
    case rejected(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .paperOut: "the printer is out of paper"
        case .coverOpen: "the printer's cover is open"
        case .offline: "the printer is offline"
        case .printerError: "the printer reports an error (cutter or print head)"
        case .notAnswering(let seconds): "the printer did not answer within \(seconds) s"
        case .unreachable(let reason): "the printer cannot be reached: \(reason)"
        case .rejected(let reason): "the print system refused the slip: \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }

    /// The problem a status answer shows, if any.
    public init?(_ status: PrinterStatus) {
        if status.paperOut { self = .paperOut }
        else if status.coverOpen { self = .coverOpen }
        else if status.error { self = .printerError }
        else if status.offline { self = .offline }
        else { return nil }
    }
}
