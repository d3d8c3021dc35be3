/// How many due items each planner has, by rule and by the days an item is
/// due and runs (migration v23-due-tally). The dashboard's counts (total,
/// overdue, due soon, urgent per planner, the rules present) depend only on
/// these, so they are sums over the tally's rows: some thousands for a
/// planner with hundreds of thousands of items (most items share their days
/// with others of the same rule). Kept by triggers on `due` in the
/// transaction that rewrites a customer's items; a row whose count falls to
/// nought is removed. The planner, `from_on` and `until_on` are '' where the
/// item has none, so they can be part of the key.
enum DueTally {
    /// The tally counted from the due table as it stands (into an empty tally: v23, and v30 after moving the items).
    static let count = """
        INSERT INTO due_tally
            SELECT coalesce(planner, ''), rule, due_on, coalesce(from_on, ''), coalesce(until_on, ''), count(*)
            FROM due GROUP BY 1, 2, 3, 4, 5;
        """

    static let schema = """
        CREATE TABLE due_tally (
            planner TEXT NOT NULL,
            rule TEXT NOT NULL,
            due_on TEXT NOT NULL,
            from_on TEXT NOT NULL,
            until_on TEXT NOT NULL,
            items INTEGER NOT NULL,
            PRIMARY KEY (planner, rule, due_on, from_on, until_on)
        ) WITHOUT ROWID;
        \(count)
        CREATE TRIGGER due_tally_insert AFTER INSERT ON due BEGIN
            INSERT INTO due_tally VALUES (coalesce(NEW.planner, ''), NEW.rule, NEW.due_on, coalesce(NEW.from_on, ''),
                                          coalesce(NEW.until_on, ''), 1)
                ON CONFLICT DO UPDATE SET items = items + 1;
        END;
        CREATE TRIGGER due_tally_delete AFTER DELETE ON due BEGIN
            UPDATE due_tally SET items = items - 1
            WHERE planner = coalesce(OLD.planner, '') AND rule = OLD.rule AND due_on = OLD.due_on
              AND from_on = coalesce(OLD.from_on, '') AND until_on = coalesce(OLD.until_on, '');
            DELETE FROM due_tally
            WHERE planner = coalesce(OLD.planner, '') AND rule = OLD.rule AND due_on = OLD.due_on
              AND from_on = coalesce(OLD.from_on, '') AND until_on = coalesce(OLD.until_on, '') AND items = 0;
        END;
        """
}
