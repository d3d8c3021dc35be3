extension PostgresSchema {
    /// A member's due items by the item's own planner (the customer's, kept so by `due_follows_planner`),
    /// decided once per statement like the customer table's rule. Through the customer table (v6) each of
    /// the dashboard's four queries first gathered every customer in reach: 25 ms each for a planner of
    /// 31,000. A row written must name its customer's own planner, so no item can be shown to anyone the
    /// customer is not shown to. The planner's index holds the whole item.
    static let dueReach = """
        SET LOCAL search_path = careerplan;
        SET LOCAL ROLE careerplan_owner;
        ALTER POLICY reach ON due
            USING ((SELECT sees_everyone(current_user)) OR planner IS NULL OR planner = current_user
                   OR planner = ANY ((SELECT covered_today(current_user))::text[]))
            WITH CHECK (EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_id AND c.planner IS NOT DISTINCT FROM due.planner));
        -- The dashboard's counts read a planner's items from the index alone (as the file's v21-due-covering).
        DROP INDEX due_by_planner;
        CREATE INDEX due_by_planner ON due (planner, due_on, customer_id, rule, subject, from_on, until_on);
        RESET ROLE;
        -- Staff read which migrations ran, so a newer careerplan on an older database says what to do.
        GRANT SELECT ON migration TO careerplan_staff;
        """
}
