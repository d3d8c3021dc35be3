import ArgumentParser
import Domain
import PostgresStore

/// `--db postgresql://…`: the commands that work on a state's PostgreSQL
/// today (init, staff add, list, set-role) connect as the account running
/// them; the server decides what that account may do (docs/postgresql.md).
enum PostgresOption {
    /// The address when `--db` (or CAREERPLAN_DB, or the center's configuration) names PostgreSQL.
    static func url(_ dataFile: DataFileOption) throws -> PostgresURL? {
        let text = dataFile.resolved()
        guard PostgresURL.names(text) else { return nil }
        do { return try PostgresURL(parsing: text) } catch { throw ValidationFailure("\(error)") }
    }

    /// A connection as the running account (or the URL's user), with the server's refusal in words.
    static func connect(_ url: PostgresURL) throws -> PostgresLink {
        do { return try PostgresLink(url, account: LocalContext.account().login) } catch { throw ValidationFailure("\(error)") }
    }

    /// Runs `body`, turning the server's refusal into the command's message.
    static func run(_ body: () throws -> String) throws {
        do { Output.text(try body() + "\n") } catch let refusal as PostgresRefusal { throw ValidationFailure("\(refusal)") }
    }

    /// What the rest of careerplan says on PostgreSQL until its store is there (issue 27).
    static func notYet(_ what: String) -> ValidationFailure {
        ValidationFailure("""
            \(what) does not work on PostgreSQL yet: careerplan init, staff add, staff list and staff set-role do; \
            the screens and the other commands use a data file for now (docs/postgresql.md)
            """)
    }
}
