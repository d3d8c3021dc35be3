import GRDB

/// The indexes a new file's load (`seed`) makes once, after its rows, instead
/// of entry by entry as each row is written.
///
/// Why: made after, SQLite sorts each index's entries and writes its pages full
/// and in order. Written with the rows, entries in the caseload's order land all
/// over an index ordered by name, planner or due day: pages split and stay a
/// tenth empty, and at 1,000,000 customers every entry descends a deeper tree
/// and each batch's commit writes pages spread over all of it (seeding 1,000,000
/// customers took 295 s written with the rows, 212 s made after; 100,000, 24
/// and 23 s; the file 2.78 to 2.68 KB a customer).
///
/// Only a file that holds no customers is loaded this way (`seed` refuses any
/// other), so no search or dashboard is waiting on these indexes meanwhile. If
/// the load stops before they are made again (killed, the disk full), the
/// file's header says so: its schema stamp (`user_version`) is 0 from the
/// moment they are dropped until the transaction that makes them, so the next
/// careerplan to open the file for writing takes the inspecting path and makes
/// what is missing (`restoreMissing`) before its first read.
enum DeferredIndexes {
    /// The secondary indexes whose order is not the rows': a load writes its customers and their records in the
    /// order of their ids, which the indexes by customer follow already (made after, they were no smaller to speak
    /// of and seeding 1,000,000 customers took 228 s instead of 212).
    static let names: Set<String> = [
        "customer_by_name", "customer_by_planner", "customer_by_birth_date", "customer_by_email", "customer_by_phone",
        "customer_by_last_service", "customer_word_by_customer", "customer_word_head1", "customer_word_head2",
        "customer_word_head3", "due_by_planner", "due_by_day",
    ]

    /// Drops the indexes, in the caller's transaction, and unstamps the file; returns their statements for `make`.
    static func drop(_ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            .filter { names.contains($0["name"]) }
        for row in rows { try db.execute(sql: "DROP INDEX \((row["name"] as String).quotedDatabaseIdentifier)") }
        try db.execute(sql: "PRAGMA user_version = 0")
        return rows.map { $0["sql"] }
    }

    /// Makes the indexes `drop` dropped, in the caller's transaction, and stamps the file again.
    static func make(_ statements: [String], _ db: Database) throws {
        for sql in statements { try db.execute(sql: sql) }
        try db.execute(sql: "PRAGMA user_version = \(Schema.migrator.migrations.count)")
    }

    /// Makes any of the indexes the file lacks, from the schema's migrations run on an empty database in
    /// memory (the statements as they made them; never text read from the file). Returns how many were made.
    @discardableResult
    static func restoreMissing(_ db: Database) throws -> Int {
        let present = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        let missing = names.subtracting(present)
        if missing.isEmpty { return 0 }
        let statements = try Schema.indexStatements(named: missing)
        for sql in statements { try db.execute(sql: sql) }
        return statements.count
    }
}

extension CaseloadStore {
    /// Runs a load of several transactions into a file with no customers (`seed`'s batches) with the deferred
    /// indexes dropped, and makes them again after it, whether it finished or failed. Not an import: the same
    /// 20,000 customers imported in 49 s either way, and its file is written anew after (`bulkLoad`).
    public func loadingNewFile(_ load: () throws -> Void) throws {
        let statements = try write { db in try DeferredIndexes.drop(db) }
        do { try load() } catch {
            try? write { db in try DeferredIndexes.make(statements, db) }
            throw error
        }
        try write { db in try DeferredIndexes.make(statements, db) }
    }
}
