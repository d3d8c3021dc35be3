extension PostgresSchema {
    /// The count of a longer search from a tally (v11-word-tally). At 1,000,000 customers a common name's
    /// three to six letters ("ngu" … "nguyen") match 27,000 customers, and counting them row by row in the
    /// word index took 14 to 16 ms of each keystroke (the page itself stops at its end). `word_tally` counts,
    /// by planner, the customers with each word and how many first characters that word shares with the
    /// customer's word before it (`shared`): a customer is one match of a typed word `t` at the first of
    /// their words that begins with it, which is the row whose previous word does not begin with `t`, so
    /// whose `shared` is less than `t`'s length. A search's count is then the sum of the few rows of the
    /// words that begin with it.
    ///
    /// The ID's spellings ("000123", "123", "c000123", "c123": `^c?[0-9]+$`) are not tallied: each is one
    /// customer's alone, so the tally would be as long as the index. A typed word that could begin one is
    /// counted in the word index as before; any other cannot begin an ID's spelling, so every word it
    /// begins is in the tally.
    static let wordTally = """
        SET LOCAL search_path = careerplan;
        SET LOCAL ROLE careerplan_owner;
        -- How many first characters two words share.
        CREATE FUNCTION shared_prefix(a text, b text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(max(n), 0) FROM generate_series(1, least(length(a), length(b))) AS n
            WHERE left(a, n) = left(b, n)
        $$;
        -- A customer's tallied words (not the ID's spellings) and what each shares with the word before it,
        -- in the order customer_words() keeps their `prev`.
        CREATE FUNCTION tally_words(words text) RETURNS TABLE (word text, shared int) LANGUAGE sql IMMUTABLE AS $$
            SELECT w, s FROM (
                SELECT w, careerplan.shared_prefix(coalesce(lag(w) OVER (ORDER BY w), ''), w) AS s
                FROM (SELECT DISTINCT w COLLATE "C" AS w FROM regexp_split_to_table(btrim(words), ' +') AS w
                      WHERE w <> '') AS d
            ) AS x WHERE w !~ '^c?[0-9]+$'
        $$;
        CREATE TABLE word_tally (
            word text COLLATE "C" NOT NULL,
            planner text NOT NULL,  -- '' the unassigned
            shared int NOT NULL,
            customers bigint NOT NULL,
            PRIMARY KEY (word, planner, shared)
        );
        INSERT INTO word_tally (word, planner, shared, customers)
        SELECT t.word, coalesce(c.planner, ''), t.shared, count(*) FROM customer c, tally_words(c.words) AS t
        GROUP BY 1, 2, 3;
        -- As tally_customers: one upsert per statement, only where a count changes, in key order. A save
        -- that keeps the customer's words and planner (most saves: a contact, a stage) splits no words.
        CREATE FUNCTION tally_customer_words() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO word_tally AS t (word, planner, shared, customers)
                SELECT w.word, coalesce(a.planner, ''), w.shared, count(*) FROM added a, tally_words(a.words) AS w
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                ON CONFLICT (word, planner, shared) DO UPDATE SET customers = t.customers + excluded.customers;
            ELSE
                WITH changed AS (
                    SELECT a.words AS new_words, a.planner AS new_planner, g.words AS old_words, g.planner AS old_planner
                    FROM added a JOIN gone g ON g.id = a.id
                    WHERE a.words IS DISTINCT FROM g.words OR a.planner IS DISTINCT FROM g.planner)
                INSERT INTO word_tally AS t (word, planner, shared, customers)
                SELECT word, owner, shared, sum(n) FROM (
                    SELECT w.word, coalesce(c.new_planner, '') AS owner, w.shared, 1 AS n
                    FROM changed c, tally_words(c.new_words) AS w
                    UNION ALL
                    SELECT w.word, coalesce(c.old_planner, ''), w.shared, -1 FROM changed c, tally_words(c.old_words) AS w
                ) AS d GROUP BY word, owner, shared HAVING sum(n) <> 0 ORDER BY word, owner, shared
                ON CONFLICT (word, planner, shared) DO UPDATE SET customers = t.customers + excluded.customers;
            END IF;
            RETURN NULL;
        END $$;
        REVOKE ALL ON FUNCTION tally_customer_words(), tally_words(text), shared_prefix(text, text) FROM PUBLIC;
        CREATE TRIGGER word_tally_added AFTER INSERT ON customer REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION tally_customer_words();
        CREATE TRIGGER word_tally_changed AFTER UPDATE ON customer REFERENCING OLD TABLE AS gone NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION tally_customer_words();
        CREATE OR REPLACE FUNCTION search_count(prefixes text[], who name, owners text[]) RETURNS bigint LANGUAGE plpgsql
        STABLE SECURITY DEFINER SET search_path = careerplan, pg_temp AS $$
        DECLARE
            scope text[] := search_scope(who, owners);
            first text COLLATE "C" := coalesce(prefixes[1], '');
        BEGIN
            IF coalesce(cardinality(prefixes), 0) <= 1 AND length(first) <= 2 THEN
                RETURN (SELECT coalesce(sum(t.customers), 0) FROM customer_tally t
                        WHERE t.prefix = first AND (scope IS NULL OR t.planner = ANY (scope)));
            END IF;
            IF cardinality(prefixes) = 1 AND first !~ '^c?[0-9]+$' THEN
                RETURN (SELECT coalesce(sum(t.customers), 0) FROM word_tally t
                        WHERE t.word >= first AND t.word < first || chr(1114111) AND t.shared < length(first)
                          AND (scope IS NULL OR t.planner = ANY (scope)));
            END IF;
            RETURN (SELECT count(*) FROM customer_word w
                    WHERE w.word >= first AND w.word < first || chr(1114111) AND w.prev < first
                      AND (scope IS NULL OR coalesce(w.planner, '') = ANY (scope))
                      AND (cardinality(prefixes) = 1 OR has_words(w.customer_id, prefixes[2:])));
        END $$;
        RESET ROLE;
        """
}
