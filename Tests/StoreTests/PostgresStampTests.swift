import Domain
import Foundation
import PostgresStore
import Store
import Testing

/// Who made a record is the server's to say (v13-server-stamps): whatever name a member's insert
/// carries, the record names the member; careerplan's own records are unchanged by it.
@Suite(.serialized, .enabled(if: ScratchCluster.whyNot == nil, "PostgreSQL's stamps: \(ScratchCluster.whyNot ?? "")"))
struct PostgresStampTests {
    let temporary = TemporaryDirectory()
    let cluster: ScratchCluster
    let dba: PostgresLink

    init() throws {
        let file = try seededStore(at: temporary.path + "/c.sqlite", customers: 120)
        cluster = try ScratchCluster()
        dba = try cluster.superuser()
        try PostgresAdmin.install(dba)
        let export = try file.exportJSON(by: testAdmin)
        let link = dba
        try link.transaction { try Transfer.load(export, link, what: "the test's caseload") }
        try PostgresAdmin.addStaff(Staff(login: "boss", name: "Bo Boss", initials: "BB", role: .administrator), dba)
        try cluster.pinCalendar(at: testNowText)
        // Customers with no records yet: 9999 for the records a customer has one of; 9998 holding one of
        // each kind the synthetic caseload does not make, each as careerplan's own Domain value encodes it.
        for id in [9998, 9999] {
            try dba.run("""
                INSERT INTO careerplan.customer (id, planner, sort_name, words, body)
                SELECT \(id), NULL, 'new', ' new', jsonb_set(body, '{id}', '"C00\(id)"') - 'planner'
                FROM careerplan.customer WHERE planner IS NULL LIMIT 1
                """)
        }
        let c = CustomerID(9998)
        let records: [(String, any Encodable)] = [
            ("application_amendment", ApplicationAmendment(customer: c, amendedAt: "2026-11-23T16:30:00Z", amendedBy: "x", reason: "typo",
                                                           changes: [FieldChange(field: "city", old: "Chicgo", new: "Chicago")])),
            ("barrier_correction", BarrierCorrection(barrier: 1, customer: c, changedAt: "2026-11-23T16:30:00Z", changedBy: "x",
                                                     changes: [FieldChange(field: "plan", old: "", new: "bus pass")])),
            ("dismissal", Dismissal(customer: c, key: "k", fingerprint: "f", reason: "not now", by: "x", on: testToday)),
            ("follow_up_decline", FollowUpDecline(customer: c, on: testToday, reason: "moved away", recordedBy: "x")),
            ("pause", Pause(id: 1, customer: c, reason: .health, startOn: testToday, endOn: testToday.adding(days: 30),
                            recordedBy: "x", recordedOn: testToday)),
        ]
        for (table, record) in records {
            try dba.rows("INSERT INTO careerplan.\(table) (customer_id, body) VALUES (9998, $1::jsonb)",
                         [String(decoding: try JSONEncoder().encode(record), as: UTF8.self)])
        }
    }

    /// A copy of one of the table's records (an exit of `kind`), moved to the new customer and naming
    /// `name` as its maker, inserted by the administrator "boss" as psql would; whom it names then.
    /// Nil when no record of the table has that field (a misnamed field would be caught here).
    func forged(_ table: String, _ field: String, kind: String = "planned", naming name: String = "someone-else") throws -> String? {
        let source = table == "exit_record" ? "WHERE body ->> 'kind' = 'planned'" : ""
        guard try dba.value("SELECT (body ? '\(field)')::text FROM careerplan.\(table) \(source) LIMIT 1") == "true" else { return nil }
        let link = try cluster.superuser()
        try link.run("SET ROLE boss")
        try link.rows("""
            INSERT INTO careerplan.\(table) (customer_id, body)
            SELECT 9999, CASE WHEN $3::text = 'plan_version' THEN jsonb_set(b, '{plan,episodes}', '[]') ELSE b END
            FROM (SELECT jsonb_set(jsonb_set(body, '{customer}', '"C009999"'), ARRAY[$1::text], to_jsonb($2::text))
                         || CASE WHEN $3::text = 'exit_record' THEN jsonb_build_object('kind', $4::text) ELSE '{}' END
                         || $5::jsonb AS b
                  FROM careerplan.\(table) \(source) LIMIT 1) AS copied
            """, [field, name, table, kind, try stampedNow(table)])
        return try dba.value("SELECT body ->> $1 FROM careerplan.\(table) WHERE customer_id = 9999 ORDER BY row_id DESC LIMIT 1",
                             [field])
    }

    /// The table's clock stamps as careerplan would write them at `testNow`, as a JSON object (v15 checks
    /// them; a copied plan version starts with no episodes, the new customer having no plan before it).
    func stampedNow(_ table: String) throws -> String {
        let stamps = Dictionary(uniqueKeysWithValues: PostgresSchema.clockStamps.filter { $0.table == table }
            .map { ($0.field, $0.isMoment ? testNowText : testToday.description) })
        return String(decoding: try JSONSerialization.data(withJSONObject: stamps), as: UTF8.self)
    }

    @Test func aMembersInsertNamesTheMemberWhateverItSays() throws {
        var unseen: [String] = []
        for (table, field) in PostgresSchema.recorderField {
            guard let named = try forged(table, field) else { unseen.append(table); continue }
            #expect(named == "boss", "\(table).\(field): \(named)")
        }
        // Every field is the name careerplan's records hold it under.
        #expect(unseen.isEmpty, "no record has the field: \(unseen)")
    }

    @Test func theAutomaticExitAndTheDatabasesOwnLoadKeepTheirNames() throws {
        #expect(try forged("exit_record", "recordedBy", kind: "automatic", naming: "careerplan") == "careerplan")
        #expect(try dba.value("SELECT count(*)::text FROM careerplan.case_note WHERE body ->> 'author' = 'boss'") == "0")
        // The DBA is not staff: a note the DBA adds keeps the name it was given.
        try dba.run("""
            INSERT INTO careerplan.case_note (customer_id, body)
            SELECT 9999, jsonb_set(jsonb_set(body, '{customer}', '"C009999"'), '{author}', '"as-given"')
            FROM careerplan.case_note LIMIT 1
            """)
        #expect(try dba.value("SELECT body ->> 'author' FROM careerplan.case_note WHERE customer_id = 9999") == "as-given")
    }

    /// An application's every save names who saved it, as careerplan's `updatedBy` says.
    @Test func anApplicationUpdateNamesTheMember() throws {
        let link = try cluster.superuser()
        try link.run("SET ROLE boss")
        try link.run("UPDATE careerplan.application SET body = jsonb_set(body, '{updatedBy}', '\"someone-else\"') WHERE row_id = (SELECT min(row_id) FROM careerplan.application)")
        #expect(try dba.value("SELECT body ->> 'updatedBy' FROM careerplan.application ORDER BY row_id LIMIT 1") == "boss")
    }
}
