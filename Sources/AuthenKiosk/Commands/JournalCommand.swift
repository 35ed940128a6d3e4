import ArgumentParser
import Foundation
import KioskConfig
import VisitJournal

/// `authen-kiosk journal`: the latest visits as the journal keeps them, for staff and IT (a patient's
/// reference, a code to reprint, a visit left pending). Citizen ids are always shown masked.
struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "List the latest visits in the kiosk's journal (citizen ids masked).",
        discussion: "Columns: started (local time), reference, state, reason, claim code, citizen id, service, origin, NHSO's check-authen-status (listed, not-listed, -), slip."
    )

    @Option(help: "The kiosk's configuration file (its output.journal is read).")
    var config: String?

    @Option(help: "The journal file itself, instead of --config.")
    var file: String?

    @Flag(help: "Only visits that NHSO may hold a code for that nobody has seen (submitting, pending).")
    var unsettled = false

    @Option(help: "How many visits, newest first.")
    var limit = 50

    func validate() throws {
        guard (config == nil) != (file == nil) else { throw ValidationError("give --config or --file") }
    }

    func run() async throws {
        let path: String
        if let file {
            path = file
        } else {
            do {
                path = try await KioskConfigurationFile.load(path: config!).journalPath
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
        guard FileManager.default.fileExists(atPath: path) else {
            printError("no journal at \(path)")
            throw ExitCode(2)
        }
        let visits: [JournalVisit]
        do {
            // Read-only: a running kiosk's journal is looked at, never changed.
            let journal = try VisitJournal(path: path, readOnly: true)
            visits = unsettled ? try journal.unsettled() : try journal.latest(limit)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        for visit in visits {
            let citizenID = visit.citizenID.map(VisitJournal.masked)
            let fields = [
                formatter.string(from: visit.startedAt), visit.reference, visit.state.rawValue, visit.reason?.rawValue ?? "-",
                visit.claimCode ?? "-", citizenID ?? "-", visit.path ?? "-", visit.service ?? "-", visit.origin ?? "-",
                visit.nhsoConfirmed.map { $0 ? "listed" : "not-listed" } ?? "-", visit.slip ?? "-",
            ] + actedBy(visit)
            print(fields.map(sanitized).joined(separator: "  "))
        }
    }

    /// For a patient identified by someone else: `by ผู้ปกครอง บิดา 31012xxxxxx71`.
    func actedBy(_ visit: JournalVisit) -> [String] {
        guard let role = visit.verifierType else { return [] }
        return ["by", role, visit.relationship ?? "-", visit.verifierCitizenID.map(VisitJournal.masked) ?? "-"] + (visit.documentType.map { [$0] } ?? [])
    }
}
