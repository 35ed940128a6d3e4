import Foundation
import Journey
import Logging
import NHSO
import Reports
import VisitJournal
import Workbench

/// Carries out the workbench's effects with the station's services: reads a staff card, builds and
/// exports the day's report from the journal, checks the token with NHSO, journals what staff did.
/// Answers come back through `post`. Called on the runtime's thread; the work runs in tasks.
final class WorkbenchActions: @unchecked Sendable {
    let setup: WorkbenchSetup
    let services: KioskServices
    let post: @Sendable (WorkbenchEvent) -> Void
    private let logger = Logger(label: "authen-kiosk.workbench")
    /// The staff card being read (cancelled when the card is pulled).
    private var staffRead: Task<Void, Never>?

    init(setup: WorkbenchSetup, services: KioskServices, post: @escaping @Sendable (WorkbenchEvent) -> Void) {
        self.setup = setup
        self.services = services
        self.post = post
    }

    func perform(_ effect: WorkbenchEffect) {
        switch effect {
        case .readStaffCard:
            let cards = services.cards, post = self.post
            // The identity only (NHSO's agent: read-card-only); a read cancelled by a pulled card
            // answers nobody, so it cannot land on the next card's read.
            staffRead = Task {
                let result = await cards.readIdentity(progress: { _ in })
                if !Task.isCancelled { post(Self.staffCard(result)) }
            }
        case .cancelStaffCardRead:
            staffRead?.cancel()
        case .loadReport(let date):
            let journal = services.journal, post = self.post
            Task { post(.reportLoaded(Self.view(Self.report(journal, date: date), date: date))) }
        case .exportReport(let date, let format, let staff):
            let journal = services.journal, post = self.post, folder = setup.exportFolder, logger = self.logger
            Task {
                let notice = Self.export(Self.report(journal, date: date), date: date, format: format, folder: folder)
                // Journaled as the person who asked for it, once the file is there.
                if case .exported(let path) = notice { Self.record(.exported(staff, path: path), journal: journal, logger: logger) }
                post(.exported(notice))
            }
        case .checkToken:
            let setup = self.setup, nhso = services.nhso, post = self.post
            Task { post(.tokenChecked(await Self.tokenLines(setup, nhso: nhso))) }
        case .record(let action):
            Self.record(action, journal: services.journal, logger: logger)
        case .startVisit:
            break  // the runtime gives the journey the screen
        }
    }

    /// A staff card's read as the workbench hears it: an id and the Thai name, or why not.
    static func staffCard(_ result: EffectResult) -> WorkbenchEvent {
        switch result {
        case .cardRead(let person): .staffCardRead(citizenID: person.citizenID.digits, name: person.nameTH.fullName)
        case .agentRead(let rights):
            Patient(agentRead: rights).map { .staffCardRead(citizenID: $0.citizenID.digits, name: $0.nameTH) } ?? .staffCardFailed(removed: false)
        case .cardReadFailed(let error): .staffCardFailed(removed: error.isCardRemoved)
        default: .staffCardFailed(removed: false)
        }
    }

    // MARK: Report

    static func report(_ journal: VisitJournal, date: String) -> VisitReport? {
        guard let query = try? ReportQuery(from: date, to: date), let rows = try? journal.coded(serviceDatesFrom: date, to: date) else { return nil }
        return VisitReport.build(query, from: [("station", rows)])
    }

    static func view(_ report: VisitReport?, date: String) -> ReportView {
        guard let report else { return ReportView(date: date, lines: [], totals: [], unreadable: true) }
        let lines = report.rows.map { "\($0.time.prefix(5))  \($0.claimCode)  \($0.citizenID)  \($0.service)  \($0.path)" }
        let totals = [
            report.totalsByService.map { "\($0.key) \($0.count)" }.joined(separator: " · "),
            report.totalsByPath.map { "\($0.key.isEmpty ? "-" : $0.key) \($0.count)" }.joined(separator: " · "),
        ].filter { !$0.isEmpty }
        return ReportView(date: date, lines: lines, totals: totals)
    }

    /// Writes the report into `folder` as `authen-codes-DATE.csv|xlsx` (whole, `0640`).
    static func export(_ report: VisitReport?, date: String, format: ExportFormat, folder: String) -> WorkbenchNotice {
        guard let report else { return .exportFailed("the journal cannot be read") }
        let url = URL(fileURLWithPath: folder).appendingPathComponent("authen-codes-\(date).\(format.rawValue)")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            let data = switch format {
            case .csv: CSVExport.data(report, language: .th)
            case .xlsx: try XLSXExport.data(report, language: .th)
            }
            try ReportFile.write(data, to: url.path)
            return .exported(path: url.path)
        } catch let error as ReportFile.WriteError {
            return .exportFailed("\(error)")
        } catch {
            return .exportFailed("\(url.path): \(error.localizedDescription)")
        }
    }

    // MARK: Token

    static func tokenLines(_ setup: WorkbenchSetup, nhso: any NHSOService) async -> [TokenLine] {
        var lines = [TokenLine(subject: "zone", ok: true, detail: setup.zone)]
        guard let summary = setup.tokenSummary else {
            lines.append(TokenLine(subject: "token", ok: false, detail: "no kiosk token: check-authen-status is not asked"))
            return lines
        }
        var installed = summary
        if let file = setup.tokenFile, let modified = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date {
            installed += ", installed " + ThaiTime.format(modified, "yyyy-MM-dd HH:mm")
        }
        lines.append(TokenLine(subject: "token", ok: true, detail: installed))
        switch await TokenCheck.ask(nhso) {
        case .accepted: lines.append(TokenLine(subject: "NHSO", ok: true, detail: "accepts the token now"))
        case .refused(let status): lines.append(TokenLine(subject: "NHSO", ok: false, detail: "refuses the token (HTTP \(status)): ask NHSO for a new one"))
        case .unknown(let reason): lines.append(TokenLine(subject: "NHSO", ok: false, detail: "could not tell: \(reason)"))
        }
        return lines
    }

    // MARK: Journal

    /// Journals what staff did; a write that fails is logged as an error for IT (the action itself
    /// stands).
    static func record(_ action: StaffAction, journal: VisitJournal, logger: Logger) {
        let (staff, name, detail): (StaffMember, String, String) = switch action {
        case .signedIn(let staff): (staff, "signedIn", "by \(staff.signedInBy.rawValue)")
        case .signedOut(let staff, let idle): (staff, idle ? "signedOutIdle" : "signedOut", "")
        case .exported(let staff, let path): (staff, "exported", path)
        }
        let actor = VisitJournal.masked(staff.citizenID)
        journal.recordStaffAction(StaffActionRecord(at: Date(), actor: staff.citizenID, action: name, detail: detail)) { result in
            if case .failure(let error) = result {
                logger.error("a staff action was not journaled", metadata: ["staff": "\(actor)", "action": "\(name)", "reason": "\(error)"])
            }
        }
        logger.notice("staff \(name)", metadata: ["staff": "\(actor)"])
    }
}
