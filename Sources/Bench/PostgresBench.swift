import Domain
import Foundation
import Glibc
import PostgresStore
import Store

/// The same caseloads moved into PostgreSQL (a throw-away cluster each, on
/// a socket in a temporary directory) and measured as the file is: the real
/// binary started as an operating-system account that is the database's
/// administrator, search and the dashboard in process as the members the
/// server knows (SET ROLE: row-level security applies).
enum PostgresBench {
    /// The bench's own account, made for the run and removed after it.
    static let account = "cpbench"

    /// The server's major version, from where the distribution installs it (/usr/lib/postgresql/15/bin).
    static var version: String { ScratchCluster.binaries?.split(separator: "/").dropLast().last.map(String.init) ?? "?" }

    struct Database {
        let cluster: ScratchCluster
        /// Seconds to load the export and compute every customer's due items, in one transaction, then settle the tables.
        let loadSeconds: Double
        var url: String { "postgresql:///\(cluster.database)?host=\(cluster.directory)&port=\(cluster.port)" }
    }

    /// A cluster holding the data file at `path`, moved in as `migrate` moves
    /// one (in pieces of 5,000 customers), with the bench's account an administrator.
    static func database(movedFrom path: String) throws -> Database {
        let file = try CaseloadStore(path: path, actor: "bench")
        defer { try? file.close() }
        guard let admin = try file.administrators().first else { throw BenchError("\(path) has no administrator") }
        let cluster = try ScratchCluster()
        let dba = try cluster.superuser()
        try PostgresAdmin.install(dba)
        let t0 = Date()
        try dba.transaction {
            let load = try Transfer.Load(into: dba)
            try file.exportPieces(by: admin, customersPerPiece: 5_000) { try load.add($0) }
            _ = try load.finish(what: "the bench's caseload")
            try PostgresCaseload(link: dba).refreshAllDue()
        }
        try Transfer.settle(dba)
        let load = Date().timeIntervalSince(t0)
        try PostgresAdmin.addStaff(Staff(login: account, name: "Bench Admin", initials: "BA", role: .administrator), dba)
        return Database(cluster: cluster, loadSeconds: load)
    }

    /// The command that starts careerplan as the bench's account on `database`.
    static func command(_ binary: String, on database: Database) -> String {
        "/usr/bin/setpriv --reuid=\(account) --regid=\(account) --init-groups /usr/bin/env HOME=/tmp \(binary) --db '\(database.url)'"
    }

    /// The caseload as the server shows it to `login` (the DBA's connection, SET ROLE to the member).
    static func caseload(_ database: Database, as login: String) throws -> PostgresCaseload {
        let link = try database.cluster.superuser()
        try link.run("SET ROLE \"\(login)\"")
        return PostgresCaseload(link: link)
    }

    /// Makes the bench's account (a system account with no home and no shell) for the run.
    static func addAccount() {
        if getpwnam(account) == nil {
            spawnAndWait(["/usr/sbin/useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", account])
        }
    }

    static func removeAccount() { spawnAndWait(["/usr/sbin/userdel", account]) }
}
