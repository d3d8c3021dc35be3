import Domain
import Foundation
import GRDB

/// Signatures on the Career Plan: captured in one transaction against the
/// plan version the signer saw, with the name checked against the record,
/// and never changed afterwards.
extension CaseloadStore {
    /// Records a signature on plan version `expectedVersion`, refused when the
    /// plan changed since the signer saw it, or the name does not match.
    @discardableResult
    public func sign(_ r: SigningRequest, customer id: CustomerID, planVersion expectedVersion: Int, by user: Staff?,
                     today: Day) throws -> Signature {
        return try writeCase(.editPlan, customer: id, by: user) { user, db in
            guard let c = try Self.customer(db, id) else { throw StoreError.notFound("customer \(id)") }
            guard let current = try Self.currentPlan(db, customer: id) else {
                throw StoreError.invalid("there is no saved plan to sign")
            }
            guard current.version == expectedVersion else {
                throw StoreError.changedMeanwhile("the plan of \(id) (saved by \(current.savedBy) at \(current.savedAt))")
            }
            let request = try Self.bodies(db, "guardian_request", GuardianRequest.self, customer: id).first
            let (signer, relationship) = try Signing.signer(of: r, customer: c, user: user, guardian: request, today: today)
            let forPlanner = r.role == .planner ? try Self.plannerSignedFor(c, by: user, naming: r.forPlanner, db) : nil
            let next = try Self.nextID("signature", db)
            var signature = Signature(
                id: next, customer: id, role: r.role, signerName: signer,
                relationship: relationship, method: r.method, paperReturnedOn: r.method == .paper ? r.paperReturnedOn : nil,
                signedOn: r.method == .paper ? (r.paperReturnedOn ?? today) : today, capturedAt: timestamp(),
                capturedBy: user.login, planVersion: current.version, digest: PlanDigest.digest(current.plan))
            signature.forPlanner = forPlanner
            try Self.insert(signature, db)
            return signature
        }
    }

    /// Only the customer's career planner signs as career planner in their
    /// own name. Anyone else (covering, a supervisor, an administrator)
    /// says for whom they sign, and only for the customer's planner; a
    /// customer nobody has taken on is given the planner named, in this
    /// transaction, so the customer's copy always names a planner to call.
    /// Returns the login signed for, nil when the planner signs.
    static func plannerSignedFor(_ c: Customer, by user: Staff, naming named: String?, _ db: Database) throws -> String? {
        if c.planner == user.login { return nil }
        let acting = named?.trimmingCharacters(in: .whitespaces) ?? ""
        if let planner = c.planner {
            let name = try staff(db, login: planner)?.name ?? planner
            guard acting == planner else {
                throw StoreError.invalid("you are not \(c.id)'s career planner: sign for \(name) (\(planner)), who stays the planner to call")
            }
            return planner
        }
        guard !acting.isEmpty else {
            throw StoreError.invalid("\(c.id) has no career planner yet: name the planner you sign for; they become the planner to call")
        }
        guard let named = try staff(db, login: acting), named.role == .planner, named.isActive else {
            throw StoreError.invalid("\"\(acting)\" is not a career planner on the staff list")
        }
        try db.cached(sql: "UPDATE customer SET planner = ? WHERE id = ? AND planner IS NULL", arguments: [acting, c.id.number])
        return acting
    }

    /// Records that the plan went to the youth's parent or guardian to sign.
    public func sendToGuardian(_ request: GuardianRequest, by user: Staff?) throws {
        try writeCase(.editPlan, customer: request.customer, by: user) { user, db in
            var r = request
            r.sentBy = user.login
            try Self.insert(r, db)
        }
    }

    /// The first day a plan version after the signed one no longer matched
    /// the signature: "plan changed on DATE after signing".
    public static func changedOn(_ s: Signature, versions: [PlanVersion]) -> Day? {
        versions.first { $0.version > s.planVersion && !PlanDigest.matches($0.plan, s.digest) }
            .flatMap { AreaTime.day(of: $0.savedAt, in: .current) }
    }

    /// Records that a copy of the plan version was made for the customer.
    public func recordCopy(of version: Int, for id: CustomerID, by user: Staff?, today: Day, language: CopyLanguage) throws {
        try writeCase(.editPlan, customer: id, by: user) { user, db in
            try Self.insert(PlanCopyRecord(customer: id, planVersion: version, on: today, by: user.login, language: language), db)
        }
    }

    static func insert(_ r: PlanCopyRecord, _ db: Database, body: DatabaseValue? = nil) throws {
        try db.cached(sql: "INSERT INTO plan_copy (customer_id, body) VALUES (?, careerplan_pack('plan_copy', ?))",
                      arguments: [r.customer.number, try body ?? encodeJSON(r).databaseValue])
    }

    static func insert(_ s: Signature, _ db: Database, body: DatabaseValue? = nil) throws {
        try db.cached(sql: "INSERT INTO signature (id, customer_id, body) VALUES (?, ?, careerplan_pack('signature', ?))",
                       arguments: [s.id, s.customer.number, try body ?? encodeJSON(s).databaseValue])
    }

    static func insert(_ r: GuardianRequest, _ db: Database, body: DatabaseValue? = nil) throws {
        try db.cached(sql: "INSERT INTO guardian_request (customer_id, body) VALUES (?, careerplan_pack('guardian_request', ?)) ON CONFLICT(customer_id) DO UPDATE SET body = excluded.body",
                       arguments: [r.customer.number, try body ?? encodeJSON(r).databaseValue])
    }
}

extension CaseloadStore {
    /// Where each required signer stands on the current plan, read in one transaction.
    public func signingStates(for id: CustomerID, today: Day) throws -> (plan: PlanVersion, states: [(role: SignerRole, state: Signing.State)])? {
        try read { db in
            guard let c = try Self.customer(db, id), let current = try Self.currentPlan(db, customer: id) else { return nil }
            let work = try Self.caseWork(db, customer: id)
            let versions = try Self.planVersions(db, customer: id)
            let states = Signing.states(customer: c, plan: current.plan, signatures: work.signatures,
                                        guardian: work.guardianRequest, on: today,
                                        changedOn: { Self.changedOn($0, versions: versions) })
            return (current, states)
        }
    }
}
