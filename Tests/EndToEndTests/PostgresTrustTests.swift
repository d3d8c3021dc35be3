import Foundation
import Testing

/// A state's PostgreSQL enforces careerplan's rules itself: each staff
/// member signs in as their own database role (peer authentication maps
/// their operating-system account), and with psql and those credentials
/// can do no more than careerplan lets them. Real accounts, a real server.
@Suite(.serialized, .enabled(if: PostgresCluster.canRun, "needs root and the postgresql package (scripts/setup installs it): it starts a server of its own"))
struct PostgresTrustTests {
    let center: CenterInstall
    let cluster: PostgresCluster
    let admin, planner, other, desk: String

    init() throws {
        center = try CenterInstall()
        cluster = try PostgresCluster()
        (admin, planner, other, desk) = (try center.addAccount("admin"), try center.addAccount("plan"),
                                         try center.addAccount("other"), try center.addAccount("desk"))
        // The DBA installs the schema and names the first administrator; the administrator adds the rest.
        let (installed, status) = try center.careerplan(as: "root", ["init", "--db", cluster.dbaURL, "--admin", admin,
                                                                     "--name", "Pat Admin"])
        try #require(status == 0, "\(installed)")
        for (login, name, role) in [(planner, "Pat Planner", "planner"), (other, "Sam Other", "planner"),
                                    (desk, "Dee Desk", "front-desk")] {
            let (out, status) = try center.careerplan(as: admin, ["staff", "add", login, "--name", name, "--role", role,
                                                                 "--db", cluster.url])
            try #require(status == 0, "\(out)")
        }
        try cluster.psql("""
            INSERT INTO careerplan.customer (id, planner, sort_name, words, body) VALUES
              (1, '\(planner)', 'ana mine', ' ana mine c000001', '{"id": "C000001", "legalName": "Ana Mine", "planner": "\(planner)", "zip": "60601", "birthDate": "1990-01-01", "enteredOn": "2026-11-01", "isVeteran": false, "version": 1}'),
              (2, '\(other)', 'bo theirs', ' bo theirs c000002', '{"id": "C000002", "legalName": "Bo Theirs", "planner": "\(other)", "zip": "60601", "birthDate": "1990-01-01", "enteredOn": "2026-11-01", "isVeteran": false, "version": 1}'),
              (3, NULL, 'cy walkin', ' cy walkin c000003', '{"id": "C000003", "legalName": "Cy Walkin", "zip": "60601", "birthDate": "1990-01-01", "enteredOn": "2026-11-01", "isVeteran": false, "version": 1}');
            INSERT INTO careerplan.barrier (customer_id, body)
              SELECT id, jsonb_build_object('id', id, 'customer', body ->> 'id', 'kind', 'transportation', 'description', 'no car',
                                          'plan', 'bus pass', 'identifiedOn', '2026-11-01', 'recordedBy', 'x', 'version', 1)
              FROM careerplan.customer;
            INSERT INTO careerplan.case_note (customer_id, body)
              SELECT id, jsonb_build_object('id', id, 'customer', body ->> 'id', 'kind', 'contact', 'eventOn', '2026-11-02', 'enteredOn', (now() AT TIME ZONE 'UTC')::date::text, 'author', 'x', 'text', 'called', 'answers', '{}'::jsonb, 'twoWay', false)
              FROM careerplan.customer;
            """)
    }

    func psql(as login: String, _ sql: String) throws -> String {
        // From /: psql complains on stderr when the account may not enter the test's own directory.
        try center.tool(as: login, "/usr/bin/env", ["-C", "/", "/usr/bin/psql"] + cluster.psqlArguments(sql)).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aPlannerReadsOnlyTheirReach() throws {
        #expect(try psql(as: planner, "SELECT body ->> 'legalName' FROM careerplan.customer ORDER BY 1") == "Ana Mine\nCy Walkin")
        #expect(try psql(as: planner, "SELECT count(*) FROM careerplan.case_note") == "2")
        // Another planner's customer by id, and moved into reach by an update: neither happens.
        #expect(try psql(as: planner, "SELECT count(*) FROM careerplan.customer WHERE id = 2") == "0")
        #expect(try psql(as: planner, """
            UPDATE careerplan.customer SET planner = current_user, body = jsonb_set(body, '{planner}', to_jsonb(current_user::text))
            WHERE id = 2
            """)
            .isEmpty)
        #expect(try cluster.psql("SELECT planner FROM careerplan.customer WHERE id = 2") == other)
        #expect(try psql(as: planner, """
            INSERT INTO careerplan.case_note (customer_id, body)
            SELECT id, jsonb_build_object('id', 10, 'customer', body ->> 'id', 'kind', 'contact', 'eventOn', '2026-11-02', 'enteredOn', (now() AT TIME ZONE 'UTC')::date::text, 'author', 'x', 'text', 'called', 'answers', '{}'::jsonb, 'twoWay', false) FROM careerplan.customer WHERE planner IS NULL
            """) == "")   // the walk-in is in reach: allowed
        #expect(try psql(as: planner, """
            INSERT INTO careerplan.case_note (customer_id, body) SELECT 2, jsonb_build_object('id', 15, 'customer', 'C000002', 'kind', 'contact', 'eventOn', '2026-11-02', 'enteredOn', (now() AT TIME ZONE 'UTC')::date::text, 'author', 'x', 'text', 'called', 'answers', '{}'::jsonb, 'twoWay', false)
            """).contains("violates row-level security policy"))
        // The search functions find names over the caller's own reach only, whoever they name; the tallies
        // they count from are the caller's own reach too.
        #expect(try psql(as: planner, "SELECT string_agg(m::text, ',' ORDER BY m) FROM careerplan.search_page('{\"c\"}', current_user, NULL, 20, 0) m")
                == "1,3")
        #expect(try psql(as: planner, "SELECT careerplan.search_count('{}', current_user, NULL)") == "2")
        #expect(try psql(as: planner, "SELECT careerplan.search_count('{\"c\"}', current_user, NULL)") == "2")
        #expect(try psql(as: planner, "SELECT count(*) FROM careerplan.search_page('{\"bo\"}', '\(other)', NULL, 20, 0)") == "0")
        #expect(try psql(as: planner, "SELECT careerplan.search_count('{}', '\(admin)', NULL)") == "0")
        #expect(try psql(as: planner, "SELECT careerplan.search_count('{}', current_user, '{\(other)}')") == "0")
        #expect(try psql(as: admin, "SELECT count(*) FROM careerplan.search_page('{\"bo\"}', current_user, NULL, 20, 0)") == "1")
        #expect(try psql(as: admin, "SELECT careerplan.search_count('{}', current_user, NULL)") == "3")
        #expect(try psql(as: planner, "SELECT count(*) FROM careerplan.customer_tally").contains("permission denied for table customer_tally"))
        // Due items are written by the due writer alone (here the DBA stands in for it) and read by their own
        // planner column.
        try cluster.psql("INSERT INTO careerplan.due (customer_id, planner, rule, due_on) VALUES (1, '\(planner)', 'contact-30', current_date)")
        #expect(try psql(as: other, "SELECT count(*) FROM careerplan.due WHERE customer_id = 1") == "0")
        #expect(try psql(as: planner, "SELECT count(*) FROM careerplan.due WHERE customer_id = 1 AND rule = 'contact-30'") == "1")
        // The dashboard's tally of due items follows them, and is read within the same reach.
        #expect(try psql(as: planner, """
            SELECT (SELECT count(*) FROM careerplan.due WHERE planner = current_user)
                 = (SELECT sum(items) FROM careerplan.due_tally WHERE planner = current_user)
            """) == "t")
        #expect(try psql(as: other, "SELECT count(*) FROM careerplan.due_tally WHERE planner = '\(planner)'") == "0")
        #expect(try psql(as: planner, "SELECT count(*) FROM careerplan.customer_word").contains("permission denied for table customer_word"))
        #expect(try psql(as: planner, "INSERT INTO careerplan.exit_check VALUES ('\(admin)', current_date)")
                .contains("violates row-level security policy"))
        #expect(try psql(as: planner, "INSERT INTO careerplan.exit_check VALUES (current_user, current_date)") == "")
        #expect(try psql(as: planner, "UPDATE careerplan.exit_check SET login = '\(admin)'").contains("violates row-level security policy"))
        // Handing their own customer to someone else is a supervisor's decision.
        #expect(try psql(as: planner, """
            UPDATE careerplan.customer SET planner = '\(other)', body = jsonb_set(body, '{planner}', '"\(other)"') WHERE id = 1
            """)
            .contains("only a supervisor or administrator hands a customer to another planner"))
    }

    @Test func recordsAreNeverChangedOrDeletedAndRolesNeverRaised() throws {
        let refused: [(String, String)] = [
            ("DELETE FROM careerplan.barrier", "permission denied for table barrier"),
            ("UPDATE careerplan.case_note SET body = '{}'", "permission denied for table case_note"),
            ("DELETE FROM careerplan.case_note", "permission denied for table case_note"),
            ("UPDATE careerplan.staff SET role = 'administrator'", "permission denied for table staff"),
            ("SELECT careerplan.set_staff_role(current_user, 'administrator')", "permission denied for function set_staff_role"),
            ("SELECT careerplan.add_staff('{\"login\": \"mallory\", \"role\": \"administrator\"}')",
             "permission denied for function add_staff"),
            ("GRANT careerplan_administrator TO \(planner)", "must have admin option"),
            ("SET ROLE careerplan_owner", "permission denied to set role"),
            ("SET session_replication_role = replica", "permission denied to set parameter"),
            ("ALTER TABLE careerplan.audit DISABLE TRIGGER ALL", "must be owner of table audit"),
            ("ALTER TABLE careerplan.case_note DISABLE TRIGGER ALL", "must be owner of table case_note"),
            ("DROP TRIGGER audit ON careerplan.case_note", "must be owner of relation case_note"),
            ("INSERT INTO careerplan.audit (login, entity, action, prev_hash, hash) VALUES ('x', 'x', 'x', '', '')",
             "permission denied for table audit"),
            ("SELECT count(*) FROM careerplan.audit", "permission denied for table audit"),
            ("UPDATE careerplan.due SET planner = NULL", "permission denied for table due"),
            // Adding an item: the due writer's, or careerplan's own session's (v17; deleting one is below).
            ("INSERT INTO careerplan.due (customer_id, planner, rule, due_on) VALUES (1, current_user, 'contact-30', current_date)",
             "new row violates row-level security policy \"careerplan_inserts\" for table \"due\""),
            ("INSERT INTO careerplan.unsigned_plan VALUES (1)", "violates row-level security policy"),
            ("SET ROLE careerplan_due_writer", "permission denied to set role"),
            // careerplan's text rules, at the server: no full SSN in any record.
            ("INSERT INTO careerplan.case_note (customer_id, body) SELECT id, jsonb_build_object('id', 12, 'customer', body ->> 'id', 'kind', 'contact', 'eventOn', '2026-11-02', 'enteredOn', (now() AT TIME ZONE 'UTC')::date::text, 'author', 'x', 'text', 'SSN 123-45-6789', 'answers', '{}'::jsonb, 'twoWay', false) FROM careerplan.customer WHERE id = 1",
             "the case note's text: looks like a full SSN"),
            // What careerplan stamps from its clock, the server checks by its own (v15): no note "entered" a month ago.
            ("INSERT INTO careerplan.case_note (customer_id, body) SELECT id, jsonb_build_object('id', 14, 'customer', body ->> 'id', 'kind', 'contact', 'eventOn', '2026-11-02', 'enteredOn', (now() AT TIME ZONE 'UTC' - interval '30 days')::date::text, 'author', 'x', 'text', 'called', 'answers', '{}'::jsonb, 'twoWay', false) FROM careerplan.customer WHERE id = 1",
             "the case note's enteredOn"),
            ("UPDATE careerplan.calendar SET pinned_now = now() - interval '30 days'", "permission denied for table calendar"),
            ("INSERT INTO careerplan.due_tally VALUES (current_user, 'contact-30', current_date, current_date, current_date, 9)",
             "permission denied for table due_tally"),
            ("DELETE FROM careerplan.due_tally", "permission denied for table due_tally"),
        ]
        for (sql, error) in refused {
            let out = try psql(as: planner, sql)
            #expect(out.contains("ERROR") && out.contains(error), "\(sql) → \(out)")
        }
        // Hiding an overdue item from the supervisor, or a mark from the writer: the planner's psql sees none to delete.
        try cluster.psql("""
            INSERT INTO careerplan.due (customer_id, planner, rule, due_on) VALUES (1, '\(planner)', 'contact-30', current_date);
            INSERT INTO careerplan.unsigned_plan VALUES (1) ON CONFLICT DO NOTHING;
            INSERT INTO careerplan.due_stale (customer_id) VALUES (1)
            """)
        for table in ["due", "unsigned_plan", "due_stale"] {
            _ = try psql(as: planner, "DELETE FROM careerplan.\(table)")
        }
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.due WHERE customer_id = 1") == "1")
        #expect(try psql(as: planner, "SELECT count(*) FROM careerplan.due WHERE customer_id = 1") == "1")
        #expect(try psql(as: planner, "SELECT count(*) FROM careerplan.due_stale") == "0")
        #expect(try cluster.psql("SELECT (SELECT count(*) FROM careerplan.unsigned_plan) > 0 AND (SELECT count(*) FROM careerplan.due_stale) > 0")
                == "t")
        // Even the administrator: the trail and the notes are never changed.
        #expect(try psql(as: admin, "DELETE FROM careerplan.audit").contains("permission denied for table audit"))
        #expect(try psql(as: admin, "UPDATE careerplan.case_note SET body = '{}'").contains("permission denied"))
        // The front desk enters customers and reads their files, as careerplan shows them; it writes no case notes.
        #expect(try psql(as: desk, "SELECT count(*) FROM careerplan.customer") == "3")
        #expect(try psql(as: desk, "INSERT INTO careerplan.case_note (customer_id, body) VALUES (1, '{\"customer\": \"C000001\"}')")
            .contains("permission denied for table case_note"))
        #expect(try psql(as: desk, "SELECT count(*) FROM careerplan.audit").contains("permission denied for table audit"))
        #expect(try cluster.psql("SELECT role FROM careerplan.staff WHERE login = '\(planner)'") == "planner")
    }

    /// Hand-offs and staff who leave, through the real binary as the
    /// supervisor and administrator would run them; the server refuses a
    /// planner, stamps the hand-off with who signed in, and takes a departed
    /// member's group and login away until they are reactivated.
    @Test func aCaseloadIsHandedOverAndAPlannerLeavesAtTheServer() throws {
        let (refused, code) = try center.careerplan(as: planner, ["staff", "hand-off", other, planner, "--reason", "mine now",
                                                                   "--db", cluster.url])
        #expect(code != 0 && refused.contains("hand a caseload to another planner"), "\(refused)")
        #expect(try psql(as: planner, "SELECT careerplan.set_staff_left('\(other)', current_date, 'gone')")
            .contains("permission denied for function set_staff_left"))
        #expect(try psql(as: planner, "INSERT INTO careerplan.caseload_handoff (from_login, to_login, reason, customers, by_login, on_day, at) VALUES ('\(other)', '\(planner)', 'x', 0, 'x', current_date, now())")
            .contains("permission denied for table caseload_handoff"))
        let (kept, busy) = try center.careerplan(as: admin, ["staff", "deactivate", other, "--reason", "left", "--db", cluster.url])
        #expect(busy != 0 && kept.contains("\(other) still has 1 customer"), "\(kept)")
        let (left, ok) = try center.careerplan(as: admin, ["staff", "deactivate", other, "--reason", "left the agency",
                                                           "--hand-off-to", planner, "--db", cluster.url])
        #expect(ok == 0 && left.contains("1 customer moved to \(planner)"), "\(left)")
        #expect(try psql(as: planner, "SELECT body ->> 'legalName' FROM careerplan.customer ORDER BY 1") == "Ana Mine\nBo Theirs\nCy Walkin")
        #expect(try cluster.psql("SELECT by_login || ' ' || customers FROM careerplan.caseload_handoff") == "\(admin) 1")
        // Gone: no login, no group; the list says so.
        #expect(try psql(as: other, "SELECT 1").contains("not permitted to log in"))
        #expect(try cluster.psql("SELECT pg_has_role('\(other)', 'careerplan_planner', 'MEMBER')") == "f")
        let (list, _) = try center.careerplan(as: admin, ["staff", "list", "--db", cluster.url])
        #expect(list.contains("(left ") && list.contains("left the agency"), "\(list)")
        let (back, status) = try center.careerplan(as: admin, ["staff", "reactivate", other, "--db", cluster.url])
        #expect(status == 0 && back.contains("may sign in again"), "\(back)")
        #expect(try psql(as: other, "SELECT count(*) FROM careerplan.customer") == "1")   // the walk-in only: Bo stays handed over
    }

    /// Every change is in the trail, by the member who made it, each row
    /// chained to the one before; a row altered behind the server's back
    /// (by its superuser, the one who could) is found.
    @Test func theAuditTrailIsWrittenByTheServerAndChained() throws {
        _ = try psql(as: planner, """
            INSERT INTO careerplan.case_note (customer_id, body)
            SELECT id, jsonb_build_object('id', 11, 'customer', body ->> 'id', 'kind', 'contact', 'eventOn', '2026-11-02', 'enteredOn', (now() AT TIME ZONE 'UTC')::date::text, 'author', 'x', 'text', 'called', 'answers', '{}'::jsonb, 'twoWay', false) FROM careerplan.customer WHERE id = 1
            """)
        #expect(try psql(as: admin, "SELECT login || ' ' || entity || ' ' || action FROM careerplan.audit ORDER BY id DESC LIMIT 1")
                == "\(planner) case_note insert")
        // The note said its author was "x": the server names the member who wrote it (v13-server-stamps),
        // also when they act as their group role.
        #expect(try psql(as: admin, "SELECT body ->> 'author' FROM careerplan.case_note WHERE body ->> 'id' = '11'") == planner)
        _ = try psql(as: planner, """
            SET ROLE careerplan_planner;
            INSERT INTO careerplan.case_note (customer_id, body)
            SELECT id, jsonb_build_object('id', 13, 'customer', body ->> 'id', 'kind', 'contact', 'eventOn', '2026-11-02', 'enteredOn', (now() AT TIME ZONE 'UTC')::date::text, 'author', 'x', 'text', 'called', 'answers', '{}'::jsonb, 'twoWay', false) FROM careerplan.customer WHERE id = 3
            """)
        #expect(try psql(as: admin, "SELECT body ->> 'author' FROM careerplan.case_note WHERE body ->> 'id' = '13'") == planner)
        #expect(try psql(as: admin, "SELECT login FROM careerplan.audit WHERE entity = 'staff' ORDER BY id LIMIT 2")
                == "postgres\n\(admin)")
        #expect(try psql(as: admin, "SELECT coalesce(careerplan.audit_first_broken()::text, 'whole')") == "whole")
        let second = try cluster.psql("SELECT id FROM careerplan.audit ORDER BY id OFFSET 1 LIMIT 1")
        try cluster.psql("""
            ALTER TABLE careerplan.audit DISABLE TRIGGER audit_append_only;
            UPDATE careerplan.audit SET login = 'someone-else' WHERE id = \(second);
            ALTER TABLE careerplan.audit ENABLE TRIGGER audit_append_only;
            """)
        #expect(try psql(as: admin, "SELECT careerplan.audit_first_broken()") == second)
    }

    @Test func initIsTheDatabaseAdministratorsAndRunsOnce() throws {
        let (out, status) = try center.careerplan(as: admin, ["init", "--db", cluster.url, "--admin", admin])
        #expect(status != 0 && out.contains("needs the database's administrator (a PostgreSQL superuser)"), "\(out)")
        let (again, _) = try center.careerplan(as: "root", ["init", "--db", cluster.dbaURL, "--admin", admin])
        #expect(again.contains("already holds careerplan's schema"), "\(again)")
        let (list, _) = try center.careerplan(as: planner, ["staff", "list", "--db", cluster.url])
        #expect(list.contains("\(planner)   PP   planner        Pat Planner"), "\(list)")   // as a data file lists them
        // A command for data files says what to do on PostgreSQL instead.
        let (backup, code) = try center.careerplan(as: admin, ["backup", center.prefix + "/b.sqlite", "--db", cluster.url])
        #expect(code != 0 && backup.contains("back up with the database's own tools (pg_dump"), "\(backup)")
        let (report, ok) = try center.careerplan(as: planner, ["report", "deadlines", "--db", cluster.url])
        #expect(ok == 0 && report.contains("Deadlines as of"), "\(report)")
        // A newer careerplan on a database a migration behind says so, and what the DBA runs (the row put back
        // stands for that run).
        let last = try cluster.psql("SELECT name FROM careerplan.migration ORDER BY at DESC, name DESC LIMIT 1")
        _ = try cluster.psql("DELETE FROM careerplan.migration WHERE name = '\(last)'")
        let (behind, failed) = try center.careerplan(as: planner, ["report", "deadlines", "--db", cluster.url])
        #expect(failed != 0 && behind.contains("this program needs \(last)") && behind.contains("careerplan init --db"),
                "\(behind)")
        _ = try cluster.psql("INSERT INTO careerplan.migration (name) VALUES ('\(last)')")
        let (back, fine) = try center.careerplan(as: planner, ["report", "deadlines", "--db", cluster.url])
        #expect(fine == 0 && back.contains("Deadlines as of"), "\(back)")
    }
}

/// A center's file moves into the state's database all or nothing, checked
/// by reading the database back as an export; once there, the server's
/// rules hold over its records.
@Suite(.serialized, .enabled(if: PostgresCluster.canRun, "needs root and the postgresql package (scripts/setup installs it): it starts a server of its own"))
struct PostgresMigrateTests {
    let center: CenterInstall
    let cluster: PostgresCluster
    let file, export: String

    init() throws {
        center = try CenterInstall()
        cluster = try PostgresCluster()
        (file, export) = (center.prefix + "/center.sqlite", center.prefix + "/center.json")
        for args in [["seed", "--db", file, "--customers", "24", "--today", "2026-11-23"],
                     ["init", "--db", cluster.dbaURL, "--admin", "jdoe", "--name", "Jane Doe"]] {
            let (out, status) = try center.careerplan(as: "root", args)
            try #require(status == 0, "\(out)")
        }
        let (json, status) = try center.careerplan(as: "root", ["export", "--db", file])
        try #require(status == 0)
        try json.write(toFile: export, atomically: true, encoding: .utf8)
    }

    func migrate() throws -> (output: String, status: Int32) {
        try center.careerplan(as: "root", ["migrate", "--from", export, "--to", cluster.dbaURL])
    }

    @Test func aCenterMovesInWholeAndThePlannersReachHolds() throws {
        let (out, status) = try migrate()
        #expect(status == 0 && out.contains("moved 24 customers") && out.contains("holds every record of the export as it was sent"), "\(out)")
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.case_note")
                == (try center.root("/usr/bin/sqlite3", [file, "SELECT count(*) FROM case_note"])).trimmingCharacters(in: .whitespacesAndNewlines))
        // Every member of the file is a database role in their group; mrivera, a planner, reaches her own and the unassigned.
        #expect(try cluster.psql("SELECT pg_has_role('mrivera', 'careerplan_planner', 'MEMBER')") == "t")
        let hers = try center.root("/usr/bin/sqlite3", [file, "SELECT count(*) FROM customer WHERE planner = 'mrivera' OR planner IS NULL"])
        #expect(try cluster.psql("SET ROLE mrivera; SELECT count(*) FROM careerplan.customer")
                == hers.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try cluster.psql("SELECT coalesce(careerplan.audit_first_broken()::text, 'whole')") == "whole")
        // The trail holds the move as one entry, as a file's import is, and its triggers are on again for everyone after.
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.audit WHERE customer_id IS NOT NULL") == "0")
        let entry = try cluster.psql("SELECT entity || ' ' || action || ' ' || (new #>> '{}') FROM careerplan.audit ORDER BY id DESC LIMIT 1")
        #expect(entry.hasPrefix("database load migrate from \(export): 24 customers, the export's SHA-256 "), "\(entry)")
        #expect(try cluster.psql("SELECT count(*) FROM pg_trigger WHERE tgname = 'audit' AND tgenabled <> 'O'") == "0")
        // Once only: a database with customers takes no second center's file over them.
        let (again, code) = try migrate()
        #expect(code != 0 && again.contains("already holds customers"), "\(again)")
    }

    /// The center's data file itself moves in pieces (never the whole caseload in memory), as its export would.
    @Test func aDataFileMovesInPieces() throws {
        let (out, status) = try center.careerplan(as: "root", ["migrate", "--from", file, "--to", cluster.dbaURL])
        #expect(status == 0 && out.contains("moved 24 customers"), "\(out)")
        let entry = try cluster.psql("SELECT new #>> '{}' FROM careerplan.audit ORDER BY id DESC LIMIT 1")
        #expect(entry.contains("24 customers, the SHA-256 of its 3 pieces "), "\(entry)")
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.plan_version")
                == (try center.root("/usr/bin/sqlite3", [file, "SELECT count(*) FROM plan_version"])).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A synthetic caseload seeded straight into the database, made and moved in pieces.
    @Test func seedFillsTheDatabaseInPieces() throws {
        let (out, status) = try center.careerplan(as: "root", ["seed", "--db", cluster.dbaURL, "--customers", "30", "--today", "2026-11-23"])
        #expect(status == 0 && out.contains("moved 30 customers"), "\(out)")
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.customer") == "30")
        #expect(try cluster.psql("SELECT coalesce(careerplan.audit_first_broken()::text, 'whole')") == "whole")
    }

    /// A crafted export is checked as `import` checks one: nothing moves.
    @Test func aCraftedExportIsRefusedWhole() throws {
        let text = try String(contentsOfFile: export, encoding: .utf8)
        try text.replacingOccurrences(of: "\"Met to review", with: "\"SSN 123-45-6789. Met to review")
            .write(toFile: export, atomically: true, encoding: .utf8)
        let (out, status) = try migrate()
        #expect(status != 0 && out.contains("looks like a full SSN"), "\(out)")
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.customer") == "0")
    }

    @Test func aDatabaseThatDoesNotGiveTheFileBackKeepsNothing() throws {
        // A database that alters what it is given (here a trigger of the DBA's own) fails the check.
        try cluster.psql("""
            CREATE FUNCTION public.alter_note() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.body := NEW.body || '{"text": "altered"}'; RETURN NEW; END $$;
            CREATE TRIGGER alter_note BEFORE INSERT ON careerplan.case_note FOR EACH ROW EXECUTE FUNCTION public.alter_note();
            """)
        let (out, status) = try migrate()
        #expect(status != 0 && out.contains("nothing was moved") && out.contains("notes"), "\(out)")
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.customer") == "0")
        #expect(try cluster.psql("SELECT count(*) FROM pg_roles WHERE rolname = 'mrivera'") == "0")
    }
}

/// Two operating-system accounts on one PostgreSQL, through the real
/// binary in tmux: the front desk enters a walk-in; a planner finds them,
/// writes a note (which makes the walk-in theirs), and never sees another
/// planner's customer; the server's trail names each.
@Suite(.serialized, .enabled(if: PostgresCluster.canRun, "needs root and the postgresql package (scripts/setup installs it): it starts a server of its own"))
struct PostgresEndToEndTests {
    @Test func theFrontDeskAndAPlannerWorkOnOneDatabase() throws {
        let center = try CenterInstall()
        let cluster = try PostgresCluster()
        let (admin, planner, desk) = (try center.addAccount("admin"), try center.addAccount("plan"), try center.addAccount("desk"))
        // The DBA gives the due writer its password; root installs its address beside careerplan.conf, for
        // the service group only.
        let writerFile = center.prefix + "/etc/careerplan-due-writer.conf"
        let (out, status) = try center.careerplan(as: "root", ["init", "--db", cluster.dbaURL, "--admin", admin, "--name", "Pat Admin",
                                                               "--due-writer-file", center.prefix + "/due-writer.conf"])
        try #require(status == 0 && out.contains("the due writer has a new password"), "\(out)")
        try center.root("/usr/bin/install", ["-o", "root", "-g", center.serviceGroup, "-m", "0640", center.prefix + "/due-writer.conf",
                                             writerFile])
        #expect(try center.tool(as: planner, "/bin/cat", [writerFile]).output.contains("Permission denied"))
        // A second init to the same file takes over nothing, and renews no password (the installed file still works).
        let (again, twice) = try center.careerplan(as: "root", ["init", "--db", cluster.dbaURL, "--admin", admin,
                                                                  "--due-writer-file", center.prefix + "/due-writer.conf"])
        #expect(twice != 0 && again.contains("exists already: remove it, or name a new file"), "\(again)")
        for (login, name, role) in [(planner, "Pat Planner", "planner"), (desk, "Dee Desk", "front-desk")] {
            let (added, ok) = try center.careerplan(as: admin, ["staff", "add", login, "--name", name, "--role", role, "--db", cluster.url])
            try #require(ok == 0, "\(added)")
        }
        // Another planner's customer, put there by the DBA.
        try cluster.psql("""
            SELECT careerplan.add_staff('{"login": "someone", "name": "Sam Someone", "initials": "SS", "role": "planner"}');
            INSERT INTO careerplan.customer (id, planner, sort_name, words, body) VALUES
              (1, 'someone', 'bo theirs', ' bo theirs c000001',
               '{"id": "C000001", "legalName": "Bo Theirs", "planner": "someone", "zip": "60601", "birthDate": "1991-01-01",
                 "enteredOn": "2026-11-01", "isVeteran": false, "version": 1}');
            SELECT setval('careerplan.customer_number', 1);
            """)
        func open(as login: String) throws -> TmuxSession {
            try TmuxSession(dir: center.prefix, command: ["/usr/bin/setpriv", "--reuid=" + login, "--regid=" + login, "--init-groups",
                                                          "--reset-env", "--", "/usr/bin/env", "LANG=C.UTF-8", "TERM=xterm-256color",
                                                          center.binary, "--db", cluster.url], width: 100, height: 30)
        }
        do {
            let front = try open(as: desk)
            try front.waitFor(text: "Dee Desk")
            try front.send("n")
            try front.waitFor(text: "New customer: a reportable individual")
            for (i, value) in ["Nguyễn Thị Lan", "Lan Nguyễn", "lan.nguyen@example.org", "60640", "07/04/1988", "3125550199"].enumerated() {
                if i > 0 { try front.send("Tab") }
                try front.send("-l", value)
            }
            try front.send("C-s")
            try front.waitFor(text: "Saved C000002")
            try front.send("F10")
            _ = front.waitForExit()
        }
        let tmux = try open(as: planner)
        var screen = try tmux.waitFor(text: "Pat Planner")
        try tmux.send("Escape")
        screen = try tmux.waitFor(text: "Lan Nguyễn")
        #expect(!screen.contains("Bo Theirs"), "\(screen)")
        try tmux.send("/")
        try tmux.send("-l", "lan")
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Stage        Reportable")
        try tmux.send("N")
        try tmux.waitFor(text: "Which note?")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Contact note")
        try tmux.send("Tab", "Tab", "Tab", "Tab")
        try tmux.send("-l", "Met at the front desk; booked an appointment.")
        try tmux.send("C-s")
        try tmux.waitFor(text: "1 note")
        try tmux.send("F10")
        _ = tmux.waitForExit()
        // The server's trail: the front desk entered the customer, the planner wrote the note and took them on.
        #expect(try cluster.psql("SELECT login || ' ' || entity || ' ' || action FROM careerplan.audit WHERE customer_id = 2 ORDER BY id")
                == "\(desk) customer insert\n\(planner) customer update\n\(planner) case_note insert\n\(planner) customer update")
        #expect(try cluster.psql("SELECT planner FROM careerplan.customer WHERE id = 2") == planner)
        // Each write's marks were taken up by the due writer the installed program signed in as.
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.audit WHERE customer_id = 2") == "4")
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.due_stale WHERE customer_id = 2") == "0")
        // With the writer's key in the database, the planner's own psql writes no record, however right it is: the
        // server takes records only from sessions that answered its nonce with the key only careerplan reads (v16).
        let copied = try center.tool(as: planner, "/usr/bin/env", ["-C", "/", "/usr/bin/psql"] + cluster.psqlArguments("""
            INSERT INTO careerplan.case_note (customer_id, body) SELECT customer_id, body FROM careerplan.case_note WHERE customer_id = 2
            """)).output
        #expect(copied.contains("the case note is written by careerplan only"), "\(copied)")
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.case_note WHERE customer_id = 2") == "1")
        // The night's run takes up any mark left (the DBA's own insert of customer 1), through the same writer.
        let (night, fine) = try center.careerplan(as: admin, ["exits", "--db", cluster.url])
        #expect(fine == 0 && !night.contains("not checked"), "\(night)")
        #expect(try cluster.psql("SELECT count(*) FROM careerplan.due_stale") == "0")
        // A writer's file anyone may read is refused, as an unsafe careerplan.conf is: the password is out.
        try center.root("/bin/chmod", ["0644", writerFile])
        let (refused, code) = try center.careerplan(as: planner, ["report", "deadlines", "--db", cluster.url])
        #expect(code != 0 && refused.contains("read by the service group only (mode 0640)"), "\(refused)")
    }
}
