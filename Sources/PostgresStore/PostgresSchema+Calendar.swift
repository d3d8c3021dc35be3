extension PostgresSchema {
    /// The days and moments careerplan takes from its clock rather than asking for (a note's entered day, a
    /// plan version's save time), by table and the Domain type's property, so the body's key. A day is the
    /// area's calendar day (Domain's `Day`), a moment UTC to the second (`AreaTime`).
    public static let clockStamps: [(table: String, field: String, isMoment: Bool)] = [
        ("customer", "enteredOn", false), ("case_note", "enteredOn", false), ("outcome", "enteredOn", false),
        ("pause", "recordedOn", false), ("exit_record", "recordedOn", false), ("other_program_service", "recordedOn", false),
        ("plan_copy", "on", false), ("signature", "signedOn", false),
        ("plan_version", "savedAt", true), ("signature", "capturedAt", true), ("duplicate_decision", "decidedAt", true),
        ("certification", "recordedAt", true), ("application_amendment", "amendedAt", true),
        ("barrier_correction", "changedAt", true), ("application", "updatedAt", true),
    ]

    /// The lists inside a record that careerplan only adds to, each entry naming who added it (`by`) and,
    /// for corrections, when (`at`): a referral's status changes, an outcome's or assessment's corrections.
    /// A plan's episodes are the fourth such list, across a customer's plan versions.
    public static let histories: [(table: String, field: String)] = [
        ("referral", "history"), ("outcome", "corrections"), ("assessment", "corrections"),
    ]

    /// How far a moment a member sends may be from the database server's clock: the hosts' clocks and the
    /// server's differ by the little NTP leaves, and careerplan stamps a moment inside the transaction that
    /// writes it. A host whose clock is further off is told so when it saves.
    public static let momentTolerance = "15 minutes"

    /// What careerplan stamps, the server keeps (v15-server-calendar). v13 made a record's maker the
    /// server's to say; its days and moments, and the names in its histories, still went as sent: a
    /// planner with psql could add a case note "entered" months ago (so the late-entry report misses it),
    /// change an outcome's maker or entered day with an UPDATE, or rewrite who changed a referral's status.
    /// A trigger on each record table now, for a staff member's write:
    ///
    /// - refuses a stamped day that is not today somewhere on Earth by the server's clock (the server does
    ///   not know each center's time zone, and every area's day is between UTC-12's and UTC+14's), and a
    ///   stamped moment further than `momentTolerance` from the server's now;
    /// - on an update, lets a stamp stay as stored (another planner's correction keeps who made the record
    ///   and when), and takes one that changed as a new one (a second exit over the first, an application's
    ///   every save): a changed maker is the member writing, a changed day or moment is checked as above;
    /// - refuses a history whose earlier entries are not the ones stored, and writes the member into each
    ///   new entry's `by` (checking a correction's `at` as a moment, a plan episode's `on` as a day);
    ///
    /// The automatic exit is recorded by "careerplan" for the day the night's pass is run for (`exits
    /// --as-of` may name a past day), and is left alone, as v13 leaves it; the database's administrator's
    /// loads too. The server's clock is `calendar.pinned_now` when the owner sets it (the tests, which fix
    /// careerplan's clock), else now().
    static let serverCalendar: String = """
        SET LOCAL search_path = careerplan;
        SET LOCAL ROLE careerplan_owner;
        CREATE TABLE calendar (one boolean PRIMARY KEY DEFAULT true CHECK (one), pinned_now timestamptz);
        INSERT INTO calendar DEFAULT VALUES;
        CREATE FUNCTION server_now() RETURNS timestamptz LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$ SELECT coalesce((SELECT pinned_now FROM calendar), now()) $$;
        GRANT EXECUTE ON FUNCTION server_now() TO careerplan_staff;

        -- Whose write it is, as v13 stamps it: the member signed in (a superuser's session that set a member's
        -- role: that member); NULL when the writer is not staff (the DBA, the due writer) or it is the automatic exit.
        CREATE FUNCTION staff_writer(tab name, body jsonb) RETURNS text LANGUAGE sql STABLE
        SET search_path = careerplan, pg_temp AS $$
            SELECT CASE WHEN my_role(current_user) IS NULL OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user)
                             OR (tab = 'exit_record' AND body ->> 'kind' = 'automatic' AND body ->> 'recordedBy' = 'careerplan')
                        THEN NULL
                        WHEN (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user) THEN current_user::text
                        ELSE session_user::text END
        $$;

        -- Why `value` is not a stamp careerplan would make now (`what` names it); NULL when it is one.
        CREATE FUNCTION stamp_problem(what text, value text, is_moment boolean) RETURNS text LANGUAGE plpgsql STABLE
        SET search_path = careerplan, pg_temp AS $$
        DECLARE
            utc timestamp := server_now() AT TIME ZONE 'UTC';
        BEGIN
            IF is_moment THEN
                IF value IS NULL OR value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$' THEN
                    RETURN what || ' ' || coalesce(value, 'missing') || ' is not a moment as careerplan writes one';
                END IF;
                IF abs(extract(epoch FROM value::timestamptz - server_now())) > extract(epoch FROM interval '\(momentTolerance)') THEN
                    RETURN what || ' ' || value || ' is not now by the database server''s clock ('
                        || to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '): is this computer''s clock right?';
                END IF;
            ELSE
                IF value IS NULL OR value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
                    RETURN what || ' ' || coalesce(value, 'missing') || ' is not a day as careerplan writes one';
                END IF;
                IF value::date NOT BETWEEN (utc - interval '12 hours')::date AND (utc + interval '14 hours')::date THEN
                    RETURN what || ' ' || value || ' is not today by the database server''s clock ('
                        || to_char(utc, 'YYYY-MM-DD') || ' UTC): careerplan writes the day it saves';
                END IF;
            END IF;
            RETURN NULL;
        END $$;

        -- A list careerplan only adds to: the stored entries unchanged and first, each new one naming `writer`
        -- (and a correction's `at`, a plan episode's `on`, checked as stamps). The list as it is to be kept.
        CREATE FUNCTION extended_history(what text, stored jsonb, sent jsonb, writer text) RETURNS jsonb LANGUAGE plpgsql STABLE
        SET search_path = careerplan, pg_temp AS $$
        DECLARE
            kept int := coalesce(jsonb_array_length(CASE WHEN jsonb_typeof(stored) = 'array' THEN stored END), 0);
            out jsonb := coalesce(CASE WHEN jsonb_typeof(sent) = 'array' THEN sent END, '[]'::jsonb);
            problem text;
        BEGIN
            IF sent IS NOT NULL AND jsonb_typeof(sent) NOT IN ('array', 'null') THEN
                RAISE EXCEPTION '% is not a list', what USING ERRCODE = '22023';
            END IF;
            IF jsonb_array_length(out) < kept OR EXISTS (
                SELECT 1 FROM generate_series(0, kept - 1) AS i WHERE out -> i IS DISTINCT FROM stored -> i) THEN
                RAISE EXCEPTION '% is added to, never rewritten: its first % entries must stay as they are', what, kept
                    USING ERRCODE = '42501';
            END IF;
            FOR i IN kept .. jsonb_array_length(out) - 1 LOOP
                IF jsonb_typeof(out -> i) <> 'object' THEN
                    RAISE EXCEPTION '% entry % is not a record', what, i + 1 USING ERRCODE = '22023';
                END IF;
                IF (out -> i) ? 'at' THEN
                    problem := stamp_problem(what || ' entry ' || (i + 1) || '''s time', out -> i ->> 'at', true);
                ELSIF what LIKE '%episodes' THEN
                    problem := stamp_problem(what || ' entry ' || (i + 1) || '''s day', out -> i ->> 'on', false);
                END IF;
                IF problem IS NOT NULL THEN
                    RAISE EXCEPTION '%', problem USING ERRCODE = '22023';
                END IF;
                out := jsonb_set(out, ARRAY[i::text, 'by'], to_jsonb(writer));
            END LOOP;
            RETURN CASE WHEN sent IS NULL OR jsonb_typeof(sent) = 'null' THEN sent ELSE out END;
        END $$;

        -- The trigger: arguments are "day:field", "moment:field", "maker:field" and "history:field".
        CREATE FUNCTION keep_stamps() RETURNS trigger LANGUAGE plpgsql SET search_path = careerplan, pg_temp AS $$
        DECLARE
            writer text := staff_writer(TG_TABLE_NAME, NEW.body);
            what text := 'the ' || replace(TG_TABLE_NAME, '_', ' ') || '''s ';
            kind text;
            field text;
            problem text;
            previous jsonb;
            listed jsonb;
        BEGIN
            IF writer IS NULL THEN
                RETURN NEW;
            END IF;
            FOREACH field IN ARRAY TG_ARGV LOOP
                kind := split_part(field, ':', 1);
                field := split_part(field, ':', 2);
                IF kind = 'history' THEN
                    IF NEW.body ? field OR (TG_OP = 'UPDATE' AND OLD.body ? field) THEN
                        listed := extended_history(what || field, CASE WHEN TG_OP = 'UPDATE' THEN OLD.body -> field END,
                                                   NEW.body -> field, writer);
                        NEW.body := CASE WHEN listed IS NULL THEN NEW.body ELSE jsonb_set(NEW.body, ARRAY[field], listed) END;
                    END IF;
                ELSIF TG_OP = 'UPDATE' AND NEW.body -> field IS NOT DISTINCT FROM OLD.body -> field THEN
                    -- Kept as stored: a correction by another planner leaves who made the record, and when.
                    CONTINUE;
                ELSIF kind = 'maker' THEN
                    -- A changed maker (a second exit over the first) is whoever writes it, as on an insert.
                    IF TG_OP = 'UPDATE' THEN
                        NEW.body := jsonb_set(NEW.body, ARRAY[field], to_jsonb(writer));
                    END IF;
                ELSIF NOT (TG_TABLE_NAME = 'signature' AND field = 'signedOn' AND NEW.body ->> 'method' = 'paper') THEN
                    problem := stamp_problem(what || field, NEW.body ->> field, kind = 'moment');
                    IF problem IS NOT NULL THEN
                        RAISE EXCEPTION '%', problem USING ERRCODE = '22023';
                    END IF;
                END IF;
            END LOOP;
            -- A plan version's episodes go on from the version before it.
            IF TG_TABLE_NAME = 'plan_version' AND TG_OP = 'INSERT' THEN
                SELECT v.body -> 'plan' -> 'episodes' INTO previous FROM plan_version v
                WHERE v.customer_id = NEW.customer_id AND (v.body ->> 'version')::int < (NEW.body ->> 'version')::int
                ORDER BY (v.body ->> 'version')::int DESC LIMIT 1;
                NEW.body := jsonb_set(NEW.body, '{plan,episodes}', extended_history('the plan''s episodes', previous,
                    NEW.body -> 'plan' -> 'episodes', writer));
            END IF;
            RETURN NEW;
        END $$;
        \(keepStampsTriggers)
        """

    /// One `keep_stamps` trigger on each record table with anything to keep, its arguments from the lists above.
    static var keepStampsTriggers: String {
        keepStampsTables.map { table, arguments in
            "CREATE TRIGGER keep_stamps BEFORE INSERT OR UPDATE ON \(table) FOR EACH ROW EXECUTE FUNCTION keep_stamps("
                + arguments.map { "'\($0)'" }.joined(separator: ", ") + ");"
        }.joined(separator: "\n")
    }

    /// The tables `keep_stamps` guards, each with its arguments.
    static var keepStampsTables: [(table: String, arguments: [String])] {
        recordTables.compactMap { table in
            let arguments = clockStamps.filter { $0.table == table }.map { ($0.isMoment ? "moment:" : "day:") + $0.field }
                + recorderField.filter { $0.table == table && table != "application" }.map { "maker:" + $0.field }
                + histories.filter { $0.table == table }.map { "history:" + $0.field }
            return arguments.isEmpty && table != "plan_version" ? nil : (table, arguments)
        }
    }
}
