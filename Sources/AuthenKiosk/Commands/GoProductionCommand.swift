import ArgumentParser
import Foundation
import KioskApp
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
            old file is kept beside the new one (FILE.test-zone-YYYYMMDD-HHMMSS); --rollback puts it back. The \
            production token goes to a file of its own; the test zone's stays as it was. Then \
            restart the kiosk (systemctl restart authen-kiosk). Exit status: 0 switched; 2 refused (the \
            configuration, or already production); 3 NHSO refused the token; 4 NHSO could not be reached.
            """
    )

    @Option(help: "The configuration file (YAML).")
    var config: String

    @Option(help: "Where the production token is written (0600, owned by the kiosk's user): a file of its own, not the test zone's token (default /etc/authen-kiosk/token, or /etc/authen-kiosk/token.production where the test zone's token is that file).")
    var tokenFile: String?

    @Option(help: "NHSO's address to check the token against (default: production's own).")
    var nhsoURL: String?

    @Flag(help: "Read the token from standard input (one line) instead of asking at the terminal.")
    var stdin = false

    @Flag(help: "Do not ask before switching.")
    var yes = false

    @Flag(help: "Put back the configuration kept by the last switch.")
    var rollback = false

    func run() async throws {
        if rollback { return try await rollBack() }
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
        if let nhsoURL {
            guard nhsoURL.hasPrefix("https://") || (nhsoURL.hasPrefix("http://") && LoopbackAddress.contains(nhsoURL)) else {
                printError("--nhso-url is an https address (http only on this machine): the token must not travel in clear text")
                throw ExitCode(2)
            }
        }
        let tokenFile: String
        do {
            tokenFile = try Self.productionTokenFile(option: self.tokenFile, testTokenFile: settings.nhso.tokenFile)
        } catch {
            printError("\(error.localizedDescription)")
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
            throw ExitCode(2)
        }
        // The token is checked before anything is written: a test-zone token, a typo or a revoked one
        // leaves the kiosk as it was.
        let statusBase = nhsoURL ?? settings.nhso.statusBaseURL.flatMap { $0.hasPrefix("https://") ? $0 : nil }
        let nhso = NHSOHTTPService.cloud(zone: .production, token: token, baseURL: statusBase, statusBaseURL: statusBase,
                                         paths: NHSOPaths.cloud.replacing(settings.nhso.paths))
        switch await TokenCheck.ask(nhso) {
        case .accepted:
            break
        case .refused(let status):
            printError("NHSO refused the token (HTTP \(status)): is it the production zone's? Nothing changed.")
            throw ExitCode(3)
        case .unknown(let reason):
            printError("NHSO's answer did not say whether it takes the token (\(reason)): nothing changed")
            throw ExitCode(4)
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
            try? FileHandle.standardError.write(contentsOf: Data("Switch now? [y/N] ".utf8))
            guard readLine()?.lowercased().hasPrefix("y") == true else {
                print("Nothing changed.")
                return
            }
        }
        // The old configuration is kept, the production token goes to a file of its own (the test zone's
        // stays as it is), and the configuration's atomic replacement is the one moment of the switch: a
        // power cut before it leaves the test-zone kiosk whole, after it the production one.
        let stamp = ThaiTime.format(Date(), "yyyyMMdd-HHmmss")
        let kept = "\(config).test-zone-\(stamp)"
        do {
            try ConfigurationEdit.write(original, to: kept, like: config)
            try Self.writeToken(token, to: tokenFile)
            try ConfigurationEdit.write(updated, to: config, like: config)
        } catch {
            printError("the switch could not be written (\(error.localizedDescription)): the kiosk is as it was")
            throw ExitCode(2)
        }
        print("""
            Switched. The test-zone configuration is kept as \(kept)\(settings.nhso.tokenFile.map { ", its token in \($0)" } ?? "");
            the production token is in \(tokenFile). authen-kiosk go-production --rollback --config \(config) goes back.
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
        // The simulator's or the test zone's addresses go; an https production address set on purpose stays.
        func isTestAddress(_ url: String) -> Bool {
            return LoopbackAddress.contains(url) || url.hasPrefix("http://") || url.contains(NHSOZone.test.baseURL)
        }
        if let base = settings.nhso.baseURL, isTestAddress(base) { changes.append(Change(key: "nhso.baseURL", old: base, new: "")) }
        if let status = settings.nhso.statusBaseURL, isTestAddress(status) { changes.append(Change(key: "nhso.statusBaseURL", old: status, new: "")) }
        if settings.nhso.agentURL != NHSOHTTPService.defaultAgentURL {
            changes.append(Change(key: "nhso.agentURL", old: settings.nhso.agentURL, new: NHSOHTTPService.defaultAgentURL))
        }
        if settings.nhso.tokenFile != tokenFile { changes.append(Change(key: "nhso.tokenFile", old: settings.nhso.tokenFile ?? "", new: tokenFile)) }
        if settings.training { changes.append(Change(key: "training", old: "true", new: "false")) }
        if let reader = settings.reader, VirtualReader.isVirtual(reader) { changes.append(Change(key: "card.reader", old: reader, new: "")) }
        if let qr = settings.journey.qrAuthenticationURL, isTestAddress(qr) || qr.contains("testzone") {
            changes.append(Change(key: "hospital.qrURL", old: qr, new: ""))
        }
        return changes
    }

    struct TokenFileError: Error, LocalizedError {
        var errorDescription: String?
    }

    /// Where the production token goes: never over the test zone's, so that the switch is all or
    /// nothing and a rollback finds the test token where it was.
    static func productionTokenFile(option: String?, testTokenFile: String?) throws(TokenFileError) -> String {
        let same = { (a: String, b: String?) in b.map { URL(fileURLWithPath: a).standardized.path == URL(fileURLWithPath: $0).standardized.path } ?? false }
        if let option {
            guard !same(option, testTokenFile) else {
                throw TokenFileError(errorDescription: "--token-file \(option) holds the test zone's token: the production token goes to a file of its own (leave --token-file out, or name another file); nothing changed")
            }
            return option
        }
        let usual = "/etc/authen-kiosk/token"
        return same(usual, testTokenFile) ? usual + ".production" : usual
    }

    /// The token, 0600, owned by the kiosk's user where there is one (it must read it).
    static func writeToken(_ token: KioskToken, to path: String) throws {
        let owner = getpwnam("authen-kiosk").map { (uid: $0.pointee.pw_uid, gid: $0.pointee.pw_gid) }
        try token.save(to: path, owner: owner)
    }

    private func rollBack() async throws {
        let folder = URL(fileURLWithPath: config).deletingLastPathComponent()
        let name = URL(fileURLWithPath: config).lastPathComponent
        // Exactly NAME.test-zone-YYYYMMDD-HHMMSS: never a file left half-written beside it.
        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(name + ".test-zone-") && $0.dropFirst(name.count + 11).allSatisfy { $0.isNumber || $0 == "-" } }.sorted()
        guard let last = kept.last else {
            printError("no kept test-zone configuration beside \(config)")
            throw ExitCode(2)
        }
        let keptPath = folder.appendingPathComponent(last).path
        do {
            _ = try await KioskConfigurationFile.load(path: keptPath)
        } catch {
            printError("the kept configuration \(last) does not load (\(error)); nothing changed")
            throw ExitCode(2)
        }
        // The test zone's token was never touched: the kept configuration still names it.
        try ConfigurationEdit.write(try String(contentsOfFile: keptPath, encoding: .utf8), to: config, like: config)
        print("\(config) is the test-zone configuration again (from \(last)), with its token. Restart the kiosk: systemctl restart authen-kiosk")
    }
}
