import Domain
import Foundation
import GRDB

/// The write core: every change to the data file passes here. A method that
/// changes a customer's case asks `writeCase` for the permission (the role),
/// the reach (the planner's own, unassigned or covered customers) and one
/// transaction, in which the audit triggers record the actor, the due table
/// is brought up to date and no forbidden text may land; `timestamp` is the
/// store's injected clock; a refusal is put in words by `describe`.
extension CaseloadStore {
    /// A write to one customer's case by `user`, allowed `permission`: the
    /// body runs with the permitted staff member inside the transaction,
    /// after the reach check (which takes on an unassigned customer).
    func writeCase<T>(_ permission: Permission, customer: CustomerID, by user: Staff?,
                      _ body: (Staff, Database) throws -> T) throws -> T {
        let user = try Self.permit(permission, by: user)
        return try write { db in
            try workOn(customer, by: user, db)
            return try body(user, db)
        }
    }

    /// The record as saved now, when it is still the one the user edited
    /// (`same`: equal, or the same version): a missing record is not found, a
    /// changed one is refused naming who changed it and when, so a save never
    /// overwrites another user's work unseen.
    static func unchanged<T>(_ expected: T, now current: T?, entity: String, key: Int64, _ db: Database,
                             same: (T, T) -> Bool) throws -> T {
        guard let current else { throw StoreError.notFound("\(entity) \(key)") }
        guard same(current, expected) else {
            throw StoreError.changedMeanwhile("this \(entity)" + (try lastChange(entity: entity, key: key, db).map { " (\($0))" } ?? ""))
        }
        return current
    }

    static func unchanged<T: Equatable>(_ expected: T, now current: T?, entity: String, key: Int64, _ db: Database) throws -> T {
        try unchanged(expected, now: current, entity: entity, key: key, db, same: ==)
    }

    /// The one permission check (Domain's rule): every writing method calls
    /// it before it writes. Returns the user.
    @discardableResult
    public static func permit(_ permission: Permission, by user: Staff?) throws -> Staff {
        try permission.check(by: user)
    }

    /// Every read goes through here: what SQLite could not read (a damaged
    /// page or packed body, the disk, a file held too long) is said in words,
    /// never as SQLite's own message with its SQL.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.cannotRead(path: path, reason: Self.plain(error))
        }
    }

    /// Every write goes through here: the body, then the due items of the
    /// customers it touched, in one transaction. A write that touches every
    /// customer (a new contact interval) leaves the rest to `refreshAllDue`,
    /// so no one transaction holds the file for long.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard !isReadOnly else { throw StoreError.readOnly(path: readOnlyName) }
        do {
            let result = try Self.waitingOutBusy { try pool.write { db in
                let audited = try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit") ?? 0
                try Self.refuseDeparted(actor.login, db)
                try PackedBodies.sync(db)
                let result = try body(db)
                try Self.refuseForbiddenText(writtenAfter: audited, db)
                // A bulk load recomputes once, at its end.
                if actor.login != nil { try refreshDue(db, upTo: Self.dueBatch) }
                return result
            } }
            if actor.login != nil { try refreshAllDue() }
            committed.add(1, ordering: .relaxed)
            return result
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw StoreError.readOnly(path: readOnlyName)
        } catch let error as DatabaseError where [.SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_CORRUPT]
                    .contains(error.resultCode) {
            throw StoreError.cannotWrite(path: path, reason: Self.plain(error))
        }
    }

    /// Refuses a planner a customer of another planner they do not cover; a
    /// planner who works a customer nobody has taken on yet takes them on.
    /// Called inside every write to a customer's case, in its transaction.
    func workOn(_ customer: CustomerID, by user: Staff, _ db: Database) throws {
        guard user.role == .planner else { return }
        guard let row = try Row.fetchOne(db, sql: "SELECT planner FROM customer WHERE id = ?", arguments: [customer.number]) else {
            throw StoreError.notFound("customer \(customer)")
        }
        let planner: String? = row["planner"]
        try Self.reach(of: user, on: today(), db).require(planner, by: user, to: "work") {
            try planner.flatMap { try String.fetchOne(db, sql: "SELECT name FROM staff WHERE login = ?", arguments: [$0]) }
        }
        if planner == nil {
            // The planner field is not edited by any form, so no version bump: open forms still save.
            try db.cached(sql: "UPDATE customer SET planner = ? WHERE id = ? AND planner IS NULL",
                          arguments: [user.login, customer.number])
        }
    }

    /// Now, as the store stamps what it writes (a plan version's save, a
    /// signature's capture): from the store's clock, which tests fix. The
    /// audit trail's own times are SQLite's, from the system clock, so no
    /// caller can date an audit row.
    func timestamp() -> String { Self.timestamp(now()) }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// A record's body, as Foundation's JSONEncoder writes it with sorted keys (`RecordJSON`).
    static func encodeJSON(_ value: some Encodable) throws -> String {
        try RecordJSON.encode(value)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String, _ what: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw StoreError.notFound("readable \(what)")
        }
    }

    /// Problems by field, in words: "Date: not a date; Note is required".
    static func describe(_ problems: [String: String], _ fields: [FormField]) -> String {
        FieldProblems(problems, fields: fields).summary
    }

    /// A changed record must be the record the user saw, changed only where
    /// the change may: never another record, customer or part of its history.
    public static func refuseRebinding<T>(_ changed: T, of expected: T, same: Bool) throws {
        guard same else { throw StoreError.invalid("the change does not fit the record it was made from; open it again") }
    }
}
