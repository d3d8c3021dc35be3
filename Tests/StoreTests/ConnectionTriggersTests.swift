import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Migration v29-triggers-per-connection: the audit's and the derived tables'
/// triggers are each writing connection's own (TEMP), made at its first
/// write, so a connection that only reads parses none of them; the file
/// keeps the rules that refuse a change and a guard that refuses another
/// program any change to the tables careerplan audits.
@Suite struct ConnectionTriggersTests {
    let temporary = TemporaryDirectory()

    /// The rules that stay in the file.
    static let rules: Set<String> = [
        "audit_is_append_only", "audit_is_never_deleted", "audit_is_chained", "case_note_append_only", "case_note_never_deleted",
        "barrier_never_deleted", "signature_never_changed", "body_dictionary_kept", "body_dictionary_never_deleted",
    ]

    /// Each trigger's SQL with its spacing made plain, by name.
    static func triggers(_ schema: String, _ db: Database) throws -> [String: String] {
        var out: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, sql FROM \(schema).sqlite_master WHERE type = 'trigger'") {
            let sql = (row["sql"] as String).replacingOccurrences(of: "CREATE TEMP TRIGGER", with: "CREATE TRIGGER")
            out[row["name"]] = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return out
    }

    @Test func theTriggersAConnectionMakesAreTheOnesTheMigrationsMadeInTheFile() throws {
        var config = Configuration()
        config.prepareDatabase { db in
            db.add(function: DatabaseFunction("careerplan_actor", argumentCount: 0, pure: false) { _ in "test" })
            db.add(function: AuditChain.function)
            db.add(function: WordTally.function)
        }
        let queue = try DatabaseQueue(path: temporary.path + "/v28.sqlite", configuration: config)
        try Schema.migrator.migrate(queue, upTo: "v28-documents-by-key")
        let (inFile, own) = try queue.write { db in
            try ConnectionTriggers.install(db)
            return (try Self.triggers("main", db), try Self.triggers("temp", db))
        }
        #expect(own.count == 28 * 3 + 47)
        #expect(Set(inFile.keys) == Set(own.keys).union(Self.rules))
        // The due tally's two count by the rule's number since v33-due-codes, the column named anew.
        for (name, sql) in own {
            let made = name.hasPrefix("due_tally_") ? inFile[name]?.replacingOccurrences(of: "rule", with: "rule_code") : inFile[name]
            #expect(made == sql, "\(name)")
        }
        #expect(own.keys.filter { $0.hasPrefix("due_tally_") }.count == 2)
    }

    @Test func aConnectionThatOnlyReadsHasNone() throws {
        let path = temporary.path + "/c.sqlite"
        try seededStore(at: path, customers: 12).close()
        let store = try CaseloadStore(path: path, actor: "mrivera", today: { testToday }, now: { testNow }, readers: 1)
        defer { try? store.close() }
        let inFile = try store.read { db in try Self.triggers("main", db) }
        #expect(Set(inFile.keys).subtracting(Self.rules).allSatisfy { $0.hasPrefix("careerplan_only_") })
        #expect(inFile.count == Self.rules.count + ConnectionTriggers.guarded.count * 3)
        #expect(try store.customers(CaseloadFilter(), offset: 0, limit: 5).count == 5)
        #expect(try store.read { db in try Self.triggers("temp", db) }.isEmpty)

        // The first write makes them, and is audited by them.
        let planner = try #require(try store.staff(login: "mrivera"))
        let customer = try #require(try store.customers(CaseloadFilter(planner: "mrivera"), offset: 0, limit: 1).first)
        let audited = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0 }
        _ = try store.addNote(note(customer.id), by: planner)
        #expect(try store.read { db in try Self.triggers("temp", db) }.count == 28 * 3 + 47)
        #expect(try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE entity = 'case_note' AND action = 'insert'")
        } == 1)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0 } > audited)
    }

    /// A first write that fails takes its transaction's triggers with it: the next write makes them again.
    @Test func aFirstWriteThatFailsLeavesTheNextAudited() throws {
        let path = temporary.path + "/f.sqlite"
        try seededStore(at: path, customers: 12).close()
        let store = try CaseloadStore(path: path, actor: "mrivera", today: { testToday }, now: { testNow }, readers: 1)
        defer { try? store.close() }
        let planner = try #require(try store.staff(login: "mrivera"))
        let customer = try #require(try store.customers(CaseloadFilter(planner: "mrivera"), offset: 0, limit: 1).first)
        var refused = note(customer.id)
        refused.text = "SSN 123-45-6789"
        #expect(throws: (any Error).self) { _ = try store.addNote(refused, by: planner) }
        #expect(try store.read { db in try Self.triggers("temp", db) }.isEmpty)
        _ = try store.addNote(note(customer.id), by: planner)
        #expect(try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE entity = 'case_note' AND action = 'insert'")
        } == 1)
        #expect(try store.verifyAudit(by: Staff(login: "a", name: "A", initials: "A", role: .administrator)).problem == nil)
    }

    /// Another program on the file (without careerplan's functions, so without its triggers), or a careerplan
    /// from before v29, can change none of the tables careerplan audits or tallies: each statement is refused
    /// as it is compiled.
    @Test func anotherProgramChangesNoGuardedTable() throws {
        let path = temporary.path + "/g.sqlite"
        try seededStore(at: path, customers: 3).close()
        let raw = try DatabaseQueue(path: path)
        for table in ConnectionTriggers.guarded {
            let column = try raw.read { db in try String.fetchOne(db, sql: "SELECT name FROM pragma_table_info(?) LIMIT 1", arguments: [table]) }
            let column1 = try #require(column)
            for sql in ["INSERT INTO \(table) SELECT * FROM \(table) WHERE 0", "UPDATE \(table) SET \(column1) = \(column1) WHERE 0",
                        "DELETE FROM \(table) WHERE 0"] {
                #expect(throws: (any Error).self, "\(sql)") { try raw.write { db in try db.execute(sql: sql) } }
            }
        }
        try raw.close()
        // A careerplan from before v29 (its actor, not these triggers), left running while the file was upgraded.
        var older = Configuration()
        older.prepareDatabase { db in
            db.add(function: DatabaseFunction("careerplan_actor", argumentCount: 0, pure: false) { _ in "mrivera" })
        }
        let before = try DatabaseQueue(path: path, configuration: older)
        #expect(throws: (any Error).self) {
            try before.write { db in try db.execute(sql: "UPDATE customer SET phone = '312-555-0199' WHERE id = 1") }
        }
        try before.close()
    }

    func note(_ customer: CustomerID) -> CaseNote {
        CaseNote(id: 0, customer: customer, kind: .contact, eventOn: testToday, enteredOn: testToday, author: "",
                 text: "called about the plan", channel: .phone, twoWay: true)
    }
}
