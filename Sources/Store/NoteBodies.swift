import Domain
import GRDB

/// Case notes kept as their body alone, beside their customer (migration
/// v36-note-bodies; issue 28's file size).
///
/// A note kept its kind, its day, what it was linked to and what it amends
/// in columns of their own (and its day again in the index by customer),
/// though its packed body says all four: about 0.15 KB a customer of a
/// caseload's 3.6 notes each. Nothing queries them but a customer's notes
/// read whole; the one question of a kind ("has this customer a closure
/// note?") reads the customer's few bodies. A customer's notes are read in
/// the order of their day and then their id, as the index gave them, now
/// sorted as they are read (`inOrder`). The append-only rule compares the
/// id, the customer and what the body says, as before. The foreign key on
/// the amended note went with its column: `addNote` checks that it is the
/// same customer's note, the import that it is among the notes imported.
enum NoteBodies {
    static func migrate(_ db: Database) throws {
        // Triggers this connection made on `case_note` go with the table; a connection migrates before it writes.
        try ConnectionTriggers.forget(db)
        try db.execute(sql: """
            CREATE TABLE case_note_body (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                body TEXT NOT NULL
            );
            INSERT INTO case_note_body (id, customer_id, body) SELECT id, customer_id, body FROM case_note;
            DROP TABLE case_note;
            ALTER TABLE case_note_body RENAME TO case_note;
            CREATE INDEX note_by_customer ON case_note(customer_id, id);
            CREATE TRIGGER case_note_append_only BEFORE UPDATE ON case_note
            WHEN NEW.id IS NOT OLD.id OR NEW.customer_id IS NOT OLD.customer_id
                OR careerplan_body(NEW.body) IS NOT careerplan_body(OLD.body) BEGIN
                SELECT RAISE(ABORT, 'case notes are never changed; write an amendment');
            END;
            CREATE TRIGGER case_note_never_deleted BEFORE DELETE ON case_note
            WHEN (SELECT count(*) FROM customer WHERE id = old.customer_id) > 0 BEGIN
                SELECT RAISE(ABORT, 'case notes are never deleted; write an amendment');
            END;
            """)
        try ConnectionTriggers.addGuard(on: "case_note", db)
    }

    /// Notes read by customer and id, in the order every reader has had them: by customer, then day, then id.
    static func inOrder(_ notes: [CaseNote]) -> [CaseNote] {
        notes.sorted { ($0.customer, $0.eventOn, $0.id) < ($1.customer, $1.eventOn, $1.id) }
    }
}
