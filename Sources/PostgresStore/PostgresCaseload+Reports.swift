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
        let user = try Permission.runReports.check(by: user)
        let reach = try reach(of: user, on: Day.localToday())
        if let planner, !reach.includes(planner: planner) {
            throw StoreError.notPermitted(login: user.login, role: user.role.name,
                                          action: "report on \(planner)'s customers unless covering for them")
        }
        var binds: [String?] = [to.description, from.description]
        var sql = """
            SELECT id::text FROM careerplan.customer c
            WHERE (c.body ->> 'enrolledOn') <= $1 AND ((c.body ->> 'exitedOn') IS NULL OR (c.body ->> 'exitedOn') >= $2)
            """
        if let planner {
            binds.append(planner)
            sql += " AND c.planner = $\(binds.count)"
        }
        if case .planners(let logins) = reach, planner == nil {
            binds.append("{" + logins.sorted().joined(separator: ",") + "}")
            sql += " AND (c.planner IS NULL OR c.planner = ANY($\(binds.count)::text[]))"
        }
        let ids = try rows(sql + " ORDER BY c.sort_name COLLATE \"C\", c.id", binds).compactMap { $0.first ?? nil }
            .compactMap { Int64($0) }.map(CustomerID.init)
        return try ids.compactMap { try clockFacts(for: $0) }
    }
}
