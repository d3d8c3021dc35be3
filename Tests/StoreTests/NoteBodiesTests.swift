import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Migration v36-note-bodies: case notes kept as their body beside their
/// customer, without the columns that repeated what it says; read in the
/// same order, exported the same, append-only as before.
@Suite final class NoteBodiesTests {
    let dir = TemporaryDirectory()

    @Test func notesKeptAsTheirBodiesReadAndExportAsBeforeAndStayAppendOnly() throws {
        let s = try seededStore(at: dir.path + "/n.sqlite", customers: 60)
        let notes = try s.pool.read { db in try CaseloadStore.notes(db) }
        #expect(notes.count > 100)
        let export = try s.exportJSON(by: testAdmin)
        // The table as v3 to v35 kept it: the kind, the day, the link and the amendment beside the body.
        try s.pool.write { db in
            try ConnectionTriggers.forget(db)
            try db.execute(sql: """
                CREATE TABLE case_note_columns (
                    id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL, event_on TEXT NOT NULL, link TEXT, amends INTEGER REFERENCES case_note(id),
                    body TEXT NOT NULL);
                INSERT INTO case_note_columns
                    SELECT id, customer_id, json_extract(careerplan_body(body), '$.kind'),
                           json_extract(careerplan_body(body), '$.eventOn'), NULL, NULL, body FROM case_note;
                DROP TABLE case_note;
                ALTER TABLE case_note_columns RENAME TO case_note;
                CREATE INDEX note_by_customer ON case_note(customer_id, event_on, id);
                """)
        }
        try s.pool.write { db in try NoteBodies.migrate(db) }
        let (columns, index) = try s.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('case_note')"),
             try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('note_by_customer')"))
        }
        #expect(columns == ["id", "customer_id", "body"] && index == ["customer_id", "id"])
        #expect(try s.pool.read { db in try CaseloadStore.notes(db) } == notes)
        #expect(try s.exportJSON(by: testAdmin) == export)

        // A note written later about an earlier day is read in its day's place, though its id is the highest.
        let days = Dictionary(grouping: notes, by: \.customer).compactMapValues { notes -> (Day, Day)? in
            let days = Set(notes.map(\.eventOn)).sorted()
            return days.count >= 2 ? (days[days.count - 2], days[days.count - 1]) : nil
        }
        let (customer, (earlier, last)) = try #require(days.min { $0.key < $1.key })
        let login = try #require(try s.customer(customer)?.planner)
        let planner = try #require(try s.staff(login: login))
        let late = try s.addNote(CaseNote(id: 0, customer: customer, kind: .contact, eventOn: earlier, enteredOn: testToday,
                                          author: "", text: "called back the day before", channel: .phone, twoWay: true),
                                 by: planner)
        let read = try s.caseWork(customer).notes
        #expect(read.map(\.eventOn) == read.map(\.eventOn).sorted())
        #expect(read.last?.eventOn == last && read.contains { $0.id == late.id } && read.last?.id != late.id)

        // Never changed, never deleted: the rules are the file's own, whoever asks.
        for sql in ["UPDATE case_note SET body = careerplan_pack('case_note', replace(careerplan_body(body), 'called back', 'never called')) WHERE id = \(late.id)",
                    "UPDATE case_note SET customer_id = customer_id + 1 WHERE id = \(late.id)",
                    "UPDATE case_note SET id = id + 100000 WHERE id = \(late.id)",
                    "DELETE FROM case_note WHERE id = \(late.id)"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try s.pool.write { db in try db.execute(sql: sql) } }
        }
        #expect(try s.verifyAudit(by: testAdmin).problem == nil)
    }
}
