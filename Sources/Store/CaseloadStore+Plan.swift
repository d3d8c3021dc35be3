import Domain
import Foundation
import GRDB

/// The Career Plan: saved whole, as a new version, after the Domain's rules
/// pass inside the writing transaction.
extension CaseloadStore {
    /// The current plan, or nil when none was saved yet.
    public func plan(for id: CustomerID) throws -> PlanVersion? {
        try read { db in try Self.currentPlan(db, customer: id) }
    }

    /// Every saved version, oldest first.
    public func planVersions(for id: CustomerID) throws -> [PlanVersion] {
        try read { db in try Self.planVersions(db, customer: id) }
    }

    /// Saves the plan over `expectedVersion` (0 for the first). A
    /// significant change needs `reason` and records a plan episode.
    @discardableResult
    public func savePlan(_ plan: CareerPlan, over expectedVersion: Int, by user: Staff?, today: Day,
                         matrix: ServicesMatrix, reason: String? = nil, exiting: Bool = false) throws -> PlanVersion {
        return try writeCase(.editPlan, customer: plan.customer, by: user) { user, db in
            guard let customer = try Row.fetchOne(db, sql: "SELECT \(Customer.columns) FROM customer WHERE id = ?",
                                                  arguments: [plan.customer.number]).map(Customer.init(row:)) else {
                throw StoreError.notFound("customer \(plan.customer)")
            }
            let current = try Self.currentPlan(db, customer: plan.customer)
            guard (current?.version ?? 0) == expectedVersion else {
                let who = try Self.lastChange(entity: "plan", key: plan.customer.number, db)
                    ?? current.map { "\($0.savedBy) at \($0.savedAt.prefix(10))" } ?? "?"
                throw StoreError.changedMeanwhile("the plan of \(plan.customer) (\(who))")
            }
            let before = current?.plan ?? CareerPlan(customer: plan.customer)
            // The day each start is first entered is recorded here, whatever path saved it.
            // A written Service Closure / Exit note means the customer is leaving: goals may all close.
            let leaving = try Self.notes(db, customer: plan.customer).contains { $0.kind == .closure }
            let facts = PlanSave.Facts(customer: customer, assessments: try Self.assessments(db, customer: plan.customer),
                                       certifiedOn: try Self.certifications(db, customer: plan.customer).first?.certifiedOn,
                                       leaving: leaving)
            let plan = try PlanSave.prepared(plan, before: before, facts: facts, matrix: matrix, today: today, by: user.login,
                                             reason: reason, exiting: exiting)
            let saved = PlanVersion(customer: plan.customer, version: expectedVersion + 1, plan: plan, savedBy: user.login,
                                    savedAt: timestamp(), changes: PlanDiff.describe(from: before, to: plan))
            try Self.insert(saved, db)
            try Self.recordServiceActivity(plan, customer: customer, matrix: matrix, today: today, db)
            return saved
        }
    }

    /// A review with the customer that changed nothing: a new version of
    /// the same plan with the review in its history. It resets the review
    /// clock and counts as a review for the rubric; the content (and so any
    /// signature) is unchanged.
    public func recordReview(of customer: CustomerID, over expectedVersion: Int, by user: Staff?, today: Day) throws -> PlanVersion {
        return try writeCase(.editPlan, customer: customer, by: user) { user, db in
            guard let current = try Self.currentPlan(db, customer: customer), !current.plan.goals.isEmpty else {
                throw StoreError.invalid("there is no plan to review yet")
            }
            guard current.version == expectedVersion else {
                let who = try Self.lastChange(entity: "plan", key: customer.number, db) ?? "\(current.savedBy)"
                throw StoreError.changedMeanwhile("the plan of \(customer) (\(who))")
            }
            var plan = current.plan
            plan.episodes.append(PlanEpisode(on: today, reason: Self.reviewedUnchanged, by: user.login, changes: []))
            let saved = PlanVersion(customer: customer, version: expectedVersion + 1, plan: plan, savedBy: user.login,
                                    savedAt: timestamp(), changes: [Self.reviewedUnchanged])
            try Self.insert(saved, db)
            return saved
        }
    }

    public static let reviewedUnchanged = PlanEpisode.reviewedUnchanged

    /// The customer's last service day, derived again from the plan just
    /// saved (CaseActivity), in the save's transaction.
    static func recordServiceActivity(_ plan: CareerPlan, customer: Customer, matrix: ServicesMatrix, today: Day,
                                      _ db: Database) throws {
        let last = CaseActivity.lastService(plan, matrix: matrix, through: today)
        guard last != customer.lastServiceOn else { return }
        try db.cached(sql: "UPDATE customer SET last_service_on = ?, version = version + 1 WHERE id = ?",
                       arguments: [last?.description, customer.id.number])
    }

    /// A saved version, and the plan as it now stands unless a later version follows in the same write
    /// (`current: false`): which version is current, its body read from the version (`PlanByVersion`);
    /// `body` is the plan's body when the caller has it already (a load's versions, JSON or packed ahead).
    static func insert(_ v: PlanVersion, body known: DatabaseValue? = nil, current: Bool = true, _ db: Database) throws {
        let body = try known ?? encodeJSON(v.plan).databaseValue
        if current {
            try db.cached(sql: """
                INSERT INTO plan (customer_id, version, saved_by, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT(customer_id) DO UPDATE SET version = excluded.version, saved_by = excluded.saved_by, saved_at = excluded.saved_at
                """, arguments: [v.customer.number, v.version, v.savedBy, v.savedAt])
        }
        try db.cached(sql: """
            INSERT INTO plan_version (customer_id, version, body, saved_by, saved_at, changes) VALUES (?, ?, careerplan_pack('plan_version', ?), ?, ?, ?)
            """, arguments: [v.customer.number, v.version, body, v.savedBy, v.savedAt, try encodeJSON(v.changes)])
    }

    static func currentPlan(_ db: Database, customer: CustomerID) throws -> PlanVersion? {
        try Row.fetchOne(db, sql: """
            SELECT careerplan_body(v.body) AS body, p.version, p.saved_by, p.saved_at FROM plan p \(PlanByVersion.join)
            WHERE p.customer_id = ?
            """, arguments: [customer.number]).map { row in
            PlanVersion(customer: customer, version: row["version"],
                        plan: try decodeJSON(CareerPlan.self, row["body"], "plan_version.body"),
                        savedBy: row["saved_by"], savedAt: row["saved_at"], changes: [])
        }
    }

    static func planVersions(_ db: Database, customer: CustomerID? = nil, ids: ClosedRange<Int64>? = nil) throws -> [PlanVersion] {
        try rows(db, "plan_version", customer, ids: ids, order: "customer_id, version").map { row in
            PlanVersion(customer: CustomerID(row["customer_id"]), version: row["version"],
                        plan: try decodeJSON(CareerPlan.self, row["body"], "plan_version.body"),
                        savedBy: row["saved_by"], savedAt: row["saved_at"],
                        changes: try decodeJSON([String].self, row["changes"], "plan_version.changes"))
        }
    }
}
