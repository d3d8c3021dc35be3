import Domain
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Who is writing, for the audit triggers: every write through a store
/// records this login. Nil while bulk-loading a synthetic caseload or an
/// import, which is recorded as one entry instead of one per row.
final class AuditActor: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?

    init(_ login: String?) { value = login }

    var login: String? {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }

    /// The operating-system account running the program.
    static func osLogin() -> String {
        if let pw = getpwuid(getuid()) { return String(cString: pw.pointee.pw_name) }
        return "uid\(getuid())"  // never $USER: the user sets it
    }

    /// `careerplan_actor()` in SQL: the audit triggers call it on the writing connection.
    func function() -> DatabaseFunction {
        DatabaseFunction("careerplan_actor", argumentCount: 0, pure: false) { [self] _ in login }
    }
}

/// The audit triggers: after every insert, update and delete on a table, a
/// row in `audit` with the time, the login, the entity, the customer it
/// belongs to and the row before and after as JSON. Written by SQLite
/// itself, so no write path can forget it.
enum AuditTriggers {
    static let stamp = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

    /// In the file, as the migrations up to v28 made them.
    static func install(on table: String, _ db: Database) throws {
        // Files from before the hash chain or the entry view (an old migration running) get the insert of their day.
        let chained = try db.columns(in: "audit").contains { $0.name == "hash" }
        let viaEntry = try db.viewExists("audit_entry")
        try db.execute(sql: sql(on: table, columns: try columns(of: table, db), chained: chained, viaEntry: viaEntry))
    }

    /// The columns of `table`, in order.
    static func columns(of table: String, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
    }

    /// The three triggers of `table` (`temporary`: a connection's own, `ConnectionTriggers`, on a file that has
    /// the chain and the entry view), each dropped first where one may be there already.
    static func sql(on table: String, columns: [String], chained: Bool = true, viaEntry: Bool = true,
                    temporary: Bool = false) -> String {
        let names = Set(columns)
        func object(_ row: String) -> String {
            // A packed body is recorded as the JSON it holds (PackedBodies).
            "json_object(" + columns.map {
                PackedBodies.columns[table] == $0 ? "'\($0)', careerplan_body(\(row).\"\($0)\")" : "'\($0)', \(row).\"\($0)\""
            }.joined(separator: ", ") + ")"
        }
        func customer(_ row: String) -> String {
            table == "customer" ? "\(row).id" : names.contains("customer_id") ? "\(row).customer_id" : "NULL"
        }
        func key(_ row: String) -> String {
            switch table {
            case "staff": "\(row).login"
            case "setting": "\(row).key"
            case "plan_version": "\(row).customer_id || ':' || \(row).version"
            case "dismissal": "\(row).item_key"
            default: names.contains("id") ? "\(row).id" : names.contains("customer_id") ? "\(row).customer_id" : "NULL"
            }
        }
        return [("insert", "NULL", object("NEW"), "NEW"), ("update", object("OLD"), object("NEW"), "NEW"),
                ("delete", object("OLD"), "NULL", "OLD")].map { action, old, new, row in
            // An update that changed nothing is no entry (the entry view's trigger asks, once, for every table).
            let changed = action == "update" && !viaEntry ? " AND \(object("OLD")) IS NOT \(object("NEW"))" : ""
            // The entry (what the view takes), after the time and login (what its trigger stamps).
            let entry = ["'\(table)'", customer(row), key(row), "'\(action)'", old, new]
            let values = [stamp, "careerplan_actor()"] + entry
            let insert = viaEntry ? "INSERT INTO audit_entry VALUES (\(entry.joined(separator: ", ")))"
                : chained ? AuditChain.insert(values)
                : "INSERT INTO audit (at, login, entity, customer_id, row_key, action, old, new) VALUES (\(values.joined(separator: ", ")))"
            return """
                \(temporary ? "" : "DROP TRIGGER IF EXISTS audit_\(table)_\(action);")
                CREATE \(temporary ? "TEMP " : "")TRIGGER audit_\(table)_\(action) AFTER \(action.uppercased()) ON \(table)
                WHEN careerplan_actor() IS NOT NULL\(changed) BEGIN
                    \(insert);
                END;
                """
        }.joined(separator: "\n")
    }

    /// The view every audit trigger inserts its row's entry into (migration v25-audit-entry): its one
    /// trigger stamps the time and the login and chains the entry. Each table's triggers restated all
    /// of that, and SQLite parses every trigger when a connection opens: 87 of about 1 KB each were two
    /// thirds of the schema start-up parsed (issue 28).
    static let entry = """
        CREATE VIEW audit_entry (entity, customer_id, row_key, action, old, new) AS
            SELECT entity, customer_id, row_key, action, old, new FROM audit WHERE 0;
        CREATE TRIGGER audit_entry_insert INSTEAD OF INSERT ON audit_entry
        WHEN NEW.action IS NOT 'update' OR NEW.old IS NOT NEW.new BEGIN
            \(AuditChain.insert([stamp, "careerplan_actor()", "NEW.entity", "NEW.customer_id", "NEW.row_key", "NEW.action",
                                 "NEW.old", "NEW.new"]));
        END;
        """

    /// The tables with audit triggers (drafts, the due table and the search's tallies never have them).
    static func audited(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_' || tbl_name || '_insert' ORDER BY tbl_name
            """)
    }

    /// Every table but the audit itself, SQLite's and GRDB's own, and the
    /// search index (a virtual table and its shadow tables, rebuilt from customers).
    static func installAll(_ db: Database) throws {
        let virtual = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT IN ('audit', 'grdb_migrations') ORDER BY name
            """).filter { t in !virtual.contains { t == $0 || t.hasPrefix($0 + "_") } }
        for t in tables { try install(on: t, db) }
    }
}

extension Database {
    /// Runs one statement through the statement cache: the audit triggers
    /// make statements costly to compile, and writes repeat.
    func cached(sql: String, arguments: StatementArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
