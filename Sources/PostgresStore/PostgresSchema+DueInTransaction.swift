extension PostgresSchema {
    /// The due items in each write's own transaction again (v17-due-in-transaction), as the file store keeps
    /// them. v12 took the due table from staff, because a planner's psql could delete an overdue item, and
    /// had the due writer recompute after each commit: between the two another member read the items as
    /// they were, and a careerplan killed between them left its customers' items for a later pass. Since
    /// v16 a session that showed the writer's key is careerplan's own; such a session may write the due
    /// rows and take its customers' marks, inside the transaction that changed their records, and no other
    /// staff session may (restrictive policies on v16's `careerplan_proven()`, stricter than its
    /// `careerplan_session()`: only a proof counts, not the absence of a key). Without the key (a database
    /// whose due writer has no password yet) nothing changes: the marks wait for the writer.
    static let dueInTransaction: String = {
        let staff = ["careerplan_front_desk", "careerplan_planner", "careerplan_supervisor", "careerplan_administrator"]
            .joined(separator: ", ")
        let derived = ["due", "unsigned_plan"].map { t in
            """
            CREATE POLICY careerplan_inserts ON \(t) AS RESTRICTIVE FOR INSERT TO careerplan_staff WITH CHECK (careerplan_proven());
            CREATE POLICY careerplan_deletes ON \(t) AS RESTRICTIVE FOR DELETE TO careerplan_staff USING (careerplan_proven());
            """
        }.joined(separator: "\n")
        return """
            SET LOCAL search_path = careerplan;
            SET LOCAL ROLE careerplan_owner;
            GRANT INSERT, DELETE ON due, unsigned_plan TO \(staff);
            \(derived)
            -- A proven session takes the marks of the customers it reaches; other staff sessions see none.
            GRANT SELECT, DELETE ON due_stale TO \(staff);
            ALTER TABLE due_stale ENABLE ROW LEVEL SECURITY;
            CREATE POLICY due_writer ON due_stale TO \(dueWriter) USING (true);
            CREATE POLICY careerplan_session ON due_stale TO careerplan_staff
                USING (careerplan_proven() AND reaches_customer(customer_id, current_user));
            """
    }()
}
