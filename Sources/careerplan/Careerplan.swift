import ArgumentParser
import Foundation
import Glibc

@main
struct Careerplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "careerplan",
        abstract: "Career planning for workforce programs, in the terminal.",
        discussion: """
            With no command, opens the caseload on the data file: --db PATH, else $CAREERPLAN_DB, else \
            the data-file of careerplan.conf (PREFIX/etc/careerplan.conf beside the program), else \
            ~/.local/share/careerplan/caseload.sqlite. New data files are made with careerplan init. \
            A postgresql://[USER@][HOST][:PORT]/DATABASE address opens a state's PostgreSQL as your own \
            database role: on the local socket by your account; over TCP with TLS (?sslrootcert=CA.pem), \
            the password from ~/.pgpass (mode 600) or ?passfile=, or a client certificate from \
            ?sslcert=&sslkey= or ~/.postgresql/postgresql.crt and .key, as psql finds them (docs/postgresql.md).
            """,
        version: Version.text,
        subcommands: [OpenCommand.self, InitCommand.self, DemoCommand.self, SeedCommand.self,
                      ExportCommand.self, ImportCommand.self, ReportCommand.self, PlanCommand.self, StaffCommand.self,
                      AuditCommand.self, BackupCommand.self, MigrateCommand.self, ScreenshotCommand.self, KeysCommand.self,
                      ExitsCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Before any argument is read: the privilege and the environment
    /// (Privilege), the center's configuration, and the login-shell case.
    static func main() {
        Privilege.start()
        do { try Center.load() } catch { exit(withError: error) }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let shell = LoginShell(argv0: CommandLine.arguments.first ?? "", arguments: arguments) {
            shell.run()
        }
        dispatch(arguments)
    }

    /// The caseload, when no command is named (read by its own command, or without the parser at all:
    /// `OpenCommand.plain`); anything else through the root command.
    static func dispatch(_ arguments: [String]) {
        if opensTheCaseload(arguments), let open = OpenCommand.plain(arguments) ?? (try? OpenCommand.parse(arguments))?.opening {
            do { try open.run() } catch { exit(withError: error) }
            exit()
        }
        main(arguments)
    }

    /// No command named, and no help or version asked: the caseload opens,
    /// parsed by its own command alone. Parsing from the root builds every
    /// command's arguments by reflection first (about 3 ms of start-up);
    /// anything else, a mistake included, goes through the root as before.
    static func opensTheCaseload(_ arguments: [String]) -> Bool {
        let asks: Set<String> = ["-h", "--help", "-help", "--version", "--generate-completion-script", "--experimental-dump-help"]
        return (arguments.first.map { $0.hasPrefix("-") } ?? true) && !arguments.contains { asks.contains($0) }
    }
}

/// careerplan as a staff account's login shell, which is how the SSH
/// recipe gives a remote account careerplan and nothing else: sshd runs
/// the account's shell (as `careerplan -c COMMAND`, or `-careerplan` for a
/// login), so no `.bashrc` or `.profile` of the user's runs first.
/// Whatever command the client asked for, the account gets the caseload.
struct LoginShell {
    init?(argv0: String, arguments: [String]) {
        let name = (argv0 as NSString).lastPathComponent
        guard name.hasPrefix("-") || arguments.first == "-c" else { return nil }
    }

    func run() -> Never {
        guard isatty(0) == 1, isatty(1) == 1 else {
            FileHandle.standardError.write(Data("""
                careerplan: this account runs careerplan only, in a terminal; connect with ssh -t (no command is run)

                """.utf8))
            exit(1)
        }
        Careerplan.dispatch([])
        exit(0)
    }
}
