import GRDB

/// Assessments kept as their record's JSON, packed as every other record is
/// (migration v32-assessment-bodies; issue 28's file size).
///
/// An assessment was the one case record still kept in typed columns: about
/// 140 bytes each, 0.24 KB a customer with its index, where the same record
/// packed with its table's dictionary is a third of that. Nothing queried
/// its columns: a customer's assessments are read whole, by customer.
/// The audit trail records the body's JSON as it does every packed record's
/// (`body.result`; entries from before keep `result`).
enum AssessmentBodies {
    /// Each row's columns as the record's JSON (as `RecordJSON` writes it, members without a value left out),
    /// in a table that keeps the same ids; its guard and index made again. A value no record could hold
    /// (written by hand) is kept as it was, so the customer reads as damaged rather than the row going.
    static func migrate(_ db: Database) throws {
        // Triggers this connection made on `assessment` go with the table; a connection migrates before it writes.
        try ConnectionTriggers.forget(db)
        try db.execute(sql: """
            CREATE TABLE assessment_body (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                body TEXT NOT NULL
            );
            INSERT INTO assessment_body (id, customer_id, body)
                SELECT id, customer_id, json_patch('{}', json_object(
                    'id', id, 'customer', 'C' || printf('%06d', customer_id), 'instrument', instrument,
                    'otherName', other_name, 'version', version, 'subject', subject, 'source', source,
                    'administeredOn', administered_on, 'result', result, 'analysis', analysis, 'givenBy', given_by,
                    'notCompletedReason', not_completed_reason, 'recordedBy', recorded_by,
                    'corrections', CASE WHEN json_valid(corrections) THEN json(corrections) ELSE corrections END))
                FROM assessment;
            DROP TABLE assessment;
            ALTER TABLE assessment_body RENAME TO assessment;
            CREATE INDEX assessment_by_customer ON assessment(customer_id, id);
            """)
        try ConnectionTriggers.addGuard(on: "assessment", db)
    }
}
