extension PostgresSchema {
    /// The tables only careerplan writes once the database has a writer's key: every record, the customers,
    /// the settings and covers (drafts stay each member's own to write; staff changes go through the
    /// owner's functions, which check their own rules).
    static var careerplanOnlyTables: [String] { recordTables + ["setting", "covering"] }

    /// Records are written by careerplan only (v16-careerplan-writes). The grants, reach, stamps, calendar
    /// and text rules bound what a member's psql can write, but a record careerplan would not make at all
    /// (a note about an event next year, a plan of services the matrix does not hold) is Domain's to refuse,
    /// in code the server cannot run. So the server now asks a member's session to show it is careerplan
    /// before it takes a record from it: careerplan holds a secret its users do not, the due writer's
    /// password in the writer's file that only the set-group-ID program reads (docs/postgresql.md, "Who
    /// writes the due items"). `renewDueWriter` keeps the same secret as the writer's key here. A session
    /// asks `write_challenge()` for a random nonce, kept against its backend, and answers
    /// `prove_writer(HMAC-SHA-256(key, nonce))`; a right answer gives the session a random token, kept
    /// here against its backend and in the session's `careerplan.write_token` setting, and a write whose
    /// session holds its token passes.
    /// A member's psql has no key to answer with, the nonce is good for one answer, and a token is its
    /// backend's alone (a later session reusing the process number has no token set). Until the DBA gives
    /// the due writer a password (init --due-writer-file), there is no key and members write as before;
    /// the database's administrator, and the owner's functions, are not staff and are not asked.
    static let careerplanWrites: String = """
        CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA careerplan;
        SET LOCAL search_path = careerplan;
        SET LOCAL ROLE careerplan_owner;
        CREATE TABLE write_key (one boolean PRIMARY KEY DEFAULT true CHECK (one), key text NOT NULL);
        CREATE TABLE write_session (pid integer PRIMARY KEY, nonce text, token text);

        CREATE FUNCTION write_challenge() RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
        DECLARE n text := encode(gen_random_bytes(16), 'hex');
        BEGIN
            -- Sessions that ended leave their rows; a later session reusing a number starts afresh below.
            DELETE FROM write_session WHERE pid NOT IN (SELECT a.pid FROM pg_stat_activity a);
            INSERT INTO write_session (pid, nonce, token) VALUES (pg_backend_pid(), n, NULL)
            ON CONFLICT (pid) DO UPDATE SET nonce = EXCLUDED.nonce, token = NULL;
            RETURN n;
        END $$;

        CREATE FUNCTION prove_writer(proof text) RETURNS boolean LANGUAGE plpgsql VOLATILE SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
        DECLARE
            n text := (SELECT s.nonce FROM write_session s WHERE s.pid = pg_backend_pid());
            k text := (SELECT w.key FROM write_key w);
            t text := encode(gen_random_bytes(16), 'hex');
            right_answer boolean := n IS NOT NULL AND k IS NOT NULL
                AND proof = encode(hmac(n, k, 'sha256'), 'hex');
        BEGIN
            -- One answer per nonce, right or wrong.
            UPDATE write_session SET nonce = NULL, token = CASE WHEN right_answer THEN t END WHERE pid = pg_backend_pid();
            IF right_answer THEN
                PERFORM set_config('careerplan.write_token', t, false);
            END IF;
            RETURN right_answer;
        END $$;

        -- Whether this session answered the nonce with the writer's key (its token is the one kept for it).
        CREATE FUNCTION careerplan_proven() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM write_session s WHERE s.pid = pg_backend_pid() AND s.token IS NOT NULL
                           AND s.token = current_setting('careerplan.write_token', true))
        $$;
        -- Whether this session may write careerplan's tables: no key yet, the DBA's session, or a proven one.
        CREATE FUNCTION careerplan_session() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
            SELECT NOT EXISTS (SELECT 1 FROM write_key)
                OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user)
                OR careerplan_proven()
        $$;
        REVOKE ALL ON FUNCTION write_challenge(), prove_writer(text), careerplan_proven(), careerplan_session() FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION write_challenge(), prove_writer(text), careerplan_proven(), careerplan_session()
            TO careerplan_staff;

        CREATE FUNCTION refuse_outside_careerplan() RETURNS trigger LANGUAGE plpgsql SET search_path = careerplan, pg_temp AS $$
        BEGIN
            -- A staff member's own session (not the DBA's, not inside the owner's functions) that has not shown it is careerplan.
            IF my_role(current_user) IS NOT NULL AND NOT careerplan_session() THEN
                RAISE EXCEPTION 'the % is written by careerplan only, with the writer''s file installed beside careerplan.conf (docs/postgresql.md, "Who writes the records")',
                    replace(TG_TABLE_NAME, '_', ' ') USING ERRCODE = '42501';
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$;
        \(careerplanOnlyTables.map { t in
            "CREATE TRIGGER careerplan_writes BEFORE INSERT OR UPDATE OR DELETE ON \(t) FOR EACH ROW EXECUTE FUNCTION refuse_outside_careerplan();"
        }.joined(separator: "\n"))
        """
}
