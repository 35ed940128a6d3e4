import ArgumentParser
import Foundation
import SmartCard
import ThaiIDCard
import VirtualThaiIDCard

/// A virtual Thai ID card in a vsmartcard virtual reader, for tests, demos and staff training.
struct ThaiIDCardSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thaiid-card-sim",
        abstract: "Insert a virtual Thai ID card into vsmartcard's virtual reader (vpcd).",
        discussion: """
            The card holds the person described by a JSON person file (see Tests/Fixtures/cards). It stays \
            in the reader until this program ends (Ctrl-C or SIGTERM pulls it out). Requires pcscd with \
            the vsmartcard-vpcd driver.
            """
    )

    @Option(name: .long, help: "The person file (JSON) the card holds.")
    var person: String

    @Option(name: .long, help: "vpcd's address.")
    var vpcdHost = "127.0.0.1"

    @Option(name: .long, help: "vpcd's port: 35963 for the first virtual reader, 35964 for the second.")
    var vpcdPort: UInt16 = 35963

    @Option(name: .long, help: "Delay per APDU exchange in milliseconds, like a real chip and reader.")
    var latencyMs = 0

    @Option(name: .long, help: "Pull the card out after N APDUs (a card pulled mid-read).")
    var pullAfter: Int?

    @Option(name: .long, help: "Stop answering after N APDUs (0: a mute card).")
    var muteAfter: Int?

    @Flag(name: .long, help: "Refuse the Thai ID application (6A 82): a chip that is not a Thai ID card.")
    var refuseSelect = false

    @Option(name: .long, help: "Answer every READ with this status word, in hex (e.g. 6982).")
    var readStatusWord: String?

    @Flag(name: .long, help: "Return fewer bytes than announced.")
    var shortAnswers = false

    @Flag(name: .long, help: "Return garbage bytes instead of the card's data.")
    var garbledData = false

    @Option(name: .long, help: "Answer READs longer than one field with this status word, in hex (6700 or 6B00), as some older chips do.")
    var longReadStatus: String?

    @Flag(name: .long, help: "Return fewer bytes than announced for READs longer than one field.")
    var shortLongReads = false

    @Option(name: .long, help: "Pad text fields with this byte, in hex (00, A0 or FF), instead of spaces.")
    var padding: String?

    func validate() throws {
        if let readStatusWord, UInt16(readStatusWord, radix: 16) == nil {
            throw ValidationError("--read-status-word takes four hex digits, such as 6982")
        }
        if latencyMs < 0 { throw ValidationError("--latency-ms cannot be negative") }
        if let longReadStatus, UInt16(longReadStatus, radix: 16) == nil {
            throw ValidationError("--long-read-status takes four hex digits, such as 6700")
        }
        if let padding, UInt8(padding, radix: 16) == nil { throw ValidationError("--padding takes two hex digits, such as A0") }
    }

    func run() throws {
        restoreTerminationSignals()
        let faults = CardFaults(
            pullAfter: pullAfter, muteAfter: muteAfter, refuseSelect: refuseSelect,
            readStatusWord: readStatusWord.flatMap { UInt16($0, radix: 16) },
            shortAnswers: shortAnswers, garbledData: garbledData, latency: .milliseconds(latencyMs),
            longReadStatus: longReadStatus.flatMap { UInt16($0, radix: 16) }, shortLongReads: shortLongReads,
            padding: padding.flatMap { UInt8($0, radix: 16) }
        )
        let card: VirtualThaiIDCard
        do {
            card = try VirtualThaiIDCard(personFile: URL(fileURLWithPath: person), faults: faults)
        } catch {
            throw ValidationError("\(error)")
        }
        let link = VPCDLink(host: vpcdHost, port: vpcdPort)
        let ending = try link.serve(card) {
            say("card inserted: vpcd \(vpcdHost):\(vpcdPort), ATR \(card.atr)")
        }
        switch ending {
        case .pulled: say("card pulled (after \(pullAfter ?? 0) APDUs)")
        case .readerClosed: say("the reader closed the link (pcscd stopped)")
        }
    }
}

/// A parent may have started this program with signals blocked (Foundation's `Process` passes its
/// thread's mask on): unblock them, so that SIGTERM pulls the card as the help says.
func restoreTerminationSignals() {
    var signals = sigset_t()
    sigemptyset(&signals)
    for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&signals, signal) }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
}

/// Unbuffered, so that a test or a script watching the output sees the line at once.
func say(_ line: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
}

ThaiIDCardSim.main()
