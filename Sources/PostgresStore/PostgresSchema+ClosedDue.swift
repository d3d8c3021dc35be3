extension PostgresSchema {
    /// The due table keeps no closed window (v18-closed-due), as the file's does since issue 28: the
    /// dashboard's first page walks a planner's items in due order, and the earliest were follow-up windows
    /// that had closed, kept although they run on no later day. The server knows no center's time zone, so
    /// a window is closed here when it closed before the day of the area furthest behind, UTC-12, by the
    /// server's clock (`server_now`, v15): then it has closed in every area, whatever a member's clock or TZ
    /// says. Items written from then on leave such windows out, and the day's first opening (or the night's
    /// `careerplan exits`) drops those that closed since, in the exits' transaction; a session without the
    /// writer's key deletes nothing (v17's policies), so a database whose due writer has no password yet keeps them.
    static let closedDue: String = """
        SET LOCAL search_path = careerplan;
        SET LOCAL ROLE careerplan_owner;
        CREATE FUNCTION every_areas_day() RETURNS date LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$ SELECT (server_now() AT TIME ZONE 'Etc/GMT+12')::date $$;
        GRANT EXECUTE ON FUNCTION every_areas_day() TO careerplan_staff, \(dueWriter);
        DELETE FROM due WHERE due_on < every_areas_day() AND until_on < every_areas_day();
        """

    /// Deletes the items whose window closed in every area (in the caller's reach, when careerplan's own session).
    static let dropClosedDue = """
        DELETE FROM careerplan.due d USING (SELECT careerplan.every_areas_day() AS day) AS today
        WHERE d.due_on < today.day AND d.until_on < today.day
        """
}
