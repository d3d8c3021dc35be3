import Domain
import Foundation
import Store

/// The due table on PostgreSQL: each customer's running clocks
/// (`Deadlines.schedule`), rewritten by the due writer after the records they
/// come from change (`PostgresCaseload+DueWriter`), so the
/// caseload's "next due" column and the dashboard read rows instead of
/// recomputing every case; read with the file store's order and windows.
extension PostgresCaseload {
    /// Rewrites the due items and the awaiting-signatures mark of these
    /// customers: a few statements per few thousand customers, whatever their number.
    public func refreshDue(_ ids: [CustomerID]) throws {
        let settings = try clockSettings()
        try eachBatch(ids) { batch in
            let facts = try clockFacts(batch)
            var due: [[String: String]] = []
            for f in facts {
                for s in Deadlines.schedule(for: f, settings: settings) where !s.met {
                    var item = ["customer": String(f.customer.id.number), "rule": s.rule.rawValue, "subject": s.subject ?? "",
                                "due": s.due.description]
                    item["planner"] = f.customer.planner
                    item["from"] = s.from?.description
                    item["until"] = s.until?.description
                    due.append(item)
                }
            }
            let unsigned = facts.filter(CaseloadStore.awaitsSignatures).map(\.customer.id)
            let all = Self.idArray(batch)
            try rows("DELETE FROM careerplan.due WHERE customer_id IN (SELECT unnest($1::bigint[]))", [all])
            try rows("DELETE FROM careerplan.unsigned_plan WHERE customer_id IN (SELECT unnest($1::bigint[]))", [all])
            try rows("INSERT INTO careerplan.unsigned_plan (customer_id) SELECT unnest($1::bigint[])", [Self.idArray(unsigned)])
            try rows("""
                INSERT INTO careerplan.due (customer_id, planner, rule, subject, due_on, from_on, until_on)
                SELECT (e ->> 'customer')::bigint, e ->> 'planner', e ->> 'rule', e ->> 'subject', (e ->> 'due')::date,
                       (e ->> 'from')::date, (e ->> 'until')::date
                -- No window that closed in every area (v18-closed-due); the day asked once, not for each item.
                FROM jsonb_array_elements($1::jsonb) AS t(e), (SELECT careerplan.every_areas_day() AS day) AS today
                WHERE e ->> 'until' IS NULL OR (e ->> 'until')::date >= today.day
                """, [String(decoding: try JSONSerialization.data(withJSONObject: due), as: UTF8.self)])
        }
    }

    /// Every customer's (after `migrate` loads a center).
    public func refreshAllDue() throws {
        try refreshDue(try rows("SELECT c.id::text FROM careerplan.customer c ORDER BY c.id").compactMap { $0.first ?? nil }
            .compactMap { Int64($0) }.map(CustomerID.init))
    }

    /// Items running on `today`, of these planners (everyone's for nil), optionally of one rule; binds from `$first`.
    /// Of the table `due d`, or of the tally `due_tally d` (whose days are -infinity and infinity for none).
    private func dueWhere(planners: [String]?, rule: ClockRule?, on today: Day, first: Int = 1,
                          tally: Bool = false) -> (String, [String?]) {
        var binds: [String?] = []
        func bind(_ value: String) -> String {
            binds.append(value)
            return "$\(first + binds.count - 1)"
        }
        let day = bind(today.description)
        var sql = tally ? "d.from_on <= \(day)::date AND d.until_on >= \(day)::date"
            : "(d.from_on IS NULL OR d.from_on <= \(day)::date) AND (d.until_on IS NULL OR d.until_on >= \(day)::date)"
        if let planners {
            sql = (planners.isEmpty ? "false" : "d.planner IN (\(planners.map { bind($0) }.joined(separator: ", ")))") + " AND " + sql
        }
        if let rule { sql += " AND d.rule = \(bind(rule.rawValue))" }
        return (sql, binds)
    }

    private func clock(rule: String?, subject: String?, due: String?, on today: Day, settings: ClockSettings) -> Clock? {
        guard let rule = rule.flatMap(ClockRule.init(rawValue:)), let due = due.flatMap({ Day(parsing: $0) }) else { return nil }
        return Clock(rule: rule, due: due, state: Deadlines.state(due: due, on: today, settings: settings),
                     subject: (subject ?? "").isEmpty ? nil : subject)
    }

    public func dueCounts(planners: [String]?, rule: ClockRule? = nil, on today: Day,
                          settings: ClockSettings) throws -> (total: Int, overdue: Int, dueSoon: Int) {
        let (condition, binds) = dueWhere(planners: planners, rule: rule, on: today, first: 3, tally: true)
        let row = try rows("""
            SELECT coalesce(sum(d.items), 0)::text, coalesce(sum(d.items) FILTER (WHERE d.due_on < $1::date), 0)::text,
                   coalesce(sum(d.items) FILTER (WHERE d.due_on >= $1::date AND d.due_on <= $2::date), 0)::text
            FROM careerplan.due_tally d WHERE \(condition)
            """, [today.description, today.adding(days: settings.warningWindowDays).description] + binds).first ?? []
        func int(_ i: Int) -> Int { row.indices.contains(i) ? row[i].flatMap { Int($0) } ?? 0 : 0 }
        return (int(0), int(1), int(2))
    }

    public func dueSummary(planners: [String]?, rule: ClockRule? = nil, on today: Day, settings: ClockSettings) throws -> DueSummary {
        var s = DueSummary()
        (s.total, s.overdue, s.dueSoon) = try dueCounts(planners: planners, rule: rule, on: today, settings: settings)
        if planners == nil {
            let (condition, binds) = dueWhere(planners: nil, rule: rule, on: today, first: 2, tally: true)
            for r in try rows("""
                SELECT d.planner, sum(d.items)::text FROM careerplan.due_tally d WHERE \(condition) AND d.due_on <= $1::date
                GROUP BY 1
                """, [today.adding(days: settings.warningWindowDays).description] + binds) {
                if let planner = r[0], let n = r[1].flatMap({ Int($0) }) { s.urgentByPlanner[planner] = n }
            }
        }
        let (all, binds) = dueWhere(planners: planners, rule: nil, on: today, tally: true)
        let present = Set(try rows("SELECT DISTINCT d.rule FROM careerplan.due_tally d WHERE \(all)", binds).compactMap { $0.first ?? nil })
        s.rules = ClockRule.allCases.filter { present.contains($0.rawValue) }
        return s
    }

    /// One page of running items, soonest first.
    public func dueItems(planners: [String]?, rule: ClockRule? = nil, on today: Day, settings: ClockSettings,
                         offset: Int, limit: Int) throws -> [DueItem] {
        let (condition, binds) = dueWhere(planners: planners, rule: rule, on: today)
        let n = binds.count
        let decoder = JSONDecoder()
        return try rows("""
            SELECT c.body::text, d.rule, d.subject, d.due_on::text
            FROM careerplan.due d JOIN careerplan.customer c ON c.id = d.customer_id WHERE \(condition)
            ORDER BY d.due_on, d.customer_id, d.rule COLLATE "C", d.subject COLLATE "C"
            LIMIT $\(n + 1)::bigint OFFSET $\(n + 2)::bigint
            """, binds + [String(limit), String(offset)]).compactMap { r in
            guard let body = r[0], let clock = clock(rule: r[1], subject: r[2], due: r[3], on: today, settings: settings)
            else { return nil }
            return DueItem(customer: try decoder.decode(Customer.self, from: Data(body.utf8)), clock: clock)
        }
    }

    /// The soonest running item of each of these customers (the caseload's "next due" column).
    public func nextDue(ids: [CustomerID], on today: Day, settings: ClockSettings) throws -> [CustomerID: Clock] {
        guard !ids.isEmpty else { return [:] }
        let (condition, binds) = dueWhere(planners: nil, rule: nil, on: today, first: 2)
        var out: [CustomerID: Clock] = [:]
        for r in try rows("""
            SELECT d.customer_id::text, d.rule, d.subject, d.due_on::text FROM careerplan.due d
            WHERE d.customer_id IN (SELECT unnest($1::bigint[])) AND \(condition)
            ORDER BY d.customer_id, d.due_on, d.rule COLLATE "C", d.subject COLLATE "C"
            """, ["{" + ids.map { String($0.number) }.joined(separator: ",") + "}"] + binds) {
            guard let id = r[0].flatMap({ Int64($0) }).map(CustomerID.init), out[id] == nil else { continue }
            out[id] = clock(rule: r[1], subject: r[2], due: r[3], on: today, settings: settings)
        }
        return out
    }

    /// Which of these customers are participants whose current plan not everyone required has signed.
    public func awaitingSignatures(ids: [CustomerID]) throws -> Set<CustomerID> {
        guard !ids.isEmpty else { return [] }
        return Set(try rows("SELECT customer_id::text FROM careerplan.unsigned_plan WHERE customer_id IN (SELECT unnest($1::bigint[]))",
                            ["{" + ids.map { String($0.number) }.joined(separator: ",") + "}"])
            .compactMap { $0.first ?? nil }.compactMap { Int64($0) }.map(CustomerID.init))
    }
}
