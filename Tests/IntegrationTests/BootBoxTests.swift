import Foundation
import Testing

/// The box: systemd's own checks on the units, the Debian package laid out and installed into a
/// folder, and what a production install leaves out.
@Suite(.serialized) struct BootBoxTests {
    static let units = ["authen-kiosk.service", "authen-kiosk-x11.service"]

    func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func unit(_ name: String) -> String { Harness.packageRoot.appendingPathComponent("systemd/\(name)").path }

    @Test func systemdFindsNothingWrongInTheUnits() throws {
        // The package's own program is not installed on a build machine: its absence is the one complaint
        // allowed (the units' ExecStop runs it directly).
        let ownProgramMissing = "Command /usr/bin/authen-kiosk is not executable: No such file or directory"
        let installed = FileManager.default.isExecutableFile(atPath: "/usr/bin/authen-kiosk")
        for name in Self.units {
            let verified = try run("/usr/bin/systemd-analyze", ["verify", unit(name)])
            let complaints = verified.stderr.split(separator: "\n").filter { installed || !$0.hasSuffix(ownProgramMissing) }
            #expect((verified.status == 0 || !installed) && complaints.isEmpty, "\(name): \(verified.stderr)")
        }
        let runtime = FileManager.default.temporaryDirectory.appendingPathComponent("xdg-\(UUID())")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let station = try run("/usr/bin/systemd-analyze", ["verify", "--user", unit("user/authen-kiosk-station.service")], environment: ["XDG_RUNTIME_DIR": runtime.path])
        #expect(station.status == 0 && station.stderr.isEmpty, "station: \(station.stderr)")

        // The check is not idle: a misspelt setting is reported.
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString.prefix(6)).service").path
        try String(contentsOfFile: unit("authen-kiosk.service"), encoding: .utf8).replacingOccurrences(of: "Restart=always", with: "Restart=allways")
            .write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(try run("/usr/bin/systemd-analyze", ["verify", broken]).stderr.contains("allways"))
    }

    @Test func theKioskUnitsAreRatedOKOrBetterBySystemd() throws {
        for name in Self.units + ["user/authen-kiosk-station.service"] {
            let rated = try run("/usr/bin/systemd-analyze", ["security", "--offline=true", "--no-pager", unit(name)])
            let line = try #require(rated.stdout.split(separator: "\n").last { $0.contains("Overall exposure level") }.map(String.init), "\(rated.stderr)")
            print("systemd-analyze security: \(line.replacingOccurrences(of: "→ ", with: ""))")
            let words = line.split(separator: " ")
            let exposure = try #require(words.compactMap { Double($0) }.first)
            // The station runs in a staff member's own session, where the kiosk's sandbox is not available.
            guard name.hasPrefix("authen-kiosk") else { continue }
            #expect(exposure < 5, "\(line)")
            #expect(["OK", "SAFE", "PERFECT"].contains { words.contains(Substring($0)) }, "\(line)")
        }
    }

    @Test func footTakesTheKiosksSettings() throws {
        let checked = try run("/usr/bin/foot", ["--check-config", "--config=\(unit("foot.ini"))"])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(!checked.stderr.contains("err:"), "\(checked.stderr)")
    }

    @Test func aProductionInstallCarriesNoTestTooling() throws {
        let setup = try String(contentsOf: Harness.packageRoot.appendingPathComponent("scripts/setup"), encoding: .utf8)
        let packages = setup.components(separatedBy: "packages=(")[1].components(separatedBy: ")\n")[0]
            .split(separator: "\n").compactMap { $0.split(separator: "#").first?.split(separator: " ") }.flatMap { $0 }.map(String.init)
        #expect(packages.contains("pcscd"))
        for tooling in ["vsmartcard-vpcd", "tmux"] { #expect(!packages.contains(tooling), "scripts/setup installs \(tooling)") }
    }

    @Test func thePackageInstallsEveryFileWithItsModeAndTheDemoRunsFromIt() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("deb-\(UUID())")
        let built = try run(Harness.packageRoot.appendingPathComponent("scripts/package").path,
                            ["--dev-binary", Harness.executable("authen-kiosk").path, "--out", out.path])
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        let deb = try #require(built.stdout.split(separator: "\n").last.map(String.init))
        #expect(deb.hasSuffix(".deb"))

        // Every file, its mode and owner, as dpkg will install them.
        let listing = try run("/usr/bin/dpkg-deb", ["-c", deb]).stdout.split(separator: "\n").map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return (mode: String(fields[0]), owner: String(fields[1]), path: String(fields.last!))
        }
        func entry(_ path: String) -> (mode: String, owner: String, path: String)? { listing.first { $0.path == "." + path } }
        let expected: [(String, String)] = [
            ("/usr/bin/authen-kiosk", "-rwxr-xr-x"),
            ("/etc/pam.d/authen-kiosk", "-rw-r--r--"),
            ("/lib/systemd/system/authen-kiosk.service", "-rw-r--r--"),
            ("/lib/systemd/system/authen-kiosk-x11.service", "-rw-r--r--"),
            ("/usr/lib/systemd/user/authen-kiosk-station.service", "-rw-r--r--"),
            ("/usr/lib/sysusers.d/authen-kiosk.conf", "-rw-r--r--"),
            ("/usr/lib/tmpfiles.d/authen-kiosk.conf", "-rw-r--r--"),
            ("/usr/lib/systemd/logind.conf.d/authen-kiosk.conf", "-rw-r--r--"),
            ("/usr/lib/sysctl.d/90-authen-kiosk.conf", "-rw-r--r--"),
            ("/usr/lib/systemd/system.conf.d/authen-kiosk.conf", "-rw-r--r--"),
            ("/usr/share/polkit-1/rules.d/50-authen-kiosk.rules", "-rw-r--r--"),
            ("/usr/share/authen-kiosk/foot.ini", "-rw-r--r--"),
            ("/usr/share/authen-kiosk/assets/text/th.json", "-rw-r--r--"),
            ("/usr/share/authen-kiosk/assets/slips/claim.slip", "-rw-r--r--"),
            ("/usr/share/authen-kiosk/cards/somchai.json", "-rw-r--r--"),
            ("/usr/share/authen-kiosk/examples/kiosk.yaml", "-rw-r--r--"),
            ("/usr/share/doc/authen-kiosk/README.md", "-rw-r--r--"),
        ]
        for (path, mode) in expected {
            let found = entry(path)
            #expect(found?.mode == mode && found?.owner == "root/root", "\(path): \(String(describing: found))")
        }
        // The configuration is not the package's (postinst makes it from the example): no upgrade asks about it.
        #expect(entry("/etc/authen-kiosk/kiosk.yaml") == nil)
        #expect(try run("/usr/bin/dpkg-deb", ["-I", deb, "conffiles"]).stdout == "/etc/pam.d/authen-kiosk\n")
        // Nothing for testing: no simulator, no virtual card, no test folders.
        for file in listing {
            #expect(!file.path.contains("nhso-testzone") && !file.path.contains("thaiid-card-sim") && !file.path.contains("Tests/"), "\(file.path)")
        }
        let control = try run("/usr/bin/dpkg-deb", ["-f", deb, "Depends"]).stdout
        #expect(control.contains("pcscd") && control.contains("cage") && control.contains("foot") && control.contains("fonts-thai-tlwg"))
        #expect(!control.contains("vsmartcard") && !control.contains("tmux"))
        for script in ["postinst", "prerm", "postrm"] {
            #expect(try run("/bin/sh", ["-n", Harness.packageRoot.appendingPathComponent("packaging/\(script)").path]).status == 0)
        }

        // Installed into a folder: the user and folders its postinst makes, with their owners and modes.
        let root = out.appendingPathComponent("root")
        #expect(try run("/usr/bin/dpkg-deb", ["-x", deb, root.path]).status == 0)
        #expect(try run("/usr/bin/systemd-sysusers", ["--root=\(root.path)", root.appendingPathComponent("usr/lib/sysusers.d/authen-kiosk.conf").path]).status == 0)
        #expect(try run("/usr/bin/systemd-tmpfiles", ["--root=\(root.path)", "--create", root.appendingPathComponent("usr/lib/tmpfiles.d/authen-kiosk.conf").path]).status == 0)
        let passwd = try String(contentsOf: root.appendingPathComponent("etc/passwd"), encoding: .utf8)
        let user = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("authen-kiosk:") })
        #expect(user.hasSuffix(":/var/lib/authen-kiosk:/usr/sbin/nologin"))
        let uid = try #require(Int(user.split(separator: ":")[2]))
        let group = try String(contentsOf: root.appendingPathComponent("etc/group"), encoding: .utf8)
        for name in ["lp", "video", "audio"] {
            #expect(group.split(separator: "\n").contains { $0.hasPrefix("\(name):") && $0.hasSuffix("authen-kiosk") }, "group \(name)")
        }
        let state = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("var/lib/authen-kiosk").path)
        #expect(state[.posixPermissions] as? Int == 0o700)
        #expect((state[.ownerAccountID] as? NSNumber)?.intValue == uid)
        let etc = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("etc/authen-kiosk").path)
        #expect(etc[.posixPermissions] as? Int == 0o751)

        // The demo runs from what was installed: its assets and its cards.
        let kiosk = try TmuxKiosk(arguments: ["demo"], environment: ["AUTHEN_KIOSK_ASSETS": root.appendingPathComponent("usr/share/authen-kiosk/assets").path],
                                  executable: root.appendingPathComponent("usr/bin/authen-kiosk"))
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("นายสมชาย ใจดี"))
    }
}
