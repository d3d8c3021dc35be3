import Domain
import Foundation
import GRDB
import Testing
@testable import Store
import Synthetic

/// One customer's damaged record (a body that no longer reads, as a bad disk block or a hand edit leaves it)
/// stops neither the file's opening nor anyone else's work: that customer keeps its due items as they were,
/// and the key bar says whose records cannot be read. Before, the recompute at opening failed and the whole
/// file refused to open for every planner.
@Suite struct DamagedRecordTests {
    let temporary = TemporaryDirectory()

    /// Overwrites the customer's current plan with text that is not a plan, marking the customer stale as
    /// careerplan's own triggers mark any change (stand-ins for careerplan's functions pass the file's guard;
    /// the audit's triggers are careerplan's connections' own, and this one has none).
    func damageThePlan(of id: CustomerID, in path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            db.add(function: DatabaseFunction("careerplan_actor", argumentCount: 0, pure: false) { _ in nil })
            db.add(function: DatabaseFunction("careerplan_body", argumentCount: 1, pure: true) { $0[0] })
            db.add(function: DatabaseFunction("careerplan_chain", argumentCount: nil, pure: true) { _ in nil })
            db.add(function: ConnectionTriggers.function)
            try db.execute(sql: """
                UPDATE plan_version SET body = 'not a plan'
                WHERE customer_id = ?1 AND version = (SELECT version FROM plan WHERE customer_id = ?1)
                """, arguments: [id.number])
            #expect(db.changesCount == 1)
            try db.execute(sql: "INSERT INTO due_stale VALUES (?)", arguments: [id.number])
        }
        try queue.close()
    }

    @Test func aDamagedRecordLeavesTheRestOfTheFileAtWork() throws {
        let path = temporary.path + "/damaged.sqlite"
        let seeded = try seededStore(at: path)
        let settings = try seeded.clockSettings()
        let noted = try Set(seeded.read { db in try Int64.fetchAll(db, sql: "SELECT customer_id FROM plan") })
        // Enrolled and not exited, with a plan and a planner: one the day's automatic exits will consider.
        let planned = try seeded.customers(CaseloadFilter(), offset: 0, limit: 100)
            .filter { noted.contains($0.id.number) && $0.planner != nil && $0.enrolledOn != nil && $0.exitedOn == nil }
        let (damaged, other) = (planned[0].id, planned[1].id)
        let itemsBefore = try seeded.read { db in
            try String.fetchAll(db, sql: "SELECT rule_code || due_on FROM due WHERE customer_id = ? ORDER BY 1", arguments: [damaged.number])
        }
        try seeded.close()
        try damageThePlan(of: damaged, in: path)

        let store = try CaseloadStore(path: path, actor: planned[1].planner, today: { testToday }, now: { testNow }, readers: 1)
        defer { try? store.close() }
        let problem = try #require(store.upkeepProblem)
        #expect(problem == "\(damaged): records do not read, due dates wait; restore a backup", "\(problem)")
        // Its items as they were, still marked; everyone else's recomputed.
        #expect(try store.read { db in
            try String.fetchAll(db, sql: "SELECT rule_code || due_on FROM due WHERE customer_id = ? ORDER BY 1", arguments: [damaged.number])
        } == itemsBefore)
        #expect(try store.read { db in try Int64.fetchAll(db, sql: "SELECT customer_id FROM due_stale") } == [damaged.number])
        #expect(try store.dueSummary(planners: nil, on: testToday, settings: settings).total > 0)
        // Another customer's note is written, and its items with it.
        let planner = try #require(try store.staff(login: planned[1].planner!))
        let note = CaseNote(id: 0, customer: other, kind: .contact, eventOn: testToday, enteredOn: testToday, author: "",
                            text: "called", channel: .phone, twoWay: true)
        _ = try store.addNote(note, by: planner)
        #expect(try store.read { db in try Int64.fetchAll(db, sql: "SELECT customer_id FROM due_stale") } == [damaged.number])
        // A later day's automatic exits pass over it (its plan decides whether it may exit) and exit the others due.
        let later = testToday.adding(days: 400)
        let candidates = try store.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM customer WHERE exited_on IS NULL AND enrolled_on < ?", arguments: [later.adding(days: -90).description])
        }
        #expect(candidates.contains(damaged.number))
        let exited = try store.applyAutomaticExits(today: later, matrix: try ServicesMatrix.bundled())
        #expect(!exited.isEmpty && !exited.contains(damaged))
        #expect(try store.read { db in try String.fetchOne(db, sql: "SELECT exited_on FROM customer WHERE id = ?", arguments: [damaged.number]) } == nil)
    }
}
