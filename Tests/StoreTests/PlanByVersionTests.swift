import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Migration v31-plan-by-version: the current plan, which kept its version's
/// body a second time, is read from that version; the same plans, exports and
/// clocks as before, and a plan whose version was missing keeps its body.
@Suite final class PlanByVersionTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// A seeded file whose plan table is as every careerplan before v31 kept it: each current plan's body
    /// beside its version's. Returns the customers with a plan.
    func olderFile(_ name: String) throws -> (CaseloadStore, [CustomerID]) {
        let s = try seededStore(at: dir + "/" + name, customers: 60)
        let planned = try s.pool.read { db in try Int64.fetchAll(db, sql: "SELECT customer_id FROM plan ORDER BY 1") }.map(CustomerID.init)
        try s.pool.write { db in
            try db.execute(sql: """
                ALTER TABLE plan ADD COLUMN body TEXT;
                UPDATE plan SET body = (SELECT careerplan_body(v.body) FROM plan_version v
                                        WHERE v.customer_id = plan.customer_id AND v.version = plan.version);
                """)
        }
        #expect(planned.count > 10)
        return (s, planned)
    }

    func clocks(_ s: CaseloadStore) throws -> [String] {
        try s.clockFacts(planner: nil).map { "\($0.customer.id) \(String(describing: $0.plan))" }
    }

    @Test func theCurrentPlanIsReadFromItsVersion() throws {
        let (s, planned) = try olderFile("p.sqlite")
        let plans = try planned.map { try s.plan(for: $0) }
        let (export, facts) = (try s.exportJSON(by: testAdmin), try clocks(s))

        try s.pool.write { db in try PlanByVersion.migrate(db) }
        #expect(try s.pool.read { db in try db.columns(in: "plan").map(\.name) } == ["customer_id", "version", "saved_by", "saved_at"])
        let after = try planned.map { try s.plan(for: $0) }
        #expect(after.map { $0?.plan } == plans.map { $0?.plan })
        #expect(after.map { $0?.version } == plans.map { $0?.version } && after.map { $0?.savedBy } == plans.map { $0?.savedBy })
        #expect(try clocks(s) == facts)
        #expect(try s.exportJSON(by: testAdmin) == export)

        // Saved again: the new version is the plan as it stands, audited, and "changed meanwhile" still names the saver.
        let planner = try #require(try s.staff(login: "mrivera"))
        let current = try #require(after.compactMap { $0 }.first { !$0.plan.goals.isEmpty })
        var edited = current.plan
        edited.goals[0].text += " (revised)"
        let saved = try s.savePlan(edited, over: current.version, by: planner, today: testToday, matrix: try ServicesMatrix.bundled(),
                                   reason: "revised with the customer")
        #expect(try s.plan(for: current.customer)?.version == saved.version)
        #expect(try s.plan(for: current.customer)?.plan.goals[0].text == edited.goals[0].text)
        #expect(throws: StoreError.self) {
            try s.savePlan(edited, over: current.version, by: planner, today: testToday, matrix: try ServicesMatrix.bundled())
        }
        #expect(try s.verifyAudit(by: testAdmin).problem == nil)
    }

    @Test func aPlanWhoseVersionIsMissingKeepsItsBody() throws {
        let (s, planned) = try olderFile("o.sqlite")
        let orphan = try #require(try s.plan(for: planned[3]))
        try s.pool.write { db in
            try db.execute(sql: "DELETE FROM plan_version WHERE customer_id = ? AND version = ?",
                           arguments: [orphan.customer.number, orphan.version])
        }
        try s.pool.write { db in try PlanByVersion.migrate(db) }
        let kept = try #require(try s.plan(for: orphan.customer))
        #expect(kept.plan == orphan.plan && kept.version == orphan.version && kept.savedBy == orphan.savedBy)
        #expect(try s.planVersions(for: orphan.customer).last?.plan == orphan.plan)
    }
}
