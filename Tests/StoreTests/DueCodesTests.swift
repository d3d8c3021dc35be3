import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Migration v33-due-codes: due items keep their rule as a fixed number and their subject as the id of
/// its words; the file spells the numbers out, and every item reads back as its rule and words.
@Suite final class DueCodesTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// The numbers are the file's: pinned here, so a rule renumbered (which would misread every stored item)
    /// fails; each rule has one, and the file's `due_rule` says the same.
    @Test func eachRuleHasItsFixedNumberAndTheFileSpellsThemOut() throws {
        #expect(DueCodes.codes.map { "\($0.code) \($0.rule.rawValue)" } == [
            "1 auto-exit-90", "2 contact-30", "3 eligibility-30", "4 enrollment-90", "5 follow-up-12m", "6 initial-plan-5",
            "7 note-entry-10", "8 outcome-entry-10", "9 review-90", "10 service-close-10", "11 service-entry-10",
        ])
        #expect(Set(DueCodes.codes.map(\.rule)) == Set(ClockRule.allCases) && Set(DueCodes.codes.map(\.code)).count == ClockRule.allCases.count)
        for rule in ClockRule.allCases { #expect(DueCodes.rule(code: DueCodes.code(of: rule)) == rule) }
        #expect(DueCodes.rule(code: 99) == nil)
        let store = try seededStore(at: dir + "/codes.sqlite", customers: 0)
        let spelled = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT code, rule FROM due_rule ORDER BY code") }
        #expect(spelled.map { "\($0[0] as Int) \($0[1] as String)" } == DueCodes.codes.map { "\($0.code) \($0.rule.rawValue)" })
    }

    /// Each subject's words are stored once, whoever's items name them; an item without one names none.
    @Test func eachSubjectIsStoredOnceAndItemsReadBackWithIt() throws {
        let store = try seededStore(at: dir + "/subjects.sqlite", customers: 48)
        let (subjects, distinct, noneless, kinds) = try store.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT subject FROM due_subject"),
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT subject) FROM due_subject") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM due WHERE subject_id <> 0 AND subject_id NOT IN (SELECT id FROM due_subject)") ?? -1,
             try String.fetchAll(db, sql: "SELECT DISTINCT typeof(rule_code) || ' ' || typeof(subject_id) FROM due"))
        }
        #expect(subjects.count > 3 && subjects.count == distinct && !subjects.contains(""))
        #expect(noneless == 0 && kinds == ["integer integer"])
        let settings = try store.clockSettings()
        let items = try store.dueItems(planners: nil, on: testToday, settings: settings, offset: 0, limit: 10_000)
        #expect(Set(items.compactMap(\.clock.subject)).isSubset(of: subjects) && items.contains { $0.clock.subject != nil })
        let named = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT s.subject FROM due d JOIN due_subject s ON s.id = d.subject_id")
        }
        #expect(Set(named) == Set(subjects))
        #expect(items.contains { $0.clock.subject == nil })
    }

    /// A careerplan from before v33, left running while the file is upgraded, names the columns as they were:
    /// its reads and its writes of due items are refused, so it neither reads numbers as names nor writes
    /// names where the new careerplan reads numbers.
    @Test func aCareerplanFromBeforeFindsNoColumnItCouldMisuse() throws {
        let store = try seededStore(at: dir + "/old.sqlite", customers: 4)
        try store.pool.write { db in
            #expect(throws: DatabaseError.self) { try Row.fetchAll(db, sql: "SELECT d.rule, d.subject FROM due d") }
            #expect(throws: DatabaseError.self) { try Row.fetchAll(db, sql: "SELECT DISTINCT d.rule FROM due_tally d") }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO due (customer_id, planner, rule, subject, due_on) VALUES (1, 'mrivera', 'contact-30', '', '2026-12-01')
                    """)
            }
        }
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM due WHERE typeof(rule_code) <> 'integer'") } == 0)
    }

    /// An item of a rule this careerplan does not know (a hand edit, a newer careerplan's rule) is not carried
    /// over under a wrong number: its customer is marked and worked out again, as any stale customer.
    @Test func anItemOfAnUnknownRuleLeavesItsCustomerToBeWorkedOutAgain() throws {
        let store = try seededStore(at: dir + "/unknown.sqlite", customers: 12)
        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TABLE due_text (customer_id INTEGER NOT NULL, planner TEXT, rule TEXT NOT NULL, subject TEXT NOT NULL DEFAULT '',
                    due_on TEXT NOT NULL, from_on TEXT, until_on TEXT, PRIMARY KEY (customer_id, rule, subject, due_on)) WITHOUT ROWID;
                INSERT INTO due_text SELECT d.customer_id, d.planner, r.rule, coalesce(s.subject, ''), d.due_on, d.from_on, d.until_on
                    FROM due d JOIN due_rule r ON r.code = d.rule_code LEFT JOIN due_subject s ON s.id = d.subject_id;
                INSERT INTO due_text VALUES (3, 'mrivera', 'a-newer-rule', '', '2026-12-01', NULL, NULL);
                DROP TABLE due; DROP TABLE due_rule; DROP TABLE due_subject;
                ALTER TABLE due_text RENAME TO due;
                CREATE INDEX due_by_planner ON due(planner, due_on, customer_id, rule, subject, from_on, until_on);
                CREATE INDEX due_by_day ON due(due_on);
                """)
            try ConnectionTriggers.forget(db)
            try DueCodes.migrate(db)
        }
        let stale = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT customer_id FROM due_stale") }
        #expect(stale == [3])
        try store.refreshAllDue()
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM due_stale") } == 0)
        let (computed, stored) = try dueItemsComputedAndStored(store, on: testToday)
        #expect(!stored.isEmpty && stored == computed)
    }
}
