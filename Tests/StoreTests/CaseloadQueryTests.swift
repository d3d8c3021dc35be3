import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Each test gets its own directory, removed when the test ends.
@Suite final class CaseloadQueryTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func customer(_ n: Int64, _ legal: String, preferred: String? = nil) -> Customer {
        Customer(id: CustomerID(n), legalName: legal, preferredName: preferred, zip: "60601",
                 birthDate: testToday.adding(days: -10_000), enteredOn: testToday)
    }

    func store(_ dir: String) throws -> CaseloadStore {
        let store = try CaseloadStore(path: dir + "/q.sqlite")
        try store.insert([
            customer(1, "José Núñez", preferred: "Pepe Núñez"),
            customer(2, "王芳"),
            customer(3, "Ana María Muñoz"),
            customer(12, "Zoë Kowalczyk"),
            customer(4, "Øystein Berg"),
        ])
        return store
    }

    @Test func pagesComeInNameOrderIgnoringAccents() throws {
        let s = try store(dir)
        let all = try s.customers(.init(), offset: 0, limit: 10).map(\.legalName)
        #expect(all == ["Ana María Muñoz", "Øystein Berg", "José Núñez", "Zoë Kowalczyk", "王芳"])
        #expect(try s.customers(.init(), offset: 1, limit: 2).map(\.id) == [CustomerID(4), CustomerID(1)])
    }

    @Test(arguments: [
        ("nunez", [1]), ("Núñez", [1]), ("pepe", [1]), ("jose nun", [1]), ("mu", [3]),
        ("C000012", [12]), ("12", [12]), ("c12", [12]), ("王", [2]), ("芳", [2]), ("c", [1, 2, 3, 4, 12]), ("c0", [1, 2, 3, 4, 12]),
        ("1234567890123456789012345", []), ("C0000000000000000000012", []),
        ("zoe", [12]), ("oystein", [4]), ("nobody", []), ("\"", [1, 2, 3, 4, 12]), ("a*", [3]),
    ] as [(String, [Int64])])
    func searchFindsByNameOrID(query: String, ids: [Int64]) throws {
        let s = try store(dir)
        let found = try s.customers(.init(search: query), offset: 0, limit: 10).map(\.id.number)
        #expect(Set(found) == Set(ids), "search \(query)")
        #expect(try s.count(.init(search: query)) == ids.count)
    }

    /// A short search reads its head index in name order, any search may sort
    /// its matches: the same pages either way, with or without a planner's reach.
    @Test func bothWaysOfReadingASearchGiveTheSamePages() throws {
        let s = try seededStore(at: dir + "/w.sqlite", customers: 200)
        let reach = try s.reach(of: Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner), on: testToday)
        for query in ["a", "m", "j", "a m"] {
            for filter in [CaseloadFilter(search: query), CaseloadFilter(search: query, reach: reach)] {
                let total = try s.count(filter)
                for offset in [0, 7, max(0, total - 3)] {
                    let sorted = try s.customers(filter, offset: offset, limit: 5, matches: 1).map(\.id)      // sorts the matches
                    let walked = try s.customers(filter, offset: offset, limit: 5, matches: 1_000_000).map(\.id) // walks the names
                    #expect(sorted == walked, "\(query) from \(offset)")
                    #expect(sorted.count == min(5, max(0, total - offset)), "\(query) from \(offset)")
                }
            }
        }
    }

    /// The word index and its tallies answer as a scan of every customer
    /// would: each typed word begins one of the customer's words, one match per
    /// customer (Ngoc Nguyen is one match of "ng"), in name order; and still
    /// after a caseload changes hands and a walk-in is taken on.
    @Test func theWordIndexAnswersAsAScanOfEveryoneWould() throws {
        let s = try seededStore(at: dir + "/i.sqlite", customers: 160)
        // Words that share their first letters with the word before them: each customer is one match of "ana"
        // ("ana", "anabel", "anastasia"), "jos" and "jose" ("jose", "joseph").
        try s.insert([customer(161, "Ngoc Nguyen"), customer(162, "Nam Ng", preferred: "Nguyet Ng"),
                      customer(163, "Anabel Ana", preferred: "Anastasia"), customer(164, "José Joseph"),
                      // A name's "C" is no word, and numbers find IDs only: "C12" is neither.
                      customer(165, "Carl C Cole"), customer(166, "R2 C3po C12")])
        let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
        func expectAsAScan(_ note: String) throws {
            let everyone = try s.customers(.init(), offset: 0, limit: 1_000)
            #expect(everyone.count == 166)
            for query in ["n", "ng", "ngu", "nguy", "nguyen", "a", "ma", "mar", "mart", "ana", "anab", "jos", "jose", "josé",
                          "c0", "c16", "c000", "000", "16", "c0001", "jo m", "m a", "zzz", "王", "c", "c c", "co", "c12", "12",
                          "c3", "c3p", "r2", "C000016", "ma c", "1", "0", "00", "01", "00016", "1 2", "ma 1", "1 ma", "c1 c12",
                          "0 00 000", "9", "999"] {
                for filter in [CaseloadFilter(search: query), CaseloadFilter(search: query, planner: "mrivera"),
                               CaseloadFilter(search: query, reach: try s.reach(of: planner, on: testToday))] {
                    let terms = SearchTerms.typed(query)
                    let scanned = everyone.filter { c in
                        c.isFound(by: terms)
                            && (filter.planner.map { c.planner == $0 } ?? true)
                            && { if case .planners(let p) = filter.reach { return c.planner.map(p.contains) ?? true } else { return true } }()
                    }.map(\.id)
                    #expect(try s.count(filter) == scanned.count, "\(note): \(filter)")
                    // Sorted, walked from the start, and as the store chooses with the true count (a late page walked from the end).
                    for matches in [1, 1_000_000, nil] as [Int?] {
                        let pages = try stride(from: 0, to: scanned.count + 7, by: 7).flatMap {
                            try s.customers(filter, offset: $0, limit: 7, matches: matches).map(\.id)
                        }
                        #expect(pages == scanned, "\(note): \(filter), matches \(String(describing: matches))")
                    }
                }
            }
            #expect(try s.count(CaseloadFilter(planner: "mrivera")) == everyone.filter { $0.planner == "mrivera" }.count, "\(note)")
            // The word tally is a recount of the word index, whatever wrote it (a batch, a hand-off's triggers).
            let (kept, recounted) = try s.pool.read { db in
                (try Row.fetchAll(db, sql: "SELECT word, planner, shared, customers FROM word_tally WHERE customers <> 0 ORDER BY 1, 2, 3"),
                 try Row.fetchAll(db, sql: """
                    SELECT word, coalesce(planner, '') AS planner, careerplan_word_shared(prev, word) AS shared, count(*) AS customers
                    FROM customer_word WHERE shared IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                    """))
            }
            #expect(!kept.isEmpty && kept == recounted, "\(note)")
            // And the ID blocks' tally a count of the customers.
            let (blocks, counted) = try s.pool.read { db in
                (try Row.fetchAll(db, sql: "SELECT block, planner, customers FROM id_tally WHERE customers <> 0 ORDER BY 1, 2"),
                 try Row.fetchAll(db, sql: "SELECT id / 1000 AS block, coalesce(planner, '') AS planner, count(*) AS customers FROM customer GROUP BY 1, 2 ORDER BY 1, 2"))
            }
            #expect(!blocks.isEmpty && blocks == counted, "\(note)")
        }
        try expectAsAScan("as seeded")
        let supervisor = try #require(try s.staff(login: "asantos"))
        try s.handOff(from: "tnguyen", to: "mrivera", reason: "tnguyen left", by: supervisor, today: testToday)
        try expectAsAScan("after a hand-off")
    }
}
