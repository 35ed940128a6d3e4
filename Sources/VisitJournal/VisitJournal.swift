import Foundation
import GRDB
import Journey
import NHSO

/// The kiosk's durable record of every visit (SQLite in WAL mode, `synchronous = FULL`, file mode 0600).
///
/// A visit's row is written and synced before confirm-save is sent, so a code NHSO issued is never lost
/// to a crash or a power cut: the next start finds the visit `submitting` or `pending` and asks NHSO.
/// Writes go through one serial queue in the order they are made; `record` returns at once (the screen
/// never waits for the disk), `recordNow` returns once the change is on disk.
public final class VisitJournal: Sendable {
    public let path: String
    let database: DatabaseQueue

    /// Opens (or creates) the journal at `path`, readable and writable by its owner only; with
    /// `readOnly`, opens an existing journal to look at (a running kiosk's, for staff), changing nothing.
    public init(path: String, readOnly: Bool = false) throws(JournalError) {
        self.path = path
        do {
            try Self.refuseOtherFiles(at: path)
            var configuration = Configuration()
            // Another process (the `journal` command) may be reading: wait for it rather than fail.
            configuration.busyMode = .timeout(5)
            if readOnly {
                configuration.readonly = true
                database = try DatabaseQueue(path: path, configuration: configuration)
                return
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Created 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
            let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw JournalError(path: path, reason: String(cString: strerror(errno))) }
            close(fd)
            guard chmod(path, 0o600) == 0 else { throw JournalError(path: path, reason: String(cString: strerror(errno))) }
            configuration.journalMode = .wal
            database = try DatabaseQueue(path: path, configuration: configuration)
            // Every commit reaches the disk before it returns: the write before confirm-save must survive
            // a power cut. (Set after opening: GRDB's WAL set-up chooses NORMAL.)
            try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrator.migrate(database)
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError(path: path, reason: "\(error)")
        }
    }

    /// A file that is there but is not an SQLite database (an older kiosk's `journal.jsonl`, say) is
    /// refused before anything touches it.
    static func refuseOtherFiles(at path: String) throws(JournalError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard !header.isEmpty, header != Data("SQLite format 3\u{0}".utf8) else { return }
        throw JournalError(path: path, reason: "it is not an SQLite journal (an older kiosk's journal.jsonl?): set output.journal to a new file, such as /var/lib/authen-kiosk/journal.sqlite")
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("visits") { db in
            try db.create(table: "visit") { t in
                t.primaryKey("id", .text)
                t.column("reference", .text).notNull()
                t.column("state", .text).notNull().indexed()
                t.column("reason", .text)
                t.column("detail", .text)
                t.column("citizenID", .text)
                t.column("path", .text)
                t.column("mainInscl", .text)
                t.column("service", .text)
                t.column("hcode", .text)
                t.column("correlationId", .text)
                t.column("mobile", .text)
                t.column("serviceDate", .text)
                t.column("claimCode", .text)
                t.column("claimDateTime", .text)
                t.column("origin", .text)
                t.column("slip", .text)
                t.column("startedAt", .datetime).notNull()
                t.column("submittedAt", .datetime)
                t.column("updatedAt", .datetime).notNull().indexed()
            }
        }
        migrator.registerMigration("nhso confirmation") { db in
            try db.alter(table: "visit") { t in t.add(column: "nhsoConfirmed", .boolean) }
        }
        migrator.registerMigration("probe") { db in
            try db.create(table: "probe") { t in t.column("at", .datetime) }
        }
        migrator.registerMigration("who acted") { db in
            try db.alter(table: "visit") { t in
                t.add(column: "verifierType", .text)
                t.add(column: "verifierCitizenID", .text)
                t.add(column: "relationship", .text)
                t.add(column: "documentType", .text)
            }
        }
        registerAdminLockout(in: &migrator)
        registerStaffActions(in: &migrator)
        return migrator
    }

    // MARK: Writing

    /// Queues `change`; returns at once. `completion` learns whether it reached the disk.
    public func record(_ visit: VisitID, _ change: JournalChange, at now: Date = Date(),
                       completion: @escaping @Sendable (Result<Void, JournalError>) -> Void = { _ in }) {
        let path = self.path
        database.asyncWrite({ db in try Self.apply(change, to: visit, at: now, in: db) }) { _, result in
            completion(result.mapError { JournalError(path: path, reason: "\($0)") })
        }
    }

    /// Writes `change` and returns once it is on disk (after every change queued before it).
    public func recordNow(_ visit: VisitID, _ change: JournalChange, at now: Date = Date()) async throws(JournalError) {
        do {
            try await database.write { db in try Self.apply(change, to: visit, at: now, in: db) }
        } catch {
            throw JournalError(path: path, reason: "\(error)")
        }
    }

    /// Writes and syncs a row of its own: whether the journal can be written now (after a failure, the
    /// kiosk asks again before it takes visits).
    public func probe() async throws(JournalError) {
        do {
            try await database.write { db in
                try db.execute(sql: "DELETE FROM probe")
                try db.execute(sql: "INSERT INTO probe (at) VALUES (?)", arguments: [Date().timeIntervalSince1970])
            }
        } catch {
            throw JournalError(path: path, reason: "\(error)")
        }
    }

    /// Applies `change` only if the visit's row is still as `seen` (same state, same submit): recovery's
    /// conclusions never overwrite what a submit of this run wrote since recovery read the row.
    @discardableResult
    public func recordIfUnchanged(_ seen: JournalVisit, _ change: JournalChange, at now: Date = Date()) async throws(JournalError) -> Bool {
        guard let visit = seen.visitID else { return false }
        do {
            return try await database.write { db in
                guard let row = try JournalVisit.fetchOne(db, key: seen.id), row.state == seen.state, row.submittedAt == seen.submittedAt else {
                    return false
                }
                try Self.apply(change, to: visit, at: now, in: db)
                return true
            }
        } catch {
            throw JournalError(path: path, reason: "\(error)")
        }
    }

    /// The rules of a visit's row: a code is never overwritten by a failure or a pending mark, a pending
    /// visit is failed only by recovery's lookup, and personal data is cut down once the visit is settled.
    static func apply(_ change: JournalChange, to visit: VisitID, at now: Date, in db: Database) throws {
        var row = try JournalVisit.fetchOne(db, key: visit.description)
            ?? JournalVisit(id: visit.description, reference: visit.reference, state: .identified, startedAt: now, updatedAt: now)
        let hasCode = row.state == .coded || row.state == .printed
        switch change {
        case .identified(let citizenID, let path):
            row.citizenID = citizenID
            row.path = path.rawValue
        case .rights(let mainInscl):
            guard row.state == .identified else { return }
            row.state = .rights
            row.mainInscl = mainInscl
        case .submitting(let request, let serviceDate):
            guard !hasCode else { return }
            row.state = .submitting
            row.reason = nil
            row.detail = nil
            row.citizenID = request.pid
            row.service = request.claimType
            row.hcode = request.hcode
            row.correlationId = request.correlationId
            row.mobile = request.mobile.isEmpty ? nil : request.mobile
            row.serviceDate = serviceDate
            row.submittedAt = now
            // Who acted for the patient, as NHSO was told (never the photo).
            if let verification = request.verification {
                row.path = row.path ?? verification.authenType.rawValue
                row.verifierType = verification.verifierType
                row.verifierCitizenID = verification.verifierPid
                row.relationship = verification.relationship
                row.documentType = verification.documentType
            }
        case .coded(let code, let dateTime, let origin):
            if row.state != .printed { row.state = .coded }
            row.reason = nil
            row.claimCode = code.value
            row.claimDateTime = dateTime
            row.origin = origin.rawValue
        case .printed:
            guard hasCode else { return }
            row.state = .printed
            row.slip = "printed"
        case .printFailed(let reason):
            row.slip = "not printed: \(reason)"
        case .pending:
            guard row.state == .submitting else { return }
            row.state = .pending
        case .confirmedByNHSO(let listed, let detail):
            row.nhsoConfirmed = listed
            if !listed { row.detail = detail }
        case .ended(let reason, let detail):
            guard !hasCode else { return }
            // NHSO may hold a code for a pending visit: only recovery's lookup ends it.
            guard row.state != .pending || reason == .notSubmitted else { return }
            row.state = reason.isFailure ? .failed : .abandoned
            row.reason = reason
            row.detail = detail
        }
        if row.state.isSettled {
            row.citizenID = row.citizenID.map(Self.masked)
            row.verifierCitizenID = row.verifierCitizenID.map(Self.masked)
            row.mobile = nil
        }
        row.updatedAt = now
        try row.save(db)
    }

    /// `1101700203450` → `11017xxxxxx50`: enough for staff to match a card, not enough to misuse.
    public static func masked(_ citizenID: String) -> String {
        guard citizenID.count == 13, citizenID.allSatisfy(\.isNumber) else { return citizenID }
        return ServerText.maskingIDs(in: citizenID)
    }

    // MARK: Reading

    /// Visits NHSO may hold a code for that nobody has seen: `submitting` and `pending`, oldest first.
    public func unsettled() throws(JournalError) -> [JournalVisit] {
        try read { db in
            try JournalVisit.filter([VisitState.submitting, .pending].contains(Column("state")))
                .order(Column("startedAt")).fetchAll(db)
        }
    }

    /// Visits left before confirm by a kiosk that stopped (still `identified` or `rights`).
    public func interrupted() throws(JournalError) -> [JournalVisit] {
        try read { db in
            try JournalVisit.filter([VisitState.identified, .rights].contains(Column("state"))).fetchAll(db)
        }
    }

    public func visit(_ id: VisitID) throws(JournalError) -> JournalVisit? {
        try read { db in try JournalVisit.fetchOne(db, key: id.description) }
    }

    /// The latest visits, newest first.
    public func latest(_ limit: Int = 50) throws(JournalError) -> [JournalVisit] {
        try read { db in try JournalVisit.order(Column("startedAt").desc).limit(limit).fetchAll(db) }
    }

    /// Writes whole rows in one transaction: for importing a journal's rows, and for benchmarks that
    /// need thousands of visits (one synced write each would take minutes).
    public func insertAll(_ visits: [JournalVisit]) throws(JournalError) {
        do {
            try database.write { db in for visit in visits { try visit.insert(db) } }
        } catch {
            throw JournalError(path: path, reason: "\(error)")
        }
    }

    /// Visits that hold a claim code, with a service date from `from` to `to` (`YYYY-MM-DD`, both
    /// included), oldest first: what a report is made of.
    public func coded(serviceDatesFrom from: String, to: String) throws(JournalError) -> [JournalVisit] {
        try read { db in
            try JournalVisit.filter(Column("claimCode") != nil)
                .filter(Column("serviceDate") >= from && Column("serviceDate") <= to)
                .order(Column("startedAt")).fetchAll(db)
        }
    }

    /// Deletes settled visits last changed more than `days` days before `now`; returns how many. A visit
    /// that still needs recovery is kept whatever its age.
    @discardableResult
    public func purge(olderThanDays days: Int, now: Date = Date()) throws(JournalError) -> Int {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        do {
            return try database.write { db in
                try JournalVisit
                    .filter(Column("updatedAt") < cutoff.timeIntervalSince1970)
                    .filter(![VisitState.submitting, .pending].contains(Column("state")))
                    .deleteAll(db)
            }
        } catch {
            throw JournalError(path: path, reason: "\(error)")
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw JournalError(path: path, reason: "\(error)")
        }
    }
}
