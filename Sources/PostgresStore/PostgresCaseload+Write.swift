import Domain
import Foundation
import Store

/// The write core on PostgreSQL, as the file store's: the role checked
/// here (the server checks it again through its grants), the planner's
/// reach (the server's row-level security), one transaction, no forbidden
/// text. The server's triggers write the audit trail and mark the customers
/// whose records changed; the due writer recomputes them after the commit.
extension PostgresCaseload {
    /// `body` in one transaction with `touched` customers' due items, when the session showed the writer's
    /// key (v17); else recomputed by the due writer after the commit. A write of records first shows the
    /// server the session is careerplan's (a draft is the member's own).
    /// `touchedBy` names customers known only from the result (a new customer's number, taken inside).
    @discardableResult
    func write<T>(touching touched: [CustomerID] = [], touchedBy: (T) -> [CustomerID] = { _ in [] }, records: Bool = true,
                  _ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let result: T
        var all = touched
        do {
            result = try link.transaction {
                // Inside: a connection the server ended is opened again at BEGIN, and must show the key anew.
                if records { try showWriterKey() }
                let result = try body()
                all += touchedBy(result)
                if dueInTransaction { try recomputeWithin(all) }
                return result
            }
        } catch {
            // A proof made in a transaction that did not commit went with it (its token and setting): the next write shows it again.
            provenConnection = 0
            throw error
        }
        writesCommitted += 1
        if !dueInTransaction { keepDue(all) }
        return result
    }

    /// A write to one customer's case by `user`, allowed `permission`, after the reach check
    /// (which takes on an unassigned customer, as the file store does).
    @discardableResult
    func writeCase<T>(_ permission: Permission, customer id: CustomerID, by user: Staff?,
                      _ body: (Staff) throws -> T) throws -> T {
        let user = try permission.check(by: user)
        return try write(touching: [id]) {
            try workOn(id, by: user)
            return try body(user)
        }
    }

    /// Refuses a planner a customer of another planner they do not cover (the
    /// server shows them no such row); a planner who works an unassigned customer takes them on.
    func workOn(_ id: CustomerID, by user: Staff) throws {
        guard user.role == .planner else { return }
        guard var c = try customer(id) else { throw StoreError.notFound("customer \(id)") }
        try reach(of: user, on: Day.localToday()).require(c.planner, by: user, to: "work") { try c.planner.flatMap { try staff(login: $0)?.name } }
        if c.planner == nil {
            // Not a change any form made, so no version bump: open forms still save.
            c.planner = user.login
            try store(c)
        }
    }

    /// Writes a customer's body and the columns derived from it.
    func store(_ c: Customer) throws {
        try rows("""
            UPDATE careerplan.customer SET planner = $2, sort_name = $3, words = $4, body = $5::jsonb WHERE id = $1::bigint
            """, [String(c.id.number), c.planner, c.sortName, SearchTerms.indexed(c), try json(c)])
    }

    /// A record's JSON as the export writes it, refused when it holds a full SSN or over-long text.
    func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        if let object = try? JSONSerialization.jsonObject(with: data), let (field, problem) = StoredText.firstProblem(inJSON: object) {
            throw StoreError.invalid("\(field): \(problem)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The next id of a table's records: its row sequence (set past every migrated id).
    func nextID(_ table: String) throws -> Int64 {
        guard let text = try rows("SELECT nextval(pg_get_serial_sequence('careerplan.\(table)', 'row_id'))::text").first?.first,
              let id = text.flatMap({ Int64($0) }) else { throw StoreError.notFound("the \(table) sequence") }
        return id
    }

    /// Inserts a record whose `row_id` is its id.
    func insert(_ table: String, id: Int64, customer: CustomerID, body: String) throws {
        try rows("INSERT INTO careerplan.\(table) (row_id, customer_id, body) VALUES ($1::bigint, $2::bigint, $3::jsonb)",
                 [String(id), String(customer.number), body])
    }

    // MARK: Notes

    @discardableResult
    public func addNote(_ note: CaseNote, by user: Staff?) throws -> CaseNote {
        try writeCase(.caseWork, customer: note.customer, by: user) { user in
            var n = note
            n.author = user.login
            if let original = n.amends {
                let found = try rows("SELECT 1 FROM careerplan.case_note WHERE customer_id = $1::bigint AND (body ->> 'id')::bigint = $2::bigint",
                                     [String(n.customer.number), String(original)])
                guard !found.isEmpty else { throw StoreError.notFound("note \(original)") }
            }
            n.id = try nextID("case_note")
            try insert("case_note", id: n.id, customer: n.customer, body: try json(n))
            if n.isTwoWayContact { try recordContact(of: n.customer) }
            return n
        }
    }

    /// The customer's last two-way contact, derived again from all their notes.
    func recordContact(of id: CustomerID) throws {
        guard var c = try customer(id) else { return }
        let last = CaseActivity.lastTwoWayContact(try caseWork(id).notes)
        guard c.lastContactOn != last else { return }
        c.lastContactOn = last
        c.version += 1
        try store(c)
    }

    // MARK: Drafts: the author's alone (the server's policy too)

    public func saveDraft(_ values: [String: String], customer: CustomerID, form: String) throws {
        let values = values.mapValues(Acronyms.withoutSSN)
        try write(records: false) {
            try rows("""
                INSERT INTO careerplan.draft (login, customer_id, form, body) VALUES (session_user, $1::bigint, $2, $3::jsonb)
                ON CONFLICT (login, customer_id, form) DO UPDATE SET body = excluded.body, saved_at = now()
                """, [String(customer.number), form, try json(values)])
        }
    }

    public func draft(customer: CustomerID, form: String) throws -> Draft? {
        guard let row = try rows("""
            SELECT body::text, to_char(saved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM careerplan.draft
            WHERE login = session_user AND customer_id = $1::bigint AND form = $2
            """, [String(customer.number), form]).first, let body = row[0], let at = row[1] else { return nil }
        return Draft(values: try JSONDecoder().decode([String: String].self, from: Data(body.utf8)), savedAt: at)
    }

    public func deleteDraft(customer: CustomerID, form: String) throws {
        try write(records: false) {
            try rows("DELETE FROM careerplan.draft WHERE login = session_user AND customer_id = $1::bigint AND form = $2",
                     [String(customer.number), form])
        }
    }
}

/// A record a staff member adds to a customer's case: it takes the next id
/// of its table and the signed-in member as who recorded it.
protocol StaffRecorded: Encodable {
    var id: Int64 { get set }
    var customer: CustomerID { get }
    var recordedBy: String { get set }
}

extension OtherProgramService: StaffRecorded {}
extension BarrierRecord: StaffRecorded {}
extension AssessmentRecord: StaffRecorded {}
extension Outcome: StaffRecorded {}
extension Pause: StaffRecorded {}
extension Referral: StaffRecorded {}

extension PostgresCaseload {
    /// Adds `record` to `table` for its customer, as `user` with `permission`;
    /// `prepare` checks and completes it (in the transaction), `then` follows it up.
    func add<R: StaffRecorded>(_ record: R, to table: String, _ permission: Permission, by user: Staff?,
                               prepare: (inout R, Staff) throws -> Void = { _, _ in },
                               then: (R) throws -> Void = { _ in }) throws -> R {
        try writeCase(permission, customer: record.customer, by: user) { user in
            var r = record
            r.recordedBy = user.login
            try prepare(&r, user)
            r.id = try nextID(table)
            try insert(table, id: r.id, customer: r.customer, body: try json(r))
            try then(r)
            return r
        }
    }
}
