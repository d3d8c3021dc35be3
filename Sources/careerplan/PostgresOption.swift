import ArgumentParser
import Domain
import PostgresStore

/// `--db postgresql://…`: the commands that work on a state's PostgreSQL
/// connect as the account running them; the server decides what that account may do (docs/postgresql.md).
enum PostgresOption {
    /// The address when `--db` (or CAREERPLAN_DB, or the center's configuration) names PostgreSQL.
    static func url(_ dataFile: DataFileOption) throws -> PostgresURL? { try url(dataFile.resolved()) }

    /// The address when the data file named is one (`PostgresURL.names`).
    static func url(_ text: String) throws -> PostgresURL? {
        guard PostgresURL.names(text) else { return nil }
        do { return try PostgresURL(parsing: text) } catch { throw ValidationFailure("\(error)") }
    }

    /// A connection as the running account (or the URL's user), with the
    /// server's refusal in words. The center's service group is given up
    /// first: the database, not a file, holds the data, and the password
    /// file and client key the address names are read with the user's own rights.
    static func connect(_ url: PostgresURL) throws -> PostgresLink {
        Privilege.dropForGood()
        do { return try PostgresLink(url, account: LocalContext.account().login) } catch { throw ValidationFailure("\(error)") }
    }

    /// A staff member's caseload, signed in as their own role, with the due writer's address when this
    /// installation holds one for that database (read with the service group, before it is given up).
    static func workingCaseload(_ url: PostgresURL) throws -> (caseload: PostgresCaseload, user: Staff) {
        let writer = try DueWriterFile.address(for: url)
        let link = try connectToWork(url)
        let caseload = PostgresCaseload(link: link, dueWriter: writer)
        guard let user = try caseload.staff(login: link.role) else {
            throw ValidationFailure("""
                the database role "\(link.role)" is not on the staff list of \(url).
                Ask an administrator to run: careerplan staff add \(link.role) --name "Your Name" --role planner --db \(url)
                """)
        }
        return (caseload, user)
    }

    /// A staff member's connection, refused in words when the database's schema is not this program's.
    static func connectToWork(_ url: PostgresURL) throws -> PostgresLink {
        let link = try connect(url)
        if let outdated = PostgresAdmin.outdatedSchema(link) { throw ValidationFailure(outdated) }
        return link
    }

    /// Runs `body`, turning the server's refusal into the command's message.
    static func run(_ body: () throws -> String) throws {
        do { Output.text(try body() + "\n") } catch let refusal as PostgresRefusal { throw ValidationFailure("\(refusal)") }
    }

    /// What the commands that work on a data file only say to a PostgreSQL address.
    static func notYet(_ what: String) -> ValidationFailure {
        ValidationFailure("""
            \(what) works on a data file only. On PostgreSQL: back up with the database's own tools (pg_dump, \
            or base backups with WAL archiving); move a center's file in with careerplan migrate; try it on a synthetic \
            caseload with careerplan seed (docs/postgresql.md)
            """)
    }
}
