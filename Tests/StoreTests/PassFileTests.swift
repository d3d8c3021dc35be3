import PostgresStore
import Testing

/// The password file read as libpq reads it, so one `~/.pgpass` serves psql and careerplan.
struct PassFileTests {
    let file = PassFile(parsing: """
        # the state's database, by host
        db.state.example:5432:careerplan:mrivera:first\\:half\\\\rest
        db.state.example:*:careerplan:*:anyone-on-any-port
        *:6543:*:mrivera:wildcard-host:ignored-after-colon
        localhost:5432:careerplan:wchen:by-socket
        too:few:fields
        """)

    @Test func theFirstMatchingLineGivesThePassword() {
        #expect(file.password(hosts: ["db.state.example"], port: 5432, database: "careerplan", user: "mrivera") == "first:half\\rest")
        #expect(file.password(hosts: ["db.state.example"], port: 5433, database: "careerplan", user: "mrivera") == "anyone-on-any-port")
        #expect(file.password(hosts: ["db.state.example"], port: 5432, database: "careerplan", user: "wchen") == "anyone-on-any-port")
    }

    @Test func wildcardsAndTheEndOfThePassword() {
        #expect(file.password(hosts: ["elsewhere"], port: 6543, database: "x", user: "mrivera") == "wildcard-host")
        #expect(file.password(hosts: ["elsewhere"], port: 6543, database: "x", user: "wchen") == nil)
    }

    @Test func theLocalSocketMatchesLocalhost() {
        #expect(file.password(hosts: ["localhost", "/var/run/postgresql"], port: 5432, database: "careerplan", user: "wchen") == "by-socket")
        #expect(file.password(hosts: ["/tmp/pg"], port: 5432, database: "careerplan", user: "wchen") == nil)
    }

    @Test func commentsAndShortLinesAreSkipped() {
        #expect(PassFile(parsing: "# a:b:c:d:e\ntoo:few\n").password(hosts: ["a"], port: 0, database: "c", user: "d") == nil)
        #expect(PassFile(parsing: "#x\n").password(hosts: ["#x"], port: 0, database: "", user: "") == nil)
    }
}
