import Domain
import GRDB

extension CaseloadStore {
    /// How many customers match: the list's length without loading it.
    public func count(_ filter: CaseloadFilter) throws -> Int {
        try read { db in
            if let search = CustomerSearch(filter) { return try search.count(db) }
            return try WordSearch.tally(head: "", filter, db)
        }
    }

    /// One page of the list in name order; never the whole caseload.
    /// `matches`, when the caller counted them, chooses how to read a search.
    public func customers(_ filter: CaseloadFilter, offset: Int, limit: Int, matches: Int? = nil) throws -> [Customer] {
        try read { db in
            guard let search = CustomerSearch(filter) else {
                let (sql, args) = Self.select(filter)
                return try Row.fetchAll(db, sql: sql + " ORDER BY c.sort_name, c.id LIMIT ? OFFSET ?",
                                        arguments: args + [limit, offset]).map(Customer.init(row:))
            }
            let (page, args) = try search.page(offset: offset, limit: limit, matches: try matches ?? search.count(db), db)
            return try Row.fetchAll(db, sql: """
                WITH page AS MATERIALIZED (\(page))
                SELECT \(Self.customerColumns) FROM page JOIN customer c ON c.id = page.customer_id
                ORDER BY page.sort_name, page.customer_id
                """, arguments: args).map(Customer.init(row:))
        }
    }

    public func customer(_ id: CustomerID) throws -> Customer? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Customer.columns) FROM customer WHERE id = ?",
                             arguments: [id.number]).map(Customer.init(row:))
        }
    }

    /// Inserts customers in one transaction (the demo, seed and import).
    public func insert(_ customers: some Sequence<Customer>) throws {
        try write { db in try Self.insert(customers, db) }
    }

    static func insert(_ customers: some Sequence<Customer>, _ db: Database) throws {
        try insert(customers.lazy.map { ($0, terms: [String]?.none) }, db)
    }

    /// Customers with their search terms when made ahead (a load's).
    static func insert(_ customers: some Sequence<(Customer, terms: [String]?)>, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO customer (\(Customer.columns), sort_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var words = SearchWords.Batch()
        for (c, terms) in customers {
            try insert.execute(arguments: c.rowValues + [c.sortName])
            try words.add(c, terms: terms, db)
        }
        try words.finish(db)
    }

    public func nextCustomerID() throws -> CustomerID {
        try read { db in
            CustomerID((try Int64.fetchOne(db, sql: "SELECT max(id) FROM customer") ?? 0) + 1)
        }
    }

    /// The customer columns of a query that calls the customer table `c`.
    static let customerColumns = Customer.columnNames.map { "c." + $0 }.joined(separator: ", ")

    /// The list without a search: the name index, or the planner's.
    private static func select(_ filter: CaseloadFilter) -> (String, StatementArguments) {
        let (conditions, args) = CustomerSearch.reach(filter, column: "c.planner")
        return ("SELECT \(customerColumns) FROM customer c" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")), args)
    }
}
