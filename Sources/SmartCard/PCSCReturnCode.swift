/// PC/SC return codes as plain numbers: pcsc-lite defines them as casting macros
/// (`((LONG)0x8010001D)`) that Swift cannot import.
public enum PCSCReturnCode {
    public static let success: UInt32 = 0x0000_0000
    public static let cancelled: UInt32 = 0x8010_0002
    public static let invalidHandle: UInt32 = 0x8010_0003
    public static let insufficientBuffer: UInt32 = 0x8010_0008
    public static let unknownReader: UInt32 = 0x8010_0009
    public static let timeout: UInt32 = 0x8010_000A
    public static let sharingViolation: UInt32 = 0x8010_000B
    public static let noSmartcard: UInt32 = 0x8010_000C
    public static let protoMismatch: UInt32 = 0x8010_000F
    public static let notTransacted: UInt32 = 0x8010_0016
    public static let readerUnavailable: UInt32 = 0x8010_0017
    public static let noService: UInt32 = 0x8010_001D
    public static let serviceStopped: UInt32 = 0x8010_001E
    public static let cardUnsupported: UInt32 = 0x8010_001C
    public static let noReadersAvailable: UInt32 = 0x8010_002E
    public static let commError: UInt32 = 0x8010_0013
    public static let unsupportedCard: UInt32 = 0x8010_0065
    public static let unresponsiveCard: UInt32 = 0x8010_0066
    public static let unpoweredCard: UInt32 = 0x8010_0067
    public static let resetCard: UInt32 = 0x8010_0068
    public static let removedCard: UInt32 = 0x8010_0069

    /// The symbolic name, for logs.
    public static func name(_ code: UInt32) -> String {
        switch code {
        case success: "SCARD_S_SUCCESS"
        case cancelled: "SCARD_E_CANCELLED"
        case invalidHandle: "SCARD_E_INVALID_HANDLE"
        case insufficientBuffer: "SCARD_E_INSUFFICIENT_BUFFER"
        case unknownReader: "SCARD_E_UNKNOWN_READER"
        case timeout: "SCARD_E_TIMEOUT"
        case sharingViolation: "SCARD_E_SHARING_VIOLATION"
        case noSmartcard: "SCARD_E_NO_SMARTCARD"
        case protoMismatch: "SCARD_E_PROTO_MISMATCH"
        case notTransacted: "SCARD_E_NOT_TRANSACTED"
        case readerUnavailable: "SCARD_E_READER_UNAVAILABLE"
        case noService: "SCARD_E_NO_SERVICE"
        case serviceStopped: "SCARD_E_SERVICE_STOPPED"
        case cardUnsupported: "SCARD_E_CARD_UNSUPPORTED"
        case noReadersAvailable: "SCARD_E_NO_READERS_AVAILABLE"
        case commError: "SCARD_F_COMM_ERROR"
        case unsupportedCard: "SCARD_W_UNSUPPORTED_CARD"
        case unresponsiveCard: "SCARD_W_UNRESPONSIVE_CARD"
        case unpoweredCard: "SCARD_W_UNPOWERED_CARD"
        case resetCard: "SCARD_W_RESET_CARD"
        case removedCard: "SCARD_W_REMOVED_CARD"
        default: "PC/SC error"
        }
    }
}
