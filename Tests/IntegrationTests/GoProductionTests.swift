import Foundation
import Testing

/// `authen-kiosk go-production`: from the test zone to production in one step, checked, with a rollback.
@Suite(.serialized) struct GoProductionTests {
    /// A training configuration (test zone, the simulator's addresses, a virtual reader), 0600.
    func trainingConfiguration(_ folder: URL, zone: TestZoneProcess) throws -> String {
        let path = try writeKioskConfiguration(zone: zone, folder: folder, backend: "agent", reader: "Virtual PCD 00 01", qrURL: "\(zone.url)/testzone/qr/10757")
        // A PIN production accepts (8642; the fixture's 1234 is one anyone would guess).
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: adminPINHash, with: "$y$j9T$16BnBZl60.PO4wkmp7NW$Ta/zBpwUvnHAaaiPFEyKvIKNlElnHOn/XBWITkO.g8C")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        return path
    }

    func goProduction(_ arguments: [String], token: String) throws -> CommandResult {
        let process = Process()
        process.executableURL = Harness.executable("authen-kiosk")
        process.arguments = ["go-production", "--stdin", "--yes"] + arguments
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data((token + "\n").utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func theSwitchShowsWhatChangesChecksTheTokenAndKeepsTheOldConfiguration() async throws {
        // NHSO's production zone, played by the simulator with a token of its own.
        let production = try TestZoneProcess(arguments: ["--token", "prod-token-for-the-switch-test"])
        let training = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("go-production-\(UUID())")
        let config = try trainingConfiguration(folder, zone: training)
        // The test zone's token; production's goes to a file of its own.
        let productionTokenFile = folder.appendingPathComponent("production-token").path
        let tokenFile = folder.appendingPathComponent("token").path
        try "testzone-kiosk-token-10757\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        chmod(tokenFile, 0o600)
        try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "  timeoutSeconds: 5", with: "  timeoutSeconds: 5\n  tokenFile: \(tokenFile)")
            .write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)
        let before = try String(contentsOfFile: config, encoding: .utf8)

        // A test-zone token is refused by production: nothing changes.
        let refused = try goProduction(["--config", config, "--token-file", productionTokenFile, "--nhso-url", production.url], token: "testzone-kiosk-token-10757")
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(refused.stderr.contains("NHSO refused the token"))
        #expect(try String(contentsOfFile: config, encoding: .utf8) == before)
        #expect(try String(contentsOfFile: tokenFile, encoding: .utf8) == "testzone-kiosk-token-10757\n")

        #expect(!FileManager.default.fileExists(atPath: productionTokenFile))
        // Over the test zone's token: refused, as the switch would then not be all or nothing.
        let over = try goProduction(["--config", config, "--token-file", tokenFile, "--nhso-url", production.url], token: "prod-token-for-the-switch-test")
        #expect(over.status == 2 && over.stderr.contains("holds the test zone's token"), "\(over.stderr)")
        #expect(try String(contentsOfFile: config, encoding: .utf8) == before)

        let switched = try goProduction(["--config", config, "--token-file", productionTokenFile, "--nhso-url", production.url], token: "prod-token-for-the-switch-test")
        #expect(switched.status == 0, "\(switched.stderr)")
        for line in ["nhso.zone: test → production", "training: true → false", "card.reader: Virtual PCD 00 01 → (none)",
                     "nhso.agentURL: \(training.url) → http://localhost:8189", "NHSO accepts the token."] {
            #expect(switched.stdout.contains(line), "\(line)\n\(switched.stdout)")
        }
        #expect(!switched.stdout.contains("prod-token-for-the-switch-test") && !switched.stderr.contains("prod-token-for-the-switch-test"))
        let after = try String(contentsOfFile: config, encoding: .utf8)
        #expect(after.contains("zone: \"production\"") && after.contains("training: \"false\"") && after.contains("tokenFile: \"\(productionTokenFile)\""))
        let tokenMode = try FileManager.default.attributesOfItem(atPath: productionTokenFile)[.posixPermissions] as? Int
        #expect(tokenMode == 0o600)
        #expect(try String(contentsOfFile: productionTokenFile, encoding: .utf8) == "prod-token-for-the-switch-test\n")
        #expect(try String(contentsOfFile: tokenFile, encoding: .utf8) == "testzone-kiosk-token-10757\n", "the test token stays as it was")
        let configMode = try FileManager.default.attributesOfItem(atPath: config)[.posixPermissions] as? Int
        #expect(configMode == 0o600)
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("kiosk.yaml.test-zone-") }
        #expect(kept.count == 1)

        // Already production: refused. Rolled back: the training configuration again.
        #expect(try goProduction(["--config", config, "--nhso-url", production.url], token: "x").status == 2)
        let back = try runKiosk(["go-production", "--rollback", "--config", config])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try String(contentsOfFile: config, encoding: .utf8) == before)
        #expect(try String(contentsOfFile: tokenFile, encoding: .utf8) == "testzone-kiosk-token-10757\n", "and its token with it")
    }

    @Test func anAddressThatWouldCarryTheTokenInClearTextIsRefusedFirst() throws {
        let training = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("go-production-\(UUID())")
        let config = try trainingConfiguration(folder, zone: training)
        let result = try goProduction(["--config", config, "--nhso-url", "http://127.0.0.1.example.org"], token: "some-token")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--nhso-url is an https address"))
    }

    @Test func anUnreachableNHSOChangesNothing() throws {
        let training = try TestZoneProcess()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("go-production-\(UUID())")
        let config = try trainingConfiguration(folder, zone: training)
        let before = try String(contentsOfFile: config, encoding: .utf8)
        let result = try goProduction(["--config", config, "--token-file", folder.appendingPathComponent("token").path, "--nhso-url", "http://127.0.0.1:9"], token: "some-token")
        #expect(result.status == 4)
        #expect(try String(contentsOfFile: config, encoding: .utf8) == before)
    }
}
