import Foundation
import Journey
@testable import KioskConfig
import NHSO
import Testing

@Suite struct KioskConfigurationFileTests {
    /// The hash of the PIN 8642, as `authen-kiosk set-pin` writes it.
    static let pinHash = "$y$j9T$16BnBZl60.PO4wkmp7NW$Ta/zBpwUvnHAaaiPFEyKvIKNlElnHOn/XBWITkO.g8C"

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("kiosk-config")

    func write(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID()).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)  // it holds the PIN's hash: the kiosk refuses one others can read
        return path
    }

    /// A copy of an example with the admin PIN chosen and the hospital filled in, as installation does.
    func example(_ name: String) throws -> String {
        let path = try write(try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8))
        try ConfigurationEdit.set(key: "admin.pinHash", to: Self.pinHash, in: path)
        try ConfigurationEdit.set(key: "hospital.hcode", to: "10757", in: path)
        try ConfigurationEdit.set(key: "hospital.name", to: "รพ.พระนั่งเกล้า", in: path)
        return path
    }

    @Test func theProductionExamplesNeedAPINChosenAndTheHospitalFilledInFirst() async throws {
        for name in ["kiosk.yaml", "station.yaml"] {
            let copy = try write(try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8))
            await #expect { try await KioskConfigurationFile.load(path: copy) } throws: { error in
                "\(error)".contains("admin.pinHash is missing: choose the admin PIN with `authen-kiosk set-pin --config`")
                    && "\(error)".contains("hospital.hcode is missing")
            }
        }
    }

    @Test func aConfigurationSavedWithWindowsLineEndingsIsEditedInItsOwnStyle() async throws {
        // A blank line inside the section, and the key below it: it must be replaced, not written twice.
        let text = "hospital:\r\n  hcode: \"10757\"\r\nadmin:\r\n  lockoutAttempts: 5\r\n\r\n  pinHash: \"\"   # set-pin\r\n"
        let edited = try ConfigurationEdit.apply([(key: "admin.pinHash", value: Self.pinHash)], to: text)
        #expect(edited == "hospital:\r\n  hcode: \"10757\"\r\nadmin:\r\n  lockoutAttempts: 5\r\n\r\n  pinHash: \"\(Self.pinHash)\"\r\n")
        let path = try write(edited)
        #expect(try await KioskConfigurationFile.load(path: path).admin.pinHash == Self.pinHash)
    }

    @Test func aProductionAgentOverPlainHTTPMustBeOnThisBox() async throws {
        let config = { (zone: String, url: String) in
            try self.write("hospital: { hcode: \"10757\" }\nnhso: { zone: \(zone), backend: agent, agentURL: \"\(url)\" }\nadmin: { pinHash: \"\(Self.pinHash)\" }\n")
        }
        await #expect { try await KioskConfigurationFile.load(path: try config("production", "http://192.168.1.20:8189")) } throws: {
            "\($0)".contains("nhso.agentURL 'http://192.168.1.20:8189' is plain HTTP to another machine")
        }
        for (zone, url) in [("production", "http://127.0.0.1:8189"), ("production", "https://agent.hospital.example:8443"), ("test", "http://192.168.1.20:8189")] {
            #expect(try await KioskConfigurationFile.load(path: try config(zone, url)).nhso.agentURL == url)
        }
    }

    @Test func theDemosPINHashIsTheSameAtEachStartAndAnyOtherIsSaltedAnew() throws {
        let salt = Array("authen-kiosk-demo".utf8.prefix(16))
        let demo = try #require(AdminPIN.hash("1234", saltBytes: salt))
        #expect(AdminPIN.hash("1234", saltBytes: salt) == demo && AdminPIN.matches("1234", hash: demo))
        #expect(AdminPIN.hash("1234") != AdminPIN.hash("1234"))
    }

    @Test func aGuessablePINIsRefusedInProductionOnly() async throws {
        let hash = try #require(AdminPIN.hash("1234"))
        let production = try write("hospital: { hcode: \"10757\" }\nnhso: { zone: production, backend: agent }\nadmin: { pinHash: \"\(hash)\" }\n")
        await #expect { try await KioskConfigurationFile.load(path: production) } throws: { "\($0)".contains("admin.pinHash is the PIN •••• anyone would guess") }
        let test = try write("hospital: { hcode: \"10757\" }\nnhso: { zone: test, backend: agent }\nadmin: { pinHash: \"\(hash)\" }\n")
        #expect(try await KioskConfigurationFile.load(path: test).admin.pinHash == hash)
    }

    @Test func theKioskExampleLoads() async throws {
        let settings = try await KioskConfigurationFile.load(path: try example("kiosk.yaml"))
        #expect(settings.journey.mode == .kiosk)
        #expect(settings.hospitalCode == "10757")
        #expect(settings.hospitalName == "รพ.พระนั่งเกล้า")
        #expect(settings.reader == nil)
        #expect(settings.nhso.backend == .agent, "NHSO documents the agent for production kiosks")
        #expect(settings.nhso.agentURL == "http://localhost:8189")
        #expect(settings.nhso.zone == .production)
        #expect(settings.nhso.tokenFile == "/etc/authen-kiosk/token")
        #expect(settings.journey.idleSeconds == 60)
        #expect(!settings.journey.mobileRequired)
        #expect(AdminPIN.matches("8642", hash: settings.admin.pinHash))
        #expect(!AdminPIN.matches("8643", hash: settings.admin.pinHash))
        #expect(settings.logPath == "/var/lib/authen-kiosk/kiosk.log")
    }

    @Test func theStationAndDemoExamplesLoad() async throws {
        let station = try await KioskConfigurationFile.load(path: try example("station.yaml"))
        #expect(station.journey.mode == .station)
        #expect(station.nhso.backend == .agent)
        #expect(station.journey.mobileRequired)
        // It runs as the staff member: its files are in their home, and the token is theirs if any.
        let home = try #require(getpwuid(geteuid())).pointee.pw_dir.map { String(cString: $0) } ?? ""
        #expect(!home.isEmpty && station.journalPath == home + "/.local/state/authen-kiosk/journal.sqlite")
        #expect(station.logPath == home + "/.local/state/authen-kiosk/station.log")
        #expect(station.nhso.tokenFile == nil)
        let demo = try await KioskConfigurationFile.load(path: try write(try String(contentsOf: Self.examples.appendingPathComponent("demo.yaml"), encoding: .utf8)))
        #expect(demo.training)
        #expect(demo.reader == "Virtual PCD 00 00")
        #expect(demo.nhso.baseURL == "http://127.0.0.1:18189")
    }

    @Test func everyProblemIsNamedWithWhatIsAccepted() async throws {
        let path = try write("""
            mode: kioskk
            hospital:
              hcode: "1075"
            nhso:
              backend: cloud
              zone: staging
              timeoutSeconds: 900
            journey:
              idleSeconds: soon
              mobileRequried: true
            admin:
              pinHash: "12"
            """)
        await #expect {
            try await KioskConfigurationFile.load(path: path)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            let text = error.description
            return text.contains("mode is 'kioskk'; accepted: kiosk or station")
                && text.contains("hospital.hcode is '1075'")
                && text.contains("nhso.backend is 'cloud'; accepted: direct or agent")
                && text.contains("nhso.zone is 'staging'; accepted: test or production")
                && text.contains("nhso.timeoutSeconds is '900'")
                && text.contains("journey.idleSeconds is 'soon'")
                && text.contains("unknown key 'journey.mobileRequried'")
                && text.contains("journey.mobileRequired")
                && text.contains("admin.pinHash is '(not a PIN hash)'")
                && !text.contains("'12'")  // what was there is never echoed
        }
    }

    @Test func theTokenIsNeverSentInClearTextOverANetwork() async throws {
        let path = try write("""
            hospital: { hcode: "10757" }
            admin: { pinHash: "\(Self.pinHash)" }
            nhso:
              baseURL: http://nhso.example.org
              statusBaseURL: http://authenucws.nhso.go.th
            output:
              journalRetentionDays: 0
            """)
        await #expect { try await KioskConfigurationFile.load(path: path) } throws: { error in
            let text = "\(error)"
            return text.contains("nhso.baseURL is 'http://nhso.example.org'") && text.contains("nhso.statusBaseURL is 'http://authenucws.nhso.go.th'")
                && text.contains("output.journalRetentionDays is '0'")
        }
        let local = try write("""
            hospital: { hcode: "10757" }
            admin: { pinHash: "\(Self.pinHash)" }
            nhso: { baseURL: "http://127.0.0.1:18189", statusBaseURL: "https://authenucws.nhso.go.th" }
            """)
        let settings = try await KioskConfigurationFile.load(path: local)
        #expect(settings.nhso.statusBaseURL == "https://authenucws.nhso.go.th")
        #expect(settings.journalPath.hasSuffix("journal.sqlite") && settings.journalRetentionDays == 90)
    }

    @Test func requiredKeysAreNamed() async throws {
        let path = try write("mode: station\n")
        await #expect {
            try await KioskConfigurationFile.load(path: path)
        } throws: { error in
            let text = "\(error)"
            return text.contains("hospital.hcode is missing") && text.contains("admin.pinHash is missing") && text.contains("authen-kiosk set-pin")
        }
    }

    @Test func brokenYAMLAndMissingFilesSaySo() async throws {
        let broken = try write("mode: [kiosk\n")
        await #expect { try await KioskConfigurationFile.load(path: broken) } throws: { "\($0)".contains("is not valid YAML") }
        await #expect { try await KioskConfigurationFile.load(path: "/nonexistent/kiosk.yaml") } throws: { "\($0)".contains("cannot be read") }
    }
}

@Suite struct IdentityPathConfigurationTests {
    func write(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID()).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)  // it holds the PIN's hash: the kiosk refuses one others can read
        return path
    }

    let minimal = """
        hospital:
          hcode: "10757"
          qrURL: https://qr.example/10757
        admin:
          pinHash: "\(KioskConfigurationFileTests.pinHash)"
        """

    @Test func theQRAddressThePhoneWaitVerifiedVisitsAndNHSOPathsAreRead() async throws {
        let settings = try await KioskConfigurationFile.load(path: try write(minimal + """

            journey:
              phoneWaitSeconds: 120
              verifiedVisits: true
            nhso:
              paths:
                verifiedConfirmSave: /authencode/api/v2/verified
            """))
        #expect(settings.journey.qrAuthenticationURL == "https://qr.example/10757")
        #expect(settings.journey.phoneWaitSeconds == 120)
        #expect(settings.journey.verifiedVisits)
        #expect(NHSOPaths.cloud.replacing(settings.nhso.paths).verifiedConfirmSave == "/authencode/api/v2/verified")
        #expect(NHSOPaths.cloud.replacing(settings.nhso.paths).confirmSave == NHSOPaths.cloud.confirmSave)
    }

    @Test func verifiedVisitsAreOffUnlessTheHospitalSaysSo() async throws {
        let settings = try await KioskConfigurationFile.load(path: try write(minimal))
        #expect(!settings.journey.verifiedVisits)
    }

    @Test func aWrongPathOrAddressIsNamed() async throws {
        let path = try write(minimal.replacingOccurrences(of: "https://qr.example/10757", with: "qr.example") + """

            nhso:
              paths:
                confirmSave: api/confirm
                somethingElse: /x
            """)
        do {
            _ = try await KioskConfigurationFile.load(path: path)
            Issue.record("accepted")
        } catch let error as ConfigurationError {
            let text = error.problems.joined(separator: "\n")
            #expect(text.contains("unknown key 'nhso.paths.somethingElse'"))
        }
        let second = try write(minimal.replacingOccurrences(of: "https://qr.example/10757", with: "qr.example") + """

            nhso:
              paths:
                confirmSave: api/confirm
            """)
        do {
            _ = try await KioskConfigurationFile.load(path: second)
            Issue.record("accepted")
        } catch let error as ConfigurationError {
            let text = error.problems.joined(separator: "\n")
            #expect(text.contains("hospital.qrURL"))
            #expect(text.contains("nhso.paths.confirmSave"))
        }
    }

    @Test func theStaffListIsReadAndEveryBadLineNamed() async throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("staff-\(UUID()).txt")
        try "# registration staff\n1101700203450  # Somchai\n\n3500100345671\n".write(to: list, atomically: true, encoding: .utf8)
        let settings = try await KioskConfigurationFile.load(path: try write(minimal + "\nstaff:\n  listFile: \(list.path)\n"))
        #expect(settings.journey.staffIDs == ["1101700203450", "3500100345671"])
        try "1101700203451\nnot an id\n".write(to: list, atomically: true, encoding: .utf8)
        chmod(list.path, 0o666)
        do {
            _ = try await KioskConfigurationFile.load(path: try write(minimal + "\nstaff:\n  listFile: \(list.path)\n"))
            Issue.record("accepted")
        } catch let error as ConfigurationError {
            let text = error.problems.joined(separator: "\n")
            #expect(text.contains("line 1 is not a valid citizen id"))
            #expect(text.contains("line 2 is not a valid citizen id"))
            #expect(text.contains("writable by others"))
        }
    }
}

@Suite("The configuration refuses what would open the kiosk up")
struct ConfigurationSafetyTests {
    func write(_ yaml: String, mode: mode_t = 0o600) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID()).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode)
        return path
    }

    let minimal = "hospital: { hcode: \"10757\" }\nadmin: { pinHash: \"\(KioskConfigurationFileTests.pinHash)\" }\n"

    func problems(_ yaml: String, mode: mode_t = 0o600) async throws -> String {
        do {
            _ = try await KioskConfigurationFile.load(path: try write(yaml, mode: mode))
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func aVirtualReaderIsOnlyATrainingKiosks() async throws {
        #expect(try await problems(minimal + "card: { reader: Virtual PCD 00 00 }\n")
            .contains("card.reader 'Virtual PCD 00 00' is a virtual reader: only a training kiosk (training: true, test zone) takes one"))
        #expect(try await problems(minimal + "training: true\ncard: { reader: Virtual PCD 00 00 }\nnhso: { zone: test }\n") == "")
        #expect(try await problems(minimal + "training: true\nnhso: { zone: production, backend: agent }\n")
            .contains("training is true with nhso.zone production"))
        let settings = try await KioskConfigurationFile.load(path: try write(minimal))
        #expect(!settings.training)
    }

    @Test func aListOrAMappingWhereAValueBelongsIsRefusedByKey() async throws {
        let text = try await problems(minimal + "nhso: { zone: [production], backend: agent }\ncard: { reader: [x] }\njourney: { idleSeconds: { a: 1 } }\n")
        #expect(text.contains("nhso.zone is a list; accepted: test or production"))
        #expect(text.contains("card.reader is a list"))
        #expect(text.contains("journey.idleSeconds is a mapping"))
    }

    @Test func aProductionTokenNeverTravelsInClearTextEvenOnThisMachine() async throws {
        #expect(try await problems(minimal + "nhso: { zone: production, baseURL: \"http://127.0.0.1:18189\" }\n")
            .contains("nhso.baseURL is 'http://127.0.0.1:18189'"))
        #expect(try await problems(minimal + "nhso: { zone: test, baseURL: \"http://127.0.0.1:18189\" }\n") == "")
    }

    @Test func valuesAreReadAsWrittenNotAsYAMLWouldGuess() async throws {
        let settings = try await KioskConfigurationFile.load(path: try write("""
            hospital: { hcode: 01075, kioskName: 1:30 }
            admin: { pinHash: "\(KioskConfigurationFileTests.pinHash)" }
            journey: { mobileRequired: yes }
            """))
        #expect(settings.hospitalCode == "01075", "not octal 573")
        #expect(settings.printer.kioskName == "1:30", "not 90 (sexagesimal)")
        #expect(settings.journey.mobileRequired)
    }

    @Test func idsAreASCIIDigitsOnly() async throws {
        #expect(try await problems("hospital: { hcode: \"๑๐๗๕๗\" }\nadmin: { pinHash: \"\(KioskConfigurationFileTests.pinHash)\" }\n")
            .contains("hospital.hcode is '๑๐๗๕๗'"))
    }

    @Test func aConfigurationOthersCanReadOrGroupCanWriteIsRefused() async throws {
        for mode: mode_t in [0o644, 0o660, 0o604] {
            #expect(try await problems(minimal, mode: mode).contains("has mode \(String(mode, radix: 8)): others could read the PIN's hash or change the kiosk; run: chmod 640"))
        }
        #expect(try await problems(minimal, mode: 0o640) == "")
    }
}
