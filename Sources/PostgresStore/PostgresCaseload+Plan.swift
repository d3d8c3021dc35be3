import Domain
import Foundation
import Store

/// The Career Plan, its signatures, recommendations dismissed, covers and
/// the area's settings on PostgreSQL, with the file store's rules.
extension PostgresCaseload {
    /// Saves the plan over `expectedVersion` (0 for the first); a significant
    /// change needs `reason` and records a plan episode.
    @discardableResult
    public func savePlan(_ plan: CareerPlan, over expectedVersion: Int, by user: Staff?, today: Day,
                         matrix: ServicesMatrix, reason: String? = nil, exiting: Bool = false) throws -> PlanVersion {
        try writeCase(.editPlan, customer: plan.customer, by: user) { user in
            guard var customer = try customer(plan.customer), let file = try caseFile(plan.customer) else {
                throw StoreError.notFound("customer \(plan.customer)")
            }
            let current = try self.plan(for: plan.customer)
            guard (current?.version ?? 0) == expectedVersion else {
                let who = try lastChange(plan.customer) ?? current.map { "\($0.savedBy) at \($0.savedAt.prefix(10))" } ?? "?"
                throw StoreError.changedMeanwhile("the plan of \(plan.customer) (\(who))")
            }
            let before = current?.plan ?? CareerPlan(customer: plan.customer)
            let facts = PlanSave.Facts(customer: customer, assessments: file.assessments,
                                       certifiedOn: file.certification?.certifiedOn,
                                       leaving: file.work.notes.contains { $0.kind == .closure })
            let plan = try PlanSave.prepared(plan, before: before, facts: facts, matrix: matrix, today: today, by: user.login,
                                             reason: reason, exiting: exiting)
            let saved = PlanVersion(customer: plan.customer, version: expectedVersion + 1, plan: plan, savedBy: user.login,
                                    savedAt: timestamp(), changes: PlanDiff.describe(from: before, to: plan))
            try insert(saved)
            // The customer's last service day, derived again from the plan just saved.
            let last = CaseActivity.lastService(plan, matrix: matrix, through: today)
            if last != customer.lastServiceOn {
                customer.lastServiceOn = last
                customer.version += 1
                try store(customer)
            }
            return saved
        }
    }

    /// A review with the customer that changed nothing: a new version of the same plan.
    public func recordReview(of id: CustomerID, over expectedVersion: Int, by user: Staff?, today: Day) throws -> PlanVersion {
        try writeCase(.editPlan, customer: id, by: user) { user in
            guard let current = try plan(for: id), !current.plan.goals.isEmpty else {
                throw StoreError.invalid("there is no plan to review yet")
            }
            guard current.version == expectedVersion else {
                throw StoreError.changedMeanwhile("the plan of \(id) (\(try lastChange(id) ?? current.savedBy))")
            }
            var plan = current.plan
            plan.episodes.append(PlanEpisode(on: today, reason: CaseloadStore.reviewedUnchanged, by: user.login, changes: []))
            let saved = PlanVersion(customer: id, version: expectedVersion + 1, plan: plan, savedBy: user.login,
                                    savedAt: timestamp(), changes: [CaseloadStore.reviewedUnchanged])
            try insert(saved)
            return saved
        }
    }

    /// A version is added, never rewritten; two saves of one version cannot both land (a unique index).
    private func insert(_ v: PlanVersion) throws {
        do {
            try insert("plan_version", id: try nextID("plan_version"), customer: v.customer, body: try json(v))
        } catch let refusal as PostgresRefusal where refusal.code == "23505" {
            throw StoreError.changedMeanwhile("the plan of \(v.customer) (saved by someone else just now)")
        }
    }

    public func dismiss(_ d: Dismissal, by user: Staff?) throws {
        guard !d.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.invalid("say why the recommendation is dismissed")
        }
        try writeCase(.editPlan, customer: d.customer, by: user) { _ in
            try rows("""
                INSERT INTO careerplan.dismissal (customer_id, body) VALUES ($1::bigint, $2::jsonb)
                ON CONFLICT (customer_id, (body ->> 'key')) DO UPDATE SET body = excluded.body
                """, [String(d.customer.number), try json(d)])
        }
    }

    /// Brings a dismissed recommendation back.
    public func restore(_ key: String, for id: CustomerID, by user: Staff?) throws {
        try writeCase(.editPlan, customer: id, by: user) { _ in
            try rows("DELETE FROM careerplan.dismissal WHERE customer_id = $1::bigint AND body ->> 'key' = $2", [String(id.number), key])
        }
    }

    /// Records a signature on plan version `expectedVersion`, refused when the
    /// plan changed since the signer saw it or the name does not match.
    @discardableResult
    public func sign(_ r: SigningRequest, customer id: CustomerID, planVersion expectedVersion: Int, by user: Staff?,
                     today: Day) throws -> Signature {
        try writeCase(.editPlan, customer: id, by: user) { user in
            guard var c = try customer(id) else { throw StoreError.notFound("customer \(id)") }
            guard let current = try plan(for: id) else { throw StoreError.invalid("there is no saved plan to sign") }
            guard current.version == expectedVersion else {
                throw StoreError.changedMeanwhile("the plan of \(id) (saved by \(current.savedBy) at \(current.savedAt))")
            }
            let (signer, relationship) = try Signing.signer(of: r, customer: c, user: user, guardian: try caseWork(id).guardianRequest,
                                                            today: today)
            let forPlanner = r.role == .planner ? try plannerSignedFor(&c, by: user, naming: r.forPlanner) : nil
            var signature = Signature(
                id: try nextID("signature"), customer: id, role: r.role, signerName: signer, relationship: relationship,
                method: r.method, paperReturnedOn: r.method == .paper ? r.paperReturnedOn : nil,
                signedOn: r.method == .paper ? (r.paperReturnedOn ?? today) : today, capturedAt: timestamp(),
                capturedBy: user.login, planVersion: current.version, digest: PlanDigest.digest(current.plan))
            signature.forPlanner = forPlanner
            try insert("signature", id: signature.id, customer: id, body: try json(signature))
            return signature
        }
    }

    /// Who a planner's signature is for, as the file store decides it; a
    /// customer nobody has taken on is given the planner named.
    private func plannerSignedFor(_ c: inout Customer, by user: Staff, naming named: String?) throws -> String? {
        if c.planner == user.login { return nil }
        let acting = named?.trimmingCharacters(in: .whitespaces) ?? ""
        if let planner = c.planner {
            let name = try staff(login: planner)?.name ?? planner
            guard acting == planner else {
                throw StoreError.invalid("you are not \(c.id)'s career planner: sign for \(name) (\(planner)), who stays the planner to call")
            }
            return planner
        }
        guard !acting.isEmpty else {
            throw StoreError.invalid("\(c.id) has no career planner yet: name the planner you sign for; they become the planner to call")
        }
        guard let named = try staff(login: acting), named.role == .planner, named.isActive else {
            throw StoreError.invalid("\"\(acting)\" is not a career planner on the staff list")
        }
        c.planner = acting
        try store(c)
        return acting
    }

    /// Records that the plan went to the youth's parent or guardian to sign.
    public func sendToGuardian(_ request: GuardianRequest, by user: Staff?) throws {
        try writeCase(.editPlan, customer: request.customer, by: user) { user in
            var r = request
            r.sentBy = user.login
            try upsert("guardian_request", customer: r.customer, body: try json(r))
        }
    }

    /// Records that a copy of the plan version was made for the customer.
    public func recordCopy(of version: Int, for id: CustomerID, by user: Staff?, today: Day, language: CopyLanguage) throws {
        try writeCase(.editPlan, customer: id, by: user) { user in
            let copy = PlanCopyRecord(customer: id, planVersion: version, on: today, by: user.login, language: language)
            try insert("plan_copy", id: try nextID("plan_copy"), customer: id, body: try json(copy))
        }
    }

    /// Lets `login` cover `forLogin`'s caseload for a while; supervisors and administrators.
    @discardableResult
    public func cover(_ covering: Covering, by user: Staff?) throws -> Covering {
        let user = try Permission.reassign.check(by: user)
        var c = covering
        c.grantedBy = user.login
        c.reason = c.reason.trimmingCharacters(in: .whitespaces)
        if let problem = c.problem { throw StoreError.invalid(problem) }
        return try write {
            for login in [c.login, c.forLogin] {
                guard let s = try staff(login: login), s.role == .planner else {
                    throw StoreError.invalid("\(login) is not a career planner on the staff list")
                }
            }
            try rows("""
                INSERT INTO careerplan.covering (login, for_login, from_day, until_day, body)
                VALUES ($1, $2, $3::date, $4::date, $5::jsonb)
                """, [c.login, c.forLogin, c.from.description, c.until.description, try json(c)])
            return c
        }
    }

    /// Saves the area's settings (administrators only), all in one transaction; every customer's due items follow.
    public func saveClockSettings(_ settings: ClockSettings, by user: Staff?) throws -> ClockSettings {
        try Permission.changeSettings.check(by: user)
        try write {
            for (key, value) in settings.values {
                try rows("INSERT INTO careerplan.setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2",
                         [key, value])
            }
        }
        // The settings' trigger marked every customer: all are recomputed now, batch by batch.
        // Committed already: a failure leaves the marks for the next pass, and says why in upkeepProblem.
        do { try keepAllDue() } catch { upkeepProblem = "Saved; due items wait: \(error)" }
        return settings
    }
}

/// The file-backed store and this one are two implementations of Domain's
/// `Caseload`: the screens cannot tell which they have.
extension PostgresCaseload: Caseload {}
