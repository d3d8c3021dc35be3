import Domain
import Foundation
import GRDB
import Testing
@testable import Store
import Synthetic

/// `seed` numbers each batch's records and makes their bodies (packed, once
/// the file has its dictionaries) on another core while the file writes the
/// batch before (`LoadAhead`): the file must hold exactly what a load that
/// makes them as it writes holds, whatever was written in between.
@Suite final class LoadAheadTests {
    let dir = TemporaryDirectory()
    let caseload = SyntheticCaseload(seed: 1, today: testToday)

    private func newStore(_ name: String) throws -> CaseloadStore {
        let store = try CaseloadStore(path: dir.path + "/" + name, today: { testToday }, now: { testNow })
        try store.insert(staff: caseload.staff)
        return store
    }

    /// Notes whose body says another id than their row's (none, if numbering ahead held).
    private func misnumbered(_ store: CaseloadStore) throws -> Int {
        try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM case_note WHERE json_extract(careerplan_body(body), '$.id') != id") ?? -1
        }
    }

    @Test func batchesMadeAheadAreWrittenAsALoadWritesThemItself() throws {
        let ahead = try newStore("ahead.sqlite")
        let loader = try LoadAhead(for: ahead)
        var packedAhead = 0
        try caseload.eachBatch(upTo: 900, size: 300, prepare: loader.prepare) { range, prepared in
            packedAhead += prepared.bodies.filter { if case .blob = $0.application?.storage { true } else { false } }.count
            try ahead.fill(from: caseload, range, prepared: prepared)
            try loader.wrote(ahead)
        }
        // The first batch teaches the file its dictionaries; the second is made while it learns; the third is packed ahead.
        #expect(packedAhead > 0)

        let asWritten = try newStore("as-written.sqlite")
        for range in [1...300, 301...600, 601...900] { try asWritten.fill(from: caseload, range) }
        #expect(try ahead.exportJSON(by: testAdmin) == asWritten.exportJSON(by: testAdmin))
        #expect(try misnumbered(ahead) == 0)
        #expect(try ahead.pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    /// A table with too few bodies in the first batch learns its dictionary from a later one; the batches made
    /// after that pack its bodies ahead too, not the file's writer.
    @Test func aDictionaryLearnedFromALaterBatchIsHandedOver() throws {
        let ahead = try newStore("later.sqlite")
        let loader = try LoadAhead(for: ahead)
        var applicationsPackedAhead: [Int] = []
        try caseload.eachBatch(upTo: 1_000, size: 300, opening: [100], prepare: loader.prepare) { range, prepared in
            applicationsPackedAhead.append(prepared.bodies.filter { if case .blob = $0.application?.storage { true } else { false } }.count)
            try ahead.fill(from: caseload, range, prepared: prepared)
            try loader.wrote(ahead)
        }
        // The first hundred customers' 80-odd applications are too few to learn from; the file learns after the
        // second batch, the third was made meanwhile (or, on a busy machine, once the second was written: either
        // way), the fourth is packed ahead.
        #expect(applicationsPackedAhead.count == 4 && applicationsPackedAhead[0...1].allSatisfy { $0 == 0 } && applicationsPackedAhead[3] > 0,
                "\(applicationsPackedAhead)")
        let asWritten = try newStore("later-as-written.sqlite")
        for range in [1...100, 101...400, 401...700, 701...1_000] { try asWritten.fill(from: caseload, range) }
        #expect(try ahead.exportJSON(by: testAdmin) == asWritten.exportJSON(by: testAdmin))
        #expect(try misnumbered(ahead) == 0)
    }

    @Test func aBatchMadeBeforeSomeoneElseWroteIsNumberedAgain() throws {
        let store = try newStore("meanwhile.sqlite")
        try store.fill(from: caseload, 1...100)
        let loader = try LoadAhead(for: store)
        let prepared = loader.prepare((101...200).map(caseload.intake))
        // Meanwhile a planner writes a note: the number the batch's first note was given is taken.
        let customer = try #require(try store.customer(CustomerID(1)))
        let login = try #require(customer.planner)
        let planner = try #require(try store.staff(login: login))
        let written = try store.addNote(CaseNote(id: 0, customer: CustomerID(1), kind: .general, eventOn: testToday, enteredOn: testToday,
                                                 author: "", text: "called meanwhile"), by: planner)
        #expect(written.id == prepared.first.note)
        try store.fill(from: caseload, 101...200, prepared: prepared)
        #expect(try misnumbered(store) == 0)
        let texts = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT json_extract(careerplan_body(body), '$.text') FROM case_note WHERE id = ?",
                                arguments: [written.id])
        }
        #expect(texts == ["called meanwhile"])
        let asWritten = try newStore("unhurried.sqlite")
        try asWritten.fill(from: caseload, 1...200)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM case_note") }
                == (try asWritten.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM case_note") }).map { $0 + 1 })
    }

    /// A body handed to the file packed must be a packed body of this file's dictionaries.
    @Test func aBodyPackedElsewhereIsRefused() throws {
        let store = try newStore("mine.sqlite")
        try store.fill(from: caseload, 1...400)
        let other = try CaseloadStore(path: dir.path + "/other.sqlite", today: { testToday }, now: { testNow })
        let others = SyntheticCaseload(seed: 2, today: testToday)
        try other.insert(staff: others.staff)
        try other.fill(from: others, 1...400)
        let foreign = try #require(try other.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM case_note WHERE typeof(body) = 'blob' LIMIT 1")
        })
        for blob in [Data([0, 1, 2, 3]), foreign] {
            #expect(throws: DatabaseError.self) {
                try store.pool.read { db in _ = try DatabaseValue.fetchOne(db, sql: "SELECT careerplan_pack('case_note', ?)", arguments: [blob]) }
            }
        }
        let mine = try #require(try store.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM case_note WHERE typeof(body) = 'blob' LIMIT 1")
        })
        #expect(try store.pool.read { db in try Data.fetchOne(db, sql: "SELECT careerplan_pack('case_note', ?)", arguments: [mine]) } == mine)
    }
}
