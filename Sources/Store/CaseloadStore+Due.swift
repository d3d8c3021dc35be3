import Domain
import Foundation
import GRDB

/// The `due` table: each customer's running clocks (`Deadlines.schedule`),
/// rewritten in the transaction of every write that touches the customer
/// (triggers list them in `due_stale`), so the dashboard reads one page of
/// items instead of recomputing every case.
extension CaseloadStore {

    static let dueBatch = 2_000

    /// Runs a write, and again after a pause when the file stayed busy past
    /// SQLite's own 10-second wait (another user's long write, a checkpoint):
    /// three tries, about half a minute in all, before a plain message. The
    /// write is one transaction, so a try that failed left nothing behind.
    static func waitingOutBusy<T>(_ body: () throws -> T) throws -> T {
        var pause: UInt32 = 200_000
        for attempt in 1...3 {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                if attempt == 3 { throw StoreError.busy }
                usleep(pause)
                pause *= 3
            }
        }
        throw StoreError.busy
    }

    /// No full SSN and no over-long text reaches the file through any
    /// record: every row this transaction wrote is in the audit trail, so one
    /// look there covers every table and every text field (a form that
    /// checks first shows it under the field; this is the rule itself).
    static func refuseForbiddenText(writtenAfter id: Int64, _ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT entity, new FROM audit WHERE id > ? AND new IS NOT NULL", arguments: [id])
        for row in rows {
            let json: String = row["new"]
            guard json.contains(where: \.isNumber) || json.utf8.count > TextLimits.short,
                  let value = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { continue }
            let record = AuditEntry.expandingJSONText(value)
            // Text is typed into a record's body; another column may quote it (a plan version's list of changes,
            // since the current plan keeps no body of its own): the body's field is the one named.
            let body = (record as? [String: Any])?["body"].map { ["body": $0] as [String: Any] }
            if let (field, problem) = body.flatMap(StoredText.firstProblem(inJSON:)) ?? StoredText.firstProblem(inJSON: record) {
                let entity = (row["entity"] as String).replacingOccurrences(of: "_", with: " ")
                throw StoreError.invalid("the \(entity)'s \(field): \(problem)")
            }
        }
    }

    /// Works through whatever is still stale a batch per transaction, so
    /// other users' writes go in between.
    func refreshAllDue() throws {
        while try read({ db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM due_stale WHERE customer_id NOT IN \(Self.sqlList(skipped)))")
        }) == true {
            try Self.waitingOutBusy { try pool.write { db in try refreshDue(db, upTo: Self.dueBatch) } }
        }
    }

    /// The customers whose records could not be read, so far.
    var skipped: [Int64] { unreadable.withLock { Array($0) } }

    /// `refreshDue`, passing over the customers already found unreadable and remembering any found now.
    func refreshDue(_ db: Database, upTo limit: Int) throws {
        remember(unreadable: try Self.refreshDue(db, upTo: limit, skipping: skipped))
    }

    /// "(1,2,3)": integers only, so they can be written into the SQL as they are.
    static func sqlList(_ ids: [Int64]) -> String { "(" + ids.map(String.init).joined(separator: ",") + ")" }

    /// Recomputes the due items of the customers marked stale: all of them,
    /// or at most `limit`, but those in `skipping`. A customer whose records cannot be read (a damaged
    /// body: the file itself is readable) keeps its items as they were and its mark, and is returned:
    /// one damaged record no longer stops every opening of the file and every other customer's write.
    @discardableResult
    static func refreshDue(_ db: Database, upTo limit: Int = .max, batch: Int = dueBatch,
                           skipping: [Int64] = []) throws -> Set<Int64> {
        let settings = try clockSettings(db)
        let dropped = try closedDueDropped(db)
        var unreadable: Set<Int64> = []
        var done = 0
        while done < limit {
            done += batch
            let ids = try Int64.fetchAll(db, sql: """
                SELECT customer_id FROM due_stale WHERE customer_id NOT IN \(sqlList(skipping + unreadable)) LIMIT ?
                """, arguments: [batch])
            if ids.isEmpty { break }
            let (facts, damaged) = try readingPastDamage(all: { try clockFacts(db, where: "c.id IN \(sqlList(ids))", []) },
                                                         ids: { ids }, each: { try clockFacts(db, where: "c.id = ?", [$0]) })
            unreadable.formUnion(damaged)
            let list = Self.sqlList(ids.filter { !damaged.contains($0) })
            try db.execute(sql: "DELETE FROM due WHERE customer_id IN \(list)")
            try db.execute(sql: "DELETE FROM unsigned_plan WHERE customer_id IN \(list)")
            try writeDue(facts, settings: settings, closedBefore: dropped, db)
            try db.execute(sql: "DELETE FROM due_stale WHERE customer_id IN \(list)")
        }
        return unreadable
    }

    /// The due items and unsigned plans of these customers, who have none in the table yet; items whose window
    /// closed before `closedBefore` left out (a load's, of today: see `dropClosedDue`).
    static func writeDue(_ facts: [CaseClockFacts], settings: ClockSettings, closedBefore: Day? = nil, _ db: Database) throws {
        for f in facts where awaitsSignatures(f) {
            try db.cached(sql: "INSERT INTO unsigned_plan (customer_id) VALUES (?)", arguments: [f.customer.id.number])
        }
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO due (customer_id, planner, rule_code, subject_id, due_on, from_on, until_on) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var subjects = DueCodes.Subjects()
        for f in facts {
            for s in Deadlines.schedule(for: f, settings: settings) where !s.met && !s.closed(before: closedBefore) {
                try insert.execute(arguments: [f.customer.id.number, f.customer.planner, DueCodes.code(of: s.rule),
                                               try subjects.id(of: s.subject, db),
                                               s.due.description, s.from?.description, s.until?.description])
            }
        }
    }

    /// Drops the items whose window closed before `day`: they never run again, and the dashboard's page, which
    /// walks a planner's items in due order, stepped over every one of them (a tenth of the items, and most
    /// of the dashboard's time at 1,000,000 customers). The day's first opening (or the night's pass) drops
    /// those that closed since, in the transaction of the day's exits; items recomputed after it leave out what closed before
    /// its day (`closedDueDropped`), as a load leaves out what closed before today. Closed items were due
    /// before their window closed: the range of due days is read from its index, not the whole table.
    static func dropClosedDue(before day: Day, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM due WHERE due_on < ?1 AND until_on < ?1", arguments: [day.description])
    }

    /// The day of the last opening that dropped closed items (the day's automatic exits), if any.
    static func closedDueDropped(_ db: Database) throws -> Day? {
        try String.fetchOne(db, sql: "SELECT on_day FROM daily_task WHERE task = 'automatic-exits'").flatMap(Day.init(parsing:))
    }

    /// A participant's plan that not everyone required has signed as it stands.
    public static func awaitsSignatures(_ f: CaseClockFacts) -> Bool {
        guard let plan = f.plan, f.customer.enrolledOn != nil, f.customer.exitedOn == nil else { return false }
        return !Signing.isSigned(customer: f.customer, plan: plan, signatures: f.work.signatures, guardian: f.work.guardianRequest)
    }

    /// The item of a `due d` row as a clock on `today` (its subject's words read as `subject`).
    private static func clock(_ row: Row, on today: Day, settings: ClockSettings) -> Clock? {
        guard let rule = DueCodes.rule(code: row["rule_code"]), let due = Day(iso: row["due_on"]) else { return nil }
        let subject: String = row["subject"]
        return Clock(rule: rule, due: due, state: Deadlines.state(due: due, on: today, settings: settings),
                     subject: subject.isEmpty ? nil : subject)
    }

    /// Items running on `today`, of these planners (everyone's for nil), optionally of one rule; of the
    /// table `due d`, or of the tally `due_tally d` (which says '' for none).
    private static func dueWhere(planners: [String]?, rule: ClockRule?, on today: Day, tally: Bool = false) -> (String, StatementArguments) {
        let none = tally ? " = ''" : " IS NULL"
        var sql = "(d.from_on\(none) OR d.from_on <= ?) AND (d.until_on\(none) OR d.until_on >= ?)"
        var args: StatementArguments = [today.description, today.description]
        if let planners {
            sql = "d.planner IN (\(planners.map { _ in "?" }.joined(separator: ", "))) AND " + sql
            args = StatementArguments(planners) + args
        }
        if let rule { sql += " AND d.rule_code = ?"; args += [DueCodes.code(of: rule)] }
        return (sql, args)
    }

    /// How many items run, and how many are overdue or due soon: the caseload title's counts.
    public func dueCounts(planners: [String]?, rule: ClockRule? = nil, on today: Day,
                          settings: ClockSettings) throws -> (total: Int, overdue: Int, dueSoon: Int) {
        try read { db in try Self.dueCounts(db, planners: planners, rule: rule, on: today, settings: settings) }
    }

    private static func dueCounts(_ db: Database, planners: [String]?, rule: ClockRule?, on today: Day,
                                  settings: ClockSettings) throws -> (total: Int, overdue: Int, dueSoon: Int) {
        let (condition, args) = dueWhere(planners: planners, rule: rule, on: today, tally: true)
        let soonEnd = today.adding(days: settings.warningWindowDays).description
        guard let row = try Row.fetchOne(db, sql: """
            SELECT coalesce(sum(d.items), 0) AS total, coalesce(sum((d.due_on < ?) * d.items), 0) AS overdue,
                   coalesce(sum((d.due_on >= ? AND d.due_on <= ?) * d.items), 0) AS soon
            FROM due_tally d WHERE \(condition)
            """, arguments: [today.description, today.description, soonEnd] + args) else { return (0, 0, 0) }
        return (row["total"], row["overdue"], row["soon"])
    }

    public func dueSummary(planners: [String]?, rule: ClockRule? = nil, on today: Day, settings: ClockSettings) throws -> DueSummary {
        try read { db in
            let (condition, args) = Self.dueWhere(planners: planners, rule: rule, on: today, tally: true)
            let soonEnd = today.adding(days: settings.warningWindowDays).description
            var s = DueSummary()
            (s.total, s.overdue, s.dueSoon) = try Self.dueCounts(db, planners: planners, rule: rule, on: today, settings: settings)
            if planners == nil {
                for row in try Row.fetchAll(db, sql: """
                    SELECT d.planner, sum(d.items) AS n FROM due_tally d WHERE \(condition) AND d.due_on <= ?
                    GROUP BY 1
                    """, arguments: args + [soonEnd]) {
                    s.urgentByPlanner[row["planner"]] = row["n"]
                }
            }
            let (all, allArgs) = Self.dueWhere(planners: planners, rule: nil, on: today, tally: true)
            let present = Set(try Int.fetchAll(db, sql: "SELECT DISTINCT d.rule_code FROM due_tally d WHERE \(all)", arguments: allArgs))
            s.rules = ClockRule.allCases.filter { present.contains(DueCodes.code(of: $0)) }
            return s
        }
    }

    /// One page of running items, soonest first.
    public func dueItems(planners: [String]?, rule: ClockRule? = nil, on today: Day, settings: ClockSettings,
                         offset: Int, limit: Int) throws -> [DueItem] {
        try read { db in
            let (condition, args) = Self.dueWhere(planners: planners, rule: rule, on: today)
            return try Row.fetchAll(db, sql: """
                SELECT \(Self.customerColumns), d.rule_code, \(DueCodes.subjectText) AS subject, d.due_on
                FROM due d JOIN customer c ON c.id = d.customer_id WHERE \(condition)
                ORDER BY d.due_on, d.customer_id, d.rule_code, subject LIMIT ? OFFSET ?
                """, arguments: args + [limit, offset]).compactMap { row in
                try Self.clock(row, on: today, settings: settings).map { DueItem(customer: try Customer(row: row), clock: $0) }
            }
        }
    }
}

extension CaseloadStore {
    /// The soonest running item of each of these customers (the caseload's
    /// "next due" column), from the due table.
    public func nextDue(ids: [CustomerID], on today: Day, settings: ClockSettings) throws -> [CustomerID: Clock] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let (condition, args) = Self.dueWhere(planners: nil, rule: nil, on: today)
            var out: [CustomerID: Clock] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT d.customer_id, d.rule_code, \(DueCodes.subjectText) AS subject, d.due_on FROM due d
                WHERE d.customer_id IN \(Self.sqlList(ids.map(\.number))) AND \(condition)
                ORDER BY d.customer_id, d.due_on, d.rule_code, subject
                """, arguments: args) {
                let id = CustomerID(row["customer_id"])
                if out[id] == nil { out[id] = Self.clock(row, on: today, settings: settings) }
            }
            return out
        }
    }

    /// Which of these customers are participants whose current plan not
    /// everyone required has signed as it stands (kept with the due items).
    public func awaitingSignatures(ids: [CustomerID]) throws -> Set<CustomerID> {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            let list = Self.sqlList(ids.map(\.number))
            return Set(try Int64.fetchAll(db, sql: "SELECT customer_id FROM unsigned_plan WHERE customer_id IN \(list)").map(CustomerID.init))
        }
    }
}
