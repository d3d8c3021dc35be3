import Domain
import GRDB

/// One search of the customer list over the word index (SearchWords): every
/// typed word must begin one of the customer's words, and every typed number
/// one of the ID's spellings (`ids`). The longest word drives (the fewest
/// matches); the other words and the IDs are checked per customer.
struct WordSearch {
    let driver: String
    let others: [String]
    let ids: [ClosedRange<Int64>]?
    let filter: CaseloadFilter

    init?(_ words: [String], ids: [ClosedRange<Int64>]?, _ filter: CaseloadFilter) {
        guard let longest = words.indices.max(by: { words[$0].unicodeScalars.count < words[$1].unicodeScalars.count })
        else { return nil }
        driver = words[longest]
        others = words.enumerated().filter { $0.offset != longest }.map(\.element)
        self.ids = ids
        self.filter = filter
    }

    /// The driver's first characters that a head index is kept for: one, two or three.
    private var head: Int { min(driver.unicodeScalars.count, 3) }

    /// How many customers match.
    func count(_ db: Database) throws -> Int {
        if head < 3, others.isEmpty, ids == nil { return try Self.tally(head: driver, filter, db) }
        if WordTally.counts(self) { return try WordTally.count(driver, filter, db) }
        let (conditions, args) = rangeConditions()
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM customer_word w WHERE " + conditions, arguments: args) ?? 0
    }

    /// The ids and sort names of one page in name order, as a query to join the customers to.
    /// Many matches are read from the head index of the driver's first characters in name order,
    /// which stops at the page's end; few are sorted (sorting costs about their number, walking
    /// the head index up to all of the head's rows, which is sorting's cost without the sort).
    func page(offset: Int, limit: Int, matches: Int) -> (String, StatementArguments) {
        var (conditions, args) = rangeConditions()
        var from = "customer_word w"
        if matches >= Self.fewMatches, offset + limit <= matches {
            (conditions, args) = headConditions()
            from += " INDEXED BY customer_word_head\(head)"
        }
        return ("SELECT w.customer_id, w.sort_name FROM \(from) WHERE \(conditions) ORDER BY w.sort_name, w.customer_id LIMIT ? OFFSET ?",
                args + [limit, offset])
    }

    /// Below this many matches a page sorts them (well under a millisecond).
    static let fewMatches = 1_000

    /// The driver's matches as a range of the table (the primary key), one row per customer.
    private func rangeConditions() -> (String, StatementArguments) {
        withOthers("w.word >= ? AND w.word < ? AND w.prev < ?", [driver, Self.end(of: driver), driver])
    }

    /// The driver's matches in its head index (the index's own condition repeated so SQLite may use it).
    /// The indexes of one and two characters hold only each customer's first word of each head, so the
    /// head is the whole condition; that of three holds every word of three or more, the word and the
    /// one before it too.
    private func headConditions() -> (String, StatementArguments) {
        let first = "substr(w.word, 1, \(head))"
        switch head {
        case 3:
            let three = String(String.UnicodeScalarView(driver.unicodeScalars.prefix(3)))
            return withOthers("\(first) = ? AND length(w.word) >= 3 AND w.word >= ? AND w.word < ? AND w.prev < ?",
                              [three, driver, Self.end(of: driver), driver])
        default:
            return withOthers("\(first) = ?" + (head == 2 ? " AND length(w.word) >= 2" : "")
                              + " AND substr(w.prev, 1, \(head)) IS NOT \(first)", [driver])
        }
    }

    private func withOthers(_ driving: String, _ driverArgs: StatementArguments) -> (String, StatementArguments) {
        var conditions = [driving]
        var args = driverArgs
        for term in others {
            conditions.append("EXISTS (SELECT 1 FROM customer_word o WHERE o.customer_id = w.customer_id AND o.word >= ? AND o.word < ?)")
            args += [term, Self.end(of: term)]
        }
        if let ids {
            conditions.append(IDSearch.condition(ids, column: "w.customer_id"))
            args += StatementArguments(ids.flatMap { [$0.lowerBound, $0.upperBound] })
        }
        let (reach, reachArgs) = CustomerSearch.reach(filter, column: "w.planner")
        conditions += reach
        return (conditions.joined(separator: " AND "), args + reachArgs)
    }

    /// The customers of a head ('' for everyone) within the filter's planners, from the tally.
    static func tally(head: String, _ filter: CaseloadFilter, _ db: Database) throws -> Int {
        let (scope, scopeArgs) = CustomerSearch.tallyScope(filter)
        return try Int.fetchOne(db, sql: "SELECT coalesce(sum(customers), 0) FROM customer_tally WHERE head = ?" + scope,
                                arguments: [head] + scopeArgs) ?? 0
    }

    /// The end of a term's range: its last character one higher. Text compares as its UTF-8 bytes,
    /// which is the order of the code points, so the words that begin with the term are exactly
    /// those from the term up to, and not including, this.
    static func end(of term: String) -> String {
        var scalars = Array(term.unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if next == 0xD800 { next = 0xE000 }   // past the surrogates, which are not characters
            if let s = Unicode.Scalar(next) { return String(String.UnicodeScalarView(scalars + [s])) }
        }
        return "\u{10FFFF}"
    }
}
