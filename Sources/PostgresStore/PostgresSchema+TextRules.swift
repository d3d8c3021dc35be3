extension PostgresSchema {
    /// careerplan's text rules, kept by the server too (v14-text-rules): no stored text holds a full SSN, and
    /// none is unboundedly long (Domain's `StoredText`, `SSN`, `TextLimits`). careerplan refuses both before
    /// it writes; the server took any body a member sent, so a planner with psql could keep a full SSN in a
    /// note. A trigger now refuses a staff member's insert or update whose body breaks either rule.
    ///
    /// The SSN rule is Domain's: nine ASCII digits read as one number, together or as 3-2-4 with "-", "."
    /// or " " between, not part of a longer run of digits, and not inside a hex digest of 32 characters or
    /// more. The length rule counts code points, where careerplan counts characters as a reader sees them
    /// (an accent typed as a second code point is one character): so that no text careerplan accepts is
    /// refused by the other way of counting, the server allows twice careerplan's limits (400 for a name,
    /// a login, a phone, an e-mail or an address line, 40,000 for the rest). It bounds what psql can write;
    /// careerplan's own limit is the one a form shows.
    static let textRules: String = """
        SET LOCAL search_path = careerplan;
        SET LOCAL ROLE careerplan_owner;
        -- The first string of a body that breaks a rule, as "field: what is wrong"; nothing when none does.
        -- An array's strings go by the array's field, as Domain names them ("goals" for goals[0]).
        CREATE FUNCTION text_problem(doc jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
            WITH RECURSIVE walk(key, value) AS (
                SELECT ''::text, doc
                UNION ALL
                SELECT coalesce(e.key, w.key), e.value
                FROM walk w CROSS JOIN LATERAL (
                    SELECT o.key, o.value FROM jsonb_each(CASE WHEN jsonb_typeof(w.value) = 'object' THEN w.value END) AS o
                    UNION ALL
                    SELECT NULL, a.value FROM jsonb_array_elements(CASE WHEN jsonb_typeof(w.value) = 'array' THEN w.value END) AS a
                ) AS e
            )
            SELECT CASE WHEN s ~ '(^|[^0-9])([0-9]{9}|[0-9]{3}[-. ][0-9]{2}[-. ][0-9]{4})([^0-9]|$)' AND s !~ '^[0-9a-fA-F]{32,}$'
                        THEN key || ': looks like a full SSN; never type one (the last 4 digits at most)'
                        ELSE key || ': too long (' || length(s) || ' characters)' END
            FROM (SELECT key, value #>> '{}' AS s FROM walk WHERE jsonb_typeof(value) = 'string') AS t
            WHERE (s ~ '(^|[^0-9])([0-9]{9}|[0-9]{3}[-. ][0-9]{2}[-. ][0-9]{4})([^0-9]|$)' AND s !~ '^[0-9a-fA-F]{32,}$')
               OR (left(s, 1) NOT IN ('{', '[')
                   AND length(s) > 2 * CASE WHEN lower(key) ~ '(name|login|email|phone|street|city|state|zip|initials)$'
                                            THEN 200 ELSE 20000 END)
            LIMIT 1
        $$;
        CREATE FUNCTION refuse_text_problem() RETURNS trigger LANGUAGE plpgsql SET search_path = careerplan, pg_temp AS $$
        DECLARE problem text;
        BEGIN
            IF my_role(current_user) IS NOT NULL AND NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user) THEN
                problem := text_problem(NEW.body);
                IF problem IS NOT NULL THEN
                    RAISE EXCEPTION 'the %''s %', replace(TG_TABLE_NAME, '_', ' '), problem USING ERRCODE = '22023';
                END IF;
            END IF;
            RETURN NEW;
        END $$;
        \(recordTables.map { t -> String in
            "CREATE TRIGGER text_rules BEFORE INSERT OR UPDATE ON \(t) FOR EACH ROW EXECUTE FUNCTION refuse_text_problem();"
        }.joined(separator: "\n"))
        """
}
