import Crypto
import Domain
import Foundation

/// A center's data file moved into the state's database, and the database
/// read back, both as careerplan's export (docs/export-format.md): each
/// record goes in as its export JSON, unchanged, so what comes back out is
/// the same export. `careerplan migrate` moves a file only if that holds.
public enum Transfer {
    /// One list of the export and the table its records go to.
    public struct Section: Sendable {
        public let key: String
        public let table: String
    }

    /// Every list of records that belongs to one customer, in the export's order.
    public static let sections: [Section] = [
        ("duplicateDecisions", "duplicate_decision"), ("applications", "application"), ("certifications", "certification"),
        ("amendments", "application_amendment"), ("documents", "eligibility_document"),
        ("screenings", "basic_skills_screening"), ("gsas", "gsa"), ("assessments", "assessment"), ("barriers", "barrier"),
        ("barrierCorrections", "barrier_correction"), ("planVersions", "plan_version"), ("dismissals", "dismissal"),
        ("notes", "case_note"), ("referrals", "referral"), ("outcomes", "outcome"), ("pauses", "pause"),
        ("exits", "exit_record"), ("followUpDeclines", "follow_up_decline"), ("signatures", "signature"),
        ("guardianRequests", "guardian_request"), ("planCopies", "plan_copy"), ("otherProgramServices", "other_program_service"),
    ].map { Section(key: $0.0, table: $0.1) }

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// After a load has committed: VACUUM (ANALYZE) every table it filled, so the first staff to work read
    /// settled tables (visibility map set: the word index answers alone) instead of sharing the machine with
    /// autovacuum's pass over everything just written (measured: search keystrokes three times slower while
    /// it ran). Outside any transaction, by the database's administrator.
    public static func settle(_ link: PostgresLink) throws {
        let derived = ["customer", "customer_word", "customer_tally", "word_tally", "covering", "staff", "audit"]
        try link.run("VACUUM (ANALYZE) " + (PostgresSchema.customerTables + derived)
            .map { "careerplan.\($0)" }.joined(separator: ", "))
    }

    /// Loads an export (as `careerplan export` writes it) into an empty
    /// database, inside the caller's transaction (see `Load`). Returns the
    /// staff the database already had (they keep theirs).
    @discardableResult
    public static func load(_ export: Data, _ link: PostgresLink, what: String) throws -> Set<String> {
        let load = try Load(into: link)
        try load.add(export)
        return try load.finish(what: what)
    }

    /// A load into an empty database, inside the caller's transaction, of
    /// one export or of its pieces in order (`CaseloadStore.exportPieces`:
    /// the first holds the settings and staff, the customers come with all
    /// their records), so a state's caseload is never held whole. The
    /// database's administrator runs it (the staff roles are made as they are
    /// added). The trail records the load as one entry saying what was
    /// loaded, as a file's import is: the per-record triggers are off for the
    /// transaction only (no other session sees them off: the change is theirs
    /// only when it commits, and they are on again before it does).
    public final class Load {
        let link: PostgresLink
        /// The staff the database already had.
        public private(set) var existing: Set<String> = []
        /// How many records of each list were sent so far: the next piece's numbering goes on from there.
        private var sentCount: [String: Int] = [:]
        private var digest = SHA256()
        private var pieces = 0

        public init(into link: PostgresLink) throws {
            self.link = link
            if try link.value("SELECT count(*)::text FROM careerplan.customer") != "0" {
                throw Problem(description: "\(link.url) already holds customers: a center moves into an empty database only")
            }
            try setLoadTriggers("DISABLE")
            // What the file holds, as the server parsed it: `firstDifference` compares the tables with it before commit.
            try link.run("CREATE TEMP TABLE sent (list text NOT NULL, n bigint NOT NULL, body jsonb NOT NULL) ON COMMIT DROP")
            existing = Set(try link.rows("SELECT login FROM careerplan.staff").compactMap { $0.first ?? nil })
        }

        /// `PostgresSchema.loadTriggers` off ("DISABLE") or on again ("ENABLE").
        private func setLoadTriggers(_ state: String) throws {
            for (trigger, tables) in PostgresSchema.loadTriggers {
                for table in tables { try link.run("ALTER TABLE careerplan.\(table) \(state) TRIGGER \(trigger)") }
            }
        }

        /// One export, or the next piece of one.
        public func add(_ piece: Data) throws {
            digest.update(data: piece)
            let scan = try ExportScan(piece)
            guard scan.text("format") == "\"careerplan-export\"" else { throw Problem(description: "not a careerplan export") }
            let known = Set(["format", "version", "settings", "staff", "customers", "coverings"] + sections.map(\.key))
            if let unknown = scan.values.keys.sorted().first(where: { !known.contains($0) }) {
                throw Problem(description: "not a careerplan export: careerplan keeps no list \"\(unknown)\"")
            }
            pieces += 1
            if pieces == 1 {
                // The settings come with the first piece (the others hold none).
                let settings = scan.text("settings") ?? "{}"
                try link.rows("INSERT INTO pg_temp.sent (list, n, body) VALUES ('settings', 1, $1::jsonb)", [settings])
                try link.rows("""
                    INSERT INTO careerplan.setting (key, value) SELECT key, value FROM jsonb_each_text($1::jsonb)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, [settings])
            }
            try send("staff", scan, into: "SELECT 1 FROM s")
            for member in try scan.records("staff") {
                let staff = try JSONDecoder().decode(Staff.self, from: Data(scan.bytes[member]))
                if !existing.contains(staff.login) {
                    try link.rows("SELECT careerplan.add_staff($1::jsonb)", [String(decoding: scan.bytes[member], as: UTF8.self)])
                }
            }
            // Each customer with the name order and search words careerplan derives from them.
            try send("customers", scan, into: """
                INSERT INTO careerplan.customer (id, planner, sort_name, words, body)
                SELECT careerplan.customer_number(s.body ->> 'id'), s.body ->> 'planner', d.e ->> 0, d.e ->> 1, s.body
                FROM s JOIN jsonb_array_elements($4::jsonb) WITH ORDINALITY AS d(e, n) USING (n) ORDER BY n
                """) { chunk in
                let derived = try chunk.map { r -> [String] in
                    let c = try JSONDecoder().decode(Customer.self, from: Data(scan.bytes[r]))
                    return [c.sortName, SearchTerms.indexed(c)]
                }
                return String(decoding: try JSONEncoder().encode(derived), as: UTF8.self)
            }
            try send("coverings", scan, into: """
                INSERT INTO careerplan.covering (login, for_login, from_day, until_day, body)
                SELECT body ->> 'login', body ->> 'forLogin', (body ->> 'from')::date, (body ->> 'until')::date, body FROM s ORDER BY n
                """)
            for section in sections {
                try send(section.key, scan, into: """
                    INSERT INTO careerplan.\(section.table) (customer_id, body)
                    SELECT careerplan.customer_number(body ->> 'customer'), body FROM s ORDER BY n
                    """)
            }
        }

        /// After the last piece: sequences past every id loaded, the audit
        /// triggers on again, statistics, and the trail's one entry. Returns
        /// the staff the database already had.
        public func finish(what: String) throws -> Set<String> {
            try link.rows("SELECT setval('careerplan.customer_number', greatest(coalesce(max(id), 0), 1)) FROM careerplan.customer")
            for section in sections { try advance(section.table, link) }
            try setLoadTriggers("ENABLE")
            // The planner's statistics, before the check and the due items read what was loaded (else it guesses the tables empty).
            try link.run("ANALYZE " + (PostgresSchema.customerTables + ["customer", "covering", "staff"]).map { "careerplan.\($0)" }
                .joined(separator: ", "))
            let customers = try link.value("SELECT count(*)::text FROM careerplan.customer") ?? "0"
            let sum = digest.finalize().map { String(format: "%02x", $0) }.joined()
            let of = pieces == 1 ? "the export's SHA-256" : "the SHA-256 of its \(pieces) pieces"
            try link.rows("SELECT careerplan.audit_append('database', NULL, 'load', NULL, to_jsonb($1::text))",
                          ["\(what): \(customers) customers, \(of) \(sum)"])
            return existing
        }

        /// One list's records, 5,000 to a statement (a parameter stays a few
        /// megabytes on a state's caseload): each kept in `sent` as the server
        /// parsed it, numbered on from the pieces before, then inserted by
        /// `insert`, which reads them as `s(n, body)` (n counted within the
        /// statement) and may read `$4`, what `derived` makes of the piece.
        private func send(_ key: String, _ scan: ExportScan, into insert: String,
                          derived: ((ArraySlice<Range<Int>>) throws -> String)? = nil) throws {
            let records = try scan.records(key)
            let before = sentCount[key, default: 0]
            for start in stride(from: 0, to: records.count, by: 5_000) {
                let piece = records[start..<min(records.count, start + 5_000)]
                try link.rows("""
                    WITH s AS (
                        INSERT INTO pg_temp.sent (list, n, body)
                        SELECT $2, $3::bigint + n, e FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n)
                        RETURNING n - $3::bigint AS n, body)
                    \(insert)
                    """, [scan.array(piece), key, String(before + start)] + (try derived.map { [try $0(piece)] } ?? []))
            }
            sentCount[key] = before + records.count
        }
    }

    /// New records take their ids from the table's row sequence: past every id loaded.
    static func advance(_ table: String, _ link: PostgresLink) throws {
        try link.rows("""
            SELECT setval(pg_get_serial_sequence('careerplan.\(table)', 'row_id'),
                          greatest(coalesce(max(row_id), 0), coalesce(max((body ->> 'id')::bigint), 0), 1))
            FROM careerplan.\(table)
            """)
    }

    /// The database as an export: every list in the order its records came
    /// in, as the server writes each record (key order and spacing are the
    /// server's; `export` re-encodes it as a file's export is written).
    /// Put together as text, never parsed here: a state's caseload is large.
    public static func read(_ link: PostgresLink, version: Int) throws -> Data {
        func list(_ sql: String) throws -> String { try link.value(sql) ?? "[]" }
        var parts = ["\"format\": \"careerplan-export\"", "\"version\": \(version)"]
        parts.append("\"settings\": " + (try list("SELECT coalesce(jsonb_object_agg(key, value), '{}')::text FROM careerplan.setting")))
        parts.append("\"staff\": " + (try list("SELECT coalesce(jsonb_agg(body ORDER BY login), '[]')::text FROM careerplan.staff")))
        parts.append("\"customers\": "
                     + (try list("SELECT coalesce(jsonb_agg(body ORDER BY id), '[]')::text FROM careerplan.customer")))
        parts.append("\"coverings\": "
                     + (try list("SELECT coalesce(jsonb_agg(body ORDER BY row_id), '[]')::text FROM careerplan.covering")))
        for section in sections {
            parts.append("\"\(section.key)\": " + (try list("""
                SELECT coalesce(jsonb_agg(body ORDER BY row_id), '[]')::text FROM careerplan.\(section.table)
                """)))
        }
        return Data(("{" + parts.joined(separator: ", ") + "}\n").utf8)
    }

    /// The first list whose records the database does not hold as they
    /// were sent (the same JSON values in the same order), for the message
    /// when one differs; nil when every list is the file's. Compared by the
    /// server, after everything is loaded and before commit: a trigger or
    /// rule that altered a record on its way in shows here. Staff the
    /// database already had keep theirs; every other member of the file must
    /// be there as the file has them.
    public static func firstDifference(_ link: PostgresLink, keeping existing: Set<String> = []) throws -> String? {
        func differs(_ key: String, stored: String) throws -> Bool {
            try link.value("""
                SELECT count(*)::text FROM (SELECT n, body FROM pg_temp.sent WHERE list = $1) s
                FULL JOIN (\(stored)) t USING (n) WHERE s.body IS DISTINCT FROM t.body
                """, [key]) != "0"
        }
        let kept = String(decoding: try JSONEncoder().encode(existing.sorted()), as: UTF8.self)
        if try link.value("""
            SELECT count(*)::text FROM pg_temp.sent s
            WHERE s.list = 'staff' AND NOT jsonb_build_array(s.body -> 'login') <@ $1::jsonb
              AND NOT EXISTS (SELECT 1 FROM careerplan.staff t WHERE t.body = s.body)
            """, [kept]) != "0" { return "staff" }
        if try differs("settings", stored: "SELECT 1::bigint AS n, coalesce(jsonb_object_agg(key, value), '{}') AS body FROM careerplan.setting") {
            return "settings"
        }
        if try differs("customers", stored: "SELECT row_number() OVER (ORDER BY id) AS n, body FROM careerplan.customer") {
            return "customers"
        }
        if try differs("coverings", stored: "SELECT row_number() OVER (ORDER BY row_id) AS n, body FROM careerplan.covering") {
            return "coverings"
        }
        for section in sections {
            if try differs(section.key, stored: "SELECT row_number() OVER (ORDER BY row_id) AS n, body FROM careerplan.\(section.table)") {
                return section.key
            }
        }
        return nil
    }
}
