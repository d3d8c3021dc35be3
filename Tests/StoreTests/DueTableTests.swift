import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// The `due` table always says what `Deadlines.running` computes from the
/// records: after a bulk load, after each kind of write, after a settings
/// change, on any day.
@Suite final class DueTableTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    let admin = Staff(login: "root", name: "Area Admin", initials: "AA", role: .administrator)

    /// Every customer's items, from the table and computed afresh.
    func expectTableMatchesTheRules(_ store: CaseloadStore, on day: Day, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let settings = try store.clockSettings()
        let (computed, stored) = try dueItemsComputedAndStored(store, on: day)
        #expect(!stored.isEmpty, sourceLocation: sourceLocation)
        #expect(stored == computed, sourceLocation: sourceLocation)
        // Plans awaiting signatures, as the signatures screen works them out.
        let facts = try store.clockFacts(planner: nil)
        let unsigned = facts.filter { f in
            guard let plan = f.plan, f.customer.enrolledOn != nil, f.customer.exitedOn == nil else { return false }
            return !Signing.isSigned(Signing.states(customer: f.customer, plan: plan, signatures: f.work.signatures,
                                                    guardian: f.work.guardianRequest, on: day))
        }.map(\.customer.id)
        #expect(try store.awaitingSignatures(ids: facts.map(\.customer.id)) == Set(unsigned), sourceLocation: sourceLocation)
        let summary = try store.dueSummary(planners: nil, on: day, settings: settings)
        #expect(summary.total == computed.count, sourceLocation: sourceLocation)
        #expect(summary.overdue == computed.filter { $0.hasSuffix(" overdue") }.count, sourceLocation: sourceLocation)
        #expect(summary.dueSoon == computed.filter { $0.hasSuffix(" dueSoon") }.count, sourceLocation: sourceLocation)
        // The rules the dashboard offers: those with an item running, for everyone, one planner, or a planner and a cover.
        for planners in [nil, ["mrivera"], ["wchen", "tnguyen"], ["nobody"]] as [[String]?] {
            let running = Set(facts.filter { f in planners.map { $0.contains(f.customer.planner ?? "") } ?? true }.flatMap { f in
                Deadlines.running(for: f, on: day, settings: settings).map(\.rule)
            })
            #expect(Set(try store.dueSummary(planners: planners, on: day, settings: settings).rules) == running,
                    "\(String(describing: planners))", sourceLocation: sourceLocation)
        }
        // The tally the counts are read from is the table's items counted by planner, rule and days.
        let (grouped, tally) = try store.pool.read { db in
            (try Row.fetchAll(db, sql: """
                SELECT coalesce(planner, '') AS p, rule_code AS r, due_on AS d, coalesce(from_on, '') AS f, coalesce(until_on, '') AS u,
                       count(*) AS n FROM due GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
                """),
             try Row.fetchAll(db, sql: """
                SELECT planner AS p, rule_code AS r, due_on AS d, from_on AS f, until_on AS u, items AS n FROM due_tally ORDER BY 1, 2, 3, 4, 5
                """))
        }
        #expect(!tally.isEmpty && grouped == tally, sourceLocation: sourceLocation)
    }

    /// An item whose window closed runs on no later day: a load leaves it out, the day's first opening drops
    /// those that closed since, and what runs on each day from then on is as before.
    @Test func itemsWhoseWindowClosedAreDropped() throws {
        let store = try seededStore(at: dir + "/closed.sqlite", customers: 120)
        let settings = try store.clockSettings()
        let facts = try store.clockFacts(planner: nil)
        func closed(before day: Day) -> Int {
            facts.reduce(0) { n, f in n + Deadlines.schedule(for: f, settings: settings).filter { !$0.met && $0.closed(before: day) }.count }
        }
        func kept(closedBefore day: Day) throws -> Int {
            try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM due WHERE until_on < ?", arguments: [day.description]) ?? -1 }
        }
        #expect(closed(before: testToday) > 0)
        #expect(try kept(closedBefore: testToday) == 0)
        // A year on, more have closed; the day's first opening drops them.
        let later = testToday.adding(days: 400)
        #expect(try kept(closedBefore: later) > 0)
        try store.applyAutomaticExits(today: later, matrix: try ServicesMatrix.bundled(), packing: 0)
        #expect(try kept(closedBefore: later) == 0)
        try expectTableMatchesTheRules(store, on: later)
    }

    @Test func theTableFollowsEveryKindOfWrite() throws {
        let store = try seededStore(at: dir + "/d.sqlite", customers: 48)
        // Days the windows open and close: services start and end, follow-up windows end.
        // Today and the days after (items whose window closed before today are not kept: see the next test).
        for day in [testToday, testToday.adding(days: 1), testToday.adding(days: 40), testToday.adding(days: 400)] {
            try expectTableMatchesTheRules(store, on: day)
        }
        // A two-way contact moves the contact clock; a pause holds the automatic exit.
        let enrolled = CustomerID(10)
        try store.addNote(CaseNote(id: 0, customer: enrolled, kind: .contact, eventOn: testToday, enteredOn: testToday, author: "",
                                   text: "called", channel: .phone, twoWay: true), by: admin)
        try store.addPause(["reason": "health", "detail": "surgery", "startOn": testToday.adding(days: -5).description,
                            "endOn": testToday.adding(days: 30).description], for: enrolled, by: admin, today: testToday)
        // A saved plan change: a service planned in the past, not started.
        if let saved = try store.plan(for: enrolled) {
            var plan = saved.plan
            if let g = plan.goals.firstIndex(where: { !$0.steps.isEmpty }) {
                plan.goals[g].steps[0].services.append(PlanService(id: plan.newID(), serviceID: "career-planning", name: "Career Planning",
                                                                   plannedStart: testToday.adding(days: -3), plannedEnd: testToday.adding(days: 20),
                                                                   weeklyHours: 1))
            }
            try store.savePlan(plan, over: saved.version, by: admin, today: testToday, matrix: try ServicesMatrix.bundled(), reason: "more help")
        }
        try expectTableMatchesTheRules(store, on: testToday)
        // A review with nothing changed resets review-90; a service entered as
        // already started 15 days ago is a late entry; a one-way message moves nothing.
        let reviewed = CustomerID(16)
        do {
            let saved = try #require(try store.plan(for: reviewed))
            _ = try store.recordReview(of: reviewed, over: saved.version, by: admin, today: testToday)
            var plan = try #require(try store.plan(for: reviewed)).plan
            plan.goals[0].steps[0].services.append(PlanService(id: plan.newID(), serviceID: "career-planning", name: "Career Planning",
                                                               plannedStart: testToday.adding(days: -15), plannedEnd: testToday.adding(days: 60),
                                                               weeklyHours: 1, status: .open, actualStart: testToday.adding(days: -15)))
            let version = try #require(try store.plan(for: reviewed)).version
            try store.savePlan(plan, over: version, by: admin, today: testToday, matrix: try ServicesMatrix.bundled(), reason: "more help")
            let facts = try #require(try store.clockFacts(for: reviewed))
            #expect(LateEntry.entries(of: facts).contains { $0.kind == .serviceStart && $0.daysLate == 15 })
        }
        try store.addNote(CaseNote(id: 0, customer: enrolled, kind: .contact, eventOn: testToday, enteredOn: testToday, author: "",
                                   text: "left a message", channel: .email, twoWay: false), by: admin)
        try expectTableMatchesTheRules(store, on: testToday)
        // The stored last contact and last service are what the notes and plans say.
        let matrix = try ServicesMatrix.bundled()
        for f in try store.clockFacts(planner: nil) {
            let derived = CaseActivity.derived(f.customer, notes: f.work.notes, plan: f.plan, matrix: matrix, through: testToday)
            #expect(derived.lastContactOn == f.customer.lastContactOn && derived.lastServiceOn == f.customer.lastServiceOn,
                    "customer \(f.customer.id)")
        }
        // The contact interval changes every enrolled customer's contact clock.
        try store.insert(staff: [admin])
        _ = try store.saveClockSettings(["contact-interval-days": "14", "veteran-contact-interval-days": "14",
                                         "review-interval-days": "90", "warning-window-days": "7"], by: admin)
        try expectTableMatchesTheRules(store, on: testToday)
        // A hand-off moves the items to the new planner.
        let before = try store.dueSummary(planners: ["wchen"], on: testToday, settings: try store.clockSettings()).total
        let supervisor = Staff(login: "asantos", name: "Ana Santos", initials: "AS", role: .supervisor)
        try store.handOff(from: "wchen", to: "mrivera", reason: "moved", by: supervisor, today: testToday)
        #expect(try store.dueSummary(planners: ["wchen"], on: testToday, settings: try store.clockSettings()).total == 0)
        #expect(before > 0)
        try expectTableMatchesTheRules(store, on: testToday)
        // Exits stop every participation clock: a year on, after the automatic exits (last: the days only go on).
        let later = testToday.adding(days: 400)
        #expect(try !store.applyAutomaticExits(today: later, matrix: matrix).isEmpty)
        try expectTableMatchesTheRules(store, on: later)
        for f in try store.clockFacts(planner: nil) where f.customer.exitedOn != nil {
            let participation: Set<ClockRule> = [.eligibility30, .enrollment90, .initialPlan5, .contact30, .review90,
                                                 .serviceEntry10, .serviceClose10, .autoExit90]
            #expect(Deadlines.running(for: f, on: later, settings: try store.clockSettings())
                .allSatisfy { !participation.contains($0.rule) }, "customer \(f.customer.id)")
        }
    }

    @Test func anOlderFileGetsItsTableWhenOpened() throws {
        let path = dir + "/old.sqlite"
        try seededStore(at: path, customers: 12).close()
        // As a file from before the table: empty it and drop the records of the migrations that made it.
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: """
                DELETE FROM due; DELETE FROM grdb_migrations
                WHERE identifier IN ('v14-due', 'v21-due-covering', 'v23-due-tally', 'v29-triggers-per-connection',
                                     'v30-due-by-customer', 'v33-due-codes')
                """)
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'due_stale_%'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: """
                DROP TABLE due; DROP TABLE due_stale; DROP TABLE unsigned_plan; DROP TABLE due_tally;
                DROP TABLE due_rule; DROP TABLE due_subject
                """)
        }
        try raw.close()
        try expectTableMatchesTheRules(try CaseloadStore(path: path), on: testToday)
    }

    /// Migration v30-due-by-customer: the items of a table of rowids with an index by customer (v14, v21)
    /// moved to the table keyed by customer, the same items and counts, an exact duplicate kept once; then
    /// v33-due-codes: rules and subjects as numbers, the same items, counts and order.
    @Test func itemsStoredByRowidAreKeptByCustomer() throws {
        let store = try seededStore(at: dir + "/v30.sqlite", customers: 40)
        let settings = try store.clockSettings()
        func items() throws -> [String] {
            try store.dueItems(planners: nil, on: testToday, settings: settings, offset: 0, limit: 10_000).map {
                "\($0.customer.id) \($0.clock.rule.rawValue) \($0.clock.subject ?? "") \($0.clock.due) \($0.clock.state)"
            }
        }
        let before = try items()
        let mine = try store.dueItems(planners: ["mrivera"], on: testToday, settings: settings, offset: 0, limit: 10_000).count
        let summary = try store.dueSummary(planners: nil, on: testToday, settings: settings)
        #expect(before.count > 40 && mine > 0 && Set(before.map { $0.split(separator: " ")[1] }).count > 4)
        // The items as v29 kept them: names and words, by rowid, with an index by customer.
        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TABLE due_rowid (customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE, planner TEXT,
                    rule TEXT NOT NULL, subject TEXT NOT NULL DEFAULT '', due_on TEXT NOT NULL, from_on TEXT, until_on TEXT);
                INSERT INTO due_rowid SELECT d.customer_id, d.planner, r.rule, coalesce(s.subject, ''), d.due_on, d.from_on, d.until_on
                    FROM due d JOIN due_rule r ON r.code = d.rule_code LEFT JOIN due_subject s ON s.id = d.subject_id;
                DROP TABLE due; DROP TABLE due_rule; DROP TABLE due_subject; DROP TABLE due_tally;
                CREATE TABLE due_tally (planner TEXT NOT NULL, rule TEXT NOT NULL, due_on TEXT NOT NULL, from_on TEXT NOT NULL,
                    until_on TEXT NOT NULL, items INTEGER NOT NULL, PRIMARY KEY (planner, rule, due_on, from_on, until_on)) WITHOUT ROWID;
                ALTER TABLE due_rowid RENAME TO due;
                CREATE INDEX due_by_customer ON due(customer_id);
                CREATE INDEX due_by_planner ON due(planner, due_on, customer_id, rule, subject, from_on, until_on);
                CREATE INDEX due_by_day ON due(due_on, customer_id, rule, subject, from_on, until_on, planner);
                """)
            // An item twice, as a table without a key could hold it (the tally counted it twice). In this
            // transaction: the next would make this careerplan's triggers, which count by the rule's number.
            try db.execute(sql: "INSERT INTO due SELECT * FROM due LIMIT 1")
            try db.execute(sql: "DELETE FROM due_tally; " + DueTally.count)
            try ConnectionTriggers.forget(db)
        }
        func stored() throws -> Int { try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM due") ?? 0 } }
        let rows = try stored()

        // Migrated as an upgrade does, by a connection that has not written (so has made no triggers of its own).
        let upgrading = try DatabaseQueue(path: dir + "/v30.sqlite")
        defer { try? upgrading.close() }
        try upgrading.write { db in try DueByCustomer.migrate(db) }
        let (sql, indexes) = try store.pool.read { db in
            (try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'due'") ?? "",
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'due' ORDER BY 1"))
        }
        #expect(sql.hasSuffix("WITHOUT ROWID") && indexes == ["due_by_day", "due_by_planner"])
        #expect(try stored() == rows - 1)
        try upgrading.write { db in try DueCodes.migrate(db) }
        #expect(try items() == before && stored() == rows - 1)
        #expect(try store.pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT typeof(rule_code) || typeof(subject_id) FROM due") }
                == ["integerinteger"])
        #expect(try store.dueItems(planners: ["mrivera"], on: testToday, settings: settings, offset: 0, limit: 10_000).count == mine)
        let after = try store.dueSummary(planners: nil, on: testToday, settings: settings)
        #expect(after.total == summary.total && after.overdue == summary.overdue && after.dueSoon == summary.dueSoon)
        #expect(after.rules == summary.rules)
        // Written again through the store, as every write does: the same as the rules compute.
        try store.pool.write { db in try db.execute(sql: "INSERT INTO due_stale SELECT id FROM customer") }
        try store.refreshAllDue()
        try expectTableMatchesTheRules(store, on: testToday)
    }

    /// A write that touches everyone is worked through a batch per transaction.
    @Test func aLargeRecomputeGoesABatchAtATime() throws {
        let store = try seededStore(at: dir + "/b.sqlite", customers: 48)
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO due_stale SELECT id FROM customer")
            try CaseloadStore.refreshDue(db, upTo: 10, batch: 10)
        }
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM due_stale") } == 38)
        try store.refreshAllDue()
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM due_stale") } == 0)
        try expectTableMatchesTheRules(store, on: testToday)
    }
}
