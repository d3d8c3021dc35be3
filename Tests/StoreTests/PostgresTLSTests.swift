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
}
