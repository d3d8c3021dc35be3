import Domain
import Foundation
import PostgresStore
import Store
import Testing

/// Records are written by careerplan only (v16-careerplan-writes): once the due writer has a password,
/// a member's session writes a record only after answering the server's nonce with the writer's key,
/// which only the installed careerplan reads. Each member session here is the superuser's connection
/// turned into the member's own with SET SESSION AUTHORIZATION: the server sees the member signed in,
/// as with their psql (the same with real accounts in EndToEndTests/PostgresEndToEndTests).
@Suite(.serialized, .enabled(if: ScratchCluster.whyNot == nil, "PostgreSQL's careerplan-only writes: \(ScratchCluster.whyNot ?? "")"))
struct PostgresCareerplanWritesTests {
    let fixture: PostgresFixture
    var dba: PostgresLink { fixture.dba }
    var file: CaseloadStore { fixture.file }
    var writer: PostgresURL { fixture.writer }

    init() throws {
        fixture = try PostgresFixture()
        try PostgresAdmin.addStaff(Staff(login: "boss", name: "Bo Boss", initials: "BB", role: .administrator), dba)
    }

    func session(_ login: String) throws -> PostgresLink { try fixture.session(login) }
    func enrolled(of planner: String) throws -> CustomerID { try fixture.enrolled(of: planner) }

    func note(_ id: CustomerID, _ text: String) -> CaseNote {
        CaseNote(id: 0, customer: id, kind: .contact, eventOn: testToday, enteredOn: testToday, author: "", text: text,
                 channel: .phone, twoWay: true)
    }

    func refusal(_ link: PostgresLink, _ sql: String) -> String {
        do {
            try link.run(sql)
            return "kept"
        } catch { return "\(error)" }
    }

    @Test func aMembersOwnSessionWritesNoRecordButDrafts() throws {
        let id = try enrolled(of: "mrivera")
        let psql = try session("mrivera")
        #expect(try psql.value("SELECT session_user::text") == "mrivera")
        // A note as careerplan would write it, every stamp right: still not careerplan's session.
        let copy = """
            INSERT INTO careerplan.case_note (customer_id, body)
            SELECT customer_id, jsonb_set(jsonb_set(body, '{enteredOn}', '"2026-11-23"'), '{author}', '"mrivera"')
            FROM careerplan.case_note WHERE customer_id = \(id.number) LIMIT 1
            """
        #expect(refusal(psql, copy).contains("the case note is written by careerplan only"))
        #expect(refusal(psql, "UPDATE careerplan.barrier SET body = body WHERE customer_id = \(id.number)")
            .contains("the barrier is written by careerplan only"))
        #expect(refusal(psql, "UPDATE careerplan.customer SET body = body WHERE id = \(id.number)")
            .contains("the customer is written by careerplan only"))
        #expect(refusal(try session("boss"), "INSERT INTO careerplan.setting VALUES ('review-interval-days', '30')").contains("written by careerplan only"))
        // Nor by a token of its own making, nor by reading the server's.
        #expect(refusal(psql, "SET careerplan.write_token = 'x'; \(copy)").contains("written by careerplan only"))
        #expect(refusal(psql, "SELECT * FROM careerplan.write_session").contains("permission denied"))
        #expect(refusal(psql, "SELECT * FROM careerplan.write_key").contains("permission denied"))
        #expect(refusal(psql, "INSERT INTO careerplan.write_session VALUES (pg_backend_pid(), NULL, 'x')").contains("permission denied"))
        // Drafts are the member's own to write.
        #expect(refusal(psql, """
            INSERT INTO careerplan.draft (login, customer_id, form, body) VALUES (session_user, \(id.number), 'note', '{}')
            """) == "kept")
    }

    @Test func careerplanWithTheWritersKeyWritesAndOnlyItsOwnSessionDoes() throws {
        let planner = try #require(try file.staff(login: "mrivera"))
        let id = try enrolled(of: "mrivera")
        let link = try session("mrivera")
        let careerplan = PostgresCaseload(link: link, dueWriter: writer, now: { testNow })
        let saved = try careerplan.addNote(note(id, "called about the interview"), by: planner)
        try careerplan.addNote(note(id, "called again"), by: planner)
        #expect(try dba.value("SELECT body ->> 'author' FROM careerplan.case_note WHERE row_id = \(saved.id)") == "mrivera")
        #expect(try dba.value("SELECT login FROM careerplan.audit WHERE entity = 'case_note' ORDER BY id DESC LIMIT 1") == "mrivera")
        // Its due items were written in the note's own transaction (v17), as the file store does: the contact
        // clock moved, no mark is left, and no due writer's connection was opened for it.
        #expect(try dba.value("SELECT due_on::text FROM careerplan.due WHERE customer_id = \(id.number) AND rule = 'contact-30'")
                == testToday.adding(days: 30).description)
        #expect(try dba.value("SELECT count(*)::text FROM careerplan.due_stale WHERE customer_id = \(id.number)") == "0")
        #expect(try dba.value("SELECT count(*)::text FROM pg_stat_activity WHERE usename = '\(PostgresSchema.dueWriter)'") == "0")
        // The token is that session's: another session of the same member has none.
        let other = try session("mrivera")
        #expect(refusal(other, """
            INSERT INTO careerplan.case_note (customer_id, body) SELECT customer_id, body FROM careerplan.case_note WHERE row_id = \(saved.id)
            """).contains("written by careerplan only"))
        // Nor is the setting worth anything copied into it.
        let token = try #require(try dba.value("SELECT token FROM careerplan.write_session WHERE token IS NOT NULL LIMIT 1"))
        #expect(refusal(other, "SET careerplan.write_token = '\(token)'; UPDATE careerplan.customer SET body = body WHERE id = \(id.number)")
            .contains("written by careerplan only"))
        // A careerplan without the writer's file is refused before it sends the record, says where to look,
        // and keeps the typing as a draft (the member's own to write).
        let without = PostgresCaseload(link: try session("mrivera"), now: { testNow })
        let refused = #expect(throws: StoreError.self) { try without.addNote(note(id, "no file"), by: planner) }
        #expect(refused?.description.contains("this host has no careerplan-due-writer.conf for this database") == true)
        try without.saveDraft(["text": "no file"], customer: id, form: "note")
        #expect(try without.draft(customer: id, form: "note")?.values["text"] == "no file")
    }

    @Test func aWrongKeyOrASecondAnswerIsNotTaken() throws {
        let planner = try #require(try file.staff(login: "mrivera"))
        let id = try enrolled(of: "mrivera")
        var wrong = writer
        wrong.password = "not-the-key"
        let stale = PostgresCaseload(link: try session("mrivera"), dueWriter: wrong, now: { testNow })
        let refused = #expect(throws: StoreError.self) { try stale.addNote(note(id, "stale file"), by: planner) }
        #expect(refused?.description.contains("did not take this host's writer's file") == true)
        // One answer per nonce: a wrong one spends it, and the right one after is not taken.
        let psql = try session("mrivera")
        let key = try #require(try dba.value("SELECT key FROM careerplan.write_key"))
        #expect(key == writer.password)
        let nonce = try #require(try psql.value("SELECT careerplan.write_challenge()"))
        #expect(try psql.value("SELECT careerplan.prove_writer('00')::text") == "false")
        #expect(try psql.value("SELECT careerplan.prove_writer($1)::text", [PostgresCaseload.writerProof(nonce: nonce, key: key)]) == "false")
        // A fresh nonce answered right is: the key is all a session needs, and only careerplan reads it.
        let next = try #require(try psql.value("SELECT careerplan.write_challenge()"))
        #expect(try psql.value("SELECT careerplan.prove_writer($1)::text", [PostgresCaseload.writerProof(nonce: next, key: key)]) == "true")
        #expect(refusal(psql, "UPDATE careerplan.customer SET body = body WHERE id = \(id.number)") == "kept")
    }
}
