import Foundation
import PostgresStore
import Testing

/// From another host the connection is TCP: encrypted, and the server's
/// certificate checked against the authority given (the default), or
/// refused; a server that takes TLS only refuses a plain connection.
@Suite(.serialized, .enabled(if: ScratchCluster.whyNot == nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"),
                             "PostgreSQL over TLS: \(ScratchCluster.whyNot ?? "needs openssl")"))
struct PostgresTLSTests {
    @Test func overTCPTheConnectionIsEncryptedAndTheServerChecked() throws {
        let cluster = try ScratchCluster(tcp: true)
        let ca = try #require(cluster.caFile)
        try cluster.superuser().run("CREATE ROLE remote LOGIN PASSWORD 'correct horse battery staple'")
        func url(_ query: String) throws -> PostgresURL {
            try PostgresURL(parsing: "postgresql://remote:correct%20horse%20battery%20staple@localhost:\(cluster.port)/careerplan\(query)")
        }
        let link = try PostgresLink(try url("?sslrootcert=\(ca)"), account: "nobody")
        #expect(try link.value("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()") == "true")
        #expect(try url("").sslMode == .verifyFull)
        // The system's authorities do not know this server: refused, as a stranger's would be.
        #expect(throws: PostgresRefusal.self) { try PostgresLink(try url(""), account: "nobody") }
        // Encrypted without checking, when asked for plainly.
        #expect(try PostgresLink(try url("?sslmode=require"), account: "nobody").value("SELECT 1::text") == "1")
        // A plain connection: the server refuses it.
        #expect(throws: PostgresRefusal.self) { try PostgresLink(try url("?sslmode=disable"), account: "nobody") }
        #expect(throws: PostgresURL.Problem.self) { try url("?sslmode=allow") }
    }

    /// A home directory of its own, with files only its owner may read.
    private func home() throws -> String {
        let home = NSTemporaryDirectory() + "careerplan-home-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        try FileManager.default.createDirectory(atPath: home + "/.postgresql", withIntermediateDirectories: true)
        return home
    }

    private func write(_ text: String, to path: String, mode: Int) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    @Test func aClientCertificateSignsInWithoutAPassword() throws {
        let cluster = try ScratchCluster(tcp: true)
        let ca = try #require(cluster.caFile)
        try cluster.superuser().run("CREATE ROLE certified LOGIN IN ROLE by_certificate")
        let base = "postgresql://certified@localhost:\(cluster.port)/careerplan?sslrootcert=\(ca)"
        let address = try PostgresURL(parsing: base)
        let own = try cluster.clientCertificate(for: "certified")
        let named = try PostgresURL(parsing: base + "&sslcert=\(own.certificate)&sslkey=\(own.key)")
        #expect(try PostgresLink(named, account: "nobody", home: nil, environment: [:]).role == "certified")
        // Without a certificate the server will not take this role at all.
        #expect(throws: PostgresRefusal.self) { try PostgresLink(address, account: "nobody", home: nil, environment: [:]) }
        // Another member's certificate does not name this role.
        let other = try cluster.clientCertificate(for: "someone-else")
        let home = try home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.copyItem(atPath: other.certificate, toPath: home + "/.postgresql/postgresql.crt")
        try FileManager.default.copyItem(atPath: other.key, toPath: home + "/.postgresql/postgresql.key")
        #expect(throws: PostgresRefusal.self) { try PostgresLink(address, account: "nobody", home: home, environment: [:]) }
        // Its own, where libpq looks by default.
        for file in ["crt", "key"] { try FileManager.default.removeItem(atPath: home + "/.postgresql/postgresql." + file) }
        try FileManager.default.copyItem(atPath: own.certificate, toPath: home + "/.postgresql/postgresql.crt")
        try write(try String(contentsOfFile: own.key, encoding: .utf8), to: home + "/.postgresql/postgresql.key", mode: 0o600)
        #expect(try PostgresLink(address, account: "nobody", home: home, environment: [:]).role == "certified")
        // A key others may read is refused before anything is sent.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: home + "/.postgresql/postgresql.key")
        let exposed = #expect(throws: PostgresRefusal.self) { try PostgresLink(address, account: "nobody", home: home, environment: [:]) }
        #expect(exposed?.description.contains("chmod 600") == true)
        // A certificate named but missing is said so.
        let missing = try PostgresURL(parsing: base + "&sslcert=/nonexistent.crt")
        let said = #expect(throws: PostgresRefusal.self) { try PostgresLink(missing, account: "nobody", home: nil, environment: [:]) }
        #expect(said?.description.contains("/nonexistent.crt does not exist") == true)
    }

    @Test func thePasswordFileGivesThePasswordItsOwnerAlone() throws {
        let cluster = try ScratchCluster(tcp: true)
        let ca = try #require(cluster.caFile)
        try cluster.superuser().run("CREATE ROLE remote LOGIN PASSWORD 'colon:and\\backslash'")
        let base = "postgresql://remote@localhost:\(cluster.port)/careerplan?sslrootcert=\(ca)"
        let address = try PostgresURL(parsing: base)
        let home = try home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let noPassword = #expect(throws: PostgresRefusal.self) { try PostgresLink(address, account: "nobody", home: home, environment: [:]) }
        #expect(noPassword?.description.contains("~/.pgpass") == true)
        try write("localhost:\(cluster.port):careerplan:remote:colon\\:and\\\\backslash\n", to: home + "/.pgpass", mode: 0o600)
        #expect(try PostgresLink(address, account: "nobody", home: home, environment: [:]).role == "remote")
        // Another file, named in the address or by PGPASSFILE.
        try FileManager.default.moveItem(atPath: home + "/.pgpass", toPath: home + "/state.pass")
        #expect(try PostgresLink(address, account: "nobody", home: home, environment: ["PGPASSFILE": home + "/state.pass"]).role == "remote")
        let named = try PostgresURL(parsing: base + "&passfile=\(home)/state.pass")
        #expect(try PostgresLink(named, account: "nobody", home: nil, environment: [:]).role == "remote")
        // A file others may read is passed over, and the refusal says why.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: home + "/state.pass")
        let open = #expect(throws: PostgresRefusal.self) { try PostgresLink(named, account: "nobody", home: nil, environment: [:]) }
        #expect(open?.description.contains("others may read it") == true)
    }
}
