import Foundation
import GRDB

/// The admin chord's wrong PINs and lockout, kept in the journal so that pulling the plug neither
/// clears a lockout nor resets the count of wrong PINs in a row.
public struct AdminLockoutRecord: Sendable, Hashable {
    /// Wrong PINs in a row since the last right one or the last lockout.
    public var wrongPINs: Int
    public var lockedUntil: Date?
    /// Lockouts with no right PIN between them.
    public var lockouts: Int
    /// The PIN's hash these counted against: a PIN chosen anew (`set-pin`) starts from nothing.
    public var pinHash: String?

    public init(wrongPINs: Int = 0, lockedUntil: Date? = nil, lockouts: Int = 0, pinHash: String? = nil) {
        self.wrongPINs = wrongPINs
        self.lockedUntil = lockedUntil
        self.lockouts = lockouts
        self.pinHash = pinHash
    }
}

extension VisitJournal {
    static func registerAdminLockout(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("admin lockout") { db in
            // One row at most (id 1).
            try db.create(table: "adminLockout") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("wrongPINs", .integer).notNull()
                t.column("lockedUntil", .double)
                t.column("lockouts", .integer).notNull().defaults(to: 0)
                t.column("pinHash", .text)
            }
        }
    }

    /// What was last saved; nothing saved reads as no wrong PIN and no lockout.
    public func adminLockout() throws(JournalError) -> AdminLockoutRecord {
        do {
            return try database.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT wrongPINs, lockedUntil, lockouts, pinHash FROM adminLockout WHERE id = 1") else {
                    return AdminLockoutRecord()
                }
                let until: Double? = row["lockedUntil"]
                return AdminLockoutRecord(wrongPINs: row["wrongPINs"], lockedUntil: until.map(Date.init(timeIntervalSince1970:)), lockouts: row["lockouts"], pinHash: row["pinHash"])
            }
        } catch {
            throw JournalError(path: path, reason: "\(error)")
        }
    }

    /// Saves `record` and returns once it is on disk.
    public func saveAdminLockout(_ record: AdminLockoutRecord) throws(JournalError) {
        do {
            try database.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO adminLockout (id, wrongPINs, lockedUntil, lockouts, pinHash) VALUES (1, ?, ?, ?, ?)",
                               arguments: [record.wrongPINs, record.lockedUntil?.timeIntervalSince1970, record.lockouts, record.pinHash])
            }
        } catch {
            throw JournalError(path: path, reason: "\(error)")
        }
    }
}
