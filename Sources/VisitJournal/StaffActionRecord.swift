import Foundation
import GRDB

/// Something a signed-in staff member did at a station (signed in, signed out, exported a report),
/// with who: their citizen id is kept masked, as every settled id is.
public struct StaffActionRecord: Sendable, Hashable {
    public var at: Date
    /// Masked (`31012xxxxxx71`).
    public var actor: String
    /// `signedIn`, `signedOut`, `signedOutIdle`, `exported`…
    public var action: String
    public var detail: String

    public init(at: Date, actor: String, action: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.detail = detail
    }
}

extension VisitJournal {
    static func registerStaffActions(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("staff actions") { db in
            try db.create(table: "staffAction") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .double).notNull().indexed()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("detail", .text).notNull()
            }
        }
    }

    /// Queues the action (the id masked here, whatever the caller passed); returns at once.
    /// `completion` learns whether it reached the disk.
    public func recordStaffAction(_ record: StaffActionRecord, completion: @escaping @Sendable (Result<Void, JournalError>) -> Void = { _ in }) {
        let masked = VisitJournal.masked(record.actor)
        let path = self.path
        database.asyncWrite({ db in
            try db.execute(sql: "INSERT INTO staffAction (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                           arguments: [record.at.timeIntervalSince1970, masked, record.action, record.detail])
        }) { _, result in
            completion(result.mapError { JournalError(path: path, reason: "\($0)") })
        }
    }

    /// The latest actions, newest first.
    public func staffActions(limit: Int = 100) throws(JournalError) -> [StaffActionRecord] {
        do {
            return try database.read { db in
                try Row.fetchAll(db, sql: "SELECT at, actor, action, detail FROM staffAction ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                    StaffActionRecord(at: Date(timeIntervalSince1970: $0["at"]), actor: $0["actor"], action: $0["action"], detail: $0["detail"])
                }
            }
        } catch {
            throw JournalError(path: path, reason: "\(error)")
        }
    }
}
