import Foundation
import GRDB
import NHSO

/// Keeps the test zone's claims and drafts in an SQLite file, so a simulator restarted for the next
/// training day still knows yesterday's codes, and never issues one of them again.
public final class SQLiteTestZoneStore: TestZoneStore {
    private let database: DatabaseQueue

    public init(path: String) throws {
        database = try DatabaseQueue(path: path)
        try Self.migrator.migrate(database)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "claim") { t in
                t.primaryKey("claimCode", .text)
                t.column("pid", .text).notNull().indexed()
                t.column("claimType", .text).notNull()
                t.column("hcode", .text).notNull()
                t.column("correlationId", .text).notNull()
                t.column("createdAt", .text).notNull()
                t.column("mobile", .text).notNull()
                t.column("hn", .text)
                t.column("sourceChannel", .text).notNull()
                t.column("status", .text).notNull()
                t.column("sequence", .integer).notNull()
            }
            try db.create(table: "draft") { t in
                t.primaryKey("correlationId", .text)
                t.column("json", .blob).notNull()
            }
            try db.create(table: "counter") { t in
                t.primaryKey("name", .text)
                t.column("value", .integer).notNull()
            }
        }
        return migrator
    }

    public func load() throws -> (claims: [Claim], drafts: [Draft], lastCodeNumber: UInt64) {
        try database.read { db in
            let claims = try Row.fetchAll(db, sql: "SELECT * FROM claim ORDER BY sequence").map { row -> Claim in
                Claim(
                    claimCode: ClaimCode(row["claimCode"])!, pid: row["pid"], claimType: row["claimType"],
                    hcode: row["hcode"], correlationId: row["correlationId"], createdAt: row["createdAt"],
                    mobile: row["mobile"], hn: row["hn"], sourceChannel: row["sourceChannel"],
                    status: Claim.Status(rawValue: row["status"]) ?? .confirmed
                )
            }
            let drafts = try Data.fetchAll(db, sql: "SELECT json FROM draft").compactMap {
                try? JSONDecoder().decode(Draft.self, from: $0)
            }
            let last = try Int64.fetchOne(db, sql: "SELECT value FROM counter WHERE name = 'claimCode'") ?? 0
            return (claims, drafts, UInt64(last))
        }
    }

    public func saveClaim(_ claim: Claim, lastCodeNumber: UInt64) throws {
        try database.write { db in
            let sequence = try Int64.fetchOne(db, sql: "SELECT sequence FROM claim WHERE claimCode = ?", arguments: [claim.claimCode.value])
                ?? (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM claim") ?? 1)
            try db.execute(sql: """
                INSERT OR REPLACE INTO claim
                  (claimCode, pid, claimType, hcode, correlationId, createdAt, mobile, hn, sourceChannel, status, sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    claim.claimCode.value, claim.pid, claim.claimType, claim.hcode, claim.correlationId, claim.createdAt,
                    claim.mobile, claim.hn, claim.sourceChannel, claim.status.rawValue, sequence,
                ])
            try db.execute(sql: "INSERT OR REPLACE INTO counter (name, value) VALUES ('claimCode', ?)", arguments: [Int64(lastCodeNumber)])
            try db.execute(sql: "DELETE FROM draft WHERE correlationId = ?", arguments: [claim.correlationId])
        }
    }

    public func saveDraft(_ draft: Draft) throws {
        let json = try JSONEncoder().encode(draft)
        try database.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO draft (correlationId, json) VALUES (?, ?)", arguments: [draft.visit.correlationId, json])
        }
    }
}
