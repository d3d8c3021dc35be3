import Domain
import Foundation
import GRDB

/// The audit trail's hash chain in the file: every audit row carries the
/// link of the row before it (`prev_hash`) and its own (`hash`), computed
/// by `careerplan_chain()` inside the same INSERT, so the chain is as
/// complete as the trail. The schema refuses updates, deletes and rows
/// without a link; `verifyAudit` finds what was done around it.
enum AuditChain {
    /// The row's fields in the order they are hashed.
    static let columns = ["at", "login", "entity", "customer_id", "row_key", "action", "old", "new"]

    /// `careerplan_chain(prev, at, login, entity, customer_id, row_key, action, old, new)`.
    static let function = DatabaseFunction("careerplan_chain", argumentCount: 9, pure: true) { values in
        let previous = text(values[0]) ?? AuditLink.genesis
        return AuditLink.hash(previous: previous, fields: values.dropFirst().map(text))
    }

    /// A stored value as the chain hashes it: integers in decimal, NULL as nil.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob(let b): b.base64EncodedString()
        }
    }

    /// The last link, for the next row.
    static let lastLink = "(SELECT hash FROM audit ORDER BY id DESC LIMIT 1)"

    /// An INSERT of one audit row from SQL expressions for its fields
    /// (`columns`, in order), chained to the row before.
    static func insert(_ values: [String]) -> String {
        let names = columns.joined(separator: ", ")
        let aliased = zip(values, columns).map { "\($0) AS \($1)" }.joined(separator: ", ")
        return """
            INSERT INTO audit (\(names), prev_hash, hash)
            SELECT \(names), \(lastLink), careerplan_chain(\(lastLink), \(names)) FROM (SELECT \(aliased))
            """
    }

    /// Adds the chain to a file from before it: links for the rows already
    /// there, oldest first, and the schema's refusals.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit ADD COLUMN prev_hash TEXT;
            ALTER TABLE audit ADD COLUMN hash TEXT;
            DROP TRIGGER audit_is_append_only;
            """)
        var previous = AuditLink.genesis
        let rows = try Row.fetchAll(db, sql: "SELECT id, \(columns.joined(separator: ", ")) FROM audit ORDER BY id")
        for row in rows {
            let fields = columns.map { text(row[$0] as DatabaseValue) }
            let hash = AuditLink.hash(previous: previous, fields: fields)
            try db.execute(sql: "UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?",
                           arguments: [previous == AuditLink.genesis ? nil : previous, hash, row["id"] as Int64])
            previous = hash
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_is_append_only BEFORE UPDATE ON audit BEGIN
                SELECT RAISE(ABORT, 'the audit trail is never changed');
            END;
            CREATE TRIGGER audit_is_never_deleted BEFORE DELETE ON audit BEGIN
                SELECT RAISE(ABORT, 'the audit trail is never deleted');
            END;
            CREATE TRIGGER audit_is_chained BEFORE INSERT ON audit
            WHEN NEW.hash IS NULL OR NEW.prev_hash IS NOT \(lastLink) BEGIN
                SELECT RAISE(ABORT, 'an audit row is added only by careerplan, chained to the one before');
            END;
            """)
    }
}

/// What `careerplan audit --verify` found.
public struct AuditVerification: Sendable {
    public var rows: Int
    /// The last row's id and link: keep it elsewhere to catch rows cut off the end.
    public var head: (id: Int64, hash: String)?
    /// The first row that does not match, and how; nil when the chain holds.
    public var problem: String?

    public var intact: Bool { problem == nil }

    public init(rows: Int, head: (id: Int64, hash: String)?, problem: String?) {
        self.rows = rows
        self.head = head
        self.problem = problem
    }

    /// "audit chain head: #1234 9f86d0…" as printed by backup and audit --verify.
    public var headLine: String {
        guard let head else { return "audit chain head: none (no audited writes yet)" }
        return "audit chain head: #\(head.id) \(head.hash)"
    }
}

extension CaseloadStore {
    /// Walks the whole audit trail in order and checks every link; with an
    /// anchor (a head printed earlier), also that its row still holds it.
    public func verifyAudit(anchor: (id: Int64, hash: String)? = nil, by user: Staff?) throws -> AuditVerification {
        try Self.permit(.readAudit, by: user)
        return try read { db in
            var result = AuditVerification(rows: 0, head: nil, problem: nil)
            var previous: (id: Int64, hash: String)?
            var anchorSeen = false
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT id, prev_hash, hash, \(AuditChain.columns.joined(separator: ", ")) FROM audit ORDER BY id
                """)
            while let row = try cursor.next() {
                let id: Int64 = row["id"]
                let stored: String? = row["hash"]
                let link: String? = row["prev_hash"]
                result.rows += 1
                let expectedPrevious = previous?.hash
                if link != expectedPrevious {
                    result.problem = previous.map { p in
                        id == p.id + 1 ? "row #\(id) does not follow row #\(p.id): a row was changed, inserted or moved here"
                            : "rows #\(p.id + 1)…#\(id - 1) are missing: deleted, or row #\(id) was inserted"
                    } ?? "row #\(id) is not the first row: the rows before it were deleted"
                    return result
                }
                let fields = AuditChain.columns.map { AuditChain.text(row[$0] as DatabaseValue) }
                guard let stored, stored == AuditLink.hash(previous: link ?? AuditLink.genesis, fields: fields) else {
                    result.problem = "row #\(id) was changed after it was written (its contents no longer match its hash)"
                    return result
                }
                if let anchor, anchor.id == id {
                    anchorSeen = true
                    if anchor.hash != stored {
                        result.problem = "row #\(id) is not the row the anchor names: the trail up to it was rewritten"
                        return result
                    }
                }
                previous = (id, stored)
            }
            result.head = previous
            if let anchor, !anchorSeen {
                result.problem = "row #\(anchor.id) of the anchor is gone: the trail was cut back to #\(previous?.id ?? 0)"
            }
            return result
        }
    }

    /// The chain's last row, for the backup to print.
    public func auditHead() throws -> AuditVerification {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
            let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0
            return AuditVerification(rows: rows, head: row.flatMap { r in (r["hash"] as String?).map { (r["id"] as Int64, $0) } },
                                     problem: nil)
        }
    }
}
