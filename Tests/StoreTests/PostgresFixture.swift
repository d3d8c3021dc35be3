import Domain
import Foundation
import PostgresStore
import Store
import Testing

/// A scratch cluster holding the seeded test caseload with its due items computed, its due writer given
/// a password (and so the writer's key, v16), and its calendar pinned at `testNow`: the suites that try
/// the server's rules against a member's writes start here.
final class PostgresFixture {
    let temporary = TemporaryDirectory()
    let cluster: ScratchCluster
    let dba: PostgresLink
    let file: CaseloadStore
    let writer: PostgresURL

    init(customers: Int = 48) throws {
        file = try seededStore(at: temporary.path + "/c.sqlite", customers: customers)
        cluster = try ScratchCluster()
        dba = try cluster.superuser()
        try PostgresAdmin.install(dba)
        // Before the items are computed: the windows left out are those closed by the server's day (v18).
        try cluster.pinCalendar(at: testNowText)
        let export = try file.exportJSON(by: testAdmin)
        let link = dba
        try link.transaction {
            try Transfer.load(export, link, what: "the test's caseload")
            try PostgresCaseload(link: link).refreshAllDue()
        }
        writer = try cluster.dueWriter()
    }

    /// A member's connection: the superuser's with the member's role set (their grants and reach; the
    /// server sees the superuser signed in, so v16's gate lets it through, as it does the DBA).
    func member(_ login: String) throws -> PostgresLink {
        let link = try cluster.superuser()
        try link.run("SET ROLE \(login)")
        return link
    }

    /// The member's own session, as their psql has it (SET SESSION AUTHORIZATION: the member signed in).
    func session(_ login: String) throws -> PostgresLink {
        let link = try cluster.superuser()
        try link.run("SET SESSION AUTHORIZATION \(login)")
        return link
    }

    /// An enrolled customer of `planner`, not exited (with a plan of goals, when `planned`).
    func enrolled(of planner: String, planned: Bool = false) throws -> CustomerID {
        let ids = try file.customers(CaseloadFilter(), offset: 0, limit: 100)
            .filter { $0.planner == planner && $0.enrolledOn != nil && $0.exitedOn == nil }.map(\.id)
        return try #require(try ids.first { id in try !planned || (file.plan(for: id).map { !$0.plan.goals.isEmpty } ?? false) })
    }
}
