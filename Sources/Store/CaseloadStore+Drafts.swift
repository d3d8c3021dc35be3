import Domain
import Foundation
import GRDB

extension CaseloadStore {
    /// A full SSN typed anywhere is masked before it reaches the file.
    public func saveDraft(_ values: [String: String], customer: CustomerID, form: String) throws {
        let login = try draftOwner()
        let values = values.mapValues(Acronyms.withoutSSN)
        try write { db in
            try db.cached(sql: """
                INSERT INTO draft (login, customer_id, form, body, saved_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(login, customer_id, form) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at
                """, arguments: [login, customer.number, form, try Self.encodeJSON(values), timestamp()])
        }
    }

    public func draft(customer: CustomerID, form: String) throws -> Draft? {
        let login = try draftOwner()
        return try read { db in
            try Row.fetchOne(db, sql: "SELECT body, saved_at FROM draft WHERE login = ? AND customer_id = ? AND form = ?",
                             arguments: [login, customer.number, form]).map { row in
                Draft(values: try Self.decodeJSON([String: String].self, row["body"], "draft.body"), savedAt: row["saved_at"])
            }
        }
    }

    public func deleteDraft(customer: CustomerID, form: String) throws {
        let login = try draftOwner()
        try write { db in
            try db.cached(sql: "DELETE FROM draft WHERE login = ? AND customer_id = ? AND form = ?",
                          arguments: [login, customer.number, form])
        }
    }

    private func draftOwner() throws -> String {
        guard let login = actor.login else { throw StoreError.notOnStaff }
        return login
    }
}
