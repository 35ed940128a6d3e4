import Foundation
import Testing

/// The commands hospital IT runs while installing: choosing the admin PIN, the printer's test slip, and
/// a slip's preview.
@Suite struct InstallerCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("installer-\(UUID())")
    var assets: [String: String] { ["AUTHEN_KIOSK_ASSETS": Harness.packageRoot.appendingPathComponent("assets").path] }

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    /// `set-pin` with the PIN on standard input.
    func setPIN(_ pin: String, config: String) throws -> CommandResult {
        let process = Process()
        process.executableURL = Harness.executable("authen-kiosk")
        process.arguments = ["set-pin", "--config", config, "--stdin"]
        let input = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data((pin + "\n").utf8))
        try input.fileHandleForWriting.close()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: "", stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func theShippedKioskConfigurationStartsOnlyOnceAPINIsChosen() throws {
        let config = folder.appendingPathComponent("kiosk.yaml").path
        try FileManager.default.copyItem(atPath: Harness.packageRoot.appendingPathComponent("kiosk-config/kiosk.yaml").path, toPath: config)
        chmod(config, 0o600)
        let before = try runKiosk(["run", "--config", config], environment: assets)
        #expect(before.status == 2)
        #expect(before.stderr.contains("admin.pinHash is missing: choose the admin PIN with `authen-kiosk set-pin --config`"))

        let guessable = try setPIN("1234", config: config)
        #expect(guessable.status == 2 && guessable.stderr.contains("anyone would try first"))
        #expect(try setPIN("12a4", config: config).status == 2)
        #expect(try !String(contentsOfFile: config, encoding: .utf8).contains("$y$"), "nothing written when refused")

        #expect(try setPIN("5791", config: config).status == 0)
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text.contains("pinHash: \"$y$"))
        #expect(!text.contains("5791"), "the PIN itself is kept nowhere")
        #expect(text.contains("hcode: \"\"  "), "the rest of the file is as it was")
        let mode = try FileManager.default.attributesOfItem(atPath: config)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let after = try runKiosk(["run", "--config", config], environment: assets)
        #expect(!after.stderr.contains("admin.pinHash"), "\(after.stderr)")
        // The example names no hospital: a box whose configuration was never edited makes no claim.
        #expect(after.status == 2 && after.stderr.contains("hospital.hcode is missing"), "\(after.stderr)")
    }

    @Test func printTestWritesAWholeTestSlipAndSaysWhenThePrinterCannotBeReached() throws {
        let result = try runKiosk(["print-test", "--printer", "file:\(folder.path)", "--width", "58"], environment: assets)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("status: this connection does not report it"))
        #expect(result.stdout.contains("test slip sent"))
        #expect(try printedCodes(folder.appendingPathComponent("print-test.escpos")) == ["PP0000000000", "PP0000000000"])

        // A closed port on this machine: refused at once, exit 6, with the reason.
        let unreachable = try runKiosk(["print-test", "--printer", "tcp:127.0.0.1:9"], environment: assets)
        #expect(unreachable.status == 6)
        #expect(unreachable.stderr.contains("not printed"))
    }

    @Test func slipPreviewDrawsTheSlipAtOnePixelADotAndItsCodesScan() throws {
        let png = folder.appendingPathComponent("slip.png").path
        let result = try runKiosk(["slip-preview", "--claim", "PP1172534798", "--width", "58", "--out", png], environment: assets)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("384×"))
        // PNG's header: the width is the paper's dots.
        let header = Array(try Data(contentsOf: URL(fileURLWithPath: png)).prefix(24))
        #expect(header.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
        #expect(header[16..<20].reduce(0) { $0 << 8 | Int($1) } == 384)
        // Read back by an independent scanner, as a phone or a staff scanner would.
        let scan = Process()
        scan.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        scan.arguments = ["--quiet", "--raw", png]
        let out = Pipe()
        scan.standardOutput = out
        try scan.run()
        let scanned = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        scan.waitUntilExit()
        #expect(scanned.split(separator: "\n") == ["PP1172534798", "PP1172534798"])

        let bad = try runKiosk(["slip-preview", "--claim", "PP12", "--out", png], environment: assets)
        #expect(bad.status != 0 && bad.stderr.contains("--claim is a claim code"))
    }
}
