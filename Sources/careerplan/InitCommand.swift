import ArgumentParser
import Domain
import Foundation
import Glibc
import PostgresStore
import Store

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new data file; its creator (or --admin, as root) is its administrator.",
        discussion: """
            Every other command refuses a path where there is no careerplan data file, so a typo never \
            makes a new one. The center's configured data file (careerplan.conf) is created by root: \
            sudo careerplan init --admin LOGIN. It is shared with the configured group (mode 660); \
            any other new file is readable by you only (600). Given a postgresql:// address (the database's \
            administrator, a superuser), it installs careerplan's schema, roles and rules, or runs the migrations a \
            newer careerplan brings, and names the first administrator; --due-writer-file gives the due writer \
            a new password, which is also the key without which the server takes no record from a member's \
            session (docs/postgresql.md).
            """
    )

    @OptionGroup var dataFile: DataFileOption
    @Option(help: ArgumentHelp("As root: the account that administers the new file.", valueName: "LOGIN"))
    var admin: String?
    @Option(help: "The administrator's full name (default: from the account).")
    var name: String?
    @Option(help: ArgumentHelp("""
        On PostgreSQL: give the due writer a new password (also the key careerplan proves its sessions with) \
        and write its address to FILE (mode 600), for root to install on every host as \
        careerplan-due-writer.conf beside careerplan.conf (docs/postgresql.md).
        """, valueName: "FILE"))
    var dueWriterFile: String?

    func run() throws {
        if let url = try PostgresOption.url(dataFile) { return try initPostgres(url) }
        let path = dataFile.resolved()
        let isRoot = getuid() == 0
        if Privilege.isSetGroupID, Center.isConfiguredDataFile(path), !isRoot {
            throw ValidationFailure("the center's data file \(path) is created by root: sudo careerplan init --admin YOUR-LOGIN")
        }
        var account = LocalContext.account()
        if let admin {
            guard isRoot || admin == account.login else {
                throw ValidationFailure("only root names another account as administrator; without --admin you administer the file")
            }
            guard let other = LocalContext.account(named: admin) else {
                throw ValidationFailure("there is no account \"\(admin)\" on this machine")
            }
            account = other
        }
        let store = try DataFileOption.open(path: path, mode: .create)
        defer { try? store.close() }
        let staff: Staff
        do { staff = try store.claimAdministration(login: account.login, fullName: name ?? account.fullName) } catch {
            throw ValidationFailure("\(error)")
        }
        let group = Center.isConfiguredDataFile(path) ? Center.config?.group : nil
        Output.text("""
            created \(path) (\(group.map { "shared with group \($0), mode 660" } ?? "readable by you only, mode 600"))
            administrator: \(staff.login) (\(staff.name)); add everyone else with careerplan staff add

            """)
    }

    /// On a state's PostgreSQL: the roles, schema and rules, then the first administrator.
    private func initPostgres(_ url: PostgresURL) throws {
        guard let admin else {
            throw ValidationFailure("name the first administrator: careerplan init --db \(url) --admin LOGIN --name \"Full Name\"")
        }
        let link = try PostgresOption.connect(url)
        try PostgresOption.run {
            let ran = try PostgresAdmin.install(link)
            let existing = try PostgresAdmin.staff(link).first { $0.login == admin }
            let fullName = existing?.name ?? name ?? LocalContext.account(named: admin)?.fullName ?? admin
            if existing == nil {
                try PostgresAdmin.addStaff(Staff(login: admin, name: fullName, initials: Staff.initials(of: fullName),
                                                 role: .administrator), link)
            }
            var writer = ""
            if let dueWriterFile {
                // The file first: a password renewed with nowhere to write it would lock every host's writer out.
                let fd: Int32
                do { fd = try NewFile.create(dueWriterFile) } catch let failure as NewFile.Failure {
                    throw ValidationFailure(failure.exists ? "\(dueWriterFile) exists already: remove it, or name a new file"
                                                           : "\(failure)")
                }
                defer { close(fd) }
                let password: String
                do { password = try PostgresAdmin.renewDueWriter(link) } catch {
                    unlink(dueWriterFile)
                    throw error
                }
                let text = Array("""
                    # careerplan's due writer for \(url) (docs/postgresql.md, "Who writes the due items").
                    # Install on every host beside careerplan.conf, as root: install -o root -g GROUP -m 0640 FILE \
                    PREFIX/etc/careerplan-due-writer.conf
                    address = \(url.signingIn(as: PostgresSchema.dueWriter, password: password))

                    """.utf8)
                guard write(fd, text, text.count) == text.count else {
                    throw ValidationFailure("""
                        cannot write \(dueWriterFile): the due writer's password was renewed; run init with \
                        --due-writer-file again to a new file
                        """)
                }
                writer = """
                    the due writer has a new password, in \(dueWriterFile): install it on every host as \
                    careerplan-due-writer.conf beside careerplan.conf (root's, group the center's, mode 0640); \
                    it is also the key careerplan proves its sessions with, so a host without it can read but not save
                    """
            } else if try !PostgresAdmin.hasWriterKey(link) {
                writer = """
                    staff do not write the due table: careerplan signs in as \(PostgresSchema.dueWriter) for that, and \
                    members may write records outside careerplan until it has a password (the key careerplan proves its \
                    sessions with). Give it one: careerplan init --db \(url) --admin \(admin) --due-writer-file FILE
                    """
            }
            return """
                \(ran.isEmpty ? "\(url) already holds careerplan's schema (\(PostgresSchema.version))"
                                : "installed careerplan's schema in \(url): \(ran.joined(separator: ", "))")
                administrator: \(admin) (\(fullName)), a database role of their own; add everyone else with careerplan staff add
                """ + (writer.isEmpty ? "" : "\n" + writer)
        }
    }
}
