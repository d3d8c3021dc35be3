import Domain
import Foundation
import Store

/// Referrals, outcomes, pauses, services elsewhere, follow-up declined and
/// the planned exit on PostgreSQL, each with the file store's rules,
/// checked again inside the write's transaction.
extension PostgresCaseload {
    /// The customer as saved now, when it is still the one the screen read.
    func current(_ expected: Customer) throws -> Customer {
        guard let now = try customer(expected.id) else { throw StoreError.notFound("customer \(expected.id)") }
        guard now.version == expected.version else {
            throw StoreError.changedMeanwhile("customer \(expected.id)\(try lastChange(expected.id).map { " (\($0))" } ?? "")")
        }
        return now
    }

    /// "Thanh Nguyễn at 2026-11-23 09:04 CST": who last changed the customer's records, from the server's trail.
    func lastChange(_ id: CustomerID) throws -> String? {
        guard let text = try rows("SELECT careerplan.last_change($1::bigint)", [String(id.number)]).first?.first ?? nil
        else { return nil }
        let parts = text.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let name = try staff(login: parts[0])?.name ?? parts[0]
        return "\(name) at \(AreaTime.shown(parts[1], in: .current))"
    }

    /// Rewrites one record's body, found by its id in the body.
    func replace(_ table: String, id: Int64, customer: CustomerID, body: String) throws {
        try rows("""
            UPDATE careerplan.\(table) SET body = $3::jsonb WHERE customer_id = $1::bigint AND (body ->> 'id')::bigint = $2::bigint
            """, [String(customer.number), String(id), body])
    }

    /// Inserts or rewrites the one record of a customer in a one-per-customer table.
    func upsert(_ table: String, customer: CustomerID, body: String) throws {
        try rows("""
            INSERT INTO careerplan.\(table) (customer_id, body) VALUES ($1::bigint, $2::jsonb)
            ON CONFLICT (customer_id) DO UPDATE SET body = excluded.body
            """, [String(customer.number), body])
    }

    @discardableResult
    public func addReferral(_ referral: Referral, by user: Staff?) throws -> Referral {
        try add(referral, to: "referral", .caseWork, by: user) { r, user in
            r.history = [ReferralChange(status: .sent, on: r.sentOn, by: user.login)]
        }
    }

    /// Records a referral's new status, refusing it when someone else changed the referral meanwhile.
    @discardableResult
    public func updateReferral(_ expected: Referral, to next: Referral, by user: Staff?) throws -> Referral {
        try writeCase(.caseWork, customer: expected.customer, by: user) { user in
            guard let current = try caseWork(expected.customer).referrals.first(where: { $0.id == expected.id }) else {
                throw StoreError.notFound("referral \(expected.id)")
            }
            guard current.version == expected.version else {
                throw StoreError.changedMeanwhile("this referral\(try lastChange(expected.customer).map { " (\($0))" } ?? "")")
            }
            try CaseloadStore.refuseRebinding(next, of: expected, same: next.id == expected.id && next.customer == expected.customer
                                                 && next.history.count == current.history.count + 1
                                                 && next.history.dropLast() == current.history[...])
            var moved = next
            moved.history[moved.history.count - 1].by = user.login
            moved.version = current.version + 1
            try replace("referral", id: moved.id, customer: moved.customer, body: try json(moved))
            return moved
        }
    }

    @discardableResult
    public func addOutcome(_ outcome: Outcome, by user: Staff?) throws -> Outcome {
        try add(outcome, to: "outcome", .caseWork, by: user, prepare: { o, _ in
            guard let c = try customer(o.customer) else { throw StoreError.notFound("customer \(o.customer)") }
            if let problem = Outcome.enrollmentProblem(o.on, enrolledOn: c.enrolledOn) {
                throw StoreError.invalid("\(o.kind.label) on \(o.on) \(problem)")
            }
        }, then: { o in
            // The first day of employment starts follow-up for adults and dislocated workers.
            guard o.kind == .employment, var c = try customer(o.customer), c.employedOn.map({ $0 > o.on }) ?? true else { return }
            c.employedOn = o.on
            c.version += 1
            try store(c)
        })
    }

    /// Corrects an outcome recorded wrong; its history keeps the old values.
    @discardableResult
    public func correctOutcome(_ expected: Outcome, to corrected: Outcome, by user: Staff?) throws -> Outcome {
        try writeCase(.caseWork, customer: expected.customer, by: user) { user in
            guard var c = try customer(expected.customer) else { throw StoreError.notFound("customer \(expected.customer)") }
            let outcomes = try caseWork(c.id).outcomes
            guard let now = outcomes.first(where: { $0.id == expected.id }) else { throw StoreError.notFound("outcome \(expected.id)") }
            guard now == expected else {
                throw StoreError.changedMeanwhile("this outcome\(try lastChange(c.id).map { " (\($0))" } ?? "")")
            }
            try CaseloadStore.refuseRebinding(corrected, of: expected, same: corrected.id == expected.id
                                                 && corrected.customer == expected.customer && corrected.kind == expected.kind)
            if let problem = Outcome.enrollmentProblem(corrected.on, enrolledOn: c.enrolledOn) {
                throw StoreError.invalid("\(corrected.kind.label) on \(corrected.on) \(problem)")
            }
            var next = corrected
            next.corrections = Correction.stamped(corrected.corrections, by: user.login, at: timestamp())
            try replace("outcome", id: next.id, customer: c.id, body: try json(next))
            if next.kind == .employment {
                c.employedOn = (outcomes.filter { $0.kind == .employment && $0.id != next.id } + [next]).map(\.on).min()
                c.version += 1
                try store(c)
            }
            return next
        }
    }

    @discardableResult
    public func addPause(_ pause: Pause, by user: Staff?) throws -> Pause {
        try add(pause, to: "pause", .caseWork, by: user) { p, _ in
            guard let c = try customer(p.customer) else { throw StoreError.notFound("customer \(p.customer)") }
            // Checked again against the records as they are now: another user may have recorded a service or pause.
            let problems = Pause.problems(p.values, lastService: c.lastServiceOn, others: try caseWork(c.id).pauses)
            guard problems.isEmpty else { throw FieldProblems(problems, fields: Pause.fields) }
        }
    }

    @discardableResult
    public func addOtherService(_ service: OtherProgramService, by user: Staff?) throws -> OtherProgramService {
        try add(service, to: "other_program_service", .caseWork, by: user)
    }

    public func declineFollowUp(_ decline: FollowUpDecline, by user: Staff?) throws {
        try writeCase(.caseWork, customer: decline.customer, by: user) { user in
            guard let c = try customer(decline.customer) else { throw StoreError.notFound("customer \(decline.customer)") }
            guard c.exitedOn != nil else {
                throw FieldProblems(["on": "follow-up starts at exit: the customer has not exited"], fields: FollowUpDecline.fields)
            }
            var d = decline
            d.recordedBy = user.login
            try upsert("follow_up_decline", customer: d.customer, body: try json(d))
        }
    }

    /// The planned exit: refused unless every check of `PlannedExit` is met, read again in the transaction.
    @discardableResult
    public func exit(_ expected: Customer, by user: Staff?, today: Day) throws -> ExitRecord {
        try writeCase(.caseWork, customer: expected.id, by: user) { user in
            var c = try current(expected)
            let work = try caseWork(c.id)
            let check = PlannedExit(customer: c, plan: try plan(for: c.id)?.plan, notes: work.notes, outcomes: work.outcomes,
                                    elsewhere: work.otherServices, on: today)
            guard check.isReady, let date = check.exitDate else {
                throw StoreError.invalid("not ready to exit: " + check.checks.filter { !$0.met }.map(\.todo).joined(separator: "; "))
            }
            let record = ExitRecord(customer: c.id, exitOn: date, kind: .planned, recordedBy: user.login, recordedOn: today)
            try upsert("exit_record", customer: c.id, body: try json(record))
            c.exitedOn = record.exitOn
            c.version += 1
            try store(c)
            return record
        }
    }

    /// Now, as the store stamps what it writes (UTC, to the second), from its clock.
    func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: now())
    }
}
