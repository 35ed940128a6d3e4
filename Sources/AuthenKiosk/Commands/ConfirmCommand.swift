import ArgumentParser
import Foundation
import Journey
import KioskApp
import KioskConfig
import NHSO
import VisitJournal

/// `authen-kiosk confirm`: checks a person's rights and records the visit, printing the claim code — what
/// the kiosk does after the patient presses Confirm, for staff and for testing a set-up end to end. It
/// goes the screens' way: the unit's code is sent (so a lookup after a refusal takes only this unit's
/// code), the visit is in the journal before NHSO hears of it, and its outcome after.
struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record a visit with NHSO and print its claim code (Authen Code).",
        discussion: """
            Give --config (the unit's code, NHSO and the journal from a kiosk's or station's configuration), \
            or --hcode and --journal with the NHSO options. A person who already has a code for this service \
            today at this unit gets that code again (NHSO issues one per person, service and day). Exit \
            status: 0 code printed; 2 configuration or journal unusable (a code printed with 2 is issued \
            but not journaled); 3 token missing or refused; 4 person not found, id invalid, or the \
            service is not among the person's rights; 5 NHSO unreachable or in error, nothing recorded; 6 \
            sent with no answer: the visit is pending in the journal (a kiosk or station on that journal \
            settles it; a journal of the command's own is not watched: ask `authen-kiosk status`).
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

    @Option(help: "A kiosk's or station's configuration: the unit's code, NHSO and the journal come from it.")
    var config: String?

    @Option(help: "The unit's 5-digit code (without --config).")
    var hcode: String?

    @Option(help: "The journal to record the visit in (without --config).")
    var journal: String?

    @OptionGroup var nhso: NHSOOptions

    func validate() throws {
        guard pid.count == 13, pid.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError("--pid must be the 13 digits of the citizen id")
        }
        guard mobile.isEmpty || (mobile.count == 10 && mobile.allSatisfy({ $0.isASCII && $0.isNumber })) else {
            throw ValidationError("--mobile must be 10 digits")
        }
        if config != nil {
            // The configuration says how NHSO is reached and where the journal is: an option that
            // seems to say otherwise would be silently ignored (a test address against a production
            // configuration would record a real visit).
            guard nhso.baseURL == nil, nhso.tokenFile == nil, hcode == nil, journal == nil else {
                throw ValidationError("with --config, NHSO, the unit's code and the journal come from the configuration: leave out --base-url, --token-file, --hcode and --journal")
            }
        } else {
            guard let hcode, hcode.count == 5, hcode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ValidationError("give --config, or --hcode (the unit's 5-digit code) and --journal")
            }
            guard journal != nil else { throw ValidationError("give --journal (the visit is recorded before NHSO is asked), or --config") }
        }
    }

    func run() async throws {
        Diagnostics.bootstrapLogging()
        let (nhso, unit, journal) = try await connections()
        do {
            let rights = try await nhso.checkRights(pid: pid)
            guard rights.claimTypes.contains(where: { $0.claimType == service }), let correlationId = rights.correlationId else {
                printError("NHSO lists no service \(service) for this person today (\(sanitized(rights.mainInscl?.agentText ?? "no health-coverage right"))): authenticate at the counter.")
                throw ExitCode(4)
            }
            let request = VisitRequest(pid: pid, claimType: service, mobile: mobile, correlationId: correlationId, hn: hn, hcode: unit)
            let visit = VisitID()
            let serviceDate = ThaiTime.today()
            do throws(JournalError) {
                try await journal.recordNow(visit, .submitting(request, serviceDate: serviceDate))
            } catch {
                printError("\(error): nothing was sent to NHSO")
                throw ExitCode(2)
            }
            let submitted: VisitSubmitter.Submitted
            do throws(NHSOError) {
                submitted = try await VisitSubmitter(service: nhso).submit(request, serviceDate: serviceDate)
            } catch {
                let change = JournalChange.settling(error)
                try? await journal.recordNow(visit, change)
                if case .pending = change {
                    printError("\(error.staffMessage). The visit (reference \(visit.reference)) is left pending in the journal: a kiosk or station on this journal asks NHSO about it; look it up with `authen-kiosk status` before confirming again.")
                    throw ExitCode(6)
                }
                throw error
            }
            var journaled = true
            do throws(JournalError) {
                try await journal.recordNow(visit, .coded(submitted.claimCode, claimDateTime: submitted.claimDateTime, origin: submitted.origin))
            } catch {
                journaled = false
                printError("the code below is issued, but the journal could not record it (\(error)): note it")
            }
            let note = switch submitted.origin {
            case .issued: ""
            case .recovered: "  (NHSO's answer was lost; the recorded code was fetched)"
            case .alreadyIssuedToday: "  (already issued today for this service)"
            case .phone: "  (authenticated on the patient's phone)"
            }
            print("\(submitted.claimCode)  \(sanitized(submitted.claimDateTime))  \(service)  ref \(visit.reference)\(note)")
            if !journaled { throw ExitCode(2) }
        } catch let error as NHSOError {
            printError(error.staffMessage)
            throw ExitCode(nhsoExitStatus(for: error))
        }
    }

    /// NHSO, the unit's code and the journal: from the configuration, or from the options.
    private func connections() async throws -> (any NHSOService, String, VisitJournal) {
        do {
            if let config {
                let settings = try await KioskConfigurationFile.load(path: config)
                let token = try RunCommand.loadToken(settings.nhso)
                guard let nhso = KioskServices.nhso(settings, token: token) else { throw NHSOError.tokenMissing }
                return (nhso, settings.hospitalCode, try VisitJournal(path: settings.journalPath))
            }
            return (try self.nhso.service(), hcode!, try VisitJournal(path: journal!))
        } catch let error as NHSOError {
            printError(error.staffMessage)
            throw ExitCode(nhsoExitStatus(for: error))
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }
}
