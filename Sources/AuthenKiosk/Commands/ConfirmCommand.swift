import ArgumentParser
import Foundation
import NHSO

/// `authen-kiosk confirm`: checks a person's rights and records the visit, printing the claim code — what
/// the kiosk does after the patient presses Confirm, for staff and for testing a set-up end to end.
struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record a visit with NHSO and print its claim code (Authen Code).",
        discussion: """
            A person who already has a code for this service today gets that code again (NHSO issues one per \
            person, service and day). Exit status: 0 code printed; 3 token missing or refused; 4 person not \
            found, id invalid, or the service is not among the person's rights; 5 NHSO unreachable or in error.
            """
    )

    @Option(help: "The 13-digit citizen id.")
    var pid: String

    @Option(help: "The service code.")
    var service = ServiceCode.general

    @Option(help: "The patient's or a relative's mobile number, 10 digits.")
    var mobile = ""

    @Option(help: "The hospital number, if known.")
    var hn: String?

    @OptionGroup var nhso: NHSOOptions

    func validate() throws {
        guard pid.count == 13, pid.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError("--pid must be the 13 digits of the citizen id")
        }
        guard mobile.isEmpty || (mobile.count == 10 && mobile.allSatisfy({ $0.isASCII && $0.isNumber })) else {
            throw ValidationError("--mobile must be 10 digits")
        }
    }

    func run() async throws {
        Diagnostics.bootstrapLogging()
        do {
            let nhso = try self.nhso.service()
            let rights = try await nhso.checkRights(pid: pid)
            guard rights.claimTypes.contains(where: { $0.claimType == service }), let correlationId = rights.correlationId else {
                printError("NHSO lists no service \(service) for this person today (\(sanitized(rights.mainInscl?.agentText ?? "no health-coverage right"))): authenticate at the counter.")
                throw ExitCode(4)
            }
            let visit = VisitRequest(pid: pid, claimType: service, mobile: mobile, correlationId: correlationId, hn: hn)
            let submitted = try await VisitSubmitter(service: nhso).submit(visit, serviceDate: ThaiTime.today())
            let note = switch submitted.origin {
            case .issued: ""
            case .recovered: "  (NHSO's answer was lost; the recorded code was fetched)"
            case .alreadyIssuedToday: "  (already issued today for this service)"
            case .phone: "  (authenticated on the patient's phone)"
            }
            print("\(submitted.claimCode)  \(sanitized(submitted.claimDateTime))  \(service)\(note)")
        } catch let error as NHSOError {
            printError(error.staffMessage)
            throw ExitCode(nhsoExitStatus(for: error))
        }
    }
}
