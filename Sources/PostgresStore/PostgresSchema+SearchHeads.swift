extension PostgresSchema {
    /// A longer search's page read in name order, as the file's v22-search-words does: at 1,000,000
    /// customers a common surname's 27,000 matches were each grouped, sorted and counted DISTINCT for every
    /// keystroke (the 95th percentile 24.5 ms). Each word row now carries the customer's word before it in
    /// the bytes' order (`prev`, '' for the first): a row whose `prev` does not begin with the typed word is
    /// the customer's first match, so the count needs no DISTINCT; and an index of the words' first three
    /// characters in name order gives a page of a longer search's matches without sorting them all.
    static let searchHeads = """
        SET LOCAL search_path = careerplan;
        SET LOCAL ROLE careerplan_owner;
        ALTER TABLE customer_word ADD COLUMN prev text COLLATE "C" NOT NULL DEFAULT '';
        UPDATE customer_word w SET prev = p.prev
        FROM (SELECT word, customer_id, lag(word) OVER (PARTITION BY customer_id ORDER BY word) AS prev FROM customer_word) AS p
        WHERE p.word = w.word AND p.customer_id = w.customer_id AND p.prev IS NOT NULL;
        ALTER TABLE customer_word DROP CONSTRAINT customer_word_pkey,
            ADD PRIMARY KEY (word, customer_id) INCLUDE (sort_name, planner, prev);
        CREATE INDEX customer_word_by_head ON customer_word ((left(word, 3)), sort_name, customer_id)
            INCLUDE (word, prev, planner) WHERE length(word) >= 3;
        CREATE OR REPLACE FUNCTION customer_words() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = careerplan, pg_temp AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND NEW.words = OLD.words THEN
                UPDATE customer_word SET sort_name = NEW.sort_name, planner = NEW.planner WHERE customer_id = NEW.id;
                RETURN NULL;
            END IF;
            IF TG_OP = 'UPDATE' THEN DELETE FROM customer_word WHERE customer_id = NEW.id; END IF;
            INSERT INTO customer_word (word, customer_id, sort_name, planner, prev)
            SELECT w, NEW.id, NEW.sort_name, NEW.planner, coalesce(lag(w) OVER (ORDER BY w), '')
            FROM (SELECT DISTINCT w COLLATE "C" AS w FROM regexp_split_to_table(btrim(NEW.words), ' +') AS w WHERE w <> '') AS d;
            RETURN NULL;
        END $$;
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
            RETURN (SELECT count(*) FROM customer_word w
                    WHERE w.word >= first AND w.word < first || chr(1114111) AND w.prev < first
                      AND (scope IS NULL OR coalesce(w.planner, '') = ANY (scope))
                      AND (cardinality(prefixes) = 1 OR has_words(w.customer_id, prefixes[2:])));
        END $$;
        CREATE OR REPLACE FUNCTION search_page(prefixes text[], who name, owners text[], page_size bigint, skipped bigint)
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
            -- One row per customer (its first matching word), in name order from the index of the first three
            -- characters when there are many; the planner may sort a few instead.
            RETURN QUERY EXECUTE
                'SELECT w.customer_id FROM customer_word w
                 WHERE left(w.word, 3) = left($1, 3) AND length(w.word) >= 3
                   AND w.word >= $1 AND w.word < $1 || chr(1114111) AND w.prev < $1
                   AND ($2 IS NULL OR coalesce(w.planner, '''') = ANY ($2))
                   AND (cardinality($3) = 1 OR has_words(w.customer_id, $3[2:]))
                 ORDER BY w.sort_name, w.customer_id LIMIT $4 OFFSET $5'
                USING first COLLATE "C", scope, prefixes, page_size, skipped;
        END $$;
        RESET ROLE;
        """
}
