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
            staffRead = Task { post(Self.staffCard(await cards.read(progress: { _ in }))) }
        case .cancelStaffCardRead:
            staffRead?.cancel()
        case .loadReport(let date):
            let journal = services.journal, post = self.post
            Task { post(.reportLoaded(Self.view(Self.report(journal, date: date), date: date))) }
        case .exportReport(let date, let format):
            let journal = services.journal, post = self.post, folder = setup.exportFolder
            Task { post(.exported(Self.export(Self.report(journal, date: date), date: date, format: format, folder: folder))) }
        case .checkToken:
            let setup = self.setup, nhso = services.nhso, post = self.post
            Task { post(.tokenChecked(await Self.tokenLines(setup, nhso: nhso))) }
        case .record(let action):
            record(action)
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
            try data.write(to: url, options: .atomic)
            chmod(url.path, 0o640)
            return .exported(path: url.path)
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

    private func record(_ action: StaffAction) {
        let (staff, name, detail): (StaffMember, String, String) = switch action {
        case .signedIn(let staff): (staff, "signedIn", "by \(staff.signedInBy.rawValue)")
        case .signedOut(let staff, let idle): (staff, idle ? "signedOutIdle" : "signedOut", "")
        case .exported(let staff, let path): (staff, "exported", path)
        }
        services.journal.recordStaffAction(StaffActionRecord(at: Date(), actor: staff.citizenID, action: name, detail: detail))
        logger.notice("staff \(name)", metadata: ["staff": "\(VisitJournal.masked(staff.citizenID))"])
    }
}
