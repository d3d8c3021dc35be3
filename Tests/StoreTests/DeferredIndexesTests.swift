import Domain
import Foundation
import GRDB
import Testing
@testable import Store
import Synthetic

/// A new file's load makes its indexes after its rows (`DeferredIndexes`): the
/// file ends with the very indexes a migrated file has, and a load that stopped
/// before making them leaves a file the next careerplan mends before it reads.
@Suite final class DeferredIndexesTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Every index of a file, by name, with the statement that made it.
    func indexes(_ s: CaseloadStore) throws -> [String: String] {
        try s.pool.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                """).map { ($0["name"] as String, $0["sql"] as String) })
        }
    }

    func stamp(_ path: String) throws -> Int {
        let q = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? q.close() }
        return try q.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1 }
    }

    /// What a reader sees of the caseload through the deferred indexes: searches (the word index's head indexes,
    /// named in the query), a planner's caseload in name order, and the dashboard's items.
    func seen(_ s: CaseloadStore) throws -> [String] {
        var seen: [String] = []
        for query in ["a", "ma", "mar", "garcia ma", "lee"] {
            let filter = CaseloadFilter(search: query)
            let n = try s.count(filter)
            seen.append("\(query): \(n) " + (try s.customers(filter, offset: 0, limit: 30, matches: n).map(\.id.description).joined(separator: ",")))
        }
        let mine = CaseloadFilter(planner: "mrivera")
        seen.append("mrivera: " + (try s.customers(mine, offset: 0, limit: 500).map(\.id.description).joined(separator: ",")))
        let settings = try s.clockSettings()
        seen += try s.dueItems(planners: nil, on: testToday, settings: settings, offset: 0, limit: 10_000).map { "\($0)" }
        return seen
    }

    @Test func everyDeferredIndexIsOneTheSchemaMakes() throws {
        let fresh = try indexes(try seededStore(at: dir + "/fresh.sqlite", customers: 0))
        #expect(DeferredIndexes.names.isSubset(of: Set(fresh.keys)))
        // The statements read from an empty database in memory are the file's own.
        let made = try Schema.indexStatements(named: DeferredIndexes.names)
        #expect(Set(made) == Set(DeferredIndexes.names.map { fresh[$0]! }))
    }

    @Test func aLoadEndsWithTheIndexesAMigratedFileHas() throws {
        let fresh = try indexes(try seededStore(at: dir + "/fresh.sqlite", customers: 0))
        let path = dir + "/loaded.sqlite"
        let s = try seededStore(at: path, customers: 0)
        let caseload = SyntheticCaseload(seed: 1, today: testToday)
        var during: [String: String] = [:]
        try s.loadingNewFile {
            during = try indexes(s)
            try s.fill(from: caseload, 1...60)
        }
        #expect(Set(during.keys) == Set(fresh.keys).subtracting(DeferredIndexes.names))
        #expect(try indexes(s) == fresh)
        #expect(try stamp(path) == Schema.migrator.migrations.count)
        // The same caseload written with its indexes kept all along reads the same.
        let kept = try seededStore(at: dir + "/kept.sqlite", customers: 60)
        let read = try seen(s)
        #expect(read == (try seen(kept)))
        #expect(read.count > 20 && !read[0].hasPrefix("a: 0 "))
    }

    @Test func aLoadThatFailsStillMakesItsIndexes() throws {
        struct Stopped: Error {}
        let fresh = try indexes(try seededStore(at: dir + "/fresh.sqlite", customers: 0))
        let s = try seededStore(at: dir + "/failed.sqlite", customers: 0)
        #expect(throws: Stopped.self) {
            try s.loadingNewFile {
                try s.fill(from: SyntheticCaseload(seed: 1, today: testToday), 1...20)
                throw Stopped()
            }
        }
        #expect(try indexes(s) == fresh)
    }

    /// As if `seed` were killed mid-load: its indexes dropped and the file left. The next careerplan to open it
    /// sees the unstamped header and makes them before its first read; nothing else of the file changes.
    @Test func aKilledLoadsFileIsMendedWhenNextOpened() throws {
        let fresh = try indexes(try seededStore(at: dir + "/fresh.sqlite", customers: 0))
        let path = dir + "/killed.sqlite"
        let s = try seededStore(at: path, customers: 0)
        _ = try s.write { db in try DeferredIndexes.drop(db) }
        try s.fill(from: SyntheticCaseload(seed: 1, today: testToday), 1...60)
        let audit = try s.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") }
        try s.close()
        #expect(try stamp(path) == 0)

        let reopened = try CaseloadStore(path: path, today: { testToday }, now: { testNow })
        #expect(try indexes(reopened) == fresh)
        #expect(try stamp(path) == Schema.migrator.migrations.count)
        #expect(try reopened.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") } == audit)
        #expect(try seen(reopened) == seen(try seededStore(at: dir + "/kept.sqlite", customers: 60)))
    }

    /// A file with customers keeps its indexes: others are searching it.
    @Test func aFileWithCustomersIsRefusedAndKeepsItsIndexes() throws {
        let s = try seededStore(at: dir + "/full.sqlite", customers: 3)
        let before = try indexes(s)
        var ran = false
        #expect(throws: StoreError.self) { try s.loadingNewFile { ran = true } }
        #expect(!ran)
        #expect(try indexes(s) == before)
    }

    /// Another careerplan that opened the file while the load ran made the indexes already: the load's end
    /// leaves them and stamps the file.
    @Test func indexesMadeMeanwhileAreLeftAsTheyAre() throws {
        let path = dir + "/meanwhile.sqlite"
        let fresh = try indexes(try seededStore(at: dir + "/fresh.sqlite", customers: 0))
        let s = try seededStore(at: path, customers: 0)
        try s.loadingNewFile {
            try s.fill(from: SyntheticCaseload(seed: 1, today: testToday), 1...10)
            let other = try CaseloadStore(path: path, today: { testToday }, now: { testNow })
            #expect(try indexes(other) == fresh)
            try other.close()
        }
        #expect(try indexes(s) == fresh)
        #expect(try stamp(path) == Schema.migrator.migrations.count)
    }

    /// A file whose indexes are all there and whose stamp is missing (a file from before the stamp) is stamped,
    /// and nothing is made.
    @Test func aWholeFileIsOnlyStamped() throws {
        let path = dir + "/whole.sqlite"
        let s = try seededStore(at: path, customers: 10)
        let before = try indexes(s)
        try s.write { db in try db.execute(sql: "PRAGMA user_version = 0") }
        #expect(try s.write { db in try DeferredIndexes.restoreMissing(db) } == 0)
        try s.close()
        let reopened = try CaseloadStore(path: path, today: { testToday }, now: { testNow })
        #expect(try indexes(reopened) == before)
        #expect(try stamp(path) == Schema.migrator.migrations.count)
    }
}
