import Domain
import Foundation
import PostgresStore
import Store
import Testing

/// careerplan's text rules kept by the server (v14-text-rules): the server's SSN rule answers as
/// Domain's does, its length bound is never stricter than careerplan's, and a member's insert or update
/// that breaks either is refused, whoever sends it.
@Suite(.serialized, .enabled(if: ScratchCluster.whyNot == nil, "PostgreSQL's text rules: \(ScratchCluster.whyNot ?? "")"))
struct PostgresTextRulesTests {
    let cluster: ScratchCluster
    let dba: PostgresLink

    init() throws {
        cluster = try ScratchCluster()
        dba = try cluster.superuser()
        try PostgresAdmin.install(dba)
        try PostgresAdmin.addStaff(Staff(login: "boss", name: "Bo Boss", initials: "BB", role: .administrator), dba)
        try cluster.pinCalendar(at: testNowText)
        try dba.run("""
            INSERT INTO careerplan.customer (id, planner, sort_name, words, body) VALUES
              (1, NULL, 'ana mine', ' ana mine c000001', '{"id": "C000001", "legalName": "Ana Mine", "zip": "60601",
               "birthDate": "1990-01-01", "enteredOn": "2026-11-01", "isVeteran": false, "version": 1}')
            """)
    }

    func serverProblem(_ body: [String: Any]) throws -> String? {
        try dba.value("SELECT careerplan.text_problem($1::jsonb)",
                      [String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)])
    }

    @Test func theSSNRuleIsDomains() throws {
        let texts = ["123456789", "123-45-6789", "123.45.6789", "123 45 6789", "123-45 6789", "SSN 123-45-6789.", "a123456789b",
                     "1234567890", "12345678", "12-345-6789", "123-456789", "12345-6789", "123--45-6789", "9123-45-6789",
                     "123-45-67890", "312-555-6790", "2026-11-23", "C000016", "last four 6789",
                     String(repeating: "0123456789abcdef", count: 4), "digest 0123456789abcdef0123456789abcdef",
                     "called 123 45 6789 twice", "ids 123456789012"]
        for text in texts {
            let domain = SSN.containsFull(text)
            let server = try serverProblem(["text": text])
            #expect(domain == (server != nil), "\"\(text)\": Domain \(domain), server \(server ?? "none")")
        }
        // Inside nested records and lists, by the field's name.
        #expect(try serverProblem(["goals": [["steps": [["text": "ok"], ["text": "123-45-6789"]]]]])
                == "text: looks like a full SSN; never type one (the last 4 digits at most)")
    }

    @Test func theLengthBoundIsNeverStricterThanCareerplans() throws {
        for (key, limit) in [("legalName", TextLimits.short), ("email", TextLimits.short), ("text", TextLimits.long)] {
            for length in [limit, limit + 1, 2 * limit, 2 * limit + 1] {
                let text = String(repeating: "é", count: length)
                let server = try serverProblem([key: text]) != nil
                let domain = TextLimits.problem(text, key: key) != nil
                #expect(!server || domain, "\(key) of \(length): the server refuses what careerplan keeps")
                #expect(server == (length > 2 * limit), "\(key) of \(length)")
            }
        }
    }

    @Test func aMembersWriteThatBreaksARuleIsRefused() throws {
        let link = try cluster.superuser()
        try link.run("SET ROLE boss")
        let note = """
            {"id": 1, "customer": "C000001", "kind": "contact", "eventOn": "2026-11-02", "enteredOn": "2026-11-23",
             "author": "boss", "text": "TEXT", "answers": {}, "twoWay": false}
            """
        #expect(throws: (any Error).self) {
            try link.rows("INSERT INTO careerplan.case_note (customer_id, body) VALUES (1, $1::jsonb)",
                          [note.replacingOccurrences(of: "TEXT", with: "SSN 123-45-6789 on file")])
        }
        try link.rows("INSERT INTO careerplan.case_note (customer_id, body) VALUES (1, $1::jsonb)",
                      [note.replacingOccurrences(of: "TEXT", with: "called; last four 6789")])
        #expect(throws: (any Error).self) {
            try link.run("UPDATE careerplan.customer SET body = jsonb_set(body, '{legalName}', to_jsonb(repeat('x', 401)))")
        }
        do {
            try link.run("UPDATE careerplan.customer SET body = jsonb_set(body, '{phone}', '\"123.45.6789\"')")
            Issue.record("a full SSN in the phone field was kept")
        } catch {
            #expect("\(error)".contains("the customer's phone: looks like a full SSN"), "\(error)")
        }
        #expect(try dba.value("SELECT count(*)::text FROM careerplan.case_note") == "1")
    }
}
