/// What a printer says of itself through `DLE EOT n` (real-time status): asked for with n = 1
/// (printer), 2 (offline cause) and 4 (paper), each answered with one byte.
public struct PrinterStatus: Sendable, Hashable {
    public var offline = false
    public var coverOpen = false
    public var paperOut = false
    public var paperNearEnd = false
    /// Stopped by an error (cutter jam, head overheated…).
    public var error = false

    public init() {}

    /// The three requests, in the order their answers are read.
    public static let requests: [[UInt8]] = [[0x10, 0x04, 1], [0x10, 0x04, 2], [0x10, 0x04, 4]]

    /// Reads the answers to `requests`; `nil` for bytes that are not status answers (bit 1 set and
    /// bit 4 set, bit 7 clear, in every one), e.g. garbage on a serial line.
    public init?(printer: UInt8, offlineCause: UInt8, paper: UInt8) {
        for byte in [printer, offlineCause, paper] where byte & 0b1001_0010 != 0b0001_0010 { return nil }
        offline = printer & 0x08 != 0
        coverOpen = offlineCause & 0x04 != 0
        error = offlineCause & 0x40 != 0
        paperNearEnd = paper & 0x0C != 0
        paperOut = paper & 0x60 != 0
    }

    /// Whether a slip can be printed now.
    public var canPrint: Bool { !offline && !coverOpen && !paperOut && !error }
}
