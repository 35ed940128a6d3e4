import ArgumentParser
import Foundation
import Hummingbird
import Journey
import Logging
import NHSO
import NHSOTestZone
import SmartCard
import TerminalUI
import ThaiIDCard
import VirtualThaiIDCard

/// The kiosk's figures: key presses on the default path, card-in to person-and-rights time, start-up
/// time, and idle memory and CPU of the running demo (in tmux).
struct KioskBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Measure the kiosk: key presses, card-to-rights time, start-up time, idle memory and CPU."
    )

    @Option(help: "Card reads (with rights checks) to time.")
    var runs = 20

    @Option(help: "Seconds the demo stays idle while its CPU time is measured.")
    var idleSeconds = 5

    @Option(help: "Read the card in this PC/SC reader (e.g. thaiid-card-sim --latency-ms 5 in vpcd) instead of the in-process virtual card.")
    var reader: String?

    func run() async throws {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        print("key presses from card insert to claim code, default path: mobile optional \(try keyPresses(mobileRequired: false)), mobile required \(try keyPresses(mobileRequired: true))")
        try await cardToRights()
        try startupAndIdle()
    }

    /// Drives the journey as a patient would and counts the keys they press.
    func keyPresses(mobileRequired: Bool) throws -> Int {
        let journey = Journey(configuration: JourneyConfiguration(mobileRequired: mobileRequired))
        var state = JourneyState()
        var presses = 0
        let person = try Self.person()
        let rights = RightsCheck(pid: person.citizenID.digits, claimTypes: [ClaimType(claimType: ServiceCode.general, claimTypeName: "")], correlationId: "bench")
        _ = journey.reduce(&state, .cardInserted)
        let visit = state.visit!
        _ = journey.reduce(&state, .result(visit, .cardRead(person)))
        _ = journey.reduce(&state, .result(visit, .rightsChecked(rights)))
        var digits = Array("0812345678").map { Int(String($0))! }
        while true {
            if case .submitting = state.step { return presses }
            let key: JourneyEvent = if case .mobileNumber(_, let typed) = state.step, !typed.isComplete { .digit(digits.removeFirst()) } else { .enter }
            presses += 1
            _ = journey.reduce(&state, key)
            if presses > 50 { return -1 }
        }
    }

    /// Card inserted → person-and-rights screen: the card read (virtual card, 5 ms per exchange), the
    /// rights check over loopback HTTP against the test zone, and the screen rendered.
    func cardToRights() async throws {
        var quiet = Logger(label: "bench")
        quiet.logLevel = .critical
        let testZone = try await EmbeddedTestZone(zone: TestZone(population: try Population.bundled(), ledger: try TestZoneLedger()))
        defer { testZone.stop() }
        let nhso = NHSOHTTPService.cloud(zone: .test, token: KioskToken(TestZoneConfiguration.defaultTestToken)!, baseURL: testZone.url, logger: quiet)
        guard let assets = AssetLocator.find() else { print("card to rights: assets not found"); return }
        let configuration = JourneyConfiguration()
        let renderer = ScreenRenderer(catalog: try TextCatalog.load(assets: assets), configuration: configuration)
        let card = try VirtualThaiIDCard(personFile: Self.cardsFolder.appendingPathComponent("somchai.json"), faults: CardFaults(latency: .milliseconds(5)))
        if let reader { _ = try PCSCContext().waitForCard(reader: reader, timeout: .seconds(10)) }
        var times: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let journey = Journey(configuration: configuration)
            var state = JourneyState()
            _ = journey.reduce(&state, .cardInserted)
            let person: ThaiIDCardPerson
            if let reader {
                let connection = try PCSCContext().connect(reader: reader)
                defer { connection.disconnect() }
                person = try connection.withTransaction { try ThaiIDCardReader(channel: connection).readPerson() }
            } else {
                person = try ThaiIDCardReader(channel: VirtualCardChannel(card: card)).readPerson()
            }
            let visit = state.visit!
            _ = journey.reduce(&state, .result(visit, .cardRead(person)))
            _ = journey.reduce(&state, .result(visit, .rightsChecked(try await nhso.checkRights(pid: person.citizenID.digits))))
            _ = renderer.render(state, width: 120, height: 34)
            times.append((ContinuousClock.now - start).milliseconds)
        }
        times.sort()
        let source = reader.map { "PC/SC reader '\($0)'" } ?? "in-process virtual card at 5 ms/exchange"
        print(String(format: "card inserted -> person and rights on screen (%@): median %.1f ms, max %.1f ms over %d runs", source, times[times.count / 2], times.last!, runs))
    }

    /// Starts the demo in tmux and watches it: time to the attract screen, then memory and CPU at rest.
    func startupAndIdle() throws {
        let socket = "authen-kiosk-bench-\(getpid())"
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        func tmux(_ arguments: [String]) -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
            process.arguments = ["-u", "-L", socket] + arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try? process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let start = ContinuousClock.now
        var pid: pid_t = 0
        let words = ["/usr/bin/tmux", "-u", "-L", socket, "new-session", "-d", "-x", "120", "-y", "34", "env LANG=C.UTF-8 '\(me)' demo"]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        for fd: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        guard posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, &argv, environ) == 0 else { print("start-up: tmux is not installed"); return }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        defer { _ = tmux(["kill-server"]) }
        while !tmux(["capture-pane", "-p"]).contains("กรุณาเสียบบัตรประชาชน") {
            guard ContinuousClock.now - start < .seconds(30) else { print("start-up: the attract screen never appeared"); return }
            usleep(2_000)
        }
        let startup = ContinuousClock.now - start
        print(String(format: "process start -> attract screen: %.0f ms (tmux included)", startup.milliseconds))
        guard let kioskPID = Int32(tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        sleep(1)
        let before = Self.cpuTicks(kioskPID)
        sleep(UInt32(idleSeconds))
        let after = Self.cpuTicks(kioskPID)
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        let cpuSeconds = Double(after - before) / ticksPerSecond
        print(String(format: "idle: resident memory %.1f MB; CPU %.2f%% over %d s (%.2f s of CPU)", Self.residentMB(kioskPID), cpuSeconds / Double(idleSeconds) * 100, idleSeconds, cpuSeconds))
    }

    static func residentMB(_ pid: Int32) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kb / 1024
    }

    /// utime + stime of a process, in clock ticks.
    static func cpuTicks(_ pid: Int32) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    static var cardsFolder: URL {
        (AssetLocator.find()?.deletingLastPathComponent() ?? URL(fileURLWithPath: ".")).appendingPathComponent("Tests/Fixtures/cards")
    }

    /// Somchai's card from the fixtures, read through the virtual card (the benches need the repository).
    static func person() throws -> ThaiIDCardPerson {
        let card = try VirtualThaiIDCard(personFile: cardsFolder.appendingPathComponent("somchai.json"))
        return try ThaiIDCardReader(channel: VirtualCardChannel(card: card)).readPerson()
    }
}
