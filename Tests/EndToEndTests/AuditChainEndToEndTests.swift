import Foundation
import Testing

/// `careerplan audit --verify` on copies of a data file that someone with
/// the file itself (root, say) tampered with using the sqlite3 tool.
@Suite(.serialized) final class AuditChainEndToEndTests {
    let work: Workspace
    var binary: String { work.binary }
    var dir: String { work.dir }
    let db: String

    init() throws {
        work = try Workspace("careerplan-chain")
        db = work.dir + "/chain.sqlite"
        try TmuxSession.run(work.binary, ["seed", "--db", db, "--customers", "6", "--today", "2026-11-23"])
        for login in ["kpatel", "lgomez", "hkim"] {
            try TmuxSession.run(work.binary, ["staff", "add", login, "--name", login, "--role", "planner", "--db", db])
        }
        try TmuxSession.run(work.binary, ["staff", "set-role", "kpatel", "supervisor", "--db", db])
    }

    /// A copy of the file with `sql` run on it by the sqlite3 tool; what verify says of it.
    func verify(after sql: String, anchor: String? = nil) throws -> (output: String, status: Int32) {
        let copy = dir + "/copy-\(UUID().uuidString).sqlite"
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let (out, status) = try TmuxSession.runWithStatus("/usr/bin/sqlite3", [copy, sql])
        try #require(status == 0, "sqlite3: \(out)")
        return try TmuxSession.runWithStatus(binary, ["audit", "--verify", "--db", copy] + (anchor.map { ["--anchor", $0] } ?? []))
    }

    func head() throws -> String {
        let out = try TmuxSession.run(binary, ["audit", "--verify", "--db", db])
        let line = try #require(out.split(separator: "\n").first { $0.hasPrefix("audit chain head: #") })
        let parts = line.dropFirst("audit chain head: #".count).split(separator: " ")
        return "\(parts[0]):\(parts[1])"
    }

    @Test func theUntouchedTrailVerifies() throws {
        let (out, status) = try TmuxSession.runWithStatus(binary, ["audit", "--verify", "--db", db])
        #expect(status == 0 && out.contains("audit trail intact"), "\(out)")
        let anchored = try TmuxSession.runWithStatus(binary, ["audit", "--verify", "--db", db, "--anchor", try head()])
        #expect(anchored.status == 0, "\(anchored.output)")
    }

    @Test func theSchemaRefusesChangesDeletionsAndUnchainedRows() throws {
        for sql in ["UPDATE audit SET login = 'x' WHERE id = 2;", "DELETE FROM audit WHERE id = 2;",
                    "INSERT INTO audit (at, login, entity, action) VALUES ('2026-01-01T00:00:00Z', 'x', 'staff', 'insert');"] {
            let copy = dir + "/refuse-\(UUID().uuidString).sqlite"
            try FileManager.default.copyItem(atPath: db, toPath: copy)
            let (out, status) = try TmuxSession.runWithStatus("/usr/bin/sqlite3", [copy, sql])
            #expect(status != 0 && out.contains("the audit trail is never") || out.contains("only by careerplan"), "\(sql): \(out)")
        }
    }

    @Test func anEditedRowIsNamed() throws {
        let (out, status) = try verify(after: "DROP TRIGGER audit_is_append_only; UPDATE audit SET login = 'someone' WHERE id = 3;")
        #expect(status == 3 && out.contains("row #3 was changed after it was written"), "\(out)")
    }

    @Test func aDeletedRowIsNamed() throws {
        let (out, status) = try verify(after: "DROP TRIGGER audit_is_never_deleted; DELETE FROM audit WHERE id = 3;")
        #expect(status == 3 && out.contains("rows #3…#3 are missing"), "\(out)")
    }

    @Test func anInsertedRowIsNamed() throws {
        let (out, status) = try verify(after: """
            DROP TRIGGER audit_is_chained;
            INSERT INTO audit (at, login, entity, action, prev_hash, hash)
            VALUES ('2026-11-23T10:00:00Z', 'someone', 'staff', 'insert', (SELECT hash FROM audit ORDER BY id DESC LIMIT 1),
                    '0000000000000000000000000000000000000000000000000000000000000000');
            """)
        #expect(status == 3 && out.contains("was changed after it was written"), "\(out)")
    }

    @Test func reorderedRowsAreNamed() throws {
        let (out, status) = try verify(after: """
            DROP TRIGGER audit_is_append_only;
            UPDATE audit SET id = -3 WHERE id = 3; UPDATE audit SET id = 3 WHERE id = 4; UPDATE audit SET id = 4 WHERE id = -3;
            """)
        #expect(status == 3 && out.contains("row #3 does not follow row #2"), "\(out)")
    }

    @Test func rowsCutOffTheEndAreFoundWithTheHeadKeptElsewhere() throws {
        let anchor = try head()
        let cut = "DROP TRIGGER audit_is_never_deleted; DELETE FROM audit WHERE id >= (SELECT max(id) - 1 FROM audit);"
        let plain = try verify(after: cut)
        #expect(plain.status == 0, "without the anchor the shorter chain is whole: \(plain.output)")
        let (out, status) = try verify(after: cut, anchor: anchor)
        #expect(status == 3 && out.contains("of the anchor is gone: the trail was cut back"), "\(out)")
    }
}
