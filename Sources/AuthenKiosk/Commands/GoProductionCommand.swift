import ArgumentParser
import Foundation
import KioskConfig
import NHSO
import SmartCard

/// `authen-kiosk go-production --config FILE`: the kiosk leaves NHSO's test zone for production in one
/// step, as NHSO's `upgrade-to-production.sh` does for its agent: what changes is shown, the production
/// token is asked for and checked with NHSO, and the test-zone configuration is kept for a rollback.
struct GoProductionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "go-production",
        abstract: "Switch this kiosk from NHSO's test zone to production (shows the changes, checks the production token with NHSO, keeps the old configuration).",
        discussion: """
            Nothing is changed unless NHSO accepts the token and the new configuration passes every check. The \
            old file is kept beside the new one (FILE.test-zone-YYYYMMDD-HHMMSS); --rollback puts it back. Then \
            restart the kiosk (systemctl restart authen-kiosk). Exit status: 0 switched; 2 refused (the \
            configuration, or already production); 3 NHSO refused the token; 4 NHSO could not be reached.
            """
    )

    @Option(help: "The configuration file (YAML).")
    var config: String

    @Option(help: "Where the production token is written (0600, owned by the kiosk's user).")
    var tokenFile = "/etc/authen-kiosk/token"

    @Option(help: "NHSO's address to check the token against (default: production's own).")
    var nhsoURL: String?

    @Flag(help: "Read the token from standard input (one line) instead of asking at the terminal.")
    var stdin = false

    @Flag(help: "Do not ask before switching.")
    var yes = false

    @Flag(help: "Put back the configuration kept by the last switch.")
    var rollback = false

    func run() async throws {
        if rollback { return try rollBack() }
        let settings: KioskSettings
        do {
            settings = try await KioskConfigurationFile.load(path: config)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        guard settings.nhso.zone == .test else {
            printError("\(config) already uses NHSO's production zone")
            throw ExitCode(2)
        }
        let changes = Self.changes(settings, tokenFile: tokenFile)
        print("Switching \(config) to NHSO's production zone:")
        for change in changes {
            print("  \(change.key): \(change.old.isEmpty ? "(none)" : change.old) → \(change.new.isEmpty ? "(none)" : change.new)")
        }

        let text: String?
        if stdin {
            text = readLine(strippingNewline: true)
        } else {
            text = SetPINCommand.readHidden("Production Kiosk Authentication Token (from NHSO's token page; not shown): ")
        }
        guard let token = text.flatMap(KioskToken.init) else {
            printError("no token given: nothing changed")
            throw ExitCode(3)
        }
        if let nhsoURL, !(nhsoURL.hasPrefix("https://") || nhsoURL.hasPrefix("http://127.0.0.1")) {
            throw ValidationError("--nhso-url is an https address")
        }
        // The token is checked before anything is written: a test-zone token, a typo or a revoked one
        // leaves the kiosk as it was.
        let nhso = NHSOHTTPService.cloud(zone: .production, token: token, baseURL: nhsoURL, statusBaseURL: nhsoURL)
        do throws(NHSOError) {
            _ = try await nhso.checkAuthenStatus(pid: DoctorChecks.probeID, serviceDate: ThaiTime.today(), serviceCode: nil)
        } catch .tokenRejected(let status) {
            printError("NHSO refused the token (HTTP \(status)): is it the production zone's? Nothing changed.")
            throw ExitCode(3)
        } catch {
            if case .unreachable = error {
                printError("NHSO could not be reached (\(error.staffMessage)): nothing changed")
                throw ExitCode(4)
            }
        }
        print("NHSO accepts the token.")

        let original = try String(contentsOfFile: config, encoding: .utf8)
        let updated = try ConfigurationEdit.apply(changes.map { ($0.key, $0.new) }, to: original)
        // The new file passes every check before it replaces the old one.
        let candidate = config + ".new-\(getpid())"
        try ConfigurationEdit.write(updated, to: candidate, like: config)
        defer { unlink(candidate) }
        do {
            _ = try await KioskConfigurationFile.load(path: candidate)
        } catch {
            printError("the production configuration would not start the kiosk; nothing changed:\n\(error)")
            throw ExitCode(2)
        }
        if !yes {
            FileHandle.standardError.write(Data("Switch now? [y/N] ".utf8))
            guard readLine()?.lowercased().hasPrefix("y") == true else {
                print("Nothing changed.")
                return
            }
        }
        let stamp = ThaiTime.format(Date(), "yyyyMMdd-HHmmss")
        let kept = "\(config).test-zone-\(stamp)"
        try ConfigurationEdit.write(original, to: kept, like: config)
        try Self.writeToken(token, to: tokenFile)
        try ConfigurationEdit.write(updated, to: config, like: config)
        print("""
            Switched. The test-zone configuration is kept as \(kept)
            (authen-kiosk go-production --rollback --config \(config) puts it back).
            Restart the kiosk: systemctl restart authen-kiosk
            """)
    }

    struct Change {
        var key: String
        var old: String
        var new: String
    }

    /// What production means for this configuration: the zone, NHSO's own addresses (not the
    /// simulator's), the production token's file, no training, no virtual reader.
    static func changes(_ settings: KioskSettings, tokenFile: String) -> [Change] {
        var changes = [Change(key: "nhso.zone", old: "test", new: "production")]
        if let base = settings.nhso.baseURL { changes.append(Change(key: "nhso.baseURL", old: base, new: "")) }
        if let status = settings.nhso.statusBaseURL { changes.append(Change(key: "nhso.statusBaseURL", old: status, new: "")) }
        if settings.nhso.agentURL != NHSOHTTPService.defaultAgentURL {
            changes.append(Change(key: "nhso.agentURL", old: settings.nhso.agentURL, new: NHSOHTTPService.defaultAgentURL))
        }
        if settings.nhso.tokenFile != tokenFile { changes.append(Change(key: "nhso.tokenFile", old: settings.nhso.tokenFile ?? "", new: tokenFile)) }
        if settings.training { changes.append(Change(key: "training", old: "true", new: "false")) }
        if let reader = settings.reader, VirtualReader.isVirtual(reader) { changes.append(Change(key: "card.reader", old: reader, new: "")) }
        if let qr = settings.journey.qrAuthenticationURL, qr.contains("127.0.0.1") || qr.contains("localhost") {
            changes.append(Change(key: "hospital.qrURL", old: qr, new: ""))
        }
        return changes
    }

    /// The token, 0600, owned by the kiosk's user where there is one (it must read it).
    static func writeToken(_ token: KioskToken, to path: String) throws {
        let owner = getpwnam("authen-kiosk").map { (uid: $0.pointee.pw_uid, gid: $0.pointee.pw_gid) }
        do {
            try token.save(to: path, owner: owner)
        } catch {
            throw ValidationError(error.staffMessage)
        }
    }

    private func rollBack() throws {
        let folder = URL(fileURLWithPath: config).deletingLastPathComponent()
        let name = URL(fileURLWithPath: config).lastPathComponent
        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(name + ".test-zone-") }.sorted()
        guard let last = kept.last else {
            printError("no kept test-zone configuration beside \(config)")
            throw ExitCode(2)
        }
        let text = try String(contentsOf: folder.appendingPathComponent(last), encoding: .utf8)
        try ConfigurationEdit.write(text, to: config, like: config)
        print("\(config) is the test-zone configuration again (from \(last)). Restart the kiosk: systemctl restart authen-kiosk")
    }
}
