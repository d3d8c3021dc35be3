import Domain
import Foundation
import Store

/// Who might be a duplicate, and the participants of a period for the
/// performance reading, as the file-backed store finds them.
extension PostgresCaseload {
    /// Customers who might be the same person as `new` (never merged).
    public func possibleDuplicates(of new: Customer) throws -> [DuplicateCheck.Match] {
        let candidates = try bodies(Customer.self, """
            SELECT body::text FROM careerplan.customer
            WHERE body ->> 'birthDate' = $1 OR (body ? 'email' AND lower(body ->> 'email') = lower($2))
               OR (body ? 'phone' AND body ->> 'phone' = $3)
            ORDER BY id LIMIT 200
            """, [new.birthDate.description, new.email ?? "", new.phone ?? ""])
        return DuplicateCheck.matches(for: new, among: candidates)
    }

    /// The participants of a period (enrolled by its last day, not exited
    /// before its first) that `user` reaches, in name order.
    public func participantFacts(from: Day, to: Day, planner: String?, by user: Staff?) throws -> [CaseClockFacts] {
        try inBatches(try participantIDs(from: from, to: to, planner: planner, by: user)) { try clockFacts($0) }
    }

    private func participantIDs(from: Day, to: Day, planner: String?, by user: Staff?) throws -> [CustomerID] {
        try reportIDs(planner: planner, by: user, condition: """
            (c.body ->> 'enrolledOn') <= $1 AND ((c.body ->> 'exitedOn') IS NULL OR (c.body ->> 'exitedOn') >= $2)
            """, [to.description, from.description])
    }

    /// A planner's customers (everyone's for nil) whose clocks may run on
    /// `asOf`: not exited, or exited within 24 months (follow-up); what `user` reaches.
    public func clockFacts(planner: String?, by user: Staff?, asOf: Day) throws -> [CaseClockFacts] {
        try inBatches(try reportIDs(planner: planner, by: user,
                                    condition: "((c.body ->> 'exitedOn') IS NULL OR (c.body ->> 'exitedOn') >= $1)",
                                    [asOf.adding(months: -24).description])) { try clockFacts($0) }
    }

    /// Every participant with a saved plan, not exited: one planner's, or everyone's, as `user` reaches them.
    public func qualityFacts(planner: String?, by user: Staff?, asOf: Day, matrix: ServicesMatrix) throws -> [QualityFacts] {
        let ids = try reportIDs(planner: planner, by: user, condition: """
            (c.body ->> 'exitedOn') IS NULL AND EXISTS (SELECT 1 FROM careerplan.plan_version v WHERE v.customer_id = c.id)
            """, [])
        return try inBatches(ids) { try qualityFacts($0, matrix: matrix) }
    }

    /// The period's participants with their intake answers, for the participant record extract (administrators).
    public func participantFiles(from: Day, to: Day, planner: String?, by user: Staff?) throws -> [ParticipantFile] {
        try Permission.exportData.check(by: user)
        return try inBatches(try participantIDs(from: from, to: to, planner: planner, by: user)) { batch in
            try filesWithClocks(batch).map { file, facts in
                ParticipantFile(facts: facts, application: file.application, screenings: file.screenings)
            }
        }
    }

    /// The customers matching `condition` (binds from $1) that `user` may report on, in name order.
    private func reportIDs(planner: String?, by user: Staff?, condition: String, _ first: [String?]) throws -> [CustomerID] {
        let user = try Permission.runReports.check(by: user)
        let reach = try reach(of: user, on: Day.localToday())
        if let planner { try reach.require(planner, by: user, to: "report on") }
        var binds = first
        var sql = "SELECT c.id::text FROM careerplan.customer c WHERE " + condition
        if let planner {
            binds.append(planner)
            sql += " AND c.planner = $\(binds.count)"
        }
        if case .planners(let logins) = reach, planner == nil {
            binds.append(Self.textArray(logins.sorted()))
            sql += " AND (c.planner IS NULL OR c.planner = ANY($\(binds.count)::text[]))"
        }
        return try rows(sql + " ORDER BY c.sort_name COLLATE \"C\", c.id", binds).compactMap { $0.first ?? nil }
            .compactMap { Int64($0) }.map(CustomerID.init)
    }
}
