import Foundation
import Testing

/// A datagram socket standing in for systemd's notify socket (or the journal's): what the kiosk sends
/// there, with when it came.
final class DatagramListener {
    let path: String
    let fd: Int32

    init(path: String) throws {
        self.path = path
        unlink(path)
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() where index < buffer.count - 1 { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0 else { throw POSIXError(.EADDRINUSE) }
        chmod(path, 0o666)
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Every datagram until `duration` has passed.
    func receive(for duration: Duration) -> [(at: ContinuousClock.Instant, bytes: [UInt8])] {
        var received: [(ContinuousClock.Instant, [UInt8])] = []
        let deadline = ContinuousClock.now + duration
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(1, (deadline - ContinuousClock.now).components.seconds * 1000 + (deadline - ContinuousClock.now).components.attoseconds / 1_000_000_000_000_000))
            guard poll(&poller, 1, left) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 { received.append((ContinuousClock.now, Array(buffer[0..<count]))) }
        }
        return received
    }
}

@Suite(.serialized) struct SystemdTests {
    /// The kiosk units' own watchdog: a screen loop that stops turning ends the program (status 70),
    /// for systemd to start it again.
    @Test func aScreenLoopThatStallsEndsTheProgram() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo"], environment: ["AUTHEN_KIOSK_WATCHDOG_SECONDS": "3", "AUTHEN_KIOSK_TEST_FREEZE_SECONDS": "2"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let deadline = ContinuousClock.now + .seconds(12)
        while kiosk.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!kiosk.isRunning, "the stalled kiosk is still there")

        // Idle but turning: the watchdog leaves a kiosk alone.
        let idle = try TmuxKiosk(arguments: ["demo"], environment: ["AUTHEN_KIOSK_WATCHDOG_SECONDS": "3"])
        #expect(idle.waitFor("กรุณาเสียบบัตรประชาชน"))
        Thread.sleep(forTimeInterval: 6)
        #expect(idle.isRunning)
    }

    /// The station's unit (no login session of its own) is Type=notify with systemd's watchdog.
    @Test func theKioskIsReadyOnceItsScreenIsUpAndPingsTheWatchdogUntilItsLoopHangs() throws {
        let listener = try DatagramListener(path: FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8))").path)
        // WatchdogSec=0.9 s: a ping every 0.3 s; the test switch stops the loop after 3 s.
        let kiosk = try TmuxKiosk(arguments: ["demo"], environment: [
            "NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "900000", "AUTHEN_KIOSK_TEST_FREEZE_SECONDS": "3",
        ])
        let messages = listener.receive(for: .seconds(7)).map { ($0.at, String(decoding: $0.bytes, as: UTF8.self)) }
        #expect(kiosk.screen.contains("กรุณาเสียบบัตรประชาชน"))
        try #require(!messages.isEmpty)
        #expect(messages[0].1.hasPrefix("READY=1"))
        let pings = messages.filter { $0.1 == "WATCHDOG=1" }.map(\.0)
        #expect(pings.count >= 6, "\(pings.count) pings")
        let gaps = zip(pings.dropFirst(), pings).map { $0 - $1 }
        #expect(gaps.allSatisfy { $0 < .milliseconds(600) }, "the watchdog is pinged well within its time: \(gaps)")
        // Hung: no ping since, for longer than WatchdogSec; systemd would now kill and restart the unit.
        let last = try #require(pings.last)
        #expect(ContinuousClock.now - last > .seconds(2))
    }

    /// The kiosk units' ExecStop: the kiosk is asked to leave, as SIGTERM does, and waited for; a
    /// kiosk.pid left by a crash never stops another program.
    @Test func stopAsksTheKioskToLeaveAndWaitsUntilItHas() throws {
        let kiosk = try TmuxKiosk(arguments: ["demo"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let pidFile = kiosk.output.appendingPathComponent("kiosk.pid").path
        let pid = try #require(kiosk.pid)
        #expect(try String(contentsOfFile: pidFile, encoding: .utf8) == "\(pid)\n")
        if geteuid() == 0 {
            // A pid file of another user's (the units' stop runs as root) never signals this user's kiosk.
            #expect(chown(pidFile, 65534, 65534) == 0)
            #expect(try runKiosk(["stop", "--pid-file", pidFile]).stdout.contains("no kiosk is running"))
            #expect(kiosk.isRunning)
            #expect(chown(pidFile, 0, 0) == 0)
        }
        let stopped = try runKiosk(["stop", "--pid-file", pidFile])
        #expect(stopped.status == 0 && stopped.stdout.contains("the kiosk (process \(pid)) has finished and left"), "\(stopped)")
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)).flatMap { $0.split(separator: ")").last?.split(separator: " ").first }
        #expect(state == nil || state == "Z", "gone when stop returns")
        #expect(!FileManager.default.fileExists(atPath: pidFile), "removed as the kiosk left")
        #expect(try runKiosk(["stop", "--pid-file", pidFile]).stdout.contains("no kiosk is running"))

        // A kiosk.pid naming another program now (the kiosk crashed, the number was given again).
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sleep")
        other.arguments = ["30"]
        try other.run()
        defer { other.terminate() }
        try "\(other.processIdentifier)\n".write(toFile: pidFile, atomically: true, encoding: .utf8)
        let stale = try runKiosk(["stop", "--pid-file", pidFile])
        #expect(stale.status == 0 && stale.stdout.contains("no kiosk is running"))
        Thread.sleep(forTimeInterval: 0.3)
        #expect(other.isRunning, "another program is never signalled")
    }

    @Test func theKioskSaysItIsStoppingWhenItLeaves() throws {
        let listener = try DatagramListener(path: FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8))").path)
        let kiosk = try TmuxKiosk(arguments: ["demo"], environment: ["NOTIFY_SOCKET": listener.path])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        kill(try #require(kiosk.pid), SIGTERM)
        let messages = listener.receive(for: .seconds(3)).map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(messages.first?.hasPrefix("READY=1") == true, "\(messages)")
        #expect(messages.contains("STOPPING=1"))
        #expect(!messages.contains("WATCHDOG=1"), "no watchdog asked for, no pings")
    }

    /// A kiosk unit whose configuration is refused: the patient sees "not in service" in Thai and English
    /// for a while (not a terminal flickering with each restart), then the unit may try again.
    @Test func aKioskThatCannotStartSaysItIsNotInServiceOnItsScreen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("refused-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("kiosk.yaml").path
        try "hospital: { hcode: \"10757\" }\n".write(toFile: config, atomically: true, encoding: .utf8)   // no PIN chosen
        chmod(config, 0o600)
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", config], demoOutput: false,
                                  environment: ["AUTHEN_KIOSK_LOG": "journal", "AUTHEN_KIOSK_OUT_OF_SERVICE_SECONDS": "4"])
        #expect(kiosk.waitFor("ตู้นี้ยังไม่พร้อมให้บริการ"))
        #expect(kiosk.screen.contains("This kiosk is not in service.") && kiosk.screen.contains("journalctl -t authen-kiosk"))
        #expect(!kiosk.screen.contains("admin.pinHash"), "the reason is for IT, in the journal, not for the patient")
        #expect(kiosk.isRunning)
        let deadline = ContinuousClock.now + .seconds(8)
        while kiosk.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!kiosk.isRunning, "it ends after its while, for the unit to try again")
    }

    /// The journal's own protocol on its socket (only where no journald owns it: a CI machine or a
    /// container), as `journalctl` would get it.
    @Test func underSystemdTheLogGoesToTheJournalWithItsFields() throws {
        let socketPath = "/run/systemd/journal/socket"
        guard !FileManager.default.fileExists(atPath: socketPath) else { return }   // a real journald: not ours to take
        try FileManager.default.createDirectory(atPath: "/run/systemd/journal", withIntermediateDirectories: true)
        let journal = try DatagramListener(path: socketPath)
        // A wrong token file: `run` logs why it stops, then exits.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("kiosk.yaml").path
        try """
            training: true
            hospital: { hcode: "10757" }
            nhso: { backend: agent, zone: test, agentURL: "http://127.0.0.1:9" }
            admin: { pinHash: "\(adminPINHash)" }
            output: { slips: \(folder.path)/slips, journal: \(folder.path)/journal.sqlite, log: \(folder.path)/kiosk.log }
            """.write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)
        let kiosk = try TmuxKiosk(arguments: ["run", "--config", config], demoOutput: false, environment: ["AUTHEN_KIOSK_LOG": "journal"])
        #expect(kiosk.waitFor("เครื่องอ่านบัตรยังไม่พร้อมใช้งาน"))
        let entries = journal.receive(for: .seconds(3)).map { String(decoding: $0.bytes, as: UTF8.self) }
        let agent = entries.first { $0.contains("MESSAGE=NHSO agent is not answering") }
        #expect(agent != nil, "\(entries)")
        #expect(agent?.contains("PRIORITY=4") == true)
        #expect(agent?.contains("SYSLOG_IDENTIFIER=authen-kiosk") == true)
        #expect(agent?.contains("\nREASON=") == true)
    }
}
