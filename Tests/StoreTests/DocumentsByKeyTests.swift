import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Migration v28-documents-by-key: eligibility documents in a table of
/// their key alone, the same documents, exports and audit trail as before.
@Suite final class DocumentsByKeyTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @Test func documentsWrittenBeforeAreKeptByTheirKeyAlone() throws {
        let s = try seededStore(at: dir + "/d.sqlite", customers: 60)
        let admin = Staff(login: "admin", name: "Admin", initials: "A", role: .administrator)
        let planner = try #require(try s.staff(login: "mrivera"))
        // The table as v3 made it (a table of rowids and an index of its key), and its audit triggers.
        try s.pool.write { db in
            try db.execute(sql: """
                CREATE TABLE eligibility_document_rowid (
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    item TEXT NOT NULL, document_type TEXT NOT NULL, seen_on TEXT NOT NULL, recorded_by TEXT NOT NULL,
                    PRIMARY KEY (customer_id, item));
                INSERT INTO eligibility_document_rowid SELECT * FROM eligibility_document;
                DROP TABLE eligibility_document;
                ALTER TABLE eligibility_document_rowid RENAME TO eligibility_document;
                """)
            try AuditTriggers.install(on: "eligibility_document", db)
        }
        let documents = try s.pool.read { db in try CaseloadStore.documents(db) }
        #expect(documents.count > 20)
        let export = try s.exportJSON(by: admin)

        try s.pool.write { db in try Schema.keepDocumentsByKey(db) }
        let (sql, indexes) = try s.pool.read { db in
            (try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'eligibility_document'") ?? "",
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'eligibility_document'"))
        }
        #expect(sql.hasSuffix("WITHOUT ROWID") && indexes.isEmpty)
        #expect(try s.pool.read { db in try CaseloadStore.documents(db) } == documents)
        #expect(try s.exportJSON(by: admin) == export)

        // Seen again (the Documents screen's upsert), and a new one: each an audit entry, the chain intact.
        var seen = documents[0]
        seen.documentType = "Other"
        try s.recordDocument(seen, by: planner)
        let entries = try s.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE entity = 'eligibility_document' AND action = 'update'") ?? 0
        }
        #expect(entries == 1)
        #expect(try s.pool.read { db in try CaseloadStore.documents(db, customer: seen.customer) }.contains(seen))
        #expect(try s.verifyAudit(by: admin).problem == nil)
    }
}
