import App
import ArgumentParser
import Domain
import Foundation
import PostgresStore
import Store
import TerminalKit

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the caseload in the terminal (the default command)."
    )

    @OptionGroup var dataFile: DataFileOption
    @OptionGroup var theme: ThemeOption

    /// How planners start it (no arguments, as a login shell does, or `--db PATH` and `--theme NAME`,
    /// each once), read without swift-argument-parser: parsing builds every argument's definition by
    /// reflection first, about 2 ms of a 20 ms start, and even the command's own option groups cost the
    /// runtime a tenth of a millisecond to make. Anything else, a mistake included, is parsed.
    static func plain(_ arguments: [String]) -> Opening? {
        var values: [String: String] = [:]
        var rest = arguments[...]
        while let name = rest.popFirst() {
            let pair = name.split(separator: "=", maxSplits: 1).map(String.init)
            guard ["--db", "--theme"].contains(pair[0]), values[pair[0]] == nil else { return nil }
            if pair.count == 2 {
                values[pair[0]] = pair[1]
            } else if let value = rest.popFirst(), !value.hasPrefix("-") {
                values[pair[0]] = value
            } else {
                return nil
            }
        }
        return Opening(dataFile: values["--db"], theme: values["--theme"])
    }

    var opening: Opening { Opening(dataFile: dataFile.path, theme: theme.theme) }

    func run() throws { try opening.run() }
}

/// The caseload opened as asked: the data file and the theme named (`--db`, `--theme`) or found.
struct Opening {
    var dataFile: String?
    var theme: String?

    func run() throws {
        let path = DataFileOption.resolved(dataFile)
        if let url = try PostgresOption.url(path) { return try Launcher.run(postgres: url, theme: ThemeOption.load(theme)) }
        let store = try DataFileOption.open(path: path, mode: .existing)
        try Launcher.run(store: store, theme: ThemeOption.load(theme))
    }
}

struct ThemeOption: ParsableArguments {
    @Option(help: ArgumentHelp("Color theme: default, high-contrast, monochrome, or a file path.",
                               valueName: "NAME"))
    var theme: String?

    /// --theme, else $CAREERPLAN_THEME, else monochrome under NO_COLOR, else default.
    func load() throws -> Theme { try Self.load(theme) }

    static func load(_ theme: String?) throws -> Theme {
        let env = ProcessInfo.processInfo.environment
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        let name = theme ?? env["CAREERPLAN_THEME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (noColor ? "monochrome" : "default")
        do {
            let exe = LocalContext.executablePath()
            let loaded = try ThemeFile.load(name, environment: env, executable: exe)
            return noColor ? loaded.withoutColor : loaded
        } catch where noColor && theme == nil && env["CAREERPLAN_THEME"].map(\.isEmpty) ?? true {
            // NO_COLOR asks for less, never for a file: without the monochrome
            // theme installed, the built-in colors are taken away instead.
            return Theme.builtIn.withoutColor
        } catch {
            throw ValidationFailure("theme: \(error)")
        }
    }
}

/// Signs the user in, starts curses, runs the screens, restores the terminal.
enum Launcher {
    /// `login` is the running account unless the demo's `--as` names one of
    /// its staff; `today` the real date unless the demo's `--today` sets it.
    static func run(store: CaseloadStore, theme: Theme, as login: String? = nil, today: Day? = nil) throws {
        let login = login ?? LocalContext.account().login
        let session: Session
        do {
            // An account not on the staff list sees nothing of the caseload.
            let user = try DataFileOption.signIn(store, as: login)
            session = try Session(store: store, login: login, user: user, today: today ?? LocalContext.today())
            // Whoever opens the file first on a day exits those past their automatic-exit date.
            if !store.isReadOnly { try store.applyAutomaticExits(today: session.today, matrix: try session.loadMatrix()) }
        } catch let failure as ValidationFailure {
            throw failure
        } catch let problem as ServicesMatrix.Problem {
            throw ValidationFailure("\(problem)")
        } catch {
            throw ValidationFailure("\(store.path): \(error)")
        }
        try run(session, caseload: store, theme: theme)
        try? store.close()
    }

    /// A state's PostgreSQL: signed in as the database role the server
    /// gave this account (peer authentication), which must be on the staff list.
    static func run(postgres url: PostgresURL, theme: Theme) throws {
        let (caseload, user) = try PostgresOption.workingCaseload(url)
        let session: Session
        do {
            session = try Session(store: caseload, login: user.login, user: user, today: LocalContext.today())
            // Whoever opens first on a day exits those past their automatic-exit date (in their reach).
            if user.role.may(.caseWork) { try caseload.applyAutomaticExits(today: session.today, matrix: try session.loadMatrix()) }
        } catch let failure as ValidationFailure {
            throw failure
        } catch {
            throw ValidationFailure("\(url): \(error)")
        }
        try run(session, caseload: caseload, theme: theme)
    }

    /// Starts curses, runs the screens over `caseload`, restores the terminal.
    private static func run(_ session: Session, caseload store: any Caseload, theme: Theme) throws {
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal(theme: theme) } catch {
            throw ValidationFailure("\(error)")
        }
        let home = ProcessInfo.processInfo.environment["HOME"]
        // A planner with anything overdue starts on the dashboard; Esc shows the caseload.
        let caseload = CaseloadScreen(session: session)
        let overdue = (try? caseload.counts?.get())?.overdue ?? 0
        let loop = AppLoop(root: caseload, above: overdue > 0 ? [DashboardScreen(session: session)] : [],
                           store: store, terminal: terminal,
                           titleRight: session.dataFileLabel(home: home) + " · " + session.userLabel,
                           drafts: DraftKeeper(store: store))
        // The services matrix is read once the first screen is up (the caseload and the dashboard do not
        // use it); a malformed one stops the program there, before any key is read.
        let quit: Bool
        do { quit = try loop.run(afterFirstPaint: { try session.loadMatrix() }) } catch {
            terminal.end()
            throw ValidationFailure("\(error)")
        }
        // Input ends when the connection drops (SIGHUP) or on SIGTERM: keep what was typed.
        if !quit { loop.keepDrafts() }
        terminal.end()
    }
}
