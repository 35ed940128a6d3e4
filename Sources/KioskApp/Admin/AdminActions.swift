import Foundation
import Journey
import KioskConfig
import Logging
import NHSO
import Synchronization
import VisitJournal

/// What the admin menu needs of the kiosk beyond its services: the PIN's hash, the lockout, what Shut
/// down runs, and how NHSO is reached (for the status screen; never the token itself).
public struct AdminSetup: Sendable {
    public var pinHash: String
    public var lockoutAttempts: Int
    public var lockoutSeconds: Int
    public var shutdownCommand: [String]
    /// "test zone, agent at http://127.0.0.1:8189" and the like.
    public var nhsoSummary: String
    /// Whether a kiosk token is loaded, and where from (a file's path, or the environment).
    public var tokenSummary: String?

    public init(pinHash: String, lockoutAttempts: Int = 5, lockoutSeconds: Int = 300, shutdownCommand: [String] = ["systemctl", "poweroff"],
                nhsoSummary: String, tokenSummary: String?) {
        self.pinHash = pinHash
        self.lockoutAttempts = lockoutAttempts
        self.lockoutSeconds = lockoutSeconds
        self.shutdownCommand = shutdownCommand
        self.nhsoSummary = nhsoSummary
        self.tokenSummary = tokenSummary
    }

    public init(_ admin: KioskSettings.Admin, nhsoSummary: String, tokenSummary: String?) {
        self.init(pinHash: admin.pinHash, lockoutAttempts: admin.lockoutAttempts, lockoutSeconds: admin.lockoutSeconds,
                  shutdownCommand: admin.shutdownCommand, nhsoSummary: nhsoSummary, tokenSummary: tokenSummary)
    }
}

/// Carries out the admin menu's effects that need the kiosk's services (the PIN check, lists, prints),
/// off the screen's thread, and posts what came of them back as admin events. Restart, shut down, leave
/// and the language belong to the runtime.
public final class AdminActions: Sendable {
    let setup: AdminSetup
    let services: KioskServices
    let slips: SlipArchive
    let post: @Sendable (AdminEvent) -> Void
    let logger: Logger
    /// The kiosk's language for new patients (the menu may change it): copies rebuilt from the journal
    /// and test slips are printed in it.
    private let defaultLanguage: Mutex<Language>

    public init(setup: AdminSetup, services: KioskServices, slips: SlipArchive, language: Language,
                post: @escaping @Sendable (AdminEvent) -> Void) {
        self.setup = setup
        self.services = services
        self.slips = slips
        defaultLanguage = Mutex(language)
        self.post = post
        var logger = services.logger
        logger[metadataKey: "area"] = "admin"
        self.logger = logger
    }

    /// Kept when staff change the kiosk's language from the menu.
    public func setDefaultLanguage(_ language: Language) { defaultLanguage.withLock { $0 = language } }

    private func language() -> Language { defaultLanguage.withLock { $0 } }

    /// Starts `effect`; returns `false` for the ones the runtime must do itself.
    @discardableResult
    public func perform(_ effect: AdminEffect) -> Bool {
        let post = self.post
        switch effect {
        case .checkPIN(let pin):
            let hash = setup.pinHash
            Task.detached { post(.pinChecked(AdminPIN.matches(pin, hash: hash))) }
        case .log(let entry):
            log(entry)
        case .loadStatus:
            Task { post(.statusLoaded(await self.statusLines())) }
        case .loadPending:
            let journal = services.journal
            Task.detached { post(.pendingLoaded(((try? journal.unsettled()) ?? []).map(Self.line))) }
        case .loadRecentVisits:
            Task.detached { post(.recentLoaded(self.recentSlips().map(Self.line))) }
        case .reprint(let visitID):
            Task { post(.finished(await self.reprint(visitID: visitID))) }
        case .printTest:
            let (printer, logger, language) = (services.printer, logger, language())
            Task {
                do {
                    try await printer.printTest(language: language)
                    post(.finished(.testPrinted))
                } catch {
                    logger.warning("test slip not printed", metadata: ["reason": "\(error)"])
                    post(.finished(.printFailed("\(error)")))
                }
            }
        case .toggleDefaultLanguage, .restart, .shutDown, .leave:
            return false
        }
        return true
    }

    private func log(_ entry: AdminLogEntry) {
        saveLockout(after: entry)
        switch entry {
        // Warnings, so a kiosk logging at its usual level keeps them: who opened the menu is an audit matter.
        case .opened: logger.warning("admin menu opened with the PIN")
        case .wrongPIN(let count): logger.warning("wrong admin PIN", metadata: ["inARow": "\(count)", "of": "\(setup.lockoutAttempts)"])
        case .lockedOut(let until, let inARow):
            logger.error("admin chord locked after wrong PINs", metadata: ["attempts": "\(setup.lockoutAttempts)", "until": "\(until)", "lockoutsInARow": "\(inARow)"])
        case .chordWhileLockedOut: logger.warning("admin chord pressed while locked")
        }
    }

    /// The wrong PINs and the lockouts as the journal kept them, for a kiosk starting again (after a
    /// power cut, say): a lockout further away than it could last (the clock set back) is cut to that.
    /// The count of lockouts outlives their end, so each is longer than the last whatever the clock did;
    /// a PIN chosen anew since (`set-pin`, then a restart) starts from nothing.
    public func savedLockout(now: Date = Date(), console: AdminConsole) -> AdminLockoutRecord {
        guard var record = try? services.journal.adminLockout(), record.pinHash == setup.pinHash else { return AdminLockoutRecord() }
        record.wrongPINs = min(max(record.wrongPINs, 0), setup.lockoutAttempts - 1)
        record.lockouts = min(max(record.lockouts, 0), 64)
        if let until = record.lockedUntil {
            let longest = now.addingTimeInterval(console.lockoutDuration(inARow: max(record.lockouts, 1)))
            record.lockedUntil = until <= now ? nil : min(until, longest)
        }
        return record
    }

    private func saveLockout(after entry: AdminLogEntry) {
        var record: AdminLockoutRecord
        switch entry {
        case .opened: record = AdminLockoutRecord()
        case .wrongPIN(let count):
            // The lockouts so far stay counted until a right PIN (unread, nothing is written over them).
            guard let saved = try? services.journal.adminLockout() else { return }
            record = AdminLockoutRecord(wrongPINs: count, lockouts: saved.pinHash == setup.pinHash ? saved.lockouts : 0)
        case .lockedOut(let until, let inARow): record = AdminLockoutRecord(lockedUntil: until, lockouts: inARow)
        case .chordWhileLockedOut: return
        }
        record.pinHash = setup.pinHash
        do {
            try services.journal.saveAdminLockout(record)
        } catch {
            logger.error("the admin lockout could not be saved: it lasts until the kiosk restarts", metadata: ["reason": "\(error)"])
        }
    }

    /// The visits with a code, newest first, that staff may want printed again (nine: one key each).
    func recentSlips() -> [JournalVisit] {
        let latest = (try? services.journal.latest(100)) ?? []
        return Array(latest.filter { $0.claimCode != nil && ($0.state == .coded || $0.state == .printed) }.prefix(9))
    }

    /// Prints a copy of the visit's claim slip: with the name where this run printed it, from the
    /// journal's row otherwise. The journal hears of it.
    func reprint(visitID: String) async -> AdminNotice {
        guard let visit = VisitID(visitID) else { return .nothingToReprint }
        let row = try? services.journal.visit(visit)
        guard let original = slips.slip(for: visit) ?? row?.copySlip(language: language()) else { return .nothingToReprint }
        var copy = original
        copy.isCopy = true
        do {
            try await services.printer.print(copy)
            logger.warning("slip printed again by staff", metadata: ["visit": "\(visit.reference)", "claimCode": "\(copy.claimCode)"])
            services.journal.record(visit, .printed, at: Date()) { _ in }
            return .reprinted(claimCode: copy.claimCode.value)
        } catch {
            logger.warning("copy of a slip not printed", metadata: ["visit": "\(visit.reference)", "reason": "\(error)"])
            return .printFailed("\(error)")
        }
    }

    func statusLines() async -> [AdminStatusLine] {
        async let reader = services.cards.statusLine()
        async let printer = services.printer.statusLine()
        var lines = [await reader, await printer]
        lines.append(AdminStatusLine(subject: "NHSO", ok: true, detail: setup.nhsoSummary))
        lines.append(AdminStatusLine(subject: "token", ok: setup.tokenSummary != nil, detail: setup.tokenSummary ?? "no kiosk token (check-authen-status is not asked)"))
        do {
            try await services.journal.probe()
            let waiting = (try? services.journal.unsettled().count) ?? 0
            lines.append(AdminStatusLine(subject: "journal", ok: true, detail: "writable; \(waiting) visit(s) waiting for NHSO's answer"))
        } catch {
            lines.append(AdminStatusLine(subject: "journal", ok: false, detail: "\(error)"))
        }
        return lines
    }

    static func line(_ visit: JournalVisit) -> AdminVisitLine {
        AdminVisitLine(
            visitID: visit.id, reference: visit.reference, time: ThaiTime.format(visit.startedAt, "HH:mm"),
            maskedCitizenID: visit.citizenID.map { JournalVisit.cardStyle(VisitJournal.masked($0)) } ?? "", claimCode: visit.claimCode,
            state: visit.state.rawValue, slip: visit.slip
        )
    }
}
