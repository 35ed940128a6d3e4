import CPCSC
import Foundation

/// A connection to the PC/SC resource manager (pcscd).
///
/// pcsc-lite allows one thread at a time in a context, except for `cancel()`, which exists precisely to
/// wake another thread blocked in `waitForChange`. Give each thread its own context.
public final class PCSCContext: @unchecked Sendable {
    let handle: SCARDCONTEXT

    public init() throws {
        var handle: SCARDCONTEXT = 0
        try check(SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), nil, nil, &handle), "SCardEstablishContext")
        self.handle = handle
    }

    deinit {
        SCardReleaseContext(handle)
    }

    /// The names of the readers pcscd knows now; empty when there are none.
    public func readers() throws -> [String] {
        var length: DWORD = 0
        var rv = SCardListReaders(handle, nil, nil, &length)
        if UInt32(truncatingIfNeeded: rv) == PCSCReturnCode.noReadersAvailable { return [] }
        try check(rv, "SCardListReaders")
        var buffer = [CChar](repeating: 0, count: Int(length))
        rv = SCardListReaders(handle, nil, &buffer, &length)
        if UInt32(truncatingIfNeeded: rv) == PCSCReturnCode.noReadersAvailable { return [] }
        try check(rv, "SCardListReaders")
        return Self.splitMultiString(buffer)
    }

    /// Wakes a thread blocked in `waitForChange` on this context; it then throws `.cancelled`.
    public func cancel() {
        SCardCancel(handle)
    }

    /// Blocks until one of the readers differs from what `states` says (or the timeout passes), then
    /// returns the states as they are now. `nil` timeout waits without limit and without polling.
    public func waitForChange(_ states: [ReaderState], timeout: Duration?) throws -> [ReaderState] {
        let names = states.map { strdup($0.reader)! }
        defer { names.forEach { free($0) } }
        var cStates = states.enumerated().map { index, state in
            var cState = SCARD_READERSTATE()
            cState.szReader = UnsafePointer(names[index])
            cState.dwCurrentState = DWORD(state.eventState)
            return cState
        }
        let milliseconds: DWORD = timeout.map { DWORD(max(0, $0.milliseconds)) } ?? DWORD(INFINITE)
        try check(SCardGetStatusChange(handle, milliseconds, &cStates, DWORD(cStates.count)), "SCardGetStatusChange")
        return cStates.enumerated().map { index, cState in
            let atrLength = min(Int(cState.cbAtr), Int(MAX_ATR_SIZE))
            let atr = withUnsafeBytes(of: cState.rgbAtr) { Array($0.prefix(atrLength)) }
            return ReaderState(
                reader: states[index].reader,
                eventState: UInt32(truncatingIfNeeded: cState.dwEventState),
                atr: ATR(atr)
            )
        }
    }

    /// Connects to the card in `reader` with T=0 or T=1, whichever the card offers; shared unless
    /// `exclusive` (which keeps every other program out until `disconnect`).
    ///
    /// Another program holding the card (a sharing violation) is usually brief — a driver probing a
    /// fresh card, a second kiosk process starting — so it is retried with backoff before giving up:
    /// 50, 100, 200, 400 and 800 ms by default.
    public func connect(reader: String, exclusive: Bool = false, sharingRetries: Int = 5) throws -> CardConnection {
        var delay = Duration.milliseconds(50)
        var attempt = 0
        while true {
            do {
                return try CardConnection(context: self, reader: reader, exclusive: exclusive)
            } catch let error as SmartCardError where error.kind == .sharingViolation && attempt < sharingRetries {
                attempt += 1
                Thread.sleep(forTimeInterval: delay.seconds)
                delay *= 2
            }
        }
    }

    static func splitMultiString(_ buffer: [CChar]) -> [String] {
        buffer.split(separator: 0).map { chars in
            String(decoding: chars.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}

/// What `SCardGetStatusChange` says about one reader.
public struct ReaderState: Sendable, Hashable {
    /// The name pcsc-lite uses for its "readers changed" pseudo reader.
    public static let plugAndPlayReader = #"\\?PnP?\Notification"#

    public var reader: String
    /// `SCARD_STATE_…` bits. Passed back in as the known state of the next wait.
    public var eventState: UInt32
    public var atr: ATR

    public init(reader: String, eventState: UInt32 = 0, atr: ATR = ATR([])) {
        self.reader = reader
        self.eventState = eventState
        self.atr = atr
    }

    public var isCardPresent: Bool { eventState & UInt32(SCARD_STATE_PRESENT) != 0 }
    public var hasChanged: Bool { eventState & UInt32(SCARD_STATE_CHANGED) != 0 }
    public var isUnavailable: Bool {
        eventState & UInt32(SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE) != 0
    }
}

func check(_ rv: LONG, _ function: String) throws {
    let code = UInt32(truncatingIfNeeded: rv)
    guard code == PCSCReturnCode.success else {
        throw SmartCardError(pcscCode: code, function: function)
    }
}

extension Duration {
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

extension PCSCContext {
    /// Waits until a card is in `reader` (or in any reader when `nil`) and returns where, with its ATR.
    ///
    /// Fails at once with `.noReader` when there is no such reader, and with `.timeout` when no card
    /// arrives in time. A card already in the reader is returned at once.
    public func waitForCard(reader: String?, timeout: Duration?) throws -> (reader: String, atr: ATR) {
        let available = try readers()
        let watched = reader.map { name in available.filter { $0 == name } } ?? available
        guard !watched.isEmpty else {
            throw SmartCardError(.noReader, detail: reader.map { "no reader named '\($0)'; readers: \(available)" })
        }
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var states = watched.map { ReaderState(reader: $0) }
        while true {
            let remaining = deadline.map { max(.zero, $0 - ContinuousClock.now) }
            states = try waitForChange(states, timeout: states.allSatisfy { $0.eventState == 0 } ? .zero : remaining)
            if let ready = states.first(where: { $0.isCardPresent && !$0.isMute }) {
                return (ready.reader, ready.atr)
            }
            if let mute = states.first(where: { $0.isCardPresent && $0.isMute }) {
                throw SmartCardError(.unresponsiveCard, detail: "card in \(mute.reader) gave no ATR")
            }
            if let deadline, ContinuousClock.now >= deadline {
                throw SmartCardError(.timeout, code: PCSCReturnCode.timeout, detail: "waiting for a card")
            }
            states = states.map { ReaderState(reader: $0.reader, eventState: $0.eventState & ~UInt32(0x0002)) }
        }
    }
}

extension ReaderState {
    /// A card is there but did not answer the reset.
    public var isMute: Bool { eventState & 0x0200 != 0 }
}
