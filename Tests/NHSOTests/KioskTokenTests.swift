import Foundation
import NHSO
import Testing

@Suite struct KioskTokenTests {
    func tokenFile(_ contents: String, mode: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID())").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode_t(mode))
        return path
    }

    @Test func aPrivateFileIsRead() throws {
        let path = try tokenFile("secret-token-123\n", mode: 0o600)
        let token = try KioskToken.load(file: path)
        #expect(token == KioskToken("secret-token-123"))
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660])
    func aFileOthersCanReadIsRefused(mode: Int) throws {
        let path = try tokenFile("secret-token-123", mode: mode)
        #expect(throws: NHSOError.tokenFileUnsafe(path: path, mode: String(mode, radix: 8))) { try KioskToken.load(file: path) }
        #expect(NHSOError.tokenFileUnsafe(path: path, mode: "644").staffMessage.contains("chmod 600"))
    }

    @Test func missingAndEmptyFilesAreRefused() throws {
        #expect { try KioskToken.load(file: "/nonexistent/token") } throws: {
            if case .tokenFileUnreadable = $0 as? NHSOError { return true }
            return false
        }
        let empty = try tokenFile("  \n", mode: 0o600)
        #expect(throws: NHSOError.tokenFileUnreadable(path: empty, reason: "the file is empty")) { try KioskToken.load(file: empty) }
    }

    @Test func theTokenNeverPrints() throws {
        let token = try #require(KioskToken("secret-token-123"))
        #expect(!"\(token)".contains("secret"))
        #expect(!String(reflecting: token).contains("secret"))
        #expect(token.redact("echo secret-token-123 back") == "echo [redacted] back")
    }

    @Test func theEnvironmentCanHoldIt() {
        #expect(KioskToken.fromEnvironment(["NHSO_KIOSK_TOKEN": "abc"]) == KioskToken("abc"))
        #expect(KioskToken.fromEnvironment([:]) == nil)
    }
}

@Suite struct ProtectedFileTests {
    @Test func aSymbolicLinkToAPrivateFileIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("real").path
        try "secret-token-123".write(toFile: target, atomically: true, encoding: .utf8)
        chmod(target, 0o600)
        let link = folder.appendingPathComponent("token").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: NHSOError.tokenFileUnreadable(path: link, reason: "is a symbolic link (name the file itself)")) { try KioskToken.load(file: link) }
        #expect(throws: ProtectedFile.Problem.notARegularFile) { try ProtectedFile.read(folder.path, rule: .ownerOnly) }
    }

    @Test(arguments: [(0o600, true), (0o640, true), (0o644, false), (0o660, false), (0o604, false)])
    func theConfigurationMayBeReadByItsGroupOnly(mode: Int, accepted: Bool) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID()).yaml").path
        try "mode: kiosk\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode_t(mode))
        if accepted {
            #expect(try ProtectedFile.read(path, rule: .ownerWritesGroupReads) == "mode: kiosk\n")
        } else {
            #expect(throws: ProtectedFile.Problem.unsafeMode(String(mode, radix: 8))) { try ProtectedFile.read(path, rule: .ownerWritesGroupReads) }
        }
    }
}
