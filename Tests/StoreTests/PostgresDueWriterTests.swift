import Domain
import Foundation
import PostgresStore
import Store
import Testing

/// Staff do not write the due table (v12-due-writer): the server marks every customer whose records a
/// statement changed, whoever sent it, and the due writer recomputes the marked from the records as the
/// database holds them. A planner with psql can neither hide an item nor add one; a write careerplan did
/// not make is brought up to date by the next writer's pass.
@Suite(.serialized, .enabled(if: ScratchCluster.whyNot == nil, "PostgreSQL's due writer: \(ScratchCluster.whyNot ?? "")"))
struct PostgresDueWriterTests {
    let fixture: PostgresFixture
    var cluster: ScratchCluster { fixture.cluster }
    var dba: PostgresLink { fixture.dba }
    var file: CaseloadStore { fixture.file }
    var writer: PostgresURL { fixture.writer }
    let admin = Staff(login: "admin", name: "Admin", initials: "A", role: .administrator)

    init() throws { fixture = try PostgresFixture() }

    func member(_ login: String) throws -> PostgresLink { try fixture.member(login) }
    func enrolled(of planner: String) throws -> CustomerID { try fixture.enrolled(of: planner) }

    /// The due table as text, and as a recount from the records would leave it (the recount is rolled back).
    static let dueTableSQL = """
        SELECT string_agg(concat_ws(' ', customer_id, planner, rule, subject, due_on, from_on, until_on), E'\\n'
                          ORDER BY customer_id, rule, subject, due_on)
        FROM careerplan.due
        """

    func dueTable() throws -> String { try dba.value(Self.dueTableSQL) ?? "" }

    func recounted() throws -> String {
        let recount = try cluster.superuser()
        try recount.run("BEGIN")
        defer { try? recount.run("ROLLBACK") }
        try PostgresCaseload(link: recount).refreshAllDue()
        return try recount.value(Self.dueTableSQL) ?? ""
    }

    func marks() throws -> Int { Int(try dba.value("SELECT count(*)::text FROM careerplan.due_stale") ?? "") ?? -1 }

    /// Outside careerplan's own session (one that showed the writer's key, v17), staff add no item and see
    /// no item or mark to delete.
    @Test func staffMayReadTheDueItemsButNeverWriteThem() throws {
        let id = try enrolled(of: "mrivera")
        try dba.run("INSERT INTO careerplan.due_stale (customer_id) VALUES (\(id.number))")
        let (items, unsigned) = (try dueTable(), try dba.value("SELECT count(*)::text FROM careerplan.unsigned_plan"))
        for login in ["mrivera", "dbrooks"] {
            let link = try member(login)
            for sql in ["INSERT INTO careerplan.due (customer_id, planner, rule, due_on) VALUES (\(id.number), 'mrivera', 'contact-30', '2027-01-01')",
                        "INSERT INTO careerplan.unsigned_plan VALUES (\(id.number))", "INSERT INTO careerplan.due_stale (customer_id) VALUES (1)"] {
                #expect(throws: (any Error).self, "\(login): \(sql)") { try link.run(sql) }
            }
            for sql in ["DELETE FROM careerplan.due WHERE customer_id = \(id.number)", "DELETE FROM careerplan.unsigned_plan",
                        "DELETE FROM careerplan.due_stale"] {
                try link.run(sql)
            }
            #expect(try link.value("SELECT count(*)::text FROM careerplan.due_stale") == "0", "\(login) sees no mark")
            #expect(try dueTable() == items && (try dba.value("SELECT count(*)::text FROM careerplan.unsigned_plan")) == unsigned
                    && (try marks()) == 1, "\(login) deleted nothing")
            // (Becoming the writer with SET ROLE is tried as the member's own login, in PostgresTrustTests.)
            #expect(Int(try link.value("SELECT count(*)::text FROM careerplan.due") ?? "0") ?? 0 > 0, "\(login) reads due items")
        }
    }

    /// The due table keeps no window that closed in every area (v18-closed-due): none after the load, and
    /// the night's pass drops those that closed since, by the server's clock, and nothing that still runs.
    /// A window is closed only once it closed in UTC-12, the area furthest behind: at 11:00 UTC one that
    /// ended yesterday (by UTC) still runs there, at 12:00 it does not.
    @Test func windowsThatClosedInEveryAreaLeaveTheDueTable() throws {
        let closedSQL = "SELECT count(*)::text FROM careerplan.due WHERE until_on < careerplan.every_areas_day()"
        func runningItems(except exited: [CustomerID] = []) throws -> String? {
            try dba.value("""
                SELECT string_agg(concat_ws(' ', customer_id, rule, subject, due_on, until_on), ',' ORDER BY customer_id, rule, subject, due_on)
                FROM careerplan.due WHERE (until_on IS NULL OR until_on >= careerplan.every_areas_day())
                  AND customer_id <> ALL ('{\(exited.map { String($0.number) }.joined(separator: ","))}'::bigint[])
                """)
        }
        #expect(try dba.value("SELECT count(*)::text FROM careerplan.due WHERE until_on IS NOT NULL") != "0", "windows to close")
        #expect(try dba.value(closedSQL) == "0")
        try cluster.pinCalendar(at: "2026-11-23T11:00:00Z")
        #expect(try dba.value("SELECT careerplan.every_areas_day()::text") == "2026-11-22")
        try cluster.pinCalendar(at: "2026-11-23T12:00:00Z")
        #expect(try dba.value("SELECT careerplan.every_areas_day()::text") == "2026-11-23")
        // Four months on, some windows have closed; the night's pass (an administrator's) drops just those.
        try cluster.pinCalendar(at: "2027-03-23T16:30:00Z")
        let closed = Int(try dba.value(closedSQL) ?? "") ?? 0
        #expect(closed > 0)
        try PostgresAdmin.addStaff(admin, dba)
        let night = PostgresCaseload(link: try member("admin"), dueWriter: writer, now: { testNow })
        let exits = try night.applyAutomaticExits(today: Day(year: 2027, month: 3, day: 23)!, matrix: try ServicesMatrix.bundled(),
                                                  by: admin, dryRun: true).map(\.customer)
        let running = try runningItems(except: exits)
        try night.applyAutomaticExits(today: Day(year: 2027, month: 3, day: 23)!, matrix: try ServicesMatrix.bundled(), by: admin)
        #expect(try dba.value(closedSQL) == "0")
        // Every item still running is there (the exited customers' were recomputed by their exits).
        #expect(try runningItems(except: exits) == running)
        #expect(try dueTable() == (try recounted()))
    }

    @Test func aMembersWriteIsRecomputedByTheWriterAfterItsCommit() throws {
        let planner = try #require(try file.staff(login: "mrivera"))
        let id = try enrolled(of: "mrivera")
        let before = try dueTable()
        let caseload = PostgresCaseload(link: try member("mrivera"), dueWriter: writer, now: { testNow })
        try caseload.addNote(CaseNote(id: 0, customer: id, kind: .contact, eventOn: testToday, enteredOn: testToday, author: "",
                                      text: "called", channel: .phone, twoWay: true), by: planner)
        let held = try caseload.caseFile(id)
        try caseload.addPause(Pause.checked(["reason": "health", "detail": "surgery", "startOn": testToday.adding(days: -5).description,
                                             "endOn": testToday.adding(days: 30).description],
                                            customer: id, lastService: held?.customer.lastServiceOn, others: held?.work.pauses ?? [],
                                            by: planner.login, today: testToday).get(), by: planner)
        #expect(caseload.upkeepProblem == nil)
        let after = try dueTable()
        #expect(after != before, "the contact and the pause move clocks")
        #expect(after == (try recounted()))
        #expect(try marks() == 0)
        // A customer entered at the front desk has their first clocks at once.
        let desk = try #require(try file.staff(login: "dbrooks"))
        let front = PostgresCaseload(link: try member("dbrooks"), dueWriter: writer, now: { testNow })
        let entered = try front.enter(CustomerEntry([.legalName: "Marisol Quintero", .zip: "60623", .birthDate: "1988-03-04"]),
                                      by: desk, today: testToday, despite: [CustomerID(3)])
        try front.saveApplication(ApplicationForm(["program": "adult", "appliedOn": "2026-11-23", "street": "1 Main St",
                                                   "city": "Chicago", "state": "IL", "sex": "female", "rightToWork": "citizen",
                                                   "lowIncome": "yes"]),
                                  customer: entered, by: desk, today: testToday)
        #expect(try dba.value("SELECT string_agg(rule, ',') FROM careerplan.due WHERE customer_id = \(entered.id.number)")
                == "eligibility-30")
        #expect(try dueTable() == (try recounted()) && (try marks()) == 0)
    }

    /// What psql can do within a planner's grants (a note, a change of a record) is marked by the server;
    /// the due items follow at the writer's next pass (`careerplan exits` each night, or any writer's
    /// write once the mark is a few seconds old), and a planner cannot take the mark away.
    @Test func aWriteCareerplanDidNotMakeIsMarkedAndTakenUp() throws {
        let id = try enrolled(of: "mrivera")
        let psql = try member("mrivera")
        try psql.rows("""
            INSERT INTO careerplan.pause (customer_id, body)
            SELECT c.id, jsonb_build_object('id', 900, 'customer', c.body ->> 'id', 'reason', 'health', 'detail', 'x',
                                          'startOn', '2026-11-18', 'endOn', '2026-12-23', 'recordedBy', 'mrivera',
                                          'recordedOn', '2026-11-23')
            FROM careerplan.customer c WHERE c.id = $1::bigint
            """, [String(id.number)])
        #expect(try marks() == 1)
        try psql.run("DELETE FROM careerplan.due_stale")
        #expect(try marks() == 1, "the planner's psql sees no mark to delete")
        let stale = try dueTable()
        // A member's careerplan without the writer leaves the marks for one that has it.
        let planner = try #require(try file.staff(login: "mrivera"))
        let without = PostgresCaseload(link: try member("mrivera"), now: { testNow })
        let other = try #require(try file.customers(CaseloadFilter(), offset: 0, limit: 100)
            .first { $0.planner == "mrivera" && $0.id != id }).id
        try without.addNote(CaseNote(id: 0, customer: other, kind: .contact, eventOn: testToday, enteredOn: testToday, author: "",
                                     text: "called", channel: .phone, twoWay: true), by: planner)
        #expect(try marks() >= 2 && (try dueTable()) == stale)
        #expect(without.upkeepProblem == "Saved; due items wait: no due writer for this database (docs/postgresql.md)")
        #expect(try without.keepAllDue() == nil)
        // The night's pass, as the administrator's careerplan with the writer runs it.
        try PostgresAdmin.addStaff(admin, dba)
        let night = PostgresCaseload(link: try member("admin"), dueWriter: writer, now: { testNow })
        #expect(try night.keepAllDue() == 2)
        #expect(try dueTable() == (try recounted()) && (try marks()) == 0)
    }

    /// The server ended the writer's connection, then the member's (a restart, a replica taking over): each
    /// is opened again at its next statement, so the save's items are kept and the screens go on; nothing
    /// waits for ever on a connection that ended (postgres-nio never answers a query sent on one).
    @Test(.timeLimit(.minutes(1))) func connectionsTheServerEndedAreOpenedAgain() throws {
        let planner = try #require(try file.staff(login: "mrivera"))
        let id = try enrolled(of: "mrivera")
        let link = try member("mrivera")
        let caseload = PostgresCaseload(link: link, dueWriter: writer, now: { testNow })
        func note(_ text: String) throws {
            try caseload.addNote(CaseNote(id: 0, customer: id, kind: .contact, eventOn: testToday, enteredOn: testToday, author: "",
                                          text: text, channel: .phone, twoWay: true), by: planner)
        }
        try note("first")
        let first = try #require(try link.value("SELECT pg_backend_pid()::text"))
        try dba.run("SELECT pg_terminate_backend(\(first))")
        Thread.sleep(forTimeInterval: 0.2)
        // The next write opens the connection again at its BEGIN, and shows the writer's key again inside.
        try note("second")
        let second = try #require(try link.value("SELECT pg_backend_pid()::text"))
        #expect(second != first)
        #expect(try dba.value("SELECT count(*)::text FROM careerplan.write_session WHERE pid = \(second) AND token IS NOT NULL") == "1")
        #expect(try dba.value("SELECT count(*)::text FROM careerplan.write_session WHERE pid = \(first)") == "0", "the ended session's row is gone")
        #expect(caseload.upkeepProblem == nil)
        #expect(try dueTable() == (try recounted()) && (try marks()) == 0)
        try dba.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'postgres' AND pid <> pg_backend_pid()")
        Thread.sleep(forTimeInterval: 0.2)
        #expect(try caseload.customer(id)?.id == id)
    }

    @Test func aChangeOfTheAreasSettingsRecomputesEveryone() throws {
        try PostgresAdmin.addStaff(admin, dba)
        let before = try dueTable()
        let caseload = PostgresCaseload(link: try member("admin"), dueWriter: writer, now: { testNow })
        _ = try caseload.saveClockSettings(ClockSettings.checked(["contact-interval-days": "14", "veteran-contact-interval-days": "14",
                                                                  "review-interval-days": "90", "warning-window-days": "7"]).get(),
                                           by: admin)
        #expect(try dueTable() != before && (try dueTable()) == (try recounted()) && (try marks()) == 0)
    }

    /// The writer's own role reads what the clocks need and writes the due table; nothing else.
    @Test func theWriterCanDoNothingElse() throws {
        let link = try PostgresLink(writer, account: PostgresSchema.dueWriter, home: nil)
        let id = try enrolled(of: "mrivera")
        #expect(Int(try link.value("SELECT count(*)::text FROM careerplan.customer") ?? "") == 48)
        for sql in ["INSERT INTO careerplan.case_note (customer_id, body) VALUES (\(id.number), '{}')",
                    "UPDATE careerplan.customer SET planner = NULL",
                    "SELECT count(*) FROM careerplan.audit", "SELECT count(*) FROM careerplan.draft",
                    "UPDATE careerplan.due SET due_on = '2030-01-01'",
                    "INSERT INTO careerplan.due (customer_id, planner, rule, due_on) VALUES (\(id.number), 'wchen', 'contact-30', '2027-01-01')",
                    "ALTER TABLE careerplan.due DISABLE TRIGGER ALL", "SET ROLE careerplan_owner"] {
            #expect(throws: (any Error).self, "\(sql)") { try link.run(sql) }
        }
        // A wrong password is refused by the server.
        var wrong = writer
        wrong.password = "not-the-password"
        #expect(throws: (any Error).self) { try PostgresLink(wrong, account: PostgresSchema.dueWriter, home: nil) }
    }

    /// Two members' writes to one customer at once, each with its own writer: the later recompute reads
    /// what the earlier left, and no mark is lost.
    @Test func twoWritersOfOneCustomerLeaveItsItemsRight() throws {
        let id = try enrolled(of: "mrivera")
        let planner = try #require(try file.staff(login: "mrivera"))
        let caseloads = try (0..<2).map { _ in PostgresCaseload(link: try member("mrivera"), dueWriter: writer, now: { testNow }) }
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            for n in 0..<6 {
                let day = testToday.adding(days: -(i * 6 + n))
                _ = try? caseloads[i].addNote(CaseNote(id: 0, customer: id, kind: .contact, eventOn: day, enteredOn: testToday,
                                                       author: "", text: "call \(i).\(n)", channel: .phone, twoWay: true), by: planner)
            }
        }
        #expect(Int(try dba.value("SELECT count(*)::text FROM careerplan.case_note WHERE body ->> 'text' LIKE 'call %'") ?? "") == 12)
        #expect(try dueTable() == (try recounted()) && (try marks()) == 0)
    }
}
