extension PostgresSchema {
    /// The one role that writes the due table (v12-due-writer).
    public static let dueWriter = "careerplan_due_writer"

    /// Who writes the due table (v12-due-writer). Until v11 every member's transaction rewrote its
    /// customers' due items itself, so staff held INSERT and DELETE on `due` and `unsigned_plan`, and a
    /// planner with psql could delete an overdue item of a customer in their reach (hiding it from the
    /// supervisor's dashboard) or add one. The clocks are careerplan's Domain code, which the server cannot
    /// run, so the rows are now written by one role, `careerplan_due_writer`, whose password only the
    /// installed careerplan can read (beside its system configuration, root's and the service group's:
    /// docs/postgresql.md, "Who writes the due items"). Staff keep no write on either table.
    ///
    /// What makes that safe is that the server, not careerplan, says which customers need their items
    /// recomputed: a trigger owned by the owner marks every customer whose records a statement changed in
    /// `due_stale`, in that statement's own transaction, whoever sent it. The writer recomputes marked
    /// customers from the records as they are in the database (not from anything a member sends), and
    /// removes only the marks it read, one customer at a time under an advisory lock, so a change committed
    /// meanwhile keeps its mark. A member's careerplan has the writer do so right after each commit; a mark
    /// left by a write that careerplan did not make (psql), or by a careerplan killed between its commit
    /// and the writer's, is taken up by the next writer's pass (after any careerplan's write, and by
    /// `careerplan exits` each night).
    static let dueWriterRole = """
        SET LOCAL search_path = careerplan;
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(dueWriter)') THEN
                CREATE ROLE \(dueWriter) NOLOGIN;
            END IF;
            EXECUTE format('GRANT CONNECT ON DATABASE %I TO \(dueWriter)', current_database());
        END $$;
        GRANT USAGE ON SCHEMA careerplan TO \(dueWriter);
        SET LOCAL ROLE careerplan_owner;
        CREATE TABLE due_stale (
            mark bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
            customer_id bigint NOT NULL,
            marked_at timestamptz NOT NULL DEFAULT clock_timestamp()
        );
        CREATE INDEX due_stale_by_customer ON due_stale (customer_id);
        -- A customer's records changed: their clocks must be computed again. A hand-off alone (the planner, the
        -- version) changes no clock: the due rows follow the planner (due_follows_planner).
        CREATE FUNCTION mark_due_stale() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
        BEGIN
            IF TG_TABLE_NAME = 'customer' THEN
                IF TG_OP = 'UPDATE' AND (OLD.body - 'planner' - 'version') = (NEW.body - 'planner' - 'version') THEN
                    RETURN NULL;
                END IF;
                INSERT INTO due_stale (customer_id) VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
            ELSE
                INSERT INTO due_stale (customer_id)
                VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.customer_id ELSE NEW.customer_id END);
            END IF;
            RETURN NULL;
        END $$;
        -- The area's settings (contact intervals, the warning window) change every customer's clocks.
        CREATE FUNCTION mark_all_due_stale() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
        BEGIN
            INSERT INTO due_stale (customer_id) SELECT id FROM customer;
            RETURN NULL;
        END $$;
        REVOKE ALL ON FUNCTION mark_due_stale(), mark_all_due_stale() FROM PUBLIC;
        \(recordTables.map { t in
            "CREATE TRIGGER due_stale AFTER INSERT OR UPDATE OR DELETE ON \(t) FOR EACH ROW EXECUTE FUNCTION mark_due_stale();"
        }.joined(separator: "\n"))
        CREATE TRIGGER due_stale AFTER INSERT OR UPDATE OR DELETE ON setting
            FOR EACH STATEMENT EXECUTE FUNCTION mark_all_due_stale();

        -- Staff read the due items, never write them.
        REVOKE INSERT, UPDATE, DELETE ON due, unsigned_plan FROM careerplan_front_desk, careerplan_planner,
            careerplan_supervisor, careerplan_administrator;
        -- The writer reads what the clocks are computed from (every customer's: its own policy on the customer
        -- table, which the records' reach policies look through), rewrites the due rows and takes the marks.
        GRANT SELECT ON staff, setting, \(recordTables.joined(separator: ", ")) TO \(dueWriter);
        GRANT SELECT, INSERT, DELETE ON due, unsigned_plan TO \(dueWriter);
        GRANT SELECT, DELETE ON due_stale TO \(dueWriter);
        GRANT EXECUTE ON FUNCTION sees_everyone(name), covered_today(name) TO \(dueWriter);
        CREATE POLICY due_writer ON customer FOR SELECT TO \(dueWriter) USING (true);
        CREATE POLICY due_writer ON due TO \(dueWriter) USING (true)
            WITH CHECK (EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_id AND c.planner IS NOT DISTINCT FROM due.planner));
        """
}
