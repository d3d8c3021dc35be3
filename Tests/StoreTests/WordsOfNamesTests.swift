import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Migration v27-words-of-names: a file whose word index holds the ID's four
/// spellings ("000123", "123", "c000123", "c123") and a name's numbers, as
/// every careerplan before it wrote, ends with the index and tallies today's
/// careerplan writes for the same customers, and finds what it found.
@Suite final class WordsOfNamesTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// The word index with each word's `prev`, its tallies (rows that count someone), its indexes' state.
    func index(_ s: CaseloadStore) throws -> [[Row]] {
        try s.pool.read { db in
            [try Row.fetchAll(db, sql: "SELECT word, sort_name, customer_id, prev, planner FROM customer_word ORDER BY 1, 2, 3"),
             try Row.fetchAll(db, sql: "SELECT head, planner, customers FROM customer_tally WHERE customers <> 0 ORDER BY 1, 2"),
             try Row.fetchAll(db, sql: "SELECT word, planner, shared, customers FROM word_tally WHERE customers <> 0 ORDER BY 1, 2, 3"),
             // The head indexes hold a row for each word whose `prev` begins otherwise: kept as the rows change.
             try Row.fetchAll(db, sql: "PRAGMA integrity_check")]
        }
    }

    @Test func anOlderIndexKeepsOnlyNamesAndCountsAsNew() throws {
        let s = try seededStore(at: dir + "/c.sqlite", customers: 120)
        // A name of its own "C", "C3" and "7": no words now (numbers find IDs).
        try s.insert([Customer(id: CustomerID(121), legalName: "Cleo C C3 7", preferredName: "Cy", zip: "60601",
                               birthDate: testToday.adding(days: -9_000), planner: "mrivera", enteredOn: testToday)])
        let written = try index(s)
        let searches = ["c", "c1", "c000012", "12", "3", "c3", "cle", "cy c", "0", "00", "1 mar"]
        let finds = try searches.map { try s.count(.init(search: $0)) }

        // The same customers as an older careerplan indexed them: every word of `of`, the ID's spellings too.
        try s.pool.write { db in
            let customers = try Row.fetchAll(db, sql: "SELECT \(Customer.columns) FROM customer").map { try Customer(row: $0) }
            try db.execute(sql: "DELETE FROM customer_word; DELETE FROM customer_tally WHERE head <> ''; DELETE FROM word_tally")
            for c in customers {
                let spellings = "\(c.id.description) \(c.id.description.dropFirst()) \(c.id.number) c\(c.id.number)"
                let old = Set(SearchTerms.of(c.searchWords + " " + spellings)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                #expect(old.contains("c" + String(c.id.description.dropFirst())) && old.contains(String(c.id.number)))
                var prev = ""
                for word in old {
                    try db.execute(sql: "INSERT INTO customer_word VALUES (?, ?, ?, ?, ?)",
                                   arguments: [word, c.sortName, c.id.number, prev, c.planner])
                    prev = word
                }
            }
        }
        #expect(try index(s)[0].count > written[0].count + 4 * 120)

        try s.pool.write { db in try SearchWords.keepNamesOnly(db) }
        let migrated = try index(s)
        for (n, (a, b)) in zip(migrated, written).enumerated() {
            let same = a == b   // (the rows themselves would fill the log)
            #expect(same, "part \(n): \(a.count) rows against \(b.count)")
        }
        #expect(try searches.map { try s.count(.init(search: $0)) } == finds)
        #expect(try s.count(.init(search: "c")) == 121)
        #expect(try s.customers(.init(search: "c121"), offset: 0, limit: 20).map(\.id.number) == [121])
        #expect(try s.customers(.init(search: "c3"), offset: 0, limit: 50).map(\.id.number).contains(121) == false)
    }
}
