import Domain
import GRDB

/// What the deadline engine needs, read in one transaction: customers, their
/// current plans, and when each plan was first and last saved.
extension CaseloadStore {
    public func clockFacts(for id: CustomerID) throws -> CaseClockFacts? {
        try read { db in try Self.clockFacts(db, where: "c.id = ?", [id.number]).first }
    }

    /// The customers of one page of the caseload, by id.
    public func clockFacts(ids: [CustomerID]) throws -> [CustomerID: CaseClockFacts] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            let list = try Self.clockFacts(db, where: "c.id IN (\(marks))", StatementArguments(ids.map(\.number)))
            return Dictionary(list.map { ($0.customer.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// A planner's customers (every customer for nil) whose clocks may run:
    /// not exited, or exited and in follow-up; for reports, so only what
    /// `user` reaches: a career planner their own customers, the unassigned
    /// and the caseloads they cover, never another planner's.
    /// `asOf` is the report's day: who is still in follow-up is counted from
    /// it, never from the machine's date.
    public func clockFacts(planner: String?, by user: Staff?, asOf: Day) throws -> [CaseClockFacts] {
        try reportFacts(planner: planner, by: user, Self.activeCondition(planner: planner, asOf: asOf))
    }

    /// The participants of a period, for the performance report: enrolled by
    /// its last day and not exited before its first, whatever the report's
    /// day (a report for an earlier year finds that year's exits); only
    /// what `user` reaches.
    public func participantFacts(from: Day, to: Day, planner: String?, by user: Staff?) throws -> [CaseClockFacts] {
        try reportFacts(planner: planner, by: user, Self.participants(from: from, to: to, planner: planner))
    }

    /// The period's participants with their intake answers, for the
    /// participant record extract: a bulk copy of personal data for another
    /// system, so administrators only, like an export.
    public func participantFiles(from: Day, to: Day, planner: String?, by user: Staff?) throws -> [ParticipantFile] {
        try Self.permit(.exportData, by: user)
        let facts = try participantFacts(from: from, to: to, planner: planner, by: user)
        let wanted = Set(facts.map(\.customer.id))
        return try read { db in
            var applications: [CustomerID: Application] = [:]
            for a in try Self.applications(db) where wanted.contains(a.customer) { applications[a.customer] = a.answers }
            let screenings = Dictionary(grouping: try Self.screenings(db).filter { wanted.contains($0.customer) }, by: \.customer)
            return facts.map { f in
                ParticipantFile(facts: f, application: applications[f.customer.id], screenings: screenings[f.customer.id] ?? [])
            }
        }
    }

    private static func participants(from: Day, to: Day, planner: String?) -> (String, StatementArguments) {
        var condition = "c.enrolled_on IS NOT NULL AND c.enrolled_on <= ? AND (c.exited_on IS NULL OR c.exited_on >= ?)"
        var args: StatementArguments = [to.description, from.description]
        if let planner {
            condition += " AND c.planner = ?"
            args += [planner]
        }
        return (condition, args)
    }

    private func reportFacts(planner: String?, by user: Staff?, _ selection: (String, StatementArguments)) throws -> [CaseClockFacts] {
        let user = try Self.permit(.runReports, by: user)
        return try read { db in
            let reach = try Self.reach(of: user, on: today(), db)
            if let planner { try reach.require(planner, by: user, to: "report on") }
            var (condition, args) = selection
            if case .planners(let logins) = reach, planner == nil {
                let marks = Array(repeating: "?", count: logins.count).joined(separator: ", ")
                condition += " AND (c.planner IS NULL OR c.planner IN (\(marks)))"
                args += StatementArguments(logins.sorted())
            }
            return try Self.clockFacts(db, where: condition, args)
        }
    }

    /// Every customer's (or one planner's) facts, unchecked: for the Store's own rules.
    func clockFacts(planner: String?, asOf: Day? = nil) throws -> [CaseClockFacts] {
        try read { db in
            let (condition, args) = Self.activeCondition(planner: planner, asOf: asOf ?? today())
            return try Self.clockFacts(db, where: condition, args)
        }
    }

    private static func activeCondition(planner: String?, asOf: Day) -> (String, StatementArguments) {
        // Follow-up can run up to 12 months after a first day of employment after exit.
        let active = "(c.exited_on IS NULL OR c.exited_on >= ?)"
        let since = asOf.adding(months: -24).description
        return planner == nil ? (active, [since]) : ("c.planner = ? AND \(active)", [planner, since])
    }

    static func clockFacts(_ db: Database, where condition: String, _ args: StatementArguments) throws -> [CaseClockFacts] {
        let cases = try customersWithPlans(db, where: condition, args, also: """
            (SELECT min(saved_at) FROM plan_version v WHERE v.customer_id = c.id) AS first_saved,
            (SELECT max(saved_at) FROM plan_version v WHERE v.customer_id = c.id) AS last_saved
            """)
        let work = try caseWorks(db, where: condition, args)
        return cases.map { c in
            CaseClockFacts(customer: c.customer, plan: c.plan, firstSave: c.row["first_saved"], lastSave: c.row["last_saved"],
                           in: .current, work: work[c.customer.id] ?? CaseWork())
        }
    }

    /// Each customer matching `condition` with their current plan, in name
    /// order, and the row for the columns `also` adds.
    static func customersWithPlans(_ db: Database, where condition: String, _ args: StatementArguments,
                                   also: String? = nil) throws -> [(customer: Customer, plan: CareerPlan?, row: Row)] {
        try Row.fetchAll(db, sql: """
            SELECT \(customerColumns), careerplan_body(v.body) AS plan_body\(also.map { ", " + $0 } ?? "")
            FROM customer c LEFT JOIN plan p ON p.customer_id = c.id LEFT \(PlanByVersion.join)
            WHERE \(condition) ORDER BY c.sort_name, c.id
            """, arguments: args).map { row in
            (try Customer(row: row), try (row["plan_body"] as String?).map { try decodeJSON(CareerPlan.self, $0, "plan_version.body") }, row)
        }
    }

    /// The case work of every customer matching `condition`, in one query per table (of `only`, when given).
    static func caseWorks(_ db: Database, where condition: String, _ args: StatementArguments,
                          only: Set<String>? = nil) throws -> [CustomerID: CaseWork] {
        var out: [CustomerID: CaseWork] = [:]
        func each<T: Decodable>(_ table: String, _ type: T.Type, order: String = "id", _ add: (inout CaseWork, T) -> Void) throws {
            if let only, !only.contains(table) { return }
            let rows = try Row.fetchAll(db, sql: """
                SELECT customer_id, \(PackedBodies.read(table)) FROM \(table)
                WHERE customer_id IN (SELECT c.id FROM customer c WHERE \(condition)) ORDER BY customer_id, \(order)
                """, arguments: args)
            for row in rows {
                add(&out[CustomerID(row["customer_id"]), default: CaseWork()],
                    try decodeJSON(T.self, row["body"], "\(table).body"))
            }
        }
        try each("case_note", CaseNote.self) { $0.notes.append($1) }
        for customer in Array(out.keys) { out[customer]!.notes = NoteBodies.inOrder(out[customer]!.notes) }
        try each("outcome", Outcome.self) { $0.outcomes.append($1) }
        try each("pause", Pause.self) { $0.pauses.append($1) }
        try each("follow_up_decline", FollowUpDecline.self, order: "customer_id") { $0.followUpDeclined = $1 }
        try each("signature", Signature.self) { $0.signatures.append($1) }
        try each("guardian_request", GuardianRequest.self, order: "customer_id") { $0.guardianRequest = $1 }
        try each("plan_copy", PlanCopyRecord.self) { $0.copies.append($1) }
        try each("other_program_service", OtherProgramService.self) { $0.otherServices.append($1) }
        return out
    }
}
