import Foundation
import Glibc
import Testing

/// A throw-away PostgreSQL cluster from the distribution's packages: its
/// data and its socket in a temporary directory, no TCP port, run by the
/// `postgres` account (the server refuses root). Peer authentication on
/// the socket: every account signs in as its own role, and root (this test
/// process, the DBA here) may also sign in as the superuser `postgres`, as
/// a pg_ident map lets a DBA. Stopped and removed when it goes.
final class PostgresCluster {
    let directory: String
    let database = "careerplan"

    /// The server's programs, when the distribution's package is installed.
    static var binaries: String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted { Int($0) ?? 0 > Int($1) ?? 0 }
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }

    static var canRun: Bool { CenterInstall.isRoot && binaries != nil && getpwnam("postgres") != nil }

    /// The address careerplan is given: each account as itself.
    var url: String { "postgresql:///\(database)?host=\(directory)" }
    /// The database's administrator's address (root signs in as the superuser).
    var dbaURL: String { "postgresql://postgres@/\(database)?host=\(directory)" }

    init(tag: String) throws {
        let bin = try #require(Self.binaries)
        directory = "/tmp/\(tag)-pg"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try run("/bin/chown", ["postgres", directory])
        try run("/usr/sbin/runuser", ["-u", "postgres", "--", bin + "/initdb", "-D", directory + "/data", "-U", "postgres",
                                      "--auth-local=peer", "--auth-host=reject", "-E", "UTF8", "--locale=C.UTF-8"])
        try "local all all peer map=os\n".write(toFile: directory + "/data/pg_hba.conf", atomically: false, encoding: .utf8)
        try "os root postgres\nos /^(.*)$ \\1\n".write(toFile: directory + "/data/pg_ident.conf", atomically: false,
                                                           encoding: .utf8)
        try run("/usr/sbin/runuser", ["-u", "postgres", "--", bin + "/pg_ctl", "-D", directory + "/data", "-w", "-l",
                                      directory + "/server.log", "-o", "-k \(directory) -c listen_addresses=''", "start"])
        try psql("CREATE DATABASE \(database)", database: "postgres")
    }

    deinit {
        if let bin = Self.binaries {
            _ = try? TmuxSession.runWithStatus("/usr/sbin/runuser", ["-u", "postgres", "--", bin + "/pg_ctl", "-D",
                                                                    directory + "/data", "-m", "immediate", "stop"])
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// SQL as the cluster's superuser (root): the database's administrator.
    @discardableResult
    func psql(_ sql: String, database: String? = nil) throws -> String {
        try run("/usr/bin/psql", ["-h", directory, "-U", "postgres", "-d", database ?? self.database, "-X", "-q", "-t", "-A",
                                  "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    /// psql's arguments for `sql` as whichever account runs it.
    func psqlArguments(_ sql: String) -> [String] {
        ["-h", directory, "-d", database, "-X", "-q", "-t", "-A", "-c", sql]
    }

    @discardableResult
    private func run(_ path: String, _ args: [String]) throws -> String {
        let (out, status) = try TmuxSession.runWithStatus(path, args)
        try #require(status == 0, "\(path) \(args.joined(separator: " ")): \(out)")
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
