import Domain
import Foundation

/// Setting up a state's database and its staff: `careerplan init` and
/// `careerplan staff add|set-role|list` on a `postgresql://` address. The
/// schema is installed by the database's administrator (a PostgreSQL
/// superuser: the state's DBA); staff are added by a careerplan
/// administrator through functions that can make a login role and put it
/// in one careerplan group, and nothing else.
public enum PostgresAdmin {
    /// Creates the roles, the schema and its rules, then brings it to the
    /// last migration; returns the migrations it ran. `link` must be a superuser's.
    @discardableResult
    public static func install(_ link: PostgresLink) throws -> [String] {
        guard try link.value("SELECT rolsuper::text FROM pg_roles WHERE rolname = session_user") == "true" else {
            throw PostgresRefusal.plain("""
                installing careerplan's schema needs the database's administrator (a PostgreSQL superuser); \
                \(link.role) is not one
                """, doing: "careerplan init")
        }
        try link.run(PostgresSchema.roles(database: link.url.database))
        return try migrate(link)
    }

    /// Runs the migrations not yet run, each all or nothing.
    public static func migrate(_ link: PostgresLink) throws -> [String] {
        let done = Set(try installed(link))
        var ran: [String] = []
        for (name, sql) in PostgresSchema.migrations where !done.contains(name) {
            try link.transaction {
                try link.run(sql)
                try link.rows("INSERT INTO careerplan.migration (name) VALUES ($1)", [name])
            }
            ran.append(name)
        }
        return ran
    }

    /// The migrations this database has run, in order; none before `init`.
    public static func installed(_ link: PostgresLink) throws -> [String] {
        guard try link.value("SELECT to_regclass('careerplan.migration')::text") != nil else { return [] }
        return try link.rows("SELECT name FROM careerplan.migration ORDER BY at, name").compactMap { $0.first ?? nil }
    }

    /// Nil when the database holds this careerplan's schema; else what to do, in words. Staff
    /// read the list of migrations from v8 on; a database older than that cannot show it to them.
    public static func outdatedSchema(_ link: PostgresLink) -> String? {
        let url = link.url.description
        // One round trip at every staff start-up; a database without the table, or one that does not let staff
        // read it (before v8), reads as older.
        let last = try? link.value("SELECT name FROM careerplan.migration ORDER BY at DESC, name DESC LIMIT 1")
        if last == PostgresSchema.version { return nil }
        guard let last, PostgresSchema.migrations.contains(where: { $0.name == last }) else {
            if let last {
                return "\(url) holds a newer careerplan schema (\(last)) than this program knows (\(PostgresSchema.version)): install the newer careerplan"
            }
            return """
                \(url) holds an older careerplan schema than this program needs (\(PostgresSchema.version)).
                The database's administrator brings it up to date (only what is missing runs):
                    careerplan init --db \(url) --admin LOGIN
                """
        }
        return """
            \(url) holds careerplan's schema as of \(last); this program needs \(PostgresSchema.version).
            The database's administrator brings it up to date (only what is missing runs):
                careerplan init --db \(url) --admin LOGIN
            """
    }

    /// Adds a staff member: their row and their login role in their role's
    /// group (peer authentication on the local socket maps their
    /// operating-system account to it; from another host they sign in with
    /// a password or certificate the DBA sets).
    public static func addStaff(_ s: Staff, _ link: PostgresLink) throws {
        try link.rows("SELECT careerplan.add_staff($1::jsonb)", [String(decoding: try JSONEncoder().encode(s), as: UTF8.self)])
    }

    public static func setRole(_ login: String, to role: Role, _ link: PostgresLink) throws {
        try link.rows("SELECT careerplan.set_staff_role($1, $2)", [login, role.rawValue])
    }

    /// Everyone on the staff list, as the server lets this member read it.
    public static func staff(_ link: PostgresLink) throws -> [Staff] {
        try link.rows("SELECT body::text FROM careerplan.staff ORDER BY login").compactMap { r in
            try r[0].map { try JSONDecoder().decode(Staff.self, from: Data($0.utf8)) }
        }
    }

    /// Gives the due writer (v12-due-writer) a new random password and its login; returns the password.
    /// The same secret becomes the writer's key, with which careerplan shows a session is its own (v16):
    /// from now on members write records through careerplan only. The statement is kept out of the
    /// server's log, which would otherwise hold the password as sent.
    public static func renewDueWriter(_ link: PostgresLink) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let password = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        try link.transaction {
            try link.run("""
                SET LOCAL log_statement = 'none';
                SET LOCAL log_min_duration_statement = -1;
                ALTER ROLE \(PostgresSchema.dueWriter) LOGIN PASSWORD '\(password)';
                INSERT INTO careerplan.write_key (key) VALUES ('\(password)') ON CONFLICT (one) DO UPDATE SET key = EXCLUDED.key;
                """)
        }
        return password
    }

    /// Whether the database has the writer's key (`renewDueWriter` since v16): then members write records
    /// through careerplan only.
    public static func hasWriterKey(_ link: PostgresLink) throws -> Bool {
        try link.value("SELECT (count(*) = 1)::text FROM careerplan.write_key") == "true"
    }

    /// The first row whose hash does not follow from the one before, or nil when the whole trail holds.
    public static func firstBrokenAuditRow(_ link: PostgresLink) throws -> Int64? {
        try link.value("SELECT careerplan.audit_first_broken()::text").flatMap { Int64($0) }
    }
}

extension PostgresRefusal {
    static func plain(_ message: String, doing: String) -> PostgresRefusal {
        PostgresRefusal(code: nil, message: message, doing: doing)
    }
}
