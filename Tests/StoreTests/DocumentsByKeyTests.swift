import Domain
import Foundation
import GRDB
import Synchronization
import Testing
@testable import Store

/// Migrations v28-documents-by-key and v35-document-bodies: eligibility
/// documents in a table of their key alone, then one packed list a customer;
/// the same documents, exports and audit trail as before.
@Suite final class DocumentsByKeyTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @Test func documentsWrittenBeforeAreKeptByTheirKeyAlone() throws {
        let s = try seededStore(at: dir + "/d.sqlite", customers: 60)
        let admin = Staff(login: "admin", name: "Admin", initials: "A", role: .administrator)
        let planner = try #require(try s.staff(login: "mrivera"))
        var licence = try #require(try s.pool.read { db in try CaseloadStore.documents(db) }.first)
        licence.documentType = "driver's license or state ID"
        try s.recordDocument(licence, by: planner)
        let documents = try s.pool.read { db in try CaseloadStore.documents(db) }
        #expect(documents.count > 20 && documents.contains(licence))
        let export = try s.exportJSON(by: admin)
        // The table as v3 made it (a table of rowids and an index of its key) with the same documents, those of a
        // renamed type under the words from before, and its audit triggers.
        try s.pool.write { db in
            try ConnectionTriggers.forget(db)
            try db.execute(sql: """
                DROP TABLE eligibility_document;
                CREATE TABLE eligibility_document (
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    item TEXT NOT NULL, document_type TEXT NOT NULL, seen_on TEXT NOT NULL, recorded_by TEXT NOT NULL,
                    PRIMARY KEY (customer_id, item));
                """)
            for d in documents.reversed() {
                let type = d == licence ? "driver's licence or state ID" : d.documentType
                try db.execute(sql: "INSERT INTO eligibility_document VALUES (?, ?, ?, ?, ?)",
                               arguments: [d.customer.number, d.item, type, d.seenOn.description, d.recordedBy])
            }
            try AuditTriggers.install(on: "eligibility_document", db)
        }

        try s.pool.write { db in try Schema.keepDocumentsByKey(db) }
        let (sql, indexes) = try s.pool.read { db in
            (try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'eligibility_document'") ?? "",
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'eligibility_document'"))
        }
        #expect(sql.hasSuffix("WITHOUT ROWID") && indexes.isEmpty)
        // Read as v28 to v34 read them.
        let byKey = try s.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM eligibility_document ORDER BY customer_id, item").map {
                EligibilityDocument(customer: CustomerID($0["customer_id"]), item: $0["item"],
                                    documentType: EligibilityDocument.currentName(of: $0["document_type"]),
                                    seenOn: try #require(Day(iso: $0["seen_on"] as String)), recordedBy: $0["recorded_by"])
            }
        }
        #expect(byKey == documents)

        // v35: one list a customer, in item order, the words stored kept; read and exported as before.
        try s.pool.write { db in try DocumentBodies.migrate(db) }
        let rows = try s.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM eligibility_document") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT customer_id) FROM eligibility_document") ?? -1)
        }
        #expect(rows.0 == Set(documents.map(\.customer)).count && rows.0 == rows.1)
        #expect(try s.pool.read { db in try CaseloadStore.documents(db) } == documents)
        #expect(try s.exportJSON(by: admin) == export)
        let stored = try s.pool.read { db in
            try String.fetchOne(db, sql: "SELECT careerplan_body(body) FROM eligibility_document WHERE customer_id = ?",
                                arguments: [licence.customer.number])
        }
        #expect(stored?.contains("driver's licence or state ID") == true)

        // Seen again (the Documents screen's upsert), and a new one: each an audit entry, the chain intact.
        func updates() throws -> Int {
            try s.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE entity = 'eligibility_document' AND action = 'update'") ?? 0
            }
        }
        let before = try updates()
        var seen = documents[0]
        seen.documentType = "Other"
        try s.recordDocument(seen, by: planner)
        #expect(try updates() == before + 1)
        #expect(try s.pool.read { db in try CaseloadStore.documents(db, customer: seen.customer) }.contains(seen))
        #expect(try s.verifyAudit(by: admin).problem == nil)
    }

    /// Two users recording documents of one customer at once: each write reads the customer's list inside its own
    /// transaction, which SQLite runs one after the other, so every document recorded is kept.
    @Test func twoUsersRecordingDocumentsOfOneCustomerKeepEveryOne() throws {
        let path = dir + "/both.sqlite"
        let s = try seededStore(at: path, customers: 20)
        let customer = try #require(try s.pool.read { db in try CaseloadStore.documents(db) }.first?.customer)
        let login = try #require(try s.customer(customer)?.planner)
        let planner = Staff(login: login, name: "Planner", initials: "P", role: .planner)
        let items = (0..<2).map { user in (0..<6).map { "other:\(user)-\($0)" } }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { user in
            do {
                let store = try CaseloadStore(path: path, actor: login, today: { testToday })
                for item in items[user] {
                    try store.recordDocument(EligibilityDocument(customer: customer, item: item, documentType: "letter",
                                                                 seenOn: testToday, recordedBy: login), by: planner)
                }
                try store.close()
            } catch { failures.withLock { $0.append("\(error)") } }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let kept = Set(try s.pool.read { db in try CaseloadStore.documents(db, customer: customer) }.map(\.item))
        #expect(kept.isSuperset(of: items.flatMap { $0 }))
    }
}
