import Domain
import Foundation
import GRDB

/// The Getting Started Assessment, enrollment, the assessment register and
/// the barrier register. Planners (and administrators) write them.
extension CaseloadStore {
    /// Saves the assessment as it stands (progress is kept as the planner goes).
    public func saveGSA(_ gsa: GettingStartedAssessment, by user: Staff?) throws {
        try saveGSA(gsa, over: nil, by: user)
    }

    /// Saves only what this user changed since their screen read `base`,
    /// merged by field with what others saved meanwhile (`FieldMerge`): the
    /// answers field by field, the job and education lists when this user
    /// changed them. A field both changed is not written: it comes back as a
    /// collision for the user to choose. Without a base the whole document
    /// is written (its first save).
    @discardableResult
    public func saveGSA(_ gsa: GettingStartedAssessment, over base: GettingStartedAssessment?,
                        by user: Staff?) throws -> (stored: GettingStartedAssessment, collisions: [FieldCollision]) {
        return try writeCase(.assess, customer: gsa.customer, by: user) { user, db in
            let stored = try Self.gsas(db, customer: gsa.customer).first
            if let stored, let done = stored.submittedOn, gsa.submittedOn != done {
                throw StoreError.invalid("Section 1 was submitted on \(done)")
            }
            guard let stored, let base else {
                try Self.upsert(gsa, by: user.login, at: timestamp(), db)
                return (gsa, [])
            }
            let (merged, collisions) = gsa.merged(over: base, into: stored)
            try Self.upsert(merged, by: user.login, at: timestamp(), db)
            return (merged, collisions)
        }
    }

    /// Submits Section 1: the customer becomes a participant on `day`.
    @discardableResult
    public func enroll(_ expected: Customer, on day: Day, by user: Staff?) throws -> Customer {
        return try writeCase(.assess, customer: expected.id, by: user) { user, db in
            let customer = try Self.current(expected, db)
            guard var gsa = try Self.gsas(db, customer: customer.id).first else {
                throw StoreError.invalid("there is no Getting Started Assessment to submit")
            }
            let barriers = try Self.barriers(db, customer: customer.id)
            let problems = Enrollment.problems(customer, gsa: gsa, barriers: barriers, on: day)
            guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: "; ")) }
            gsa.submittedOn = day
            try Self.upsert(gsa, by: user.login, at: timestamp(), db)
            var updated = customer
            updated.enrolledOn = day
            return try Self.update(updated, db)
        }
    }

    @discardableResult
    public func addAssessment(_ assessment: AssessmentRecord, by user: Staff?) throws -> AssessmentRecord {
        return try writeCase(.assess, customer: assessment.customer, by: user) { user, db in
            var a = assessment
            a.recordedBy = user.login
            return try Self.insert(a, db)
        }
    }

    /// Corrects a recorded assessment (a score typed wrong): the record shows
    /// the new values and keeps each correction, who, when and why.
    @discardableResult
    public func correctAssessment(_ expected: AssessmentRecord, to corrected: AssessmentRecord,
                                  by user: Staff?) throws -> AssessmentRecord {
        return try writeCase(.assess, customer: expected.customer, by: user) { user, db in
            _ = try Self.unchanged(expected, now: try Self.assessments(db, customer: expected.customer)
                .first { $0.id == expected.id }, entity: "assessment", key: expected.id, db)
            try Self.refuseRebinding(corrected, of: expected, same: corrected.id == expected.id && corrected.customer == expected.customer
                                        && (corrected.corrections?.count ?? 0) == (expected.corrections?.count ?? 0) + 1)
            var next = corrected
            next.corrections = Correction.stamped(corrected.corrections, by: user.login, at: timestamp())
            try db.cached(sql: "UPDATE assessment SET body = careerplan_pack('assessment', ?) WHERE id = ?",
                          arguments: [try Self.encodeJSON(next), next.id])
            return next
        }
    }

    @discardableResult
    public func addBarrier(_ barrier: BarrierRecord, by user: Staff?) throws -> BarrierRecord {
        return try writeCase(.assess, customer: barrier.customer, by: user) { user, db in
            var b = barrier
            b.recordedBy = user.login
            return try Self.insert(b, db)
        }
    }

    /// Corrects a barrier; the earlier text stays in its history.
    @discardableResult
    public func correctBarrier(_ expected: BarrierRecord, to corrected: BarrierRecord, by user: Staff?) throws -> BarrierRecord {
        return try writeCase(.assess, customer: expected.customer, by: user) { user, db in
            let current = try Self.current(expected, db)
            try Self.refuseRebinding(corrected, of: expected, same: corrected.id == current.id && corrected.customer == current.customer
                                        && corrected.overcomeOn == current.overcomeOn && corrected.overcomeHow == current.overcomeHow)
            return try Self.save(corrected, over: current, by: user.login, at: timestamp(), db)
        }
    }

    /// Records how, when and by whom a barrier was overcome.
    @discardableResult
    public func overcomeBarrier(_ expected: BarrierRecord, to overcome: BarrierRecord, by user: Staff?) throws -> BarrierRecord {
        return try writeCase(.assess, customer: expected.customer, by: user) { user, db in
            let current = try Self.current(expected, db)
            return try Self.save(try current.marking(overcome: overcome, by: user), over: current, by: user.login, at: timestamp(), db)
        }
    }

    // MARK: Rows

    /// Adds the application's barriers the register does not hold yet.
    static func registerBarriers(of a: Application, customer: CustomerID, by login: String, _ db: Database) throws {
        let known = Set(try String.fetchAll(try db.cachedStatement(sql: "SELECT kind FROM barrier WHERE customer_id = ?"),
                                            arguments: [customer.number]))
        for b in a.barriers where !known.contains(b.rawValue) {
            _ = try insert(BarrierRecord(id: 0, customer: customer, kind: b.rawValue, description: "recorded on the application",
                                         plan: "", identifiedOn: a.appliedOn, recordedBy: login), db)
        }
    }

    static func current(_ expected: BarrierRecord, _ db: Database) throws -> BarrierRecord {
        try unchanged(expected, now: try barriers(db, id: expected.id).first, entity: "barrier", key: expected.id, db,
                      same: { $0.version == $1.version })
    }

    private static func save(_ new: BarrierRecord, over old: BarrierRecord, by login: String, at stamp: String,
                             _ db: Database) throws -> BarrierRecord {
        let changes = old.changes(to: new)
        guard !changes.isEmpty else { return old }
        var saved = new
        saved.version = old.version + 1
        try db.cached(sql: """
            UPDATE barrier SET kind = ?, other_name = ?, description = ?, plan = ?, identified_on = ?, overcome_on = ?,
                overcome_how = ?, overcome_by = ?, version = ? WHERE id = ? AND version = ?
            """, arguments: [saved.kind, saved.otherName, saved.description, saved.plan, saved.identifiedOn.description,
                             saved.overcomeOn?.description, saved.overcomeHow, saved.overcomeBy, saved.version,
                             saved.id, old.version])
        guard db.changesCount == 1 else { throw StoreError.changedMeanwhile("this barrier") }
        try insert(BarrierCorrection(barrier: saved.id, customer: saved.customer, changedAt: stamp, changedBy: login,
                                     changes: changes), db)
        return saved
    }


    static func upsert(_ g: GettingStartedAssessment, by login: String, at stamp: String, _ db: Database,
                       body: DatabaseValue? = nil) throws {
        try db.cached(sql: """
            INSERT INTO gsa (customer_id, body, submitted_on, updated_by, updated_at) VALUES (?, careerplan_pack('gsa', ?), ?, ?, ?) ON CONFLICT(customer_id) DO UPDATE SET body = excluded.body, submitted_on = excluded.submitted_on, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, arguments: [g.customer.number, try body ?? encodeJSON(g).databaseValue, g.submittedOn?.description, login, stamp])
    }

    /// `body`: the assessment's body made ahead (a load's, `PreparedCases`), for the assessment as given (its id kept).
    @discardableResult
    static func insert(_ a: AssessmentRecord, _ db: Database, keepID: Bool = false, body: DatabaseValue? = nil) throws -> AssessmentRecord {
        var saved = a
        precondition(body == nil || keepID, "a body made ahead holds the id it was made with")
        if !keepID { saved.id = try Self.nextID("assessment", db) }
        try db.cached(sql: "INSERT INTO assessment (id, customer_id, body) VALUES (?, ?, careerplan_pack('assessment', ?))",
                      arguments: [saved.id, saved.customer.number, try body ?? encodeJSON(saved).databaseValue])
        return saved
    }

    @discardableResult
    static func insert(_ b: BarrierRecord, _ db: Database, keepID: Bool = false) throws -> BarrierRecord {
        try db.cached(sql: """
            INSERT INTO barrier (id, customer_id, kind, other_name, description, plan, identified_on, recorded_by,
                overcome_on, overcome_how, overcome_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [keepID ? b.id : nil, b.customer.number, b.kind, b.otherName, b.description, b.plan,
                             b.identifiedOn.description, b.recordedBy, b.overcomeOn?.description, b.overcomeHow,
                             b.overcomeBy, b.version])
        var saved = b
        saved.id = db.lastInsertedRowID
        return saved
    }

    static func insert(_ c: BarrierCorrection, _ db: Database) throws {
        try db.cached(sql: """
            INSERT INTO barrier_correction (barrier_id, customer_id, changed_at, changed_by, changes) VALUES (?, ?, ?, ?, ?)
            """, arguments: [c.barrier, c.customer.number, c.changedAt, c.changedBy, try encodeJSON(c.changes)])
    }

    static func gsas(_ db: Database, customer: CustomerID? = nil, ids: ClosedRange<Int64>? = nil) throws -> [GettingStartedAssessment] {
        try rows(db, "gsa", customer, ids: ids, order: "customer_id").map {
            try decodeJSON(GettingStartedAssessment.self, $0["body"], "gsa.body")
        }
    }

    static func assessments(_ db: Database, customer: CustomerID? = nil, ids: ClosedRange<Int64>? = nil) throws -> [AssessmentRecord] {
        try bodies(db, "assessment", AssessmentRecord.self, customer: customer, ids: ids, order: "customer_id, id")
    }

    static func barriers(_ db: Database, customer: CustomerID? = nil, id: Int64? = nil, ids: ClosedRange<Int64>? = nil) throws -> [BarrierRecord] {
        let list = id == nil ? try rows(db, "barrier", customer, ids: ids, order: "customer_id, id")
            : try Row.fetchAll(db, sql: "SELECT * FROM barrier WHERE id = ?", arguments: [id])
        return try list.map { row in
            BarrierRecord(id: row["id"], customer: CustomerID(row["customer_id"]), kind: row["kind"],
                          otherName: row["other_name"], description: row["description"], plan: row["plan"],
                          identifiedOn: try day(row, "identified_on"), recordedBy: row["recorded_by"],
                          overcomeOn: try optionalDay(row, "overcome_on"), overcomeHow: row["overcome_how"],
                          overcomeBy: row["overcome_by"], version: row["version"])
        }
    }

    static func corrections(_ db: Database, customer: CustomerID? = nil, ids: ClosedRange<Int64>? = nil) throws -> [BarrierCorrection] {
        try rows(db, "barrier_correction", customer, ids: ids, order: "customer_id, id").map { row in
            BarrierCorrection(barrier: row["barrier_id"], customer: CustomerID(row["customer_id"]),
                              changedAt: row["changed_at"], changedBy: row["changed_by"],
                              changes: try decodeJSON([FieldChange].self, row["changes"], "barrier_correction.changes"))
        }
    }
}
