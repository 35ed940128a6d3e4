import ArgumentParser
import Foundation
import KioskApp
import KioskConfig
import NHSO
import SmartCard
import TerminalUI
import ThaiIDCard

/// `authen-kiosk doctor --config FILE`: is this box ready to take patients? Each part the kiosk needs,
/// checked the way `run` builds it, with what to do about each failure.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check a kiosk box: configuration, pcscd and the readers, a card, NHSO's agent, the printer, the camera, NHSO (reachable, TLS, token, clock), the journal and its disk.",
        discussion: """
            Prints a table (or --json) of PASS, WARN and FAIL, each failure with what to do. It builds the kiosk's \
            services as `run` does, and sends NHSO one check-authen-status question to see the token is accepted \
            (no visit is recorded). Exit status: 0 nothing failed; 1 something failed; 2 the configuration \
            cannot be read.
            """
    )

    @Option(help: "The configuration file (YAML).")
    var config: String

    @Flag(help: "Print the checks as JSON.")
    var json = false

    func run() async throws {
        Diagnostics.bootstrapLogging(defaultLevel: .critical)
        var report = DoctorReport()
        let settings: KioskSettings
        do {
            settings = try await KioskConfigurationFile.load(path: config)
            report.pass("configuration", "\(config): \(settings.journey.mode.rawValue), \(settings.nhso.backend.rawValue) backend, \(settings.nhso.zone.rawValue) zone\(settings.training ? ", training kiosk" : "")")
        } catch {
            report.fail("configuration", "\(error)", advice: "fix the keys named above (kiosk-config/kiosk.yaml explains each)")
            report.print(json: json)
            throw ExitCode(2)
        }
        let checks = DoctorChecks(settings: settings)
        await checks.run(into: &report)
        report.print(json: json)
        if report.failed { throw ExitCode(1) }
    }
}

/// The checks' outcomes, in order.
struct DoctorReport {
    enum Status: String, Encodable { case pass = "PASS", warn = "WARN", fail = "FAIL" }

    struct Check: Encodable {
        var name: String
        var status: Status
        var detail: String
        var advice: String?
    }

    private(set) var checks: [Check] = []
    var failed: Bool { checks.contains { $0.status == .fail } }

    mutating func pass(_ name: String, _ detail: String) { checks.append(Check(name: name, status: .pass, detail: detail)) }
    mutating func warn(_ name: String, _ detail: String, advice: String? = nil) { checks.append(Check(name: name, status: .warn, detail: detail, advice: advice)) }
    mutating func fail(_ name: String, _ detail: String, advice: String) { checks.append(Check(name: name, status: .fail, detail: detail, advice: advice)) }

    func print(json: Bool) {
        if json {
            struct Document: Encodable { var ok: Bool; var checks: [Check] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(Document(ok: !failed, checks: checks))) ?? Data()
            Swift.print(String(decoding: data, as: UTF8.self))
            return
        }
        let width = checks.map(\.name.count).max() ?? 10
        for check in checks {
            Swift.print("\(check.status.rawValue)  \(check.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(check.detail)")
            if let advice = check.advice { Swift.print("      \(String(repeating: " ", count: width))→ \(advice)") }
        }
        Swift.print(failed ? "\nNot ready: fix what FAILs, then run doctor again." : "\nReady.")
    }
}
