import ArgumentParser
import Domain
import Foundation
import Store
import Synthetic

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open a demo caseload (created on first use, reused after).",
        discussion: """
            The demo file is ~/.local/share/careerplan/demo.sqlite unless --db says otherwise; it is never your real caseload. \
            You administer it; --as LOGIN tries it as one of its staff instead (dbrooks front desk, mrivera or tnguyen \
            career planner, asantos supervisor), in the demo file only. --today DATE runs the demo as if it were that day \
            (a new demo file is built around it): to show a deadline's edge, or to repeat a walk-through day after day.
            """
    )

    @Option(name: .customLong("db"), help: ArgumentHelp("The demo data file.", valueName: "PATH"))
    var path: String?
    @Option(name: .customLong("as"), help: ArgumentHelp("Sign in to the demo as one of its staff, to try that role.", valueName: "LOGIN"))
    var login: String?
    @Option(help: ArgumentHelp("Run the demo as if today were DATE (YYYY-MM-DD or MM/DD/YYYY); the demo file only.", valueName: "DATE"))
    var today: String?
    @OptionGroup var theme: ThemeOption

    static let demoSize = 48

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let path = path ?? DataFileOption.dataDirectory(env) + "/demo.sqlite"
        if Center.isConfiguredDataFile(path) {
            throw ValidationFailure("\(path) is the center's data file; the demo never uses it (leave out --db for the demo's own file)")
        }
        var day: Day?
        if let today {
            guard let parsed = Day(parsing: today) else {
                throw ValidationFailure("--today must be a date (\(Day.acceptedFormats)), found \"\(today)\"")
            }
            day = parsed
        }
        let store = try DataFileOption.open(path: path, mode: .createOrOpen, actor: login, today: day)
        let hasStaff = try !store.staff().isEmpty
        if hasStaff, try store.count(CaseloadFilter()) == 0 {
            try? store.close()
            throw ValidationFailure("\(path) has a staff list but no customers: it is not a demo file, and the demo fills only a new one (choose another --db)")
        }
        if !hasStaff {
            let caseload = SyntheticCaseload(seed: 1, today: day ?? LocalContext.today())
            var staff = caseload.staff
            let me = LocalContext.account()
            if !staff.contains(where: { $0.login == me.login }) {
                staff.append(Staff(login: me.login, name: me.fullName,
                                   initials: Staff.initials(of: me.fullName), role: .administrator))
            }
            try store.insert(staff: staff)
            try store.fill(from: caseload, 1...Self.demoSize)
        }
        if let login { try Self.checkDemoStaff(login, in: store) }
        try Launcher.run(store: store, theme: theme.load(), as: login, today: day)
    }

    /// `--as` names someone of the demo's own staff list who still works
    /// there; anyone else is refused with the choices.
    private static func checkDemoStaff(_ login: String, in store: CaseloadStore) throws {
        let demoLogins = Set(SyntheticCaseload(seed: 1, today: LocalContext.today()).staff.map(\.login))
        let staff = try store.staff()
        if let member = staff.first(where: { $0.login == login }), demoLogins.contains(login), member.isActive { return }
        let choices = staff.filter { demoLogins.contains($0.login) && $0.isActive }
            .map { "\($0.login) (\($0.role.name.lowercased()))" }.joined(separator: ", ")
        try? store.close()
        throw ValidationFailure("--as \(login): not one of the demo's staff; choose one of \(choices)")
    }
}
