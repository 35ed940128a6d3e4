import Foundation
import SmartCard
import Testing

/// The real stack: pcscd with vsmartcard's vpcd driver, the `thaiid-card-sim` and `authen-kiosk`
/// executables of this package. `scripts/test` installs and starts pcscd; these tests fail (not skip)
/// when it is missing, because a skipped card test proves nothing.
enum Harness {
    /// vpcd's first virtual reader, fed on TCP port 35963.
    static let reader = "Virtual PCD 00 00"

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let cards = packageRoot.appendingPathComponent("Tests/Fixtures/cards")

    /// Where `swift build` put the executables: `AUTHEN_KIOSK_BIN_DIR`, else next to this test binary.
    static let binDirectory: URL = {
        if let dir = ProcessInfo.processInfo.environment["AUTHEN_KIOSK_BIN_DIR"] {
            return URL(fileURLWithPath: dir)
        }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("authen-kiosk").path) {
                return url
            }
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }()

    static func executable(_ name: String) -> URL { binDirectory.appendingPathComponent(name) }

    /// Fails the test unless pcscd answers and knows the virtual reader.
    static func requireVirtualReader(_ reader: String = reader) throws {
        let readers: [String]
        do {
            readers = try PCSCContext().readers()
        } catch {
            Issue.record("pcscd is not reachable (\(error)); run scripts/test, which starts it")
            throw error
        }
        try #require(readers.contains(reader), "vsmartcard-vpcd reader missing; readers: \(readers)")
        try waitUntilEmpty(reader)
    }

    /// Blocks until the virtual reader holds no card (a previous test's card is gone).
    static func waitUntilEmpty(_ reader: String = reader, timeout: Duration = .seconds(10)) throws {
        let context = try PCSCContext()
        var state = try context.waitForChange([ReaderState(reader: reader)], timeout: .zero)[0]
        let deadline = ContinuousClock.now + timeout
        while state.isCardPresent {
            guard ContinuousClock.now < deadline else {
                throw SmartCardError(.timeout, detail: "a card is still in \(reader)")
            }
            state.eventState &= ~UInt32(0x0002)
            do {
                state = try context.waitForChange([state], timeout: .seconds(1))[0]
            } catch let error as SmartCardError where error.kind == .timeout {
                continue
            }
        }
    }
}

/// A running `thaiid-card-sim`: the card is in the reader while it runs.
final class SimulatedCard {
    let process = Process()
    let output = Pipe()

    /// The virtual reader it is in: vpcd's first (port 35963) unless `--vpcd-port 35964` says the second.
    let reader: String

    init(_ fixture: String, arguments: [String] = []) throws {
        reader = arguments.contains("35964") ? "Virtual PCD 00 01" : Harness.reader
        process.executableURL = Harness.executable("thaiid-card-sim")
        process.arguments = ["--person", Harness.cards.appendingPathComponent("\(fixture).json").path] + arguments
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    /// Pulls the card: ends the simulator and waits until pcscd has seen the card go.
    func remove() throws {
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + .seconds(3)
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try Harness.waitUntilEmpty(reader)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// What a finished command printed and how it ended.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func runKiosk(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = Harness.executable("authen-kiosk")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self)
    )
}
