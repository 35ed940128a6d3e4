import ArgumentParser
import Foundation
import NHSO

/// `authen-kiosk rights`: what NHSO says about a person's rights today.
struct RightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rights",
        abstract: "Check a person's health-coverage rights with NHSO.",
        discussion: "Exit status: 0 found; 3 token missing or refused; 4 person not found or id invalid; 5 NHSO unreachable or in error."
    )

    @Option(help: "The 13-digit citizen id.")
    var pid: String

    @OptionGroup var nhso: NHSOOptions

    @Flag(help: "Print NHSO's answer as JSON.")
    var json = false

    func validate() throws {
        guard pid.count == 13, pid.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError("--pid must be the 13 digits of the citizen id")
        }
    }

    func run() async throws {
        Diagnostics.bootstrapLogging()
        do {
            let rights = try await nhso.service().checkRights(pid: pid)
            print(json ? encodeJSON(rights) : Self.text(rights))
        } catch {
            printError(error.staffMessage)
            throw ExitCode(nhsoExitStatus(for: error))
        }
    }

    static func text(_ rights: RightsCheck) -> String {
        let name = [rights.fname, rights.lname].compactMap { $0 }.map(sanitized).joined(separator: " ")
        var rows: [(String, String)] = [
            ("Citizen ID", sanitized(rights.pid)),
            ("Name", name.isEmpty ? "-" : name),
            ("Sex / age", "\(sanitized(rights.sex)) / \(sanitized(rights.age))"),
            ("Main right", sanitized(rights.mainInscl?.agentText ?? "none: no health-coverage right")),
            ("Sub right", sanitized(rights.subInscl?.agentText)),
            ("Main unit", sanitized(rights.hospMain.map { "\($0.hcode) \($0.hname)" })),
            ("Primary", sanitized(rights.hospSub.map { "\($0.hcode) \($0.hname)" })),
            ("Referral", sanitized(rights.hospMainOp.map { "\($0.hcode) \($0.hname)" })),
            ("Paid model", sanitized(rights.paidModel)),
            ("Checked at", sanitized(rights.checkDate)),
        ]
        for (index, claim) in rights.claimTypes.enumerated() {
            rows.append((index == 0 ? "Services" : "", "\(sanitized(claim.claimType)) \(sanitized(claim.claimTypeName))"))
        }
        return rows.map { $0.0.padding(toLength: 12, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }
}

func encodeJSON<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
}
