extension PostgresSchema {
    /// How many due items each planner ('' the unassigned) has, by rule and by the days an item is due and
    /// runs (the file's v23-due-tally): the dashboard's counts are sums over a few thousand rows instead of
    /// every item of the planner (500,000 for one with 230,000 customers: 371 ms at 1,000,000 customers).
    /// An item that runs from or until no day says -infinity or infinity, so the days are part of the key.
    /// Kept by statement triggers on `due` in each write's transaction (rows taken in key order, as the
    /// customer tally's, so two writers never wait on each other in a circle); a row whose count falls to
    /// nought is removed. Staff read it within the due table's reach and never write it.
    static let dueTally = """
        SET LOCAL search_path = careerplan;
        SET LOCAL ROLE careerplan_owner;
        CREATE TABLE due_tally (
            planner text NOT NULL,
            rule text NOT NULL,
            due_on date NOT NULL,
            from_on date NOT NULL,
            until_on date NOT NULL,
            items bigint NOT NULL,
            PRIMARY KEY (planner, rule, due_on, from_on, until_on)
        );
        INSERT INTO due_tally (planner, rule, due_on, from_on, until_on, items)
        SELECT coalesce(planner, ''), rule, due_on, coalesce(from_on, '-infinity'), coalesce(until_on, 'infinity'), count(*)
        FROM due GROUP BY 1, 2, 3, 4, 5;
        CREATE FUNCTION tally_due() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
        DECLARE
            -- The statement's items, +1 for each added and -1 for each gone (a trigger sees only its own).
            change text := concat_ws(' UNION ALL ',
                CASE WHEN TG_OP <> 'DELETE' THEN 'SELECT coalesce(planner, '''') AS planner, rule, due_on,
                    coalesce(from_on, ''-infinity'') AS from_on, coalesce(until_on, ''infinity'') AS until_on, 1 AS n FROM added' END,
                CASE WHEN TG_OP <> 'INSERT' THEN 'SELECT coalesce(planner, '''') AS planner, rule, due_on,
                    coalesce(from_on, ''-infinity'') AS from_on, coalesce(until_on, ''infinity'') AS until_on, -1 AS n FROM gone' END);
        BEGIN
            EXECUTE 'INSERT INTO due_tally AS t (planner, rule, due_on, from_on, until_on, items)
                     SELECT planner, rule, due_on, from_on, until_on, sum(n) FROM (' || change || ') AS c
                     GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5
                     ON CONFLICT (planner, rule, due_on, from_on, until_on) DO UPDATE SET items = t.items + excluded.items';
            IF TG_OP <> 'INSERT' THEN
                EXECUTE 'DELETE FROM due_tally t
                         USING (SELECT DISTINCT planner, rule, due_on, from_on, until_on FROM (' || change || ') AS c) AS k
                         WHERE t.items = 0 AND (t.planner, t.rule, t.due_on, t.from_on, t.until_on)
                             = (k.planner, k.rule, k.due_on, k.from_on, k.until_on)';
            END IF;
            RETURN NULL;
        END $$;
        REVOKE ALL ON FUNCTION tally_due() FROM PUBLIC;
        CREATE TRIGGER due_tally_added AFTER INSERT ON due REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION tally_due();
        CREATE TRIGGER due_tally_gone AFTER DELETE ON due REFERENCING OLD TABLE AS gone
            FOR EACH STATEMENT EXECUTE FUNCTION tally_due();
        CREATE TRIGGER due_tally_changed AFTER UPDATE ON due REFERENCING OLD TABLE AS gone NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION tally_due();
        ALTER TABLE due_tally ENABLE ROW LEVEL SECURITY;
        CREATE POLICY reach ON due_tally FOR SELECT
            USING ((SELECT sees_everyone(current_user)) OR planner = '' OR planner = current_user
                   OR planner = ANY ((SELECT covered_today(current_user))::text[]));
        GRANT SELECT ON due_tally TO careerplan_staff;
        RESET ROLE;
        """
}
