import Foundation
import GRDB
import GRDBSQLite

/// The triggers that write the audit trail and keep the derived tables (the
/// due items' marks, the search's and the dashboard's tallies), installed by
/// each connection as it writes for the first time, for itself alone (TEMP
/// triggers), since migration v29-triggers-per-connection.
///
/// Why: SQLite parses every trigger in the file whenever a connection opens,
/// including the one that only reads the first page. These 131 triggers
/// (about 50 KB of SQL, most of it the audit's column lists) were the largest
/// part of start-up after exec (issue 28). A connection that writes installs
/// them in its first write's transaction, so a write never runs without them,
/// and a transaction that fails takes them with it, to be installed again.
///
/// What stays in the file: the rules that refuse a change (the audit trail and
/// case notes append-only, barriers never deleted, signatures and dictionaries
/// never changed), and a guard on every audited table and on the search's
/// words that names `function`: another program on the file, or a careerplan
/// from before v29 (which lack it, and so lack these triggers too), can
/// change none of those tables.
enum ConnectionTriggers {
    /// The tables whose every change the audit trail records (the migrations' audited set at v28). A table
    /// added later joins this list, and its migration gives it its guard (`addGuard(on:)`).
    static let audited = [
        "application", "application_amendment", "assessment", "barrier", "barrier_correction", "basic_skills_screening",
        "case_note", "caseload_handoff", "certification", "covering", "customer", "dismissal", "duplicate_decision",
        "eligibility_document", "exit_record", "follow_up_decline", "gsa", "guardian_request", "other_program_service",
        "outcome", "pause", "plan", "plan_copy", "plan_version", "referral", "setting", "signature", "staff",
    ]

    /// The tables only careerplan may change: the audited ones, and the search's words, whose tallies a
    /// trigger keeps with careerplan's own function.
    static let guarded = audited + ["customer_word"]

    /// The last trigger `install` makes: when it is there, so is every other (one transaction made them).
    private static let lastInstalled = "audit_\(audited.last!)_delete"

    /// Before a write's first statement, inside its transaction: this connection's triggers, made if missing.
    static func ensure(_ db: Database) throws {
        let installed = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM temp.sqlite_master WHERE name = ?)")
        if try Bool.fetchOne(installed, arguments: [lastInstalled]) != true { try install(db) }
    }

    /// Drops this connection's triggers, so its next write makes them all again: a migration that rebuilds a table
    /// they are on takes theirs with the old table (a connection migrates before it writes, so this is for one that
    /// wrote first, as a test's does).
    static func forget(_ db: Database) throws {
        for name in try String.fetchAll(db, sql: "SELECT name FROM temp.sqlite_master WHERE type = 'trigger'") {
            try db.execute(sql: "DROP TRIGGER temp.\(name.quotedDatabaseIdentifier)")
        }
    }

    /// Every trigger, for this connection: the derived tables' first, then the audit's, as one script (each
    /// CREATE changes the schema, and reading the schema between them was half of the 17 ms this took).
    static func install(_ db: Database) throws {
        let audit = try audited.map { AuditTriggers.sql(on: $0, columns: try AuditTriggers.columns(of: $0, db), temporary: true) }
        try db.execute(sql: (derived.map(temporary) + audit).joined(separator: "\n"))
    }

    /// The derived tables' triggers, each a whole statement, as the migrations made them in the file.
    static var derived: [String] {
        [DueTriggers.all, DueCodes.tally, SearchWords.schema, WordTally.schema, IDSearch.schema, AuditTriggers.entry]
            .flatMap(triggers(in:))
    }

    /// The statements of `script` that create a trigger, whole (SQLite itself says where a statement ends).
    static func triggers(in script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            if sqlite3_complete(current) != 0 {
                // Without the comment lines before it.
                let statement = current.split(separator: "\n").drop { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
                    .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                if statement.hasPrefix("CREATE TRIGGER ") { statements.append(statement) }
                current = ""
            }
        }
        return statements
    }

    /// A file's trigger as this connection's own.
    static func temporary(_ statement: String) -> String {
        "CREATE TEMP TRIGGER " + statement.dropFirst("CREATE TRIGGER ".count)
    }

    /// Migration v29: the triggers out of the file, the guards in. The rules that refuse a change stay.
    static func migrate(_ db: Database) throws {
        let inFile = Set(try String.fetchAll(db, sql: "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_' || tbl_name || '_insert'"))
        // None when they were moved already (a migration run again, as a test of an older file does).
        guard inFile.isEmpty || inFile == Set(audited) else {
            throw DatabaseError(message: "the file's audited tables are not the ones careerplan knows: \(inFile.sorted())")
        }
        let moved = Set(derived.map(name(of:)) + audited.flatMap { t in ["insert", "update", "delete"].map { "audit_\(t)_\($0)" } })
        for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name") where moved.contains(name) {
            try db.execute(sql: "DROP TRIGGER \(name)")
        }
        for table in guarded { try addGuard(on: table, db) }
    }

    /// `careerplan_makes_triggers()` in SQL, registered by every connection of a careerplan that makes these
    /// triggers, and named by the file's guards. Not `careerplan_actor()`: a careerplan from before v29, left
    /// running while the file is upgraded, has that one and not these triggers, and must not write unaudited.
    static let function = DatabaseFunction("careerplan_makes_triggers", argumentCount: 0, pure: true) { _ in nil }

    /// The file's guard on `table`: a statement that would change it compiles only where `function` is,
    /// which is where this connection's triggers are made before it writes.
    static func addGuard(on table: String, _ db: Database) throws {
        for event in ["INSERT", "UPDATE", "DELETE"] {
            // The function is looked up when a statement that fires this is compiled; it is never called.
            try db.execute(sql: """
                CREATE TRIGGER IF NOT EXISTS careerplan_only_\(table)_\(event.lowercased()) BEFORE \(event) ON \(table)
                BEGIN SELECT careerplan_makes_triggers() WHERE 0; END;
                """)
        }
    }

    /// The name a CREATE TRIGGER statement gives.
    static func name(of statement: String) -> String {
        String(statement.dropFirst("CREATE TRIGGER ".count).prefix { !$0.isWhitespace })
    }
}
