extension PostgresSchema {
    /// Each record's field that names the member who made it, as careerplan stamps it (the Domain type's
    /// property, so the body's key): set by the server on a staff member's insert (v13-server-stamps).
    public static let recorderField: [(table: String, field: String)] = [
        ("duplicate_decision", "decidedBy"), ("application", "updatedBy"), ("certification", "certifiedBy"),
        ("application_amendment", "amendedBy"), ("eligibility_document", "recordedBy"),
        ("basic_skills_screening", "recordedBy"), ("assessment", "recordedBy"), ("barrier", "recordedBy"),
        ("barrier_correction", "changedBy"), ("plan_version", "savedBy"), ("dismissal", "by"), ("case_note", "author"),
        ("referral", "recordedBy"), ("outcome", "recordedBy"), ("pause", "recordedBy"), ("exit_record", "recordedBy"),
        ("follow_up_decline", "recordedBy"), ("signature", "capturedBy"), ("guardian_request", "sentBy"),
        ("plan_copy", "by"), ("other_program_service", "recordedBy"),
    ]

    /// Who made a record is the server's to say (v13-server-stamps). careerplan writes the signed-in
    /// member's login into each record it adds (a note's author, a plan version's saver, a signature's
    /// capturer), but the server took the body as sent: a planner with psql could add a case note in
    /// another's name. As `stamp_handoff` does for hand-offs, a trigger now writes the member into that
    /// field of every row a staff member inserts (and into an application's `updatedBy` on every save),
    /// whatever was sent: careerplan sends the same login, so its records are unchanged. The database's
    /// administrator (a bulk load) and the due writer are not staff and are left alone; so is the
    /// automatic exit, recorded by "careerplan" rather than whoever opened first that day.
    static let serverStamps: String = """
        SET LOCAL search_path = careerplan;
        SET LOCAL ROLE careerplan_owner;
        -- Not SECURITY DEFINER: current_user is the member (or a role they set, which my_role reads the same way).
        CREATE FUNCTION stamp_recorder() RETURNS trigger LANGUAGE plpgsql SET search_path = careerplan, pg_temp AS $$
        BEGIN
            -- my_role() calls a superuser an administrator (a superuser is a member of every role): the DBA is not staff.
            IF my_role(current_user) IS NOT NULL AND NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user)
               AND NOT (TG_TABLE_NAME = 'exit_record' AND NEW.body ->> 'kind' = 'automatic'
                        AND NEW.body ->> 'recordedBy' = 'careerplan') THEN
                -- The member signed in, even after SET ROLE to their group (which would name the group); in a
                -- superuser's session that set a member's role (the tests), that member.
                NEW.body := jsonb_set(NEW.body, ARRAY[TG_ARGV[0]], to_jsonb(CASE
                    WHEN (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user) THEN current_user::text
                    ELSE session_user::text END));
            END IF;
            RETURN NEW;
        END $$;
        \(recorderField.map { t, field -> String in
            let events = t == "application" ? "INSERT OR UPDATE" : "INSERT"
            return "CREATE TRIGGER stamp_recorder BEFORE \(events) ON \(t) FOR EACH ROW EXECUTE FUNCTION stamp_recorder('\(field)');"
        }.joined(separator: "\n"))
        """
}
