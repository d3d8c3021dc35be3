import Domain
import GRDB

/// The count of a search of three characters and more from a tally
/// (migration v24-word-tally), as `customer_tally` counts one and two.
///
/// At 1,000,000 customers a common name's three to six letters ("ngu" …
/// "nguyen") match 27,000 customers, each counted in the word index on
/// every keystroke. `word_tally` counts, by planner ('' the unassigned), the
/// customers with each word and how many first characters the word shares
/// with the customer's word before it (`shared`). A customer is one match of
/// a typed word at the first of their words that begins with it: the row
/// whose word before it does not begin with it, so whose `shared` is less
/// than the typed word's length. A count is the sum of the rows of the few
/// words that begin with what was typed.
///
/// Words that look like an ID are not tallied (`SearchTerms.looksLikeAnID`):
/// until v27-words-of-names the index held the ID's spellings, each one
/// customer's alone; since, it holds none, and a typed number is counted by
/// `IDSearch`.
/// Kept in each write's transaction: a batch of new customers counts its own
/// (SearchWords.Batch), triggers count removals and hand-offs.
enum WordTally {
    static let schema = """
        CREATE TABLE word_tally (
            word TEXT NOT NULL,
            planner TEXT NOT NULL,
            shared INTEGER NOT NULL,
            customers INTEGER NOT NULL,
            PRIMARY KEY (word, planner, shared)
        ) WITHOUT ROWID;
        CREATE TRIGGER word_tally_delete AFTER DELETE ON customer_word
        WHEN careerplan_word_shared(OLD.prev, OLD.word) IS NOT NULL BEGIN
            \(count("OLD", "-"))
        END;
        CREATE TRIGGER word_tally_planner AFTER UPDATE OF planner ON customer_word
        WHEN careerplan_word_shared(NEW.prev, NEW.word) IS NOT NULL BEGIN
            \(count("OLD", "-"))
            \(count("NEW", "+"))
        END;
        """

    private static func count(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO word_tally VALUES (\(row).word, coalesce(\(row).planner, ''), careerplan_word_shared(\(row).prev, \(row).word), \(sign)1)
            ON CONFLICT DO UPDATE SET customers = customers \(sign) 1;
        """
    }

    /// `careerplan_word_shared(prev, word)` in SQL: what a tallied word shares with the word before it,
    /// NULL for the ID's spellings (not tallied). Registered on every connection, as the audit's functions.
    static let function = DatabaseFunction("careerplan_word_shared", argumentCount: 2, pure: true) { values in
        guard let prev = String.fromDatabaseValue(values[0]), let word = String.fromDatabaseValue(values[1]) else { return nil }
        return shared(prev, word)
    }

    /// What a word shares with the customer's word before it, or nil when the tally leaves it out.
    static func shared(_ prev: String, _ word: String) -> Int? {
        SearchTerms.looksLikeAnID(word) ? nil : SearchTerms.shared(prev, word)
    }

    /// The tally of the words already in the index.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: schema)
        try recount(db)
    }

    /// The words of the index counted into an empty tally.
    static func recount(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO word_tally
            SELECT word, coalesce(planner, ''), careerplan_word_shared(prev, word) AS shared, count(*) FROM customer_word
            WHERE shared IS NOT NULL GROUP BY 1, 2, 3
            """)
    }

    /// Whether the tally counts this search: one typed word of three characters or more, and no number.
    static func counts(_ search: WordSearch) -> Bool {
        search.others.isEmpty && search.ids == nil && search.driver.unicodeScalars.count >= 3
    }

    /// The customers whose words begin with `term`, within the filter's planners.
    static func count(_ term: String, _ filter: CaseloadFilter, _ db: Database) throws -> Int {
        let (scope, scopeArgs) = CustomerSearch.tallyScope(filter)
        return try Int.fetchOne(db, sql: """
            SELECT coalesce(sum(customers), 0) FROM word_tally WHERE word >= ? AND word < ? AND shared < ?
            """ + scope, arguments: [term, WordSearch.end(of: term), term.unicodeScalars.count] + scopeArgs) ?? 0
    }
}
