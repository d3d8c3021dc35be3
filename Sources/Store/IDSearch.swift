import Domain
import GRDB

/// A search of numbers only ("C000123", "12"): the customers whose ID one of
/// the numbers begins, every number, read from the customer table by the
/// ranges of IDs they make (`CustomerID.ranges(beginning:)`), never from words.
///
/// `id_tally` (migration v27-words-of-names) counts customers by planner
/// ('' the unassigned) in blocks of 1,000 IDs, kept by triggers: a count is
/// the blocks a range covers whole plus the few IDs at its ends, so "1",
/// which begins 111,111 IDs of 1,000,000, is counted from about a hundred rows.
struct IDSearch {
    let ids: [ClosedRange<Int64>]
    let filter: CaseloadFilter

    static let schema = """
        CREATE TABLE id_tally (
            block INTEGER NOT NULL,
            planner TEXT NOT NULL,
            customers INTEGER NOT NULL,
            PRIMARY KEY (block, planner)
        ) WITHOUT ROWID;
        CREATE TRIGGER id_tally_insert AFTER INSERT ON customer BEGIN
            INSERT INTO id_tally VALUES (NEW.id / 1000, coalesce(NEW.planner, ''), 1)
                ON CONFLICT DO UPDATE SET customers = customers + 1;
        END;
        CREATE TRIGGER id_tally_delete AFTER DELETE ON customer BEGIN
            UPDATE id_tally SET customers = customers - 1 WHERE block = OLD.id / 1000 AND planner = coalesce(OLD.planner, '');
        END;
        CREATE TRIGGER id_tally_planner AFTER UPDATE OF planner ON customer WHEN OLD.planner IS NOT NEW.planner BEGIN
            UPDATE id_tally SET customers = customers - 1 WHERE block = OLD.id / 1000 AND planner = coalesce(OLD.planner, '');
            INSERT INTO id_tally VALUES (NEW.id / 1000, coalesce(NEW.planner, ''), 1)
                ON CONFLICT DO UPDATE SET customers = customers + 1;
        END;
        """

    static let block: Int64 = 1_000

    /// The customers already entered, counted.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: schema)
        try db.execute(sql: "INSERT INTO id_tally SELECT id / 1000, coalesce(planner, ''), count(*) FROM customer GROUP BY 1, 2")
    }

    /// How many customers in the filter's reach have an ID in the ranges.
    func count(_ db: Database) throws -> Int {
        let (scope, scopeArgs) = CustomerSearch.tallyScope(filter)
        let (reach, reachArgs) = CustomerSearch.reach(filter, column: "planner")
        // NOT INDEXED: by the IDs' range, never by walking a planner's whole list in their index.
        let direct = try db.cachedStatement(sql: "SELECT count(*) FROM customer NOT INDEXED WHERE id BETWEEN ? AND ?"
                                            + reach.map { " AND " + $0 }.joined())
        let blocks = try db.cachedStatement(sql: "SELECT coalesce(sum(customers), 0) FROM id_tally WHERE block BETWEEN ? AND ?" + scope)
        var total = 0
        for r in ids {
            // The blocks inside the range whole, from the tally; the IDs before and after them, one by one.
            let first = (r.lowerBound + Self.block - 1) / Self.block
            let last = (r.upperBound + 1) / Self.block - 1
            if first <= last {
                total += try Int.fetchOne(blocks, arguments: [first, last] + scopeArgs) ?? 0
                for (low, high) in [(r.lowerBound, first * Self.block - 1), ((last + 1) * Self.block, r.upperBound)] where low <= high {
                    total += try Int.fetchOne(direct, arguments: [low, high] + reachArgs) ?? 0
                }
            } else {
                total += try Int.fetchOne(direct, arguments: [r.lowerBound, r.upperBound] + reachArgs) ?? 0
            }
        }
        return total
    }

    /// One page in name order, as `WordSearch.page`. Matches common among the customers are read by walking
    /// the name index (the planner's, for one planner's list), which stops at the page's end: about
    /// (offset + limit) × everyone / matches rows; a page near the end is walked to from the end (End on "1"
    /// among 1,000,000 sorted all 111,111 matches, a quarter of a second); rarer matches ("C004" among
    /// 1,000,000) are sorted instead. `matches` must be the count for a walk from the end.
    func page(offset: Int, limit: Int, matches: Int, _ db: Database) throws -> (String, StatementArguments) {
        let everyone = try WordSearch.tally(head: "", filter, db)
        var (conditions, args) = CustomerSearch.reach(filter, column: "c.planner")
        conditions.insert(Self.condition(ids, column: "c.id"), at: 0)
        args = StatementArguments(ids.flatMap { [$0.lowerBound, $0.upperBound] }) + args
        let names = filter.planner == nil ? "customer c INDEXED BY customer_by_name" : "customer c INDEXED BY customer_by_planner"
        let select = { (from: String) in "SELECT c.id AS customer_id, c.sort_name FROM \(from) WHERE " + conditions.joined(separator: " AND ") }
        let common = { (walked: Int) in walked * everyone < 4 * matches * matches }
        if offset + limit <= matches, common(offset + limit) {
            return (select(names) + " ORDER BY c.sort_name, c.id LIMIT ? OFFSET ?",
                    args + [limit, offset])
        }
        let end = min(offset + limit, matches)
        if offset < end, common(matches - offset) {
            // The page's rows counted from the last match backwards, then put back in name order.
            return ("SELECT * FROM (" + select(names)
                    + " ORDER BY c.sort_name DESC, c.id DESC LIMIT ? OFFSET ?) ORDER BY sort_name, customer_id",
                    args + [end - offset, matches - end])
        }
        // Few: by the IDs' ranges, then sorted.
        return (select("customer c NOT INDEXED") + " ORDER BY c.sort_name, c.id LIMIT ? OFFSET ?",
                args + [limit, offset])
    }

    /// `column` within the ranges, as SQL whose arguments are each range's ends in order.
    static func condition(_ ids: [ClosedRange<Int64>], column: String) -> String {
        ids.isEmpty ? "0" : "(" + ids.map { _ in "\(column) BETWEEN ? AND ?" }.joined(separator: " OR ") + ")"
    }
}
