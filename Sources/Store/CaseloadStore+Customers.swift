import Domain
import GRDB

extension CaseloadStore {
    /// How many customers match: the list's length without loading it.
    public func count(_ filter: CaseloadFilter) throws -> Int {
        try pool.read { db in
            // Every index row is a customer: without another condition the
            // count needs no join (a one-letter search matches thousands;
            // joining them all was most of a keystroke's time).
            if filter.planner == nil, filter.reach == .everyone, let match = SearchQuery.match(filter.search) {
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM customer_search WHERE customer_search MATCH ?",
                                        arguments: [match]) ?? 0
            }
            let (sql, args) = Self.select("count(*)", filter)
            return try Int.fetchOne(db, sql: sql, arguments: args) ?? 0
        }
    }

    /// One page of the list in name order; never the whole caseload.
    /// `matches`, when the caller counted them, chooses how to read a search.
    public func customers(_ filter: CaseloadFilter, offset: Int, limit: Int, matches: Int? = nil) throws -> [Customer] {
        try pool.read { db in
            var (sql, args) = Self.select(Self.customerColumns, filter)
            if let match = SearchQuery.match(filter.search) {
                let found = try matches ?? Int.fetchOne(db, sql: "SELECT count(*) FROM customer_search WHERE customer_search MATCH ?",
                                                        arguments: [match]) ?? 0
                let all = try Int.fetchOne(db, sql: "SELECT max(id) FROM customer") ?? 0
                // Sorting the matches costs about their number; walking the name
                // index until the page is found costs about (offset + limit) x
                // all / matches rows when the matches are spread through the
                // names, as a one-letter search's are (measured: scripts/bench).
                if found > 0, SearchQuery.isOneLetter(filter.search), (offset + limit) * all / found < found {
                    (sql, args) = Self.select(Self.customerColumns, filter, walkingNames: true)
                }
            }
            let rows = try Row.fetchAll(db, sql: sql + " ORDER BY c.sort_name, c.id LIMIT ? OFFSET ?",
                                        arguments: args + [limit, offset])
            return try rows.map(Customer.init(row:))
        }
    }

    public func customer(_ id: CustomerID) throws -> Customer? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Customer.columns) FROM customer WHERE id = ?",
                             arguments: [id.number]).map(Customer.init(row:))
        }
    }

    /// Inserts customers in one transaction (the demo, seed and import).
    public func insert(_ customers: some Sequence<Customer>) throws {
        try write { db in try Self.insert(customers, db) }
    }

    static func insert(_ customers: some Sequence<Customer>, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO customer (\(Customer.columns), sort_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let index = try db.cachedStatement(sql: "INSERT INTO customer_search (rowid, words) VALUES (?, ?)")
        for c in customers {
            try insert.execute(arguments: c.rowValues + [c.sortName])
            try index.execute(arguments: [c.id.number, c.searchWords])
        }
    }

    public func nextCustomerID() throws -> CustomerID {
        try pool.read { db in
            CustomerID((try Int64.fetchOne(db, sql: "SELECT max(id) FROM customer") ?? 0) + 1)
        }
    }

    /// The customer columns of a query that calls the customer table `c`.
    static let customerColumns = Customer.columns.split(separator: ",")
        .map { "c." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")

    private static func select(_ what: String, _ filter: CaseloadFilter, walkingNames: Bool = false) -> (String, StatementArguments) {
        var sql = "SELECT \(what) FROM customer c"
        var conditions: [String] = []
        var args: StatementArguments = []
        if walkingNames, let match = SearchQuery.match(filter.search) {
            sql += " INDEXED BY customer_by_name"
            conditions.append("c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)")
            args += [match]
        } else if let match = SearchQuery.match(filter.search) {
            // A join, not "id IN (...)": with few matches the IN form walks the
            // whole name index looking for them (measured: scripts/bench).
            sql += " JOIN customer_search s ON s.rowid = c.id"
            conditions.append("customer_search MATCH ?")
            args += [match]
        }
        if let planner = filter.planner {
            conditions.append("c.planner = ?")
            args += [planner]
        }
        if case .planners(let logins) = filter.reach {
            let sorted = logins.sorted()
            conditions.append("(c.planner IS NULL OR c.planner IN (\(sorted.map { _ in "?" }.joined(separator: ", "))))")
            args += StatementArguments(sorted)
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return (sql, args)
    }
}
