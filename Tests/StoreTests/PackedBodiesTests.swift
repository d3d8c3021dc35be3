import CZstd
import Domain
import Foundation
import GRDB
import Testing
@testable import Store
import Synthetic

/// The records' bodies packed with dictionaries learned from the file's own
/// (issue 28): every read gives the JSON that was written, the audit trail
/// and the append-only rules see JSON, and packing changes no record.
@Suite final class PackedBodiesTests {
    let dir = TemporaryDirectory()
    /// Enough customers that every common table has the bodies a dictionary is learned from.
    static let customers = 450

    private func count(_ store: CaseloadStore, _ sql: String) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    private func export(_ store: CaseloadStore) throws -> Data {
        try store.exportJSON(by: testAdmin)
    }

    /// Every packed body back to text, with the careerplan connection's own functions.
    private func unpackAll(_ store: CaseloadStore) throws {
        try store.pool.write { db in
            for (table, column) in PackedBodies.columns {
                try db.execute(sql: "UPDATE \(table) SET \(column) = careerplan_body(\(column)) WHERE typeof(\(column)) = 'blob'")
            }
        }
    }

    @Test func aLoadLearnsItsTablesDictionariesAndEveryRecordReadsBackAsWritten() throws {
        let store = try seededStore(at: dir.path + "/load.sqlite", customers: Self.customers)
        let learned = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT table_name FROM body_dictionary ORDER BY 1") }
        for table in ["application", "case_note", "eligibility_document", "gsa", "outcome", "plan_version", "signature"] {
            #expect(learned.contains(table), "no dictionary for \(table)")
        }
        let packing = try store.packing()
        for row in packing where learned.contains(row.table) {
            #expect(row.text == 0 && row.packed > 0, "\(row.table): \(row.packed) packed, \(row.text) as text")
        }
        // A table with too few bodies to learn from keeps them as text, readable as ever.
        #expect(packing.contains { !learned.contains($0.table) && $0.text > 0 } || learned.count == PackedBodies.columns.count)

        let packed = try export(store)
        let plan = try #require(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT length(body) FROM plan_version LIMIT 1") })
        let planText = try #require(try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT length(careerplan_body(body)) FROM plan_version LIMIT 1")
        })
        #expect(plan * 5 < planText, "a plan packed to \(plan) bytes of \(planText)")
        // The load wrote the file anew after packing its first batch: as text the same records take over twice the pages.
        let pages = try count(store, "SELECT page_count FROM pragma_page_count()")
        try unpackAll(store)
        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
        #expect(try count(store, "SELECT count(*) FROM plan_version WHERE typeof(body) = 'blob'") == 0)
        #expect(try count(store, "SELECT page_count FROM pragma_page_count()") > 2 * pages)
        #expect(try export(store) == packed)
    }

    @Test func aWriteAfterLearningIsPackedAndItsAuditEntryIsTheJSON() throws {
        let store = try seededStore(at: dir.path + "/write.sqlite", customers: Self.customers)
        let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
        let writer = try CaseloadStore(path: dir.path + "/write.sqlite", actor: "mrivera", today: { testToday }, now: { testNow })
        let customer = try #require(try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE planner = 'mrivera' AND enrolled_on IS NOT NULL LIMIT 1")
        })
        let note = try writer.addNote(CaseNote(id: 0, customer: CustomerID(customer), kind: .contact, eventOn: testToday,
                                               enteredOn: testToday, author: "", text: "called about the bus pass",
                                               channel: .phone, twoWay: true), by: planner)
        #expect(try count(store, "SELECT count(*) FROM case_note WHERE id = \(note.id) AND typeof(body) = 'blob'") == 1)
        #expect(try writer.caseWork(CustomerID(customer)).notes.contains { $0.text == "called about the bus pass" })
        let entry = try #require(try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT new FROM audit WHERE entity = 'case_note' AND row_key = ?", arguments: ["\(note.id)"])
        })
        #expect(entry.contains("called about the bus pass"))
    }

    /// The night's pass packs what was written as text (a file from before v26): no audit entry, no due item
    /// recomputed or lost, the same export.
    @Test func theDaysFirstOpeningPacksTextBodiesAndChangesNoRecord() throws {
        let path = dir.path + "/night.sqlite"
        let store = try seededStore(at: path, customers: Self.customers)
        try unpackAll(store)
        let before = try export(store)
        let audit = try count(store, "SELECT count(*) FROM audit")
        let due = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT customer_id || rule_code || subject_id || due_on FROM due ORDER BY 1") }
        let admin = try CaseloadStore(path: path, actor: "root", today: { testToday }, now: { testNow })
        _ = try admin.applyAutomaticExits(today: testToday, matrix: try ServicesMatrix.bundled())
        #expect(try count(store, "SELECT count(*) FROM case_note WHERE typeof(body) = 'text'") == 0)
        #expect(try count(store, "SELECT count(*) FROM plan_version WHERE typeof(body) = 'text'") == 0)
        #expect(try count(store, "SELECT count(*) FROM audit") == audit)
        #expect(try count(store, "SELECT count(*) FROM due_stale") == 0)
        #expect(try store.pool.read { db in try String.fetchAll(db, sql: "SELECT customer_id || rule_code || subject_id || due_on FROM due ORDER BY 1") } == due)
        #expect(try export(store) == before)
    }

    /// The day's first opening packs a few (the first user waits for them); the night's pass packs the rest.
    @Test func theOpeningPacksAFewAndTheNightsPassTheRest() throws {
        let path = dir.path + "/few.sqlite"
        let store = try seededStore(at: path, customers: Self.customers)
        try unpackAll(store)
        let text = "SELECT (SELECT count(*) FROM case_note WHERE typeof(body) = 'text') + (SELECT count(*) FROM plan_version WHERE typeof(body) = 'text')"
        let before = try count(store, text)
        let matrix = try ServicesMatrix.bundled()
        _ = try store.applyAutomaticExits(today: testToday, matrix: matrix, packing: 100)
        // The tables with a dictionary (a table with too few bodies keeps them as text).
        let learned = Set(try store.pool.read { db in try String.fetchAll(db, sql: "SELECT table_name FROM body_dictionary") })
        let total = PackedBodies.columns.filter { learned.contains($0.key) }
            .map { "(SELECT count(*) FROM \($0.key) WHERE typeof(\($0.value)) = 'text')" }.joined(separator: " + ")
        let left = try count(store, "SELECT " + total)
        #expect(try count(store, "SELECT " + total.replacingOccurrences(of: "'text'", with: "'blob'")) == 100)
        // Later openings that day pack nothing more; the night's pass packs all that is left.
        _ = try store.applyAutomaticExits(today: testToday, matrix: matrix, packing: 100)
        #expect(try count(store, "SELECT " + total) == left)
        _ = try store.applyAutomaticExits(today: testToday, matrix: matrix, by: testAdmin)
        #expect(try count(store, "SELECT " + total) == 0)
        #expect(before > 100 && left > 0)
    }

    @Test func aNoteOrSignatureMayBePackedButNeverChanged() throws {
        let store = try seededStore(at: dir.path + "/kept.sqlite", customers: Self.customers)
        try store.pool.write { db in
            // The same words, stored as text again: allowed (it is how a body is packed and unpacked).
            try db.execute(sql: "UPDATE case_note SET body = careerplan_body(body) WHERE id = 1")
            try db.execute(sql: "UPDATE signature SET body = careerplan_body(body) WHERE id = (SELECT min(id) FROM signature)")
        }
        for sql in ["UPDATE case_note SET body = careerplan_pack('case_note', replace(careerplan_body(body), '\"text\":\"', '\"text\":\"not ')) WHERE id = 2",
                    "UPDATE signature SET body = careerplan_pack('signature', replace(careerplan_body(body), '\"signerName\":\"', '\"signerName\":\"x')) WHERE id = (SELECT min(id) FROM signature)",
                    "UPDATE case_note SET customer_id = customer_id + 1 WHERE id = 3",
                    "UPDATE body_dictionary SET dictionary = x'00'",
                    "DELETE FROM body_dictionary"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try store.pool.write { db in try db.execute(sql: sql) } }
        }
    }

    /// Since v34-short-bodies a body is the zstd frame without the 4 bytes of magic every frame begins with; a
    /// body packed before, the whole frame, reads as ever.
    @Test func aBodyIsAFrameWithoutItsMagicAndAWholeFrameStillReads() throws {
        let store = try seededStore(at: dir.path + "/short.sqlite", customers: Self.customers)
        let (id, customer, stored, text) = try #require(try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, customer_id, body, careerplan_body(body) FROM case_note WHERE typeof(body) = 'blob' LIMIT 1")
                .map { ($0[0] as Int64, CustomerID($0[1] as Int64), $0[2] as Data, $0[3] as String) }
        })
        let dictionary = try #require(try store.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT dictionary FROM body_dictionary WHERE table_name = 'case_note'")
        })
        // The same words packed as before v34: the whole frame, with the dictionary's id in it.
        let whole = try #require(dictionary.withUnsafeBytes { d -> Data? in
            let packer = ZSTD_createCDict(d.baseAddress, d.count, PackedBodies.level("case_note"))
            let context = ZSTD_createCCtx()
            defer { ZSTD_freeCDict(packer); ZSTD_freeCCtx(context) }
            var utf8 = text
            return utf8.withUTF8 { input in
                var out = Data(count: ZSTD_compressBound(input.count))
                let written = out.withUnsafeMutableBytes {
                    ZSTD_compress_usingCDict(context, $0.baseAddress, $0.count, input.baseAddress, input.count, packer)
                }
                return ZSTD_isError(written) == 0 ? out.prefix(written) : nil
            }
        })
        #expect(whole.starts(with: PackedBodies.magic) && !stored.starts(with: PackedBodies.magic))
        #expect(PackedBodies.magic + stored == whole, "\(stored.count) bytes stored, \(whole.count) as a whole frame")
        let exported = try export(store)
        // Stored as a file from before v34 holds it (the same words: the append-only rule lets it through).
        try store.pool.write { db in try db.execute(sql: "UPDATE case_note SET body = ? WHERE id = ?", arguments: [whole, id]) }
        #expect(try count(store, "SELECT count(*) FROM case_note WHERE id = \(id) AND hex(body) LIKE '28B52FFD%'") == 1)
        #expect(try store.caseWork(customer).notes.contains { $0.id == id && text.contains($0.text.prefix(10)) })
        #expect(try export(store) == exported)
    }

    /// Bytes that are not a body this file packed are an error in words, never a record made of garbage.
    @Test func aDamagedBodyOrAnUnknownDictionaryIsRefusedInWords() throws {
        let store = try seededStore(at: dir.path + "/damaged.sqlite", customers: Self.customers)
        let (customer, outcome) = try #require(try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT customer_id, id FROM outcome WHERE typeof(body) = 'blob' LIMIT 1").map { (Int64($0[0] as Int64), Int64($0[1] as Int64)) }
        })
        let packed = try #require(try store.pool.read { db in try Data.fetchOne(db, sql: "SELECT body FROM outcome WHERE id = ?", arguments: [outcome]) })
        // Written with the audit trail's careerplan_body, a damaged body is refused at once.
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE outcome SET body = ? WHERE id = ?", arguments: [packed.prefix(9), outcome]) }
        }
        // Damaged behind the audit trail's back (no actor: a bulk load's connection), it is refused when read.
        store.actor.login = nil
        // The frame cut short.
        try store.pool.write { db in try db.execute(sql: "UPDATE outcome SET body = ? WHERE id = ?", arguments: [packed.prefix(packed.count - 3), outcome]) }
        // In words, never SQLite's message with its SQL.
        #expect(throws: StoreError.cannotRead(path: store.path, reason: "the file is damaged; restore the last backup")) {
            try store.caseWork(CustomerID(customer))
        }
        // A whole body from another file, packed with that file's dictionary.
        let other = try CaseloadStore(path: dir.path + "/other.sqlite", today: { testToday }, now: { testNow })
        let caseload = SyntheticCaseload(seed: 2, today: testToday)
        try other.insert(staff: caseload.staff)
        try other.fill(from: caseload, 1...Self.customers)
        let foreign = try #require(try other.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM outcome WHERE typeof(body) = 'blob' LIMIT 1")
        })
        try store.pool.write { db in try db.execute(sql: "UPDATE outcome SET body = ? WHERE id = ?", arguments: [foreign, outcome]) }
        do {
            _ = try store.pool.read { db in try String.fetchOne(db, sql: "SELECT careerplan_body(body) FROM outcome WHERE id = ?", arguments: [outcome]) }
            Issue.record("a body naming an unknown dictionary was read")
        } catch let error as DatabaseError {
            #expect(error.message?.contains("dictionary this file does not hold") == true || error.message?.contains("damaged") == true)
        }
        // Put back, it reads as before.
        try store.pool.write { db in try db.execute(sql: "UPDATE outcome SET body = ? WHERE id = ?", arguments: [packed, outcome]) }
        #expect(try store.caseWork(CustomerID(customer)).outcomes.contains { $0.id == outcome })
    }

    /// A user who opened the file before a dictionary was learned reads what others packed with it.
    @Test func aConnectionOpenedBeforeLearningReadsBodiesPackedSince() throws {
        let path = dir.path + "/early.sqlite"
        let early = try seededStore(at: path, customers: 40)
        #expect(try count(early, "SELECT count(*) FROM body_dictionary") == 0)
        let caseload = SyntheticCaseload(seed: 1, today: testToday)
        let (customer, login) = try #require(try early.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, planner FROM customer WHERE planner IS NOT NULL AND enrolled_on IS NOT NULL LIMIT 1")
                .map { (CustomerID($0["id"] as Int64), $0["planner"] as String) }
        })
        let planner = Staff(login: login, name: "Planner", initials: "P", role: .planner)
        func note(_ text: String) throws -> Int64 {
            try early.addNote(CaseNote(id: 0, customer: customer, kind: .contact, eventOn: testToday, enteredOn: testToday,
                                       author: "", text: text, channel: .phone, twoWay: true), by: planner).id
        }
        // Written before any dictionary: text.
        let first = try note("before")
        #expect(try count(early, "SELECT count(*) FROM case_note WHERE id = \(first) AND typeof(body) = 'text'") == 1)
        let later = try CaseloadStore(path: path, today: { testToday }, now: { testNow })
        try later.fill(from: caseload, 41...Self.customers)
        #expect(try count(later, "SELECT count(*) FROM case_note WHERE typeof(body) = 'blob'") > 0)
        #expect(try export(early) == export(later))
        // The early user's next note is packed with the dictionary the other learned.
        let second = try note("after")
        #expect(try count(early, "SELECT count(*) FROM case_note WHERE id = \(second) AND typeof(body) = 'blob'") == 1)
        #expect(try early.caseWork(customer).notes.map(\.text).contains("after"))
    }
}
