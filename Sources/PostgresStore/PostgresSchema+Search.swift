extension PostgresSchema {
    /// Search as you type whose cost does not grow with the caseload
    /// (docs/postgresql.md, "Search"). Measured at 100,000 customers: a
    /// member's count of everyone took 18 ms (every index row visited), a
    /// one-letter search 50 to 60 ms (thousands of matches joined to the
    /// customer table, counted, then sorted for one page).
    ///
    /// - `customer_tally`: how many customers each planner ('' the
    ///   unassigned) has, in all ('' prefix) and by the first one and two
    ///   letters of any of their words, kept by statement triggers in each
    ///   write's transaction. The count of an empty or one- or two-letter
    ///   search is a sum over a few rows.
    /// - `customer_word` carries each customer's name order and planner, so a
    ///   longer search's count and page are read from its index alone.
    /// - `search_count` and `search_page`, the only way staff read either,
    ///   keep to the caller's reach as the customer table's policy does.
    ///   A page of a one- or two-letter search is read in name order from
    ///   an index of the words' first letters, never by sorting every match.
    static var searchCounts: String {
        """
        SET LOCAL search_path = careerplan;
        SET LOCAL ROLE careerplan_owner;
        -- The trigram index served LIKE, which staff could not use under row-level security (v6): every write paid for it.
        DROP INDEX customer_by_words;
        DROP FUNCTION matching(text[], name);
        ALTER TABLE customer_word ADD COLUMN sort_name text COLLATE "C", ADD COLUMN planner text;
        UPDATE customer_word w SET sort_name = c.sort_name, planner = c.planner FROM customer c WHERE c.id = w.customer_id;
        ALTER TABLE customer_word ALTER COLUMN sort_name SET NOT NULL, DROP CONSTRAINT customer_word_pkey,
            ADD PRIMARY KEY (word, customer_id) INCLUDE (sort_name, planner);
        -- Does this customer have a word beginning so (a search's second word)?
        DROP INDEX customer_word_by_customer;
        CREATE INDEX customer_word_by_customer ON customer_word (customer_id, word);
        -- A one- or two-letter search's matches in name order.
        CREATE INDEX customer_word_by_letter ON customer_word ((left(word, 1)), sort_name, customer_id) INCLUDE (planner);
        CREATE INDEX customer_word_by_letters ON customer_word ((left(word, 2)), sort_name, customer_id) INCLUDE (planner);
        DROP TRIGGER customer_words ON customer;
        CREATE OR REPLACE FUNCTION customer_words() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND NEW.words = OLD.words THEN
                UPDATE customer_word SET sort_name = NEW.sort_name, planner = NEW.planner WHERE customer_id = NEW.id;
                RETURN NULL;
            END IF;
            IF TG_OP = 'UPDATE' THEN DELETE FROM customer_word WHERE customer_id = NEW.id; END IF;
            INSERT INTO customer_word (word, customer_id, sort_name, planner)
            SELECT DISTINCT w, NEW.id, NEW.sort_name, NEW.planner
            FROM regexp_split_to_table(btrim(NEW.words), ' +') AS w WHERE w <> '';
            RETURN NULL;
        END $$;
        CREATE TRIGGER customer_words AFTER INSERT ON customer FOR EACH ROW EXECUTE FUNCTION customer_words();
        CREATE TRIGGER customer_words_changed AFTER UPDATE ON customer FOR EACH ROW
            WHEN (OLD.words IS DISTINCT FROM NEW.words OR OLD.sort_name IS DISTINCT FROM NEW.sort_name
                  OR OLD.planner IS DISTINCT FROM NEW.planner)
            EXECUTE FUNCTION customer_words();
        -- '' (every customer) and the first one and two letters of each word, once each.
        CREATE FUNCTION tally_prefixes(words text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
            SELECT '' UNION SELECT left(w, n) FROM regexp_split_to_table(btrim(words), ' +') AS w, generate_series(1, 2) AS n
            WHERE w <> ''
        $$;
        CREATE TABLE customer_tally (
            planner text NOT NULL,  -- '' the unassigned
            prefix text COLLATE "C" NOT NULL,
            customers bigint NOT NULL,  -- (no CHECK: an upsert's proposed row, -1 before it meets its conflict, would fail it)
            PRIMARY KEY (planner, prefix)
        );
        INSERT INTO customer_tally (planner, prefix, customers)
        SELECT coalesce(c.planner, ''), p, count(*) FROM customer c, tally_prefixes(c.words) AS p GROUP BY 1, 2;
        -- One upsert per statement (a load of 5,000 customers is one), only where a count changes (a saved
        -- customer whose planner and letters stay touches nothing), rows taken in key order so two writers
        -- never wait on each other in a circle.
        CREATE FUNCTION tally_customers() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO customer_tally AS t (planner, prefix, customers)
                SELECT coalesce(a.planner, ''), p, count(*) FROM added a, tally_prefixes(a.words) AS p
                GROUP BY 1, 2 ORDER BY 1, 2
                ON CONFLICT (planner, prefix) DO UPDATE SET customers = t.customers + excluded.customers;
            ELSE
                INSERT INTO customer_tally AS t (planner, prefix, customers)
                SELECT owner, p, sum(n) FROM (
                    SELECT coalesce(a.planner, '') AS owner, p, 1 AS n FROM added a, tally_prefixes(a.words) AS p
                    UNION ALL
                    SELECT coalesce(g.planner, ''), p, -1 FROM gone g, tally_prefixes(g.words) AS p
                ) AS d GROUP BY owner, p HAVING sum(n) <> 0 ORDER BY owner, p
                ON CONFLICT (planner, prefix) DO UPDATE SET customers = t.customers + excluded.customers;
            END IF;
            RETURN NULL;
        END $$;
        REVOKE ALL ON FUNCTION tally_customers(), tally_prefixes(text) FROM PUBLIC;
        CREATE TRIGGER tally_added AFTER INSERT ON customer REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION tally_customers();
        CREATE TRIGGER tally_changed AFTER UPDATE ON customer REFERENCING OLD TABLE AS gone NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION tally_customers();
        -- The planners ('' the unassigned) whose customers `who` may list, of `owners` (NULL: any): NULL when
        -- that is everyone. `who` must be the member signed in (anyone, for the database's administrator).
        CREATE FUNCTION search_scope(who name, owners text[]) RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
            SELECT CASE
                WHEN who <> session_user AND NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user)
                    THEN '{}'::text[]
                WHEN sees_everyone(who) OR coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = who), false)
                    THEN owners
                ELSE ARRAY(SELECT o FROM unnest(ARRAY['', who::text] || covered_today(who)) AS o
                           WHERE owners IS NULL OR o = ANY (owners))
            END
        $$;
        -- Does customer `id` have, for each of `prefixes`, a word beginning with it?
        CREATE FUNCTION has_words(id bigint, prefixes text[]) RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT bool_and(EXISTS (SELECT 1 FROM customer_word x
                                    WHERE x.customer_id = id AND x.word >= p AND x.word < p || chr(1114111)))
            FROM unnest(prefixes) AS p
        $$;
        -- How many customers in `who`'s reach (of `owners`) have a word beginning with each of `prefixes` (none:
        -- every customer). The first prefix is read as a range of the word index, so callers put the longest first.
        CREATE FUNCTION search_count(prefixes text[], who name, owners text[]) RETURNS bigint LANGUAGE plpgsql
        STABLE SECURITY DEFINER SET search_path = careerplan, pg_temp AS $$
        DECLARE
            scope text[] := search_scope(who, owners);
            first text := coalesce(prefixes[1], '');
        BEGIN
            IF coalesce(cardinality(prefixes), 0) <= 1 AND length(first) <= 2 THEN
                RETURN (SELECT coalesce(sum(t.customers), 0) FROM customer_tally t
                        WHERE t.prefix = first AND (scope IS NULL OR t.planner = ANY (scope)));
            END IF;
            RETURN (SELECT count(DISTINCT w.customer_id) FROM customer_word w
                    WHERE w.word >= first AND w.word < first || chr(1114111)
                      AND (scope IS NULL OR coalesce(w.planner, '') = ANY (scope))
                      AND (cardinality(prefixes) = 1 OR has_words(w.customer_id, prefixes[2:])));
        END $$;
        -- One page of those customers' ids in name order. A one- or two-letter prefix matches thousands: its
        -- own index (the word's first letters, then the names) gives them in name order, so a page reads about
        -- its own rows. Longer prefixes match fewer: their range is sorted, from the word index alone.
        CREATE FUNCTION search_page(prefixes text[], who name, owners text[], page_size bigint, skipped bigint)
        RETURNS SETOF bigint LANGUAGE plpgsql
        STABLE SECURITY DEFINER SET search_path = careerplan, pg_temp AS $$
        DECLARE
            scope text[] := search_scope(who, owners);
            first text := coalesce(prefixes[1], '');
        BEGIN
            IF length(first) BETWEEN 1 AND 2 THEN
                RETURN QUERY EXECUTE format(
                    'SELECT DISTINCT ON (w.sort_name, w.customer_id) w.customer_id FROM customer_word w
                     WHERE left(w.word, %s) = $1
                       AND ($2 IS NULL OR coalesce(w.planner, '''') = ANY ($2))
                       AND (cardinality($3) = 1 OR has_words(w.customer_id, $3[2:]))
                     ORDER BY w.sort_name, w.customer_id LIMIT $4 OFFSET $5', length(first))
                    USING first, scope, prefixes, page_size, skipped;
                RETURN;
            END IF;
            RETURN QUERY EXECUTE
                'SELECT w.customer_id FROM customer_word w
                 WHERE w.word >= $1 AND w.word < $1 || chr(1114111)
                   AND ($2 IS NULL OR coalesce(w.planner, '''') = ANY ($2))
                   AND (cardinality($3) = 1 OR has_words(w.customer_id, $3[2:]))
                 GROUP BY w.sort_name, w.customer_id ORDER BY w.sort_name, w.customer_id LIMIT $4 OFFSET $5'
                USING first, scope, prefixes, page_size, skipped;
        END $$;
        REVOKE ALL ON FUNCTION search_scope(name, text[]), has_words(bigint, text[]),
            search_count(text[], name, text[]), search_page(text[], name, text[], bigint, bigint) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION search_count(text[], name, text[]), search_page(text[], name, text[], bigint, bigint)
            TO careerplan_staff;
        RESET ROLE;
        """
    }
}
