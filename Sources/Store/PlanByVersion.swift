import GRDB

/// The current plan read from its version (migration v31-plan-by-version; issue 28's file size).
///
/// Every save wrote the plan's body twice in one transaction: as the
/// version it made and as the plan as it now stands, about 0.1 KB a customer
/// packed. The `plan` row now says only which version is current, who saved
/// it and when (what "changed meanwhile" and the audit name); its body is
/// that version's, whose content nothing changes (the night's packing rewrites how it is stored, not what it
/// says). A damaged version's body is now the current plan's too: such a customer reads as damaged (DamagedRecords).
enum PlanByVersion {
    /// SQL: `plan_version v`, the version `plan p` names, for a query over `plan p` (LEFT for a customer with none).
    static let join = "JOIN plan_version v ON v.customer_id = p.customer_id AND v.version = p.version"

    /// The body column dropped, once each current plan is certain to have its version: a plan whose version
    /// is missing (none was ever seen; a hand-made file) gets it, with its body as stored (packed or not: a packed
    /// body names its dictionary, whatever its table) and no changes listed.
    static func migrate(_ db: Database) throws {
        // Triggers this connection made on `plan` name the column; a connection migrates before it writes.
        try ConnectionTriggers.forget(db)
        try db.execute(sql: """
            INSERT INTO plan_version (customer_id, version, body, saved_by, saved_at, changes)
                SELECT customer_id, version, body, saved_by, saved_at, '[]' FROM plan p
                WHERE NOT EXISTS (SELECT 1 FROM plan_version v WHERE v.customer_id = p.customer_id AND v.version = p.version);
            ALTER TABLE plan DROP COLUMN body;
            """)
    }
}
