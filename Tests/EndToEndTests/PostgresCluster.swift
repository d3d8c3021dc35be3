import Foundation
import PostgresStore
import Testing

/// The throw-away cluster the benchmarks and store tests use
/// (`ScratchCluster`: data and socket in a temporary directory, no TCP,
/// peer authentication, root the DBA as `postgres`), with what the
/// end-to-end tests give the real binary and psql: addresses as text.
final class PostgresCluster {
    let scratch: ScratchCluster

    static var canRun: Bool { ScratchCluster.whyNot == nil }

    init() throws { scratch = try ScratchCluster() }

    /// The address careerplan is given: each account as itself.
    var url: String { "postgresql:///\(scratch.database)?host=\(scratch.directory)" }
    /// The database's administrator's address (root signs in as the superuser).
    var dbaURL: String { "postgresql://postgres@/\(scratch.database)?host=\(scratch.directory)" }

    /// SQL as the cluster's superuser: the database's administrator.
    @discardableResult
    func psql(_ sql: String) throws -> String {
        let (out, status) = try TmuxSession.runWithStatus("/usr/bin/psql", ["-U", "postgres"] + psqlArguments(sql) + ["-v", "ON_ERROR_STOP=1"])
        try #require(status == 0, "psql \(sql): \(out)")
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// psql's arguments for `sql` as whichever account runs it.
    func psqlArguments(_ sql: String) -> [String] {
        ["-h", scratch.directory, "-d", scratch.database, "-X", "-q", "-t", "-A", "-c", sql]
    }
}
