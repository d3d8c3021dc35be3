import Domain
import Foundation
import GRDB

/// What a user had typed into a form and not saved, kept in the data file
/// every few seconds and when the connection drops, until they save it or
/// throw it away. Only its own user ever sees a draft.
public struct Draft: Hashable, Sendable {
    public var values: [String: String]
    /// ISO 8601, UTC.
    public var savedAt: String
}

extension CaseloadStore {
    /// A full SSN typed anywhere is masked before it reaches the file.
    public func saveDraft(_ values: [String: String], login: String, customer: CustomerID, form: String) throws {
        let values = values.mapValues(Acronyms.withoutSSN)
        try write { db in
            try db.cached(sql: """
                INSERT INTO draft (login, customer_id, form, body, saved_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(login, customer_id, form) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at
                """, arguments: [login, customer.number, form, try Self.encodeJSON(values), Self.timestamp()])
        }
    }

    public func draft(login: String, customer: CustomerID, form: String) throws -> Draft? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT body, saved_at FROM draft WHERE login = ? AND customer_id = ? AND form = ?",
                             arguments: [login, customer.number, form]).map { row in
                Draft(values: try Self.decodeJSON([String: String].self, row["body"], "draft.body"), savedAt: row["saved_at"])
            }
        }
    }

    public func deleteDraft(login: String, customer: CustomerID, form: String) throws {
        try write { db in
            try db.cached(sql: "DELETE FROM draft WHERE login = ? AND customer_id = ? AND form = ?",
                          arguments: [login, customer.number, form])
        }
    }
}
