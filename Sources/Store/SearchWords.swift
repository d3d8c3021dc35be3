import Domain
import GRDB

/// The word index `/` searches in the data file (migration v22-search-words).
///
/// Each customer's words (`Customer.searchTerms`: both names folded, CJK
/// characters one by one; numbers find IDs, `IDSearch`) are rows of `customer_word`, kept
/// in word order, so the customers a typed word begins are one range of the
/// table. `prev` is the customer's word before it: a row whose `prev` does not
/// begin with the typed word is the customer's first match, so a customer
/// named "Ngoc Nguyen" is one match of "ng", not two. The row carries the
/// name to sort by and the planner, so a page is read without the customer
/// table. A search matching many customers (a common name, or one or two
/// letters) reads its page in name order from the index of its first one,
/// two or three characters (its head), which stops at the page's end instead
/// of sorting every match: the indexes of one and two hold each customer's
/// first word of each head, that of three every word of three characters or
/// more with the word before it. `customer_tally` counts the customers of
/// each head of one or two characters and each planner (head '' is
/// everyone), kept in each write's transaction (a batch of new customers
/// counts its own; triggers count removals and hand-offs): the list's
/// length and a short search's count are sums of a few rows, whatever the
/// caseload's size.
///
/// Names never change once entered; the planner does (the triggers follow).
enum SearchWords {
    static let schema = """
        CREATE TABLE customer_word (
            word TEXT NOT NULL,
            sort_name TEXT NOT NULL,
            customer_id INTEGER NOT NULL,
            prev TEXT NOT NULL,
            planner TEXT,
            PRIMARY KEY (word, sort_name, customer_id)
        ) WITHOUT ROWID;
        CREATE INDEX customer_word_by_customer ON customer_word(customer_id, word);
        CREATE INDEX customer_word_head1 ON customer_word(substr(word, 1, 1), sort_name, customer_id, planner)
            WHERE substr(prev, 1, 1) IS NOT substr(word, 1, 1);
        CREATE INDEX customer_word_head2 ON customer_word(substr(word, 1, 2), sort_name, customer_id, planner)
            WHERE length(word) >= 2 AND substr(prev, 1, 2) IS NOT substr(word, 1, 2);
        CREATE INDEX customer_word_head3 ON customer_word(substr(word, 1, 3), sort_name, customer_id, prev, planner)
            WHERE length(word) >= 3;
        CREATE TABLE customer_tally (
            head TEXT NOT NULL,
            planner TEXT NOT NULL,
            customers INTEGER NOT NULL,
            PRIMARY KEY (head, planner)
        ) WITHOUT ROWID;

        CREATE TRIGGER customer_tally_insert AFTER INSERT ON customer BEGIN
            INSERT INTO customer_tally VALUES ('', coalesce(NEW.planner, ''), 1)
                ON CONFLICT DO UPDATE SET customers = customers + 1;
        END;
        CREATE TRIGGER customer_word_delete AFTER DELETE ON customer BEGIN
            UPDATE customer_tally SET customers = customers - 1 WHERE head = '' AND planner = coalesce(OLD.planner, '');
            DELETE FROM customer_word WHERE customer_id = OLD.id;
        END;
        CREATE TRIGGER customer_word_planner AFTER UPDATE OF planner ON customer
        WHEN OLD.planner IS NOT NEW.planner BEGIN
            UPDATE customer_tally SET customers = customers - 1 WHERE head = '' AND planner = coalesce(OLD.planner, '');
            INSERT INTO customer_tally VALUES ('', coalesce(NEW.planner, ''), 1)
                ON CONFLICT DO UPDATE SET customers = customers + 1;
            UPDATE customer_word SET planner = NEW.planner WHERE customer_id = NEW.id;
        END;

        CREATE TRIGGER customer_word_tally_delete AFTER DELETE ON customer_word BEGIN
            \(count("OLD", "-"))
        END;
        CREATE TRIGGER customer_word_tally_planner AFTER UPDATE OF planner ON customer_word BEGIN
            \(count("OLD", "-"))
            \(count("NEW", "+"))
        END;
        """

    /// The statements that add or take one from the tally of each head this
    /// row is its customer's first word of.
    private static func count(_ row: String, _ sign: String) -> String {
        [1, 2].map { n in
            """
            INSERT INTO customer_tally SELECT substr(\(row).word, 1, \(n)), coalesce(\(row).planner, ''), \(sign)1
                WHERE \(firstOfHead(n, row + ".")) ON CONFLICT DO UPDATE SET customers = customers \(sign) 1;
            """
        }.joined(separator: "\n")
    }

    /// SQL: the row (`row` its table's name and a dot, or nothing) is its customer's first word of its head of
    /// `n` characters, the rows the head indexes hold and the tally counts.
    private static func firstOfHead(_ n: Int, _ row: String = "") -> String {
        "substr(\(row)prev, 1, \(n)) IS NOT substr(\(row)word, 1, \(n))" + (n == 2 ? " AND length(\(row)word) >= 2" : "")
    }

    /// Each customer's words, for customers entered before the word index.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER customer_search_delete; DROP TABLE customer_search;")
        try db.execute(sql: schema)
        try db.execute(sql: "INSERT INTO customer_tally SELECT '', coalesce(planner, ''), count(*) FROM customer GROUP BY 2")
        // The word tally came later (v24-word-tally), and counts these words then.
        var batch = Batch(tallyingWords: false)
        let customers = try Row.fetchCursor(db, sql: "SELECT \(Customer.columns) FROM customer")
        while let row = try customers.next() { try batch.add(try Customer(row: row), db) }
        try batch.finish(db)
    }

    /// The ID's spellings taken out of the index (migration v27-words-of-names): "000123", "123",
    /// "c000123" and "c123" were four of each customer's six or seven rows in the table and each of its
    /// indexes, and a typed number now finds IDs by arithmetic (`IDSearch`). A name's own numbers go too
    /// (numbers find IDs only), and "c" alone. The rest keep their rows; the word before each is mended where
    /// it was one of those, and the tallies, which count by it, are counted anew.
    static func keepNamesOnly(_ db: Database) throws {
        /// SQL: `column` is no word of a name: "c" alone, a number, or "c" and a number.
        func notAName(_ column: String) -> String {
            """
            (\(column) = 'c' OR (\(column) GLOB '[0-9]*' AND \(column) NOT GLOB '*[^0-9]*')
             OR (\(column) GLOB 'c[0-9]*' AND substr(\(column), 2) NOT GLOB '*[^0-9]*'))
            """
        }
        try db.execute(sql: """
            UPDATE customer_word SET prev = coalesce((
                SELECT max(p.word) FROM customer_word p
                WHERE p.customer_id = customer_word.customer_id AND p.word < customer_word.word AND NOT \(notAName("p.word"))
            ), '')
            WHERE \(notAName("prev"));
            DELETE FROM customer_word WHERE \(notAName("word"));
            DELETE FROM customer_tally WHERE head <> '';
            \([1, 2].map { n in
                """
                INSERT INTO customer_tally SELECT substr(word, 1, \(n)), coalesce(planner, ''), count(*) FROM customer_word
                    WHERE \(firstOfHead(n)) GROUP BY 1, 2;
                """
            }.joined(separator: "\n"))
            DELETE FROM word_tally;
            """)
        try WordTally.recount(db)
    }

    /// New customers' words, in the transaction that inserts the customers. Their heads are counted
    /// here and added to the tally once per batch (a trigger per word was a sixth of seeding's time);
    /// removals and hand-offs are counted by the triggers.
    struct Batch {
        private var heads: [Head: Int] = [:]
        private struct Head: Hashable { var head: String; var planner: String }
        private var words: [Word: Int] = [:]
        private struct Word: Hashable { var word: String; var planner: String; var shared: Int }
        private let tallyingWords: Bool

        init(tallyingWords: Bool = true) { self.tallyingWords = tallyingWords }

        /// `terms`: the customer's `searchTerms`, when made ahead (a load's, `PreparedCases`).
        mutating func add(_ c: Customer, terms: [String]? = nil, _ db: Database) throws {
            let insert = try db.cachedStatement(sql: """
                INSERT INTO customer_word (word, sort_name, customer_id, prev, planner) VALUES (?, ?, ?, ?, ?)
                """)
            var prev = ""
            let sortName = c.sortName
            for word in terms ?? c.searchTerms {
                try insert.execute(arguments: [word, sortName, c.id.number, prev, c.planner])
                // The customer's first word of each head of one and two characters (as the triggers count).
                for n in 1...2 where word.unicodeScalars.count >= n {
                    let head = Self.first(n, of: word)
                    if Self.first(n, of: prev) != head { heads[Head(head: head, planner: c.planner ?? ""), default: 0] += 1 }
                }
                if tallyingWords, let shared = WordTally.shared(prev, word) {
                    words[Word(word: word, planner: c.planner ?? "", shared: shared), default: 0] += 1
                }
                prev = word
            }
        }

        func finish(_ db: Database) throws {
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO customer_tally VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET customers = customers + excluded.customers
                """)
            for (key, n) in heads { try upsert.execute(arguments: [key.head, key.planner, n]) }
            guard tallyingWords else { return }
            let word = try db.cachedStatement(sql: """
                INSERT INTO word_tally VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET customers = customers + excluded.customers
                """)
            for (key, n) in words { try word.execute(arguments: [key.word, key.planner, key.shared, n]) }
        }

        /// The first `n` characters, as SQLite's substr counts them (code points).
        private static func first(_ n: Int, of word: String) -> String {
            String(String.UnicodeScalarView(word.unicodeScalars.prefix(n)))
        }
    }
}
