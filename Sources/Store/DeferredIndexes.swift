import Domain
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
/// Only a file that holds no customers is loaded this way (the load refuses any
/// other, as `seed` does first), so no search or dashboard waits on these indexes. If
/// the load stops before they are made again (killed, the disk full), the
/// file's header says so: its schema stamp (`user_version`) is 0 from the
/// moment they are dropped until the transaction that makes them, so the next
/// careerplan to open the file for writing takes the inspecting path and makes
/// what is missing (`restoreMissing`) before its first read; one that may only
/// read it is refused in words (`StoreError.unfinishedLoad`).
enum DeferredIndexes {
    /// The secondary indexes whose order is not the rows': a load writes its customers and their records in the
    /// order of their ids, which the records' indexes by customer follow already: made after, they were no smaller
    /// to speak of and seeding 1,000,000 customers took 228 s instead of 212. (The words' table is kept in word order,
    /// so its index by customer is here.)
    static let names: Set<String> = [
        "customer_by_name", "customer_by_planner", "customer_by_birth_date", "customer_by_email", "customer_by_phone",
        "customer_by_last_service", "customer_word_by_customer", "customer_word_head1", "customer_word_head2",
        "customer_word_head3", "due_by_planner", "due_by_day",
    ]

    /// One index: its name and the statement that makes it.
    struct Index: Sendable {
        let name: String
        let sql: String
    }

    /// Drops the indexes, in the caller's transaction, and unstamps the file; returns them for `make`.
    static func drop(_ db: Database) throws -> [Index] {
        let dropped = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            .map { Index(name: $0["name"], sql: $0["sql"]) }.filter { names.contains($0.name) }
        for index in dropped { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
        try db.execute(sql: "PRAGMA user_version = 0")
        return dropped
    }

    /// Makes the indexes `drop` dropped, in the caller's transaction, and stamps the file again. One another
    /// careerplan made meanwhile (it opened the unstamped file, `restoreMissing`) is left as it is.
    static func make(_ indexes: [Index], _ db: Database) throws {
        let missing = try missing(db)
        for index in indexes where missing.contains(index.name) { try db.execute(sql: index.sql) }
        try Schema.stamp(db)
    }

    /// The indexes the file lacks (a load stopped before it made them again).
    static func missing(_ db: Database) throws -> Set<String> {
        names.subtracting(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
    }

    /// Makes any of the indexes the file lacks, from the schema's migrations run on an empty database in
    /// memory (the statements as they made them; never text read from the file). Returns how many were made.
    @discardableResult
    static func restoreMissing(_ db: Database) throws -> Int {
        let missing = try missing(db)
        if missing.isEmpty { return 0 }
        let statements = try Schema.indexStatements(named: missing)
        for sql in statements { try db.execute(sql: sql) }
        return statements.count
    }
}

extension CaseloadStore {
    /// Runs a load of several transactions into a file with no customers (`seed`'s batches) with the deferred
    /// indexes dropped, and makes them again after it, whether it finished or failed. Refused, with nothing
    /// dropped, when the file holds customers: others would be searching it meanwhile. Not an import: the same
    /// 20,000 customers imported in 49 s either way, and its file is written anew after (`bulkLoad`).
    public func loadingNewFile(_ load: () throws -> Void) throws {
        let dropped = try write { db in
            guard try Int.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM customer)") == 0 else {
                throw StoreError.cannotWrite(path: path, reason: "the file holds customers; only a new file's load drops its indexes")
            }
            return try DeferredIndexes.drop(db)
        }
        do { try load() } catch {
            try? write { db in try DeferredIndexes.make(dropped, db) }
            throw error
        }
        try write { db in try DeferredIndexes.make(dropped, db) }
    }
}
