import ArgumentParser
import Foundation
import NHSO

/// `authen-kiosk status`: NHSO's record of a person's authentications on a day.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Ask NHSO (check-authen-status) which claim codes a person has on a day.",
        discussion: "Needs the kiosk token with either backend. Exit status: 0 answered (found or not); 3 token missing or refused; 4 NHSO refused the question; 5 NHSO unreachable or in error."
    )

    @Option(help: "The 13-digit citizen id.")
    var pid: String

    @Option(help: "The service date, YYYY-MM-DD (Gregorian).")
    var date: String

    @Option(help: "Only this service, e.g. PG0060001.")
    var service: String?

    @OptionGroup var nhso: NHSOOptions

    @Flag(help: "Print NHSO's answer as JSON.")
    var json = false

    func run() async throws {
        Diagnostics.bootstrapLogging()
        let status: AuthenStatus
        do {
            status = try await nhso.service().checkAuthenStatus(pid: pid, serviceDate: date, serviceCode: service)
        } catch {
            printError(error.staffMessage)
            throw ExitCode(nhsoExitStatus(for: error))
        }
        if json {
            print(encodeJSON(status))
        } else {
            print(Self.text(status))
        }
        if status.statusMessage.isValidationError { throw ExitCode(4) }
    }

    static func text(_ status: AuthenStatus) -> String {
        var lines = ["\(status.statusAuthen ? "FOUND" : "NOT FOUND")  \(sanitized(status.statusMessage.text))"]
        if let pid = status.personalId {
            let name = [status.firstName, status.middleName, status.lastName].compactMap { $0 }.filter { !$0.isEmpty }.map(sanitized)
            lines.append("\(sanitized(pid))  \(name.joined(separator: " "))  \(sanitized(status.mainInscl.map { "(\($0.id)) \($0.name)" }))")
        }
        for history in status.serviceHistories {
            lines.append("  \(history.claimCode)  \(sanitized(history.serviceDateTime))  \(sanitized(history.service.code))  "
                + "\(sanitized(history.hospital.hcode)) \(sanitized(history.hospital.hname))  \(sanitized(history.sourceChannel))")
        }
        return lines.joined(separator: "\n")
    }
}
