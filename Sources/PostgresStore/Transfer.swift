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

    /// Loads an export (as `careerplan export` writes it) into an empty
    /// database, inside the caller's transaction; the database's
    /// administrator runs it (the staff roles are made as they are added).
    /// The trail records the load as one entry saying `what` was loaded, as
    /// a file's import is: the per-record triggers are off for the
    /// transaction only (no other session sees them off: the change is
    /// theirs only when it commits, and they are on again before it does).
    /// Returns the staff the database already had (they keep theirs).
    @discardableResult
    public static func load(_ export: Data, _ link: PostgresLink, what: String) throws -> Set<String> {
        for table in PostgresSchema.audited { try link.run("ALTER TABLE careerplan.\(table) DISABLE TRIGGER audit") }
        let existing = try loadRecords(export, link)
        for table in PostgresSchema.audited { try link.run("ALTER TABLE careerplan.\(table) ENABLE TRIGGER audit") }
        let customers = try link.value("SELECT count(*)::text FROM careerplan.customer") ?? "0"
        let digest = SHA256.hash(data: export).map { String(format: "%02x", $0) }.joined()
        try link.rows("SELECT careerplan.audit_append('database', NULL, 'load', NULL, to_jsonb($1::text))",
                      ["\(what): \(customers) customers, the export's SHA-256 \(digest)"])
        return existing
    }

    private static func loadRecords(_ export: Data, _ link: PostgresLink) throws -> Set<String> {
        guard let object = try JSONSerialization.jsonObject(with: export) as? [String: Any],
              object["format"] as? String == "careerplan-export" else {
            throw Problem(description: "not a careerplan export")
        }
        if try link.value("SELECT count(*)::text FROM careerplan.customer") != "0" {
            throw Problem(description: "\(link.url) already holds customers: a center moves into an empty database only")
        }
        func json(_ value: Any) throws -> String {
            // Not sorted: the database keeps its own key order, and sorting by Foundation's collation is slow.
            String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
        }
        let existing = Set(try link.rows("SELECT login FROM careerplan.staff").compactMap { $0.first ?? nil })
        for member in object["staff"] as? [[String: Any]] ?? [] where !existing.contains(member["login"] as? String ?? "") {
            try link.rows("SELECT careerplan.add_staff($1::jsonb)", [try json(member)])
        }
        for (key, value) in object["settings"] as? [String: String] ?? [:] {
            try link.rows("INSERT INTO careerplan.setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2",
                          [key, value])
        }
        // Each customer with the name order and search words careerplan derives from them.
        let customers = object["customers"] as? [Any] ?? []
        let decoded = try JSONDecoder().decode([Customer].self, from: try JSONSerialization.data(withJSONObject: customers))
        let rows = zip(customers, decoded).map { body, c -> [String: Any] in
            ["body": body, "sort": c.sortName, "words": SearchTerms.indexed(c)]
        }
        for chunk in chunks(rows) {
            try link.rows("""
                INSERT INTO careerplan.customer (id, planner, sort_name, words, body)
                SELECT careerplan.customer_number(e -> 'body' ->> 'id'), e -> 'body' ->> 'planner', e ->> 'sort', e ->> 'words',
                       e -> 'body'
                FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n
                """, [try json(Array(chunk))])
        }
        try link.rows("SELECT setval('careerplan.customer_number', greatest(coalesce(max(id), 0), 1)) FROM careerplan.customer")
        try link.rows("""
            INSERT INTO careerplan.covering (login, for_login, from_day, until_day, body)
            SELECT e ->> 'login', e ->> 'forLogin', (e ->> 'from')::date, (e ->> 'until')::date, e
            FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n
            """, [try json(object["coverings"] ?? [])])
        for section in sections {
            defer { try? advance(section.table, link) }
            for chunk in chunks(object[section.key] as? [Any] ?? []) {
                try link.rows("""
                    INSERT INTO careerplan.\(section.table) (customer_id, body)
                    SELECT careerplan.customer_number(e ->> 'customer'), e
                    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n
                    """, [try json(Array(chunk))])
            }
        }
        return existing
    }

    /// A long list in pieces, in order: one statement's parameter stays a few megabytes on a state's caseload.
    static func chunks<T>(_ list: [T], of size: Int = 5_000) -> [ArraySlice<T>] {
        stride(from: 0, to: list.count, by: size).map { list[$0..<min(list.count, $0 + size)] }
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

    /// The same records, whatever the spacing and key order: the check
    /// `migrate` makes before it commits. The database may hold staff the
    /// file does not (the state's own administrators); every member of the
    /// file must be there as the file has them.
    public static func sameRecords(_ file: Data, _ database: Data, keeping existing: Set<String> = []) -> Bool {
        firstDifference(file, database, keeping: existing) == nil
    }

    /// The first list whose records differ, for the message when they do;
    /// nil when they are the same. Staff the database already had keep
    /// theirs; every other member of the file must be there as the file has them.
    public static func firstDifference(_ a: Data, _ b: Data, keeping existing: Set<String> = []) -> String? {
        guard var x = try? JSONSerialization.jsonObject(with: a) as? [String: Any],
              var y = try? JSONSerialization.jsonObject(with: b) as? [String: Any] else { return "not JSON" }
        let fileStaff = (x.removeValue(forKey: "staff") as? [NSDictionary] ?? [])
            .filter { !existing.contains($0["login"] as? String ?? "") }
        let databaseStaff = Set(y.removeValue(forKey: "staff") as? [NSDictionary] ?? [])
        if !fileStaff.allSatisfy(databaseStaff.contains) { return "staff" }
        for key in Set(x.keys).union(y.keys).sorted() {
            let (l, r) = (x[key].map { [$0] as NSArray }, y[key].map { [$0] as NSArray })
            if l != r { return key }
        }
        return nil
    }
}
