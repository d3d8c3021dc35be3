import Domain
import GRDB

/// Recommendations the planner dismissed. A dismissal holds while the data
/// behind the recommendation (its fingerprint) is unchanged.
extension CaseloadStore {
    public func dismissals(for id: CustomerID) throws -> [Dismissal] {
        try read { db in try Self.dismissals(db, customer: id) }
    }

    public func dismiss(_ d: Dismissal, by user: Staff?) throws {
        let user = try Self.permit(.editPlan, by: user)
        guard !d.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.invalid("say why the recommendation is dismissed")
        }
        try write { db in
            try workOn(d.customer, by: user, db)
            try Self.insert(d, db)
        }
    }

    /// Brings a dismissed recommendation back.
    public func restore(_ key: String, for id: CustomerID, by user: Staff?) throws {
        try writeCase(.editPlan, customer: id, by: user) { user, db in
            try db.cached(sql: "DELETE FROM dismissal WHERE customer_id = ? AND item_key = ?", arguments: [id.number, key])
        }
    }

    static func insert(_ d: Dismissal, _ db: Database) throws {
        try db.cached(sql: """
            INSERT INTO dismissal (customer_id, item_key, fingerprint, reason, dismissed_by, dismissed_on)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(customer_id, item_key) DO UPDATE SET fingerprint = excluded.fingerprint, reason = excluded.reason, dismissed_by = excluded.dismissed_by, dismissed_on = excluded.dismissed_on
            """, arguments: [d.customer.number, d.key, d.fingerprint, d.reason, d.by, d.on.description])
    }

    static func dismissals(_ db: Database, customer: CustomerID? = nil, ids: ClosedRange<Int64>? = nil) throws -> [Dismissal] {
        try rows(db, "dismissal", customer, ids: ids, order: "customer_id, item_key").map { row in
            Dismissal(customer: CustomerID(row["customer_id"]), key: row["item_key"], fingerprint: row["fingerprint"],
                      reason: row["reason"], by: row["dismissed_by"], on: try day(row, "dismissed_on"))
        }
    }
}
