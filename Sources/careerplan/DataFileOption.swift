import ArgumentParser
import Domain
import Foundation
import PostgresStore
import Store
import TerminalKit

/// `--db PATH`, else `$CAREERPLAN_DB`, else the center's configured data
/// file (SystemConfig), else the XDG data directory.
struct DataFileOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The data file (or a state's postgresql:// address: docs/postgresql.md).",
                                                        valueName: "PATH"))
    var path: String?

    func resolved(defaultName: String = "caseload.sqlite") -> String { Self.resolved(path, defaultName: defaultName) }

    static func resolved(_ path: String?, defaultName: String = "caseload.sqlite") -> String {
        if let path, !path.isEmpty { return path }
        let env = ProcessInfo.processInfo.environment
        if let path = env["CAREERPLAN_DB"], !path.isEmpty { return path }
        if let path = Center.config?.dataFile { return path }
        return Self.dataDirectory(env) + "/" + defaultName
    }

    static func dataDirectory(_ env: [String: String]) -> String {
        if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/careerplan" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.local/share/careerplan"
    }

    /// Opens an existing data file or exits with the store's own clear message.
    func open() throws -> CaseloadStore {
        try Self.open(path: resolved(), mode: .existing)
    }

    /// The caseload `--db` names, either store, with the account running the
    /// command signed in (on PostgreSQL the database role the server gave it),
    /// and how to close it.
    func signInCaseload() throws -> (caseload: any Caseload, user: Staff, close: () -> Void) {
        if let url = try PostgresOption.url(self) {
            let (caseload, user) = try PostgresOption.workingCaseload(url)
            return (caseload, user, {})
        }
        let (store, user) = try signIn()
        return (store, user, { try? store.close() })
    }

    /// Opens the file and signs in the account running the command; an
    /// account not on the staff list gets the same message from every command.
    func signIn() throws -> (store: CaseloadStore, user: Staff) {
        let store = try open()
        do {
            return (store, try Self.signIn(store))
        } catch {
            try? store.close()
            throw error
        }
    }

    static func signIn(_ store: CaseloadStore, as login: String? = nil) throws -> Staff {
        let account = login.map { (login: $0, fullName: $0) } ?? LocalContext.account()
        if let user = try store.signIn(login: account.login) { return user }
        let admins = try store.administrators().map { "\($0.login) (\($0.name))" }.joined(separator: ", ")
        throw ValidationFailure("""
            the account "\(account.login)" is not on the staff list of \(store.path).
            Ask an administrator (\(admins.isEmpty ? "none yet" : admins)) to run:
                careerplan staff add \(account.login) --name "Your Name" --role planner --db \(store.path)
            """)
    }

    /// `mode` says whether the file must exist (most commands), must not
    /// (init) or may be made (demo, seed). The center's configured file is
    /// shared with its group; any other file is its owner's alone.
    /// `actor` replaces the running account only for the demo's `--as`, and
    /// `today` the real date only for the demo's `--today`.
    static func open(path: String, mode: CaseloadStore.OpenMode, actor: String? = nil,
                     today: Day? = nil) throws -> CaseloadStore {
        if PostgresURL.names(path) { throw PostgresOption.notYet("this command") }
        do {
            return try Privilege.opening(path) {
                try CaseloadStore(path: path, actor: actor, today: { today ?? LocalContext.today() }, mode: mode,
                                  group: Center.isConfiguredDataFile(path) ? Center.config?.group : nil, readers: 1)
            }
        } catch {
            throw ValidationFailure("\(error)")
        }
    }
}

/// An error printed as "careerplan: message" with exit status 1; text from
/// the data file in it is shown escaped.
struct ValidationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message.terminalSafeLines }
}
