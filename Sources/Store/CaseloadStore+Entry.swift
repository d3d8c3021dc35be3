import Domain
import Foundation
import GRDB

extension CaseloadStore {
    /// Customers who might be the same person as `new` (never merged).
    public func possibleDuplicates(of new: Customer) throws -> [DuplicateCheck.Match] {
        let candidates = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Customer.columns) FROM customer
                WHERE birth_date = ? OR (email IS NOT NULL AND email = ? COLLATE NOCASE)
                   OR (phone IS NOT NULL AND phone = ?)
                ORDER BY id LIMIT 200
                """, arguments: [new.birthDate.description, new.email, new.phone]).map(Customer.init(row:))
        }
        return DuplicateCheck.matches(for: new, among: candidates)
    }

    /// Creates a reportable individual from a front-desk entry in one
    /// transaction. The role is checked here, not only on screen; creating
    /// despite shown duplicates records that decision.
    public func enter(_ entry: CustomerEntry, by user: Staff?, today: Day,
                      despite duplicates: [CustomerID] = []) throws -> Customer {
        let user = try Self.permit(.enterCustomer, by: user)
        return try write { db in
            let id = CustomerID((try Int64.fetchOne(db, sql: "SELECT max(id) FROM customer") ?? 0) + 1)
            guard let customer = entry.customer(id: id, today: today) else {
                throw StoreError.invalid(entry.problems(today: today).map { "\($0.key.label): \($0.value)" }.sorted().joined(separator: "; "))
            }
            try Self.insert([customer], db)
            if !duplicates.isEmpty {
                try Self.insert(DuplicateDecision(customer: id, matched: duplicates, decidedBy: user.login,
                                                  decidedAt: timestamp()), db)
            }
            return customer
        }
    }


    /// Where a customer sits in the whole caseload's name order.
    public func position(of id: CustomerID) throws -> Int? {
        try read { db in
            guard let name = try String.fetchOne(db, sql: "SELECT sort_name FROM customer WHERE id = ?",
                                                 arguments: [id.number]) else { return nil }
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM customer WHERE sort_name < ? OR (sort_name = ? AND id < ?)
                """, arguments: [name, name, id.number])
        }
    }

    /// Stores decisions made elsewhere (the demo and seed caseloads).
    public func insert(decisions: [DuplicateDecision]) throws {
        try write { db in for d in decisions { try Self.insert(d, db) } }
    }

    public func duplicateDecisions() throws -> [DuplicateDecision] {
        try read { db in try Self.duplicateDecisions(db) }
    }

    /// The decisions to keep this customer despite possible duplicates.
    public func duplicateDecisions(for id: CustomerID) throws -> [DuplicateDecision] {
        try read { db in try Self.duplicateDecisions(db, customer: id) }
    }

    static func duplicateDecisions(_ db: Database, customer: CustomerID? = nil) throws -> [DuplicateDecision] {
        let filter = customer == nil ? "" : "WHERE customer_id = ?"
        return try Row.fetchAll(db, sql: "SELECT * FROM duplicate_decision \(filter) ORDER BY id",
                                arguments: StatementArguments(customer.map { [$0.number] } ?? [])).map { row in
            DuplicateDecision(
                customer: CustomerID(row["customer_id"]),
                matched: (row["matched"] as String).split(separator: " ").compactMap { CustomerID(parsing: String($0)) },
                decidedBy: row["decided_by"], decidedAt: row["decided_at"])
        }
    }

    static func insert(_ d: DuplicateDecision, _ db: Database) throws {
        try db.cached(sql: """
            INSERT INTO duplicate_decision (customer_id, matched, decided_by, decided_at) VALUES (?, ?, ?, ?)
            """, arguments: [d.customer.number, d.matched.map(\.description).joined(separator: " "),
                             d.decidedBy, d.decidedAt])
    }

}
