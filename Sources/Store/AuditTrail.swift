import Domain
import Foundation
import GRDB

extension AuditEntry {
    /// Field-level differences between two rows as the triggers stored them.
    /// JSON held in a column (a plan's body, an application's answers) is
    /// compared field by field: `body.goals[0].text`.
    public static func changes(old: String?, new: String?) -> [FieldChange] {
        var before = flatten(old)
        var after = flatten(new)
        // Where a record is its JSON body, the other columns only index it.
        if before.keys.contains(where: { $0.hasPrefix("body.") }) || after.keys.contains(where: { $0.hasPrefix("body.") }) {
            before = before.filter { $0.key.hasPrefix("body.") }
            after = after.filter { $0.key.hasPrefix("body.") }
        }
        return Set(before.keys).union(after.keys).sorted().compactMap { field in
            let a = before[field] ?? "—", b = after[field] ?? "—"
            // A row's own version counter (bumped by every save) is noise; a version inside a body is data.
            guard a != b, !field.hasSuffix("version") || field.contains(".") else { return nil }
            return FieldChange(field: field, old: a, new: b)
        }
    }

    /// A row's JSON with the JSON held in its text columns (a plan's body,
    /// an application's answers) opened up in place.
    static func expandingJSONText(_ value: Any) -> Any {
        switch value {
        case let d as [String: Any]: return d.mapValues(expandingJSONText)
        case let a as [Any]: return a.map(expandingJSONText)
        case let s as String where s.hasPrefix("{") || s.hasPrefix("["):
            return (try? JSONSerialization.jsonObject(with: Data(s.utf8))).map(expandingJSONText) ?? s
        default: return value
        }
    }

    static func flatten(_ json: String?) -> [String: String] {
        guard let json, let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else {
            return [:]
        }
        var out: [String: String] = [:]
        func walk(_ v: Any, _ path: String) {
            switch v {
            case let d as [String: Any]: for (k, x) in d { walk(x, path.isEmpty ? k : path + "." + k) }
            case let a as [Any]:
                // A list of records keyed by their item (a customer's eligibility documents) is labelled by it:
                // one added or seen again is that one's change, not a shift of every one after it.
                let items = a.compactMap { ($0 as? [String: Any])?["item"] as? String }
                let keyed = items.count == a.count && Set(items).count == items.count
                for (i, x) in a.enumerated() { walk(x, path + "[\(keyed ? items[i] : String(i))]") }
            case let s as String:
                // A column holding JSON text is compared inside.
                if (s.hasPrefix("{") || s.hasPrefix("[")),
                   let nested = try? JSONSerialization.jsonObject(with: Data(s.utf8)) { walk(nested, path) } else { out[path] = s }
            case is NSNull: break
            default: out[path] = "\(v)"
            }
        }
        walk(value, "")
        return out
    }
}

extension CaseloadStore {
    /// Every audited write to a customer's records, newest first (the screen
    /// and the command show the same order). A plan save is one entry: the
    /// plan's change with the version it made, in the plan's own words.
    public func audit(customer id: CustomerID, by user: Staff?) throws -> [AuditEntry] {
        try Self.permit(.readAudit, by: user)
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE customer_id = ? ORDER BY id", arguments: [id.number])
        }
        var entries: [AuditEntry] = []
        for row in rows {
            let entity: String = row["entity"]
            let saved = entity == "plan_version" ? PlanVersionRow(json: row["new"]) : nil
            if let saved, let last = entries.indices.last, entries[last].entity == "plan", entries[last].at == row["at"] as String {
                entries[last].summary = saved.summary
                continue
            }
            var entry = AuditEntry(at: row["at"], login: row["login"], entity: entity, key: row["row_key"], action: row["action"],
                                   changes: AuditEntry.changes(old: row["old"], new: row["new"]))
            entry.summary = saved?.summary ?? []
            entries.append(entry)
        }
        return entries.reversed()
    }

    /// Who last changed the customer's records and when, in the area's time: "Thanh Nguyễn at 2026-11-23 09:04 CST".
    static func lastChange(customer id: CustomerID, _ db: Database) throws -> String? {
        try lastChange(db, where: "customer_id = ?", [id.number])
    }

    /// Who last changed one record (a barrier, a referral) and when.
    static func lastChange(entity: String, key: Int64, _ db: Database) throws -> String? {
        try lastChange(db, where: "entity = ? AND row_key = ?", [entity, String(key)])
    }

    private static func lastChange(_ db: Database, where condition: String, _ args: StatementArguments) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT login, at FROM audit WHERE \(condition) ORDER BY id DESC LIMIT 1",
                                         arguments: args) else { return nil }
        let login: String = row["login"]
        let name = try String.fetchOne(db, sql: "SELECT name FROM staff WHERE login = ?", arguments: [login]) ?? login
        let at: String = row["at"]
        return "\(name) at \(AreaTime.shown(at, in: .current))"
    }

    /// The largest file a load writes anew after packing it (see `bulkLoad`).
    static let vacuumedUpTo = 512 << 20

    /// The writer's page cache during a load, in KB (SQLite's default is 2,000).
    static let loadCacheKB = 262_144

    /// The log's pages between checkpoints during a load (100 MB; SQLite's default is 1,000).
    static let loadCheckpointPages = 25_000

    /// A bulk load is one audit entry, not one per row. Its due items are computed
    /// then: from `facts` the loader made of what it wrote (none read back), and
    /// read back for any other customer left stale.
    func bulkLoad<T>(_ what: String, facts: (T) -> [CaseClockFacts] = { _ in [] }, _ body: () throws -> T) throws -> T {
        let login = actor.login
        actor.login = nil
        defer { actor.login = login }
        // A load touches every index all over: with SQLite's default 2 MB of cache the word index's pages were
        // read back from the operating system again and again (a fifth of seeding in the kernel's copies).
        // Kept for the rest of the process: the loads of a seed or an import follow one another.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -\(Self.loadCacheKB)") }
        // Each commit's pages go to the log and a checkpoint copies them into the file: after every 1,000 pages
        // (SQLite's default) the index pages every batch touches were copied again and again. Back after the load.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.loadCheckpointPages)") }
        defer { try? pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000") } }
        let result = try body()
        let moment = timestamp()
        var packed = 0
        try write { db in
            // The first load big enough to learn from packs what it wrote; the loads after it pack as they write.
            packed = try Self.packBodies(limit: nil, learnedOnly: true, at: moment, db)
            try db.cached(sql: AuditChain.insert([AuditTriggers.stamp, "?", "'data file'", "NULL", "NULL", "'load'", "NULL", "?"]),
                          arguments: [login ?? "unknown", what])
            let known = facts(result)
            if !known.isEmpty {
                try Self.writeDue(known, settings: try Self.clockSettings(db), closedBefore: today(), db)
                try db.execute(sql: "DELETE FROM due_stale WHERE customer_id IN \(Self.sqlList(known.map(\.customer.id.number)))")
            }
            try refreshDue(db, upTo: .max)
        }
        // Bodies packed where they lay leave their pages mostly empty (SQLite does not merge them): the file is
        // written anew, once, when a load packed what it had written as text (seed's first batch, an old file).
        // Not a large file: VACUUM builds the copy in memory (temporary storage stays out of $TMPDIR), and
        // later writes fill the emptied pages anyway.
        if packed >= PackedBodies.samplesNeeded {
            try pool.writeWithoutTransaction { db in
                let bytes = try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()") ?? 0
                if bytes < Self.vacuumedUpTo { try db.execute(sql: "VACUUM") }
            }
        }
        return result
    }
}

/// A plan version row as the audit trigger stored it: its number and the
/// changes the Store described when it was saved.
private struct PlanVersionRow {
    let version: Int
    let changes: [String]

    init?(json: String?) {
        guard let json, let row = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let version = (row["version"] as? NSNumber)?.intValue else { return nil }
        self.version = version
        let text = row["changes"] as? String ?? "[]"
        changes = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String] ?? []
    }

    var summary: [String] {
        ["saved as plan version \(version)" + (changes.isEmpty ? "" : ":")] + changes.map { "  " + $0 }
    }
}
