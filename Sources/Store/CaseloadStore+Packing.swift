import Foundation
import GRDB

extension CaseloadStore {
    /// Bodies the day's first opening packs at most when the night's `careerplan exits` did not pack them
    /// all: a fraction of a second, which the first user of the day waits for.
    public static let packedAtOpening = 20_000
    /// Bodies packed in one transaction (the night's pass takes several, so others' saves go in between).
    static let packedPerTransaction = 50_000

    /// Learns the dictionary of each record table that has enough bodies and
    /// none yet, then packs up to `limit` bodies still stored as text (all,
    /// when nil): of every table, or with `learnedOnly` of the tables whose
    /// dictionary was just learned (a load, whose other tables it wrote
    /// packed: looking through them all after every batch was a third of
    /// seeding's time). Packing changes no record: the audit trail sees the same
    /// JSON before and after and records nothing, the append-only rules let
    /// it through, and the due items it would mark for recomputing are left
    /// as they were. Returns how many bodies it packed.
    @discardableResult
    static func packBodies(limit: Int?, learnedOnly: Bool = false, at moment: String, _ db: Database) throws -> Int {
        let tables = PackedBodies.columns.sorted { $0.key < $1.key }
        var samples: [(table: String, bodies: [String])] = []
        for (table, column) in tables where try !hasDictionary(table, db) {
            samples.append((table, try String.fetchAll(db, sql: """
                SELECT \(column) FROM \(table) WHERE typeof(\(column)) = 'text' ORDER BY rowid DESC LIMIT \(PackedBodies.samplesRead)
                """)))
        }
        // Learned on every core (about a second on one for a load's fourteen tables), kept in table order.
        let dictionaries = PackedBodies.learnEach(samples.map(\.bodies))
        var learned: Set<String> = []
        for ((table, bodies), dictionary) in zip(samples, dictionaries) {
            guard let dictionary else { continue }
            try db.execute(sql: """
                INSERT INTO body_dictionary (dict_id, table_name, dictionary, learned_from, learned_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (dict_id) DO NOTHING
                """, arguments: [Int64(PackedBodies.id(of: dictionary)), table, dictionary, bodies.count, moment])
            learned.insert(table)
        }
        // Packed with the newest dictionaries, whoever learned them: an UPDATE that packed nothing would look like progress.
        try PackedBodies.sync(db)
        let stale = try Int64.fetchAll(db, sql: "SELECT customer_id FROM due_stale")
        var packed = 0
        for (table, column) in tables where learnedOnly ? learned.contains(table) : try hasDictionary(table, db) {
            let room = limit.map { $0 - packed }
            if let room, room <= 0 { break }
            try db.execute(sql: """
                UPDATE \(table) SET \(column) = careerplan_pack('\(table)', \(column))
                WHERE rowid IN (SELECT rowid FROM \(table) WHERE typeof(\(column)) = 'text'\(room.map { " LIMIT \($0)" } ?? ""))
                """)
            packed += db.changesCount
        }
        if packed > 0 {
            try db.execute(sql: "DELETE FROM due_stale WHERE customer_id NOT IN (SELECT value FROM json_each(?))",
                           arguments: ["[" + stale.map(String.init).joined(separator: ",") + "]"])
        }
        return packed
    }

    private static func hasDictionary(_ table: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM body_dictionary WHERE table_name = ?)", arguments: [table]) ?? false
    }

    /// How the file's bodies are stored, table by table (the tests ask): bodies packed, bodies as text, and
    /// the dictionary's size.
    func packing() throws -> [(table: String, packed: Int, text: Int, dictionaryBytes: Int)] {
        try read { db in
            try PackedBodies.columns.sorted { $0.key < $1.key }.map { table, column in
                let row = try Row.fetchOne(db, sql: """
                    SELECT (SELECT count(*) FROM \(table) WHERE typeof(\(column)) = 'blob') AS packed,
                           (SELECT count(*) FROM \(table) WHERE typeof(\(column)) = 'text') AS text,
                           (SELECT coalesce(sum(length(dictionary)), 0) FROM body_dictionary WHERE table_name = ?) AS bytes
                    """, arguments: [table])
                return (table, row?["packed"] ?? 0, row?["text"] ?? 0, row?["bytes"] ?? 0)
            }
        }
    }
}
