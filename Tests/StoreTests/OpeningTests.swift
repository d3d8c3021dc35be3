import Domain
import Foundation
import GRDB
import Testing
@testable import Store
import Synthetic

/// Each test gets its own directory, removed when the test ends.
@Suite final class OpeningTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @Test func aNewFileIsCreatedPrivateWithWALAndForeignKeys() throws {
        let path = dir + "/sub/new.sqlite"
        let store = try CaseloadStore(path: path)
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        let (mode, keys, appID) = try store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int32.fetchOne(db, sql: "PRAGMA application_id"))
        }
        #expect(mode == "wal")
        #expect(keys == 1)
        #expect(appID == Schema.applicationID)
        try store.close()
        #expect(try CaseloadStore(path: path).count(.init()) == 0)
    }

    @Test func aFileThatIsNotADatabaseIsLeftUntouched() throws {
        let path = dir + "/notes.txt"
        try Data("shopping list\nmilk\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try CaseloadStore(path: path) }
        #expect(bytes(path) == Data("shopping list\nmilk\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func anotherProgramsDatabaseIsLeftUntouched() throws {
        let path = dir + "/other.sqlite"
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "CREATE TABLE recipe (name TEXT)") }
        try other.close()
        let before = bytes(path)
        #expect(throws: StoreError.notCareerplanFile(path: path)) { try CaseloadStore(path: path) }
        #expect(bytes(path) == before)
    }

    @Test func aFileFromANewerVersionIsLeftUntouched() throws {
        let path = dir + "/future.sqlite"
        let store = try seededStore(at: path, customers: 3)
        // As a newer careerplan leaves it: its migration applied, its count in the header.
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = \(Schema.migrator.migrations.count + 1)") }
        try store.close()
        let before = bytes(path)
        #expect(throws: StoreError.newerVersion(path: path, unknown: ["v99-from-the-future"])) {
            try CaseloadStore(path: path)
        }
        #expect(bytes(path) == before)
    }

    /// The header says which schema a file has, so opening one at this schema needs no inspecting connection;
    /// one that says otherwise is inspected, and a file opened once is stamped.
    @Test func theHeaderSaysTheSchema() throws {
        func isCurrent(_ path: String) -> Bool { CaseloadStore.FileHeader(path)?.isCurrentSchema ?? false }
        let path = dir + "/stamped.sqlite"
        try seededStore(at: path, customers: 2).close()
        #expect(isCurrent(path))
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 3") }
        try queue.close()
        #expect(!isCurrent(path))
        try CaseloadStore(path: path).close()
        #expect(isCurrent(path))
        try Data("SQLite format 3\0".utf8 + Data(repeating: 0, count: 100)).write(to: URL(fileURLWithPath: dir + "/fake.sqlite"))
        #expect(!isCurrent(dir + "/fake.sqlite"))
        #expect(!isCurrent(dir + "/missing.sqlite"))
    }

    /// Opening a file as the program does (one connection) changes nothing in it: its schema stays as it is
    /// (GRDB's WAL set-up made and dropped a table at every opening, as every close leaves the -wal empty, and
    /// every other user's connection then parsed the schema again), and it stays in WAL mode, synchronous NORMAL.
    @Test func openingAFileInWALModeDoesNotChangeItsSchema() throws {
        let path = dir + "/quiet.sqlite"
        try seededStore(at: path, customers: 2).close()
        func schemaVersion() throws -> Int {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? -1 }
        }
        let before = try schemaVersion()
        // No -wal, or an empty one: where GRDB's set-up would make its table.
        #expect(((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0) == 0)
        let store = try CaseloadStore(path: path, readers: 1)
        let (mode, synchronous) = try store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal" && synchronous == 1)
        try store.close()
        #expect(try schemaVersion() == before)
    }

    /// Every released schema, migrated forward by today's careerplan, keeps
    /// its data and ends at the current schema.
    @Test(arguments: Array(Schema.migrator.migrations.indices))
    func migratesFromEachEarlierSchema(index: Int) throws {
        let path = dir + "/old.sqlite"
        // Since v11 the audit triggers call careerplan_actor(): a writer outside careerplan must name itself
        // (and since v24 the word tally's triggers careerplan_word_shared()).
        var config = Configuration()
        config.prepareDatabase { db in
            db.add(function: DatabaseFunction("careerplan_actor", argumentCount: 0, pure: false) { _ in "test" })
            db.add(function: AuditChain.function)
            db.add(function: WordTally.function)
            db.add(function: ConnectionTriggers.function)
        }
        let old = try DatabaseQueue(path: path, configuration: config)
        try Schema.migrator.migrate(old, upTo: Schema.migrator.migrations[index])
        try old.write { db in
            // Since v29 the derived tables' triggers are each connection's own, made as careerplan makes them.
            if index >= Schema.migrator.migrations.firstIndex(of: "v29-triggers-per-connection")! { try ConnectionTriggers.ensure(db) }
            try db.execute(sql: """
                INSERT INTO customer (id, legal_name, zip, birth_date, entered_on, sort_name)
                VALUES (1, 'Zoë Old', '60601', '1990-01-01', '2026-01-05', 'zoe old')
                """)
        }
        try old.close()
        let store = try CaseloadStore(path: path)
        let applied = try store.pool.read { db in try Schema.migrator.appliedIdentifiers(db) }
        #expect(applied == Set(Schema.migrator.migrations))
        #expect(try store.customer(CustomerID(1))?.legalName == "Zoë Old")
        #expect(try store.count(.init()) == 1)
        // Customers entered before the word index are found by it (v22).
        if index < Schema.migrator.migrations.firstIndex(of: "v22-search-words")! {
            #expect(try store.customers(.init(search: "zo ol"), offset: 0, limit: 5).map(\.id) == [CustomerID(1)])
            #expect(try store.count(.init(search: "o")) == 1)
        }
    }

    @Test func twoConnectionsShareOneFile() throws {
        let path = dir + "/shared.sqlite"
        let a = try seededStore(at: path, customers: 5)
        let b = try CaseloadStore(path: path)
        let next = try a.nextCustomerID()
        var c = SyntheticCaseload(seed: 3, today: testToday).customer(1)
        c.id = next
        try a.insert([c])
        #expect(try b.count(.init()) == 6)
        #expect(try b.customer(next) == c)
    }
}
