import Foundation
import Glibc

/// A throw-away PostgreSQL cluster from the distribution's packages, for
/// the tests and the benchmarks: data and socket in a temporary directory,
/// no TCP port, run by the `postgres` account (the server refuses root),
/// peer authentication with a map that lets root sign in as the superuser
/// `postgres` (the DBA), every other account as its own role. Stopped and
/// removed when it goes. Needs root and the `postgresql` package.
public final class ScratchCluster {
    public let directory: String
    public let database: String
    /// The port (of the socket, and of 127.0.0.1 when `tcp`).
    public let port: Int
    /// With `tcp`: the certificate authority the server's certificate is signed by (PEM).
    public let caFile: String?
    private let bin: String

    /// The server's programs, when the distribution's package is installed.
    public static var binaries: String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted { Int($0) ?? 0 > Int($1) ?? 0 }
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }

    /// Whether one can start here; the reason in words when not.
    public static var whyNot: String? {
        if getuid() != 0 { return "needs root: it runs a PostgreSQL server as the postgres account" }
        if binaries == nil || getpwnam("postgres") == nil { return "needs the postgresql package (scripts/setup installs it)" }
        return nil
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// With `tcp`, the server also listens on 127.0.0.1 with TLS only (a
    /// certificate for "localhost" from a throw-away authority) and asks
    /// members of `by_certificate` for a client certificate from that
    /// authority naming them (`clientCertificate(for:)`), every other role
    /// for its password (SCRAM); a plain TCP connection is refused.
    public init(database: String = "careerplan", tcp: Bool = false) throws {
        guard Self.whyNot == nil, let bin = Self.binaries else { throw Failure(description: Self.whyNot ?? "no PostgreSQL") }
        self.bin = bin
        self.database = database
        port = tcp ? Int.random(in: 20_000...40_000) : 5432
        directory = NSTemporaryDirectory() + "careerplan-pg-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        caFile = tcp ? directory + "/ca.pem" : nil
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.run("/bin/chown", ["postgres", directory])
        try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", bin + "/initdb", "-D", directory + "/data", "-U", "postgres",
                                           "--auth-local=peer", "--auth-host=reject", "-E", "UTF8", "--locale=C.UTF-8"])
        // The due writer signs in by password, as a state's pg_hba.conf has it (docs/postgresql.md).
        var hba = "local all \(PostgresSchema.dueWriter) scram-sha-256\nlocal all all peer map=os\n"
        var options = "-k \(directory) -c port=\(port) -c listen_addresses=''"
        if tcp {
            try makeCertificates()
            hba += "hostssl all +by_certificate 127.0.0.1/32 cert\nhostssl all all 127.0.0.1/32 scram-sha-256\n"
                + "host all all 127.0.0.1/32 reject\n"
            options = "-k \(directory) -c port=\(port) -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=\(directory)/server.crt "
                + "-c ssl_key_file=\(directory)/server.key -c ssl_ca_file=\(directory)/ca.pem"
        }
        try hba.write(toFile: directory + "/data/pg_hba.conf", atomically: false, encoding: .utf8)
        try "os root postgres\nos /^(.*)$ \\1\n".write(toFile: directory + "/data/pg_ident.conf", atomically: false, encoding: .utf8)
        try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", bin + "/pg_ctl", "-D", directory + "/data", "-w", "-l",
                                           directory + "/server.log", "-o", options, "start"])
        try Self.run("/usr/bin/psql", ["-h", directory, "-p", String(port), "-U", "postgres", "-d", "postgres", "-X", "-q", "-c",
                                       "CREATE DATABASE \(database)"])
        if tcp { try superuser().run("CREATE ROLE by_certificate NOLOGIN") }
    }

    deinit {
        try? Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", bin + "/pg_ctl", "-D", directory + "/data", "-m", "immediate",
                                            "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The database's address for an account signing in as itself, or as `user`.
    public func url(user: String? = nil) -> PostgresURL {
        try! PostgresURL(parsing: "postgresql://\(user.map { $0 + "@" } ?? "")/\(database)?host=\(directory)&port=\(port)")
    }

    /// A throw-away authority and a certificate for "localhost" signed by it, the key the server's alone.
    private func makeCertificates() throws {
        let d = directory
        try "subjectAltName=DNS:localhost\n".write(toFile: d + "/san.ext", atomically: false, encoding: .utf8)
        try Self.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/ca.key", "-out", d + "/ca.pem",
                                          "-days", "2", "-subj", "/CN=careerplan test authority"])
        try Self.run("/usr/bin/openssl", ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/server.key", "-out", d + "/server.csr",
                                          "-subj", "/CN=localhost"])
        try Self.run("/usr/bin/openssl", ["x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.pem", "-CAkey", d + "/ca.key",
                                          "-CAcreateserial", "-out", d + "/server.crt", "-days", "2", "-extfile", d + "/san.ext"])
        try Self.run("/bin/chown", ["postgres", d + "/server.key", d + "/server.crt"])
        try Self.run("/bin/chmod", ["600", d + "/server.key"])
    }

    /// A client certificate naming `role`, signed by the cluster's authority,
    /// and its key (the running account's alone): PEM files' paths.
    public func clientCertificate(for role: String) throws -> (certificate: String, key: String) {
        let base = directory + "/client-" + role
        try Self.run("/usr/bin/openssl", ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", base + ".key", "-out", base + ".csr",
                                          "-subj", "/CN=\(role)"])
        try Self.run("/usr/bin/openssl", ["x509", "-req", "-in", base + ".csr", "-CA", directory + "/ca.pem", "-CAkey",
                                          directory + "/ca.key", "-CAcreateserial", "-out", base + ".crt", "-days", "2"])
        try Self.run("/bin/chmod", ["600", base + ".key"])
        return (base + ".crt", base + ".key")
    }

    /// The DBA's connection (root as the superuser).
    /// The due writer's address with a new password (after `init`), as `careerplan init --due-writer-file` writes it.
    public func dueWriter() throws -> PostgresURL {
        try PostgresURL(parsing: url().signingIn(as: PostgresSchema.dueWriter, password: try PostgresAdmin.renewDueWriter(try superuser())))
    }

    public func superuser() throws -> PostgresLink { try PostgresLink(url(user: "postgres"), account: "root") }

    /// The installed schema's server clock fixed at `moment` ("2026-11-23T16:30:00Z"), as the tests fix
    /// careerplan's: the days and moments a member's writes stamp are checked against it (v15).
    public func pinCalendar(at moment: String) throws {
        try superuser().rows("UPDATE careerplan.calendar SET pinned_now = $1::timestamptz", [moment])
    }

    /// Runs a program and waits for it (posix_spawn and waitpid: Foundation's
    /// Process can miss the exit of a program whose child, the server, lives on).
    private static func run(_ path: String, _ args: [String]) throws {
        let log = NSTemporaryDirectory() + "careerplan-pg-run-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "\(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0 && (status >> 8) & 0xff == 0
        guard exited else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure(description: "\(path) \(args.joined(separator: " ")): \(text)")
        }
    }
}
