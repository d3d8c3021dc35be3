import GRDB

/// The due table kept in its customers' order (migration v30-due-by-customer; issue 28's file size).
///
/// Each item was stored four times: the table's rows (by rowid), an index by
/// customer to find a customer's items, and the two indexes the dashboard
/// reads in due order, by planner and by day, each holding the whole item
/// (v21). The table is now keyed by its customer's items themselves (WITHOUT
/// ROWID, customer first), so a customer's items are one range of it and the
/// index by customer is gone; the day's index holds the day and the key alone
/// (an index of such a table carries its key): only the all-planners page and
/// the night's clean-up read it, a page's items each looked up in the table.
/// The planner's index still holds the whole item: the dashboard of a planner
/// reads pages of it without the table. A customer has one running item of
/// a rule and subject; the due day is in the key as well, so a rule that ever
/// gave one subject two days would still keep both.
enum DueByCustomer {
    static let table = """
        CREATE TABLE due (
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            planner TEXT,
            rule TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            due_on TEXT NOT NULL,
            from_on TEXT,
            until_on TEXT,
            PRIMARY KEY (customer_id, rule, subject, due_on)
        ) WITHOUT ROWID;
        CREATE INDEX due_by_planner ON due(planner, due_on, customer_id, rule, subject, from_on, until_on);
        CREATE INDEX due_by_day ON due(due_on);
        """

    /// The items moved over as they are (derived rows, so not audited), and their tally counted anew from them.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE due RENAME TO due_by_rowid;
            DROP INDEX due_by_customer;
            DROP INDEX due_by_planner;
            DROP INDEX due_by_day;
            \(table)
            INSERT OR IGNORE INTO due SELECT customer_id, planner, rule, subject, due_on, from_on, until_on
                FROM due_by_rowid ORDER BY customer_id, rule, subject, due_on;
            DROP TABLE due_by_rowid;
            DELETE FROM due_tally;
            \(DueTally.count)
            """)
        try ConnectionTriggers.forget(db)
    }
}
