import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Migration v32-assessment-bodies: assessments, kept in typed columns until
/// then, are kept as their record's JSON and packed; the same records, export
/// and audit chain before and after, and a row no record could hold stays.
@Suite final class AssessmentBodiesTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }
    let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)

    /// A seeded file, one of its assessments corrected, whose assessment table is then as every careerplan before
    /// v32 kept it: a column for each field. Returns the assessments and export as they read before.
    func olderFile(_ name: String) throws -> (CaseloadStore, [AssessmentRecord], Data) {
        // Enough customers that a load learns the assessments' dictionary (`PackedBodies.samplesNeeded`).
        let s = try seededStore(at: dir + "/" + name, customers: 150)
        let first = try #require(try s.pool.read { db in try CaseloadStore.assessments(db) }.first)
        var values = first.values
        values["result"] = "scale score 599"
        values["why"] = "the report's second page"
        _ = try s.correctAssessment(first, with: values, by: planner, today: testToday)
        let (before, export) = (try assessments(s), try s.exportJSON(by: testAdmin))
        try s.pool.write { db in
            try ConnectionTriggers.forget(db)
            try db.execute(sql: """
                CREATE TABLE assessment_typed (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    instrument TEXT NOT NULL, other_name TEXT, version TEXT, subject TEXT NOT NULL, source TEXT NOT NULL,
                    administered_on TEXT, result TEXT, analysis TEXT, given_by TEXT NOT NULL, not_completed_reason TEXT,
                    recorded_by TEXT NOT NULL, corrections TEXT
                );
                INSERT INTO assessment_typed
                    SELECT id, customer_id, json_extract(b, '$.instrument'), json_extract(b, '$.otherName'),
                           json_extract(b, '$.version'), json_extract(b, '$.subject'), json_extract(b, '$.source'),
                           json_extract(b, '$.administeredOn'), json_extract(b, '$.result'), json_extract(b, '$.analysis'),
                           json_extract(b, '$.givenBy'), json_extract(b, '$.notCompletedReason'),
                           json_extract(b, '$.recordedBy'), json_extract(b, '$.corrections')
                    FROM (SELECT id, customer_id, careerplan_body(body) AS b FROM assessment);
                DROP TABLE assessment;
                ALTER TABLE assessment_typed RENAME TO assessment;
                CREATE INDEX assessment_by_customer ON assessment(customer_id, id);
                """)
            try ConnectionTriggers.addGuard(on: "assessment", db)
        }
        return (s, before, export)
    }

    func assessments(_ s: CaseloadStore) throws -> [AssessmentRecord] {
        try s.pool.read { db in try CaseloadStore.assessments(db) }
    }

    @Test func theSameAssessmentsKeptAsTheirJSON() throws {
        let (s, before, export) = try olderFile("a.sqlite")
        #expect(try s.pool.read { db in try db.columns(in: "assessment").map(\.name) }.contains("result"))
        #expect(before.count > PackedBodies.samplesNeeded && before.contains { $0.corrections?.count == 1 })
        #expect(try s.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM body_dictionary WHERE table_name = 'assessment'") } == 1)

        try s.pool.write { db in try AssessmentBodies.migrate(db) }
        #expect(try s.pool.read { db in try db.columns(in: "assessment").map(\.name) } == ["id", "customer_id", "body"])
        #expect(try assessments(s) == before)
        #expect(try s.exportJSON(by: testAdmin) == export)
        // Packed by the night's pass as any record written before its table had a dictionary.
        _ = try s.write { db in try CaseloadStore.packBodies(limit: nil, at: testNowText, db) }
        #expect(try s.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM assessment WHERE typeof(body) = 'blob'") }
                == before.count)
        #expect(try assessments(s) == before)

        // Written and corrected after: the store's own paths, audited, the chain whole.
        let customer = before[0].customer
        let added = try s.addAssessment(["instrument": "tabe", "subject": "math", "source": "in-house",
                                         "administeredOn": "2026-11-20", "result": "scale score 530", "givenBy": "mrivera"],
                                        for: customer, by: planner, today: testToday)
        #expect(added.id == before.map(\.id).max()! + 1)
        var values = added.values
        values["result"] = "scale score 531"
        values["why"] = "typed wrong"
        let fixed = try s.correctAssessment(added, with: values, by: planner, today: testToday)
        #expect(try s.caseFile(customer)?.assessments.last == fixed)
        expectStale("this assessment") { try s.correctAssessment(added, with: values, by: self.planner, today: testToday) }
        #expect(try s.verifyAudit(by: testAdmin).problem == nil)
        let trail = try s.pool.read { db in
            try String.fetchAll(db, sql: "SELECT new FROM audit WHERE entity = 'assessment' ORDER BY id DESC LIMIT 1")
        }
        #expect(trail.first?.contains("scale score 531") == true)
    }

    /// Another program on the file may not write the new table either.
    @Test func theTableKeepsItsGuard() throws {
        let (s, _, _) = try olderFile("g.sqlite")
        try s.pool.write { db in try AssessmentBodies.migrate(db) }
        try s.close()
        let plain = try DatabaseQueue(path: dir + "/g.sqlite")
        defer { try? plain.close() }
        #expect(throws: (any Error).self) {
            try plain.write { db in try db.execute(sql: "UPDATE assessment SET body = '{}' WHERE id = 1") }
        }
        #expect(throws: (any Error).self) {
            try plain.write { db in try db.execute(sql: "DELETE FROM assessment") }
        }
    }

    /// A row written by hand with an instrument no record has is kept, and its customer reads as damaged.
    @Test func aRowNoRecordCouldHoldIsKept() throws {
        let (s, before, _) = try olderFile("d.sqlite")
        let victim = try #require(before.last)
        try s.pool.write { db in
            try db.execute(sql: "DROP TRIGGER careerplan_only_assessment_update")
            try db.execute(sql: "UPDATE assessment SET instrument = 'abacus' WHERE id = ?", arguments: [victim.id])
            try AssessmentBodies.migrate(db)
        }
        let body = try s.pool.read { db in
            try String.fetchOne(db, sql: "SELECT careerplan_body(body) FROM assessment WHERE id = ?", arguments: [victim.id])
        }
        #expect(body?.contains("\"abacus\"") == true)
        #expect(throws: (any Error).self) {
            try s.pool.read { db in try CaseloadStore.assessments(db, customer: victim.customer) }
        }
    }
}
