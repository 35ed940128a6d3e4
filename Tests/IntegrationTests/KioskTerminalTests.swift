import Foundation
import Testing

/// The kiosk in a real terminal: tmux runs the binary, keys are sent with send-keys, the screen is read
/// with capture-pane.
final class TmuxKiosk {
    let socket = "authen-kiosk-test-\(UUID().uuidString.prefix(8))"
    let session = "kiosk"
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID())")

    /// - Parameter demoOutput: pass `--output` (the demo's slips and journal folder).
    /// - Parameter executable: the program to run (the build's, unless a test installed one elsewhere).
    /// With `recordsExit`: the kiosk's exit status and its standard error, written by a shell that
    /// outlives the terminal (it ignores the hang-up), for tests that take the terminal away.
    let exitStatus = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-exit-\(UUID())")
    var standardError: URL { exitStatus.appendingPathExtension("stderr") }

    /// - Parameter recordsExit: run the kiosk under a shell that records how it ended (`exitStatus`).
    init(arguments: [String], width: Int = 100, height: Int = 30, demoOutput: Bool = true, environment: [String: String] = [:],
         executable: URL = Harness.executable("authen-kiosk"), recordsExit: Bool = false) throws {
        var command = ([executable.path] + arguments + (demoOutput ? ["--output", output.path] : []))
            .map { "'\($0)'" }.joined(separator: " ")
        if recordsExit {
            command = "sh -c 'trap \"\" HUP; \"$@\" 2>\(standardError.path); echo $? >\(exitStatus.path)' sh " + command
        }
        let variables = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                  "env LANG=C.UTF-8 AUTHEN_KIOSK_ASSETS='\(Harness.packageRoot.appendingPathComponent("assets").path)' \(variables) \(command)"])
    }

    deinit {
        // The kiosk quits on SIGHUP when tmux goes; wait for it, so that it cannot still be watching
        // the reader when the next test inserts a card.
        let pid = Int32((try? tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        _ = try? tmux(["kill-server"])
        if let pid {
            let deadline = ContinuousClock.now + .seconds(5)
            while kill(pid, 0) == 0 && ContinuousClock.now < deadline { usleep(20_000) }
            if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: output)
        try? FileManager.default.removeItem(at: exitStatus)
        try? FileManager.default.removeItem(at: standardError)
    }

    /// At a demo station: Somchai (the first demo card, on the demo's staff list) signs in with F5 and
    /// takes his card out; the station is then at the patient's start screen.
    func signInAtDemoStation(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(waitFor("เสียบบัตรประชาชนของเจ้าหน้าที่เพื่อลงชื่อเข้าใช้", sourceLocation: sourceLocation))
        try keys("F5")
        #expect(waitFor("เจ้าหน้าที่: นายสมชาย ใจดี (11017xxxxxx50)", sourceLocation: sourceLocation))
        try keys("F6")
        try keys("1")
        #expect(waitFor("เสียบบัตรประชาชนของผู้รับบริการ", sourceLocation: sourceLocation))
    }

    /// The kiosk's exit status once it has ended (`recordsExit`), waiting up to `timeout`.
    func waitForExit(timeout: Duration = .seconds(20)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: exitStatus, encoding: .utf8), let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        if arguments.first == "new-session" {
            // The first command starts tmux's server, a daemon that keeps every descriptor it inherits —
            // including the one Foundation's `Process` watches for the child's end, which then never
            // comes. So the server is started with posix_spawn and waited for with waitpid.
            try Self.spawnAndWait(["/usr/bin/tmux", "-u", "-L", socket] + arguments)
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = ["-u", "-L", socket] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `argv` with every descriptor on /dev/null and waits for it (posix_spawn, not `Process`).
    static func spawnAndWait(_ argv: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    /// Raw bytes, as a terminal sends them (mouse reports).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    var screen: String { (try? tmux(["capture-pane", "-p", "-t", session])) ?? "" }

    /// The kiosk's process (tmux's pane runs it).
    var pid: Int32? {
        Int32((try? tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
    }

    var isRunning: Bool { (try? tmux(["has-session", "-t", session])) != nil && !screen.isEmpty }

    /// Waits until the screen shows `text` (or fails the test after `timeout`).
    func waitFor(_ text: String, timeout: Duration = .seconds(15), sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if screen.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("'\(text)' never appeared; screen:\n\(screen)", sourceLocation: sourceLocation)
        return false
    }
}

@Suite(.serialized) struct KioskTerminalTests {
    @Test func aPatientGoesFromCardToPrintedClaimCode() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        #expect(kiosk.screen.contains("นายสมชาย ใจดี"))
        #expect(kiosk.screen.contains("1-1017-xxxxx-x5-0"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณารับใบยืนยันการเข้ารับบริการ"))
        #expect(kiosk.screen.contains("กรุณานำบัตรประชาชนออก"))
        let code = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        // The slip as the printer gets it: the code in the QR and the barcode, the id nowhere in clear.
        let slip = kiosk.output.appendingPathComponent("slips/\(code).escpos")
        #expect(try printedCodes(slip) == [code, code])
        #expect(try Data(contentsOf: slip).range(of: Data("1101700203450".utf8)) == nil)
        try kiosk.keys("F6")
        #expect(kiosk.waitFor("เสร็จสิ้น"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let journal = try journalListing(kiosk.output.appendingPathComponent("journal.sqlite"))
        #expect(journal.contains("printed  -  \(code)  11017xxxxxx50"))
    }

    /// A numpad sends application-mode sequences (`ESC O M`, `ESC O p`…) unless the kiosk puts it back in
    /// normal mode; tmux's `KP…` keys send exactly what a terminal's numpad does.
    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func theNumpadTypesTheMobileAndConfirms(term: String) throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--mobile-required"], environment: ["TERM": term])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try kiosk.keys("KPEnter")
        #expect(kiosk.waitFor("กรุณากรอกเบอร์โทรศัพท์มือถือ 10 หลัก"))
        try kiosk.keys("KP0", "KP8", "KP1", "KP2", "KP3", "KP4", "KP5", "KP6", "KP7", "KP8")
        #expect(kiosk.waitFor("081-234-5678"))
        try kiosk.keys("KPEnter")
        #expect(kiosk.waitFor("กรุณานำบัตรประชาชนออก"))
    }

    @Test func aStationShowsStaffThePersonInFullAndAsksForTheMobile() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--station", "--mobile-required", "--cards", "somchai"], width: 80, height: 24)
        try kiosk.signInAtDemoStation()
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        // The whole id and the birth date from NHSO's record, for staff to check against the person.
        #expect(kiosk.screen.contains("1-1017-00203-45-0"))
        #expect(kiosk.screen.contains("ชาย · 15/04/2523 ·"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("___-___-____"))
        try kiosk.type("0812345678")
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("รหัสยืนยันการเข้ารับบริการ (Authen Code)"))
        #expect(kiosk.screen.firstMatch(of: /PP\d{10}/) != nil)
        // Nothing times out at a counter: no countdown however long the screen waits.
        #expect(!kiosk.screen.contains("กลับสู่หน้าแรกใน"))
    }

    @Test func aCardPulledBeforeConfirmCancelsAndSaysSo() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try kiosk.keys("F6")
        #expect(kiosk.waitFor("บัตรถูกดึงออกก่อนยืนยัน"))
        #expect(!FileManager.default.fileExists(atPath: kiosk.output.appendingPathComponent("slips").path))
    }

    @Test func aCardPulledMidReadIsCaught() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        // In one burst: the read (7 exchanges at 5 ms) is still going when the card leaves.
        try kiosk.keys("F5", "F6")
        #expect(kiosk.waitFor("บัตรถูกดึงออกก่อนยืนยัน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
    }

    @Test func theScreenIsRedrawnForANewSize() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo"], width: 80, height: 24)
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try kiosk.tmux(["resize-window", "-t", kiosk.session, "-x", "160", "-y", "45"])
        // The Confirm button moves to the bottom rows of the new, taller screen.
        func confirmNearTheBottom() -> Bool {
            let rows = kiosk.screen.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.count >= 45 && rows.suffix(8).contains { $0.contains("ยืนยัน") }
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline && !confirmNearTheBottom() { Thread.sleep(forTimeInterval: 0.05) }
        #expect(confirmNearTheBottom(), "\(kiosk.screen)")
    }

    @Test func anIdleKioskCountsDownAndReturnsToTheStart() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--idle-seconds", "3"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        #expect(kiosk.waitFor("กลับสู่หน้าแรกใน"))
        #expect(kiosk.waitFor("ยินดีต้อนรับ", timeout: .seconds(8)))
    }

    /// Under xterm-256color and foot, terminfo names the SGR mouse prefix (`kmous=\E[<`) and ncurses
    /// swallows it as `KEY_MOUSE`: the rest of the report must still be read as a tap, not typed as digits.
    @Test(arguments: ["xterm-256color", "foot", "tmux-256color"])
    func aTapOnConfirmWorksLikeEnter(term: String) throws {
        let kiosk = try TmuxKiosk(arguments: ["demo"], width: 100, height: 30, environment: ["TERM": term])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        // The Confirm button: bottom row of buttons (rows 25-27), right half; SGR is 1-based.
        try kiosk.type("\u{1B}[<0;66;27M\u{1B}[<0;66;27m")
        #expect(kiosk.waitFor("กรุณารับใบยืนยันการเข้ารับบริการ"))
        #expect(!kiosk.screen.contains("เบอร์โทรศัพท์"), "the report's digits must not be typed")
    }

    /// Every character on screen is drawn in the kiosk's own colours, never the terminal's defaults
    /// (on xterm's white background the defaults hid the hints).
    @Test(arguments: ["xterm-256color", "foot", "tmux-256color"])
    func everyCharacterCarriesTheKiosksOwnColours(term: String) throws {
        let kiosk = try TmuxKiosk(arguments: ["demo"], width: 100, height: 30, environment: ["TERM": term])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        let styled = try kiosk.tmux(["capture-pane", "-p", "-e", "-t", kiosk.session])
        let cells = TerminalColours.cells(styled)
        #expect(cells.count > 200)
        let defaults = cells.filter { $0.foreground == nil || $0.background == nil }
        #expect(defaults.isEmpty, "drawn in the terminal's default colours: \(String(defaults.prefix(40).map(\.character)))")
    }

    @Test func aSecondVisitTheSameDayShowsTheExistingCode() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--cards", "somchai"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณานำบัตรประชาชนออก"))
        let first = try #require(kiosk.screen.firstMatch(of: /PP\d{10}/).map { String($0.0) })
        try kiosk.keys("F6")
        #expect(kiosk.waitFor("เสร็จสิ้น"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("ท่านได้รับรหัสสำหรับบริการนี้แล้ววันนี้"))
        #expect(kiosk.screen.contains(first))
    }

    @Test func nhsoDownSaysSoAndOffersARetry() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--nhso-down"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("ระบบ สปสช. ขัดข้อง"))
        #expect(kiosk.screen.contains("ลองอีกครั้ง"))
        try kiosk.keys("F2")
        #expect(kiosk.waitFor("NHSO's system returned an error"))
    }

    @Test func englishIsOneKeyAway() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F2")
        #expect(kiosk.waitFor("Please insert your Thai ID card"))
    }

    @Test func controlKeysDoNotStopItButTheAdminPINDoes() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo", "--admin-pin", "2468"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("C-c", "C-z", "C-\\")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(kiosk.screen.contains("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F12", "1", "1", "1", "1", "Enter")
        #expect(kiosk.waitFor("รหัสไม่ถูกต้อง"), "a wrong PIN opens nothing")
        try kiosk.keys("2", "4", "6", "8", "Enter")
        #expect(kiosk.waitFor("9  ออกจากโปรแกรม"))
        try kiosk.keys("9")
        #expect(kiosk.waitFor("กด Enter อีกครั้งเพื่อออกจากโปรแกรม"))
        try kiosk.keys("Enter")
        let deadline = ContinuousClock.now + .seconds(5)
        while kiosk.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!kiosk.isRunning)
    }

    @Test func sigtermEndsItCleanly() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let pid = try kiosk.tmux(["display-message", "-p", "-t", kiosk.session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane runs `env … authen-kiosk`; env execs, so the pane's pid is the kiosk's.
        kill(pid_t(try #require(Int32(pid))), SIGTERM)
        let deadline = ContinuousClock.now + .seconds(5)
        while kiosk.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!kiosk.isRunning)
    }
}

/// Reads the colours of each visible character from `tmux capture-pane -e` (SGR sequences before text).
enum TerminalColours {
    struct StyledCharacter {
        var character: Character
        /// `nil`: the terminal's default.
        var foreground: String?
        var background: String?
    }

    /// Every non-blank character with the colours it was drawn in.
    static func cells(_ captured: String) -> [StyledCharacter] {
        var result: [StyledCharacter] = []
        var foreground: String?, background: String?
        var scalars = captured.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\u{1B}", scalars.first == "[" {
                scalars.removeFirst()
                var parameters = ""
                while let next = scalars.popFirst(), next != "m" { parameters.unicodeScalars.append(next) }
                apply(parameters.split(separator: ";", omittingEmptySubsequences: false).map(String.init), &foreground, &background)
            } else if scalar != "\n", scalar != " ", scalar.properties.generalCategory != .nonspacingMark {
                result.append(StyledCharacter(character: Character(scalar), foreground: foreground, background: background))
            }
        }
        return result
    }

    private static func apply(_ codes: [String], _ foreground: inout String?, _ background: inout String?) {
        var index = 0
        while index < codes.count {
            let code = Int(codes[index]) ?? 0
            switch code {
            case 0: foreground = nil; background = nil
            case 30...37, 90...97: foreground = codes[index]
            case 39: foreground = nil
            case 40...47, 100...107: background = codes[index]
            case 49: background = nil
            case 38, 48:
                // 38;5;n or 38;2;r;g;b
                let length = index + 1 < codes.count && codes[index + 1] == "2" ? 5 : 3
                let value = codes[index..<min(codes.count, index + length)].joined(separator: ";")
                if code == 38 { foreground = value } else { background = value }
                index += length - 1
            default: break
            }
            index += 1
        }
    }
}
