import ArgumentParser
import Domain
import Foundation
import Store

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open a demo caseload (created on first use, reused after).",
        discussion: "The demo file is ~/.local/share/careerplan/demo.sqlite unless --db says otherwise; it is never your real caseload."
    )

    @Option(name: .customLong("db"), help: ArgumentHelp("The demo data file.", valueName: "PATH"))
    var path: String?
    @OptionGroup var theme: ThemeOption

    static let demoSize = 48

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let path = path ?? DataFileOption.dataDirectory(env) + "/demo.sqlite"
        if Center.isConfiguredDataFile(path) {
            throw ValidationFailure("\(path) is the center's data file; the demo never uses it (leave out --db for the demo's own file)")
        }
        let store = try DataFileOption.open(path: path, mode: .createOrOpen)
        let hasStaff = try !store.staff().isEmpty
        if hasStaff, try store.count(CaseloadFilter()) == 0 {
            try? store.close()
            throw ValidationFailure("\(path) has a staff list but no customers: it is not a demo file, and the demo fills only a new one (choose another --db)")
        }
        if !hasStaff {
            let caseload = SyntheticCaseload(seed: 1, today: LocalContext.today())
            var staff = caseload.staff
            let me = LocalContext.account()
            if !staff.contains(where: { $0.login == me.login }) {
                staff.append(Staff(login: me.login, name: me.fullName,
                                   initials: Staff.initials(of: me.fullName), role: .administrator))
            }
            try store.insert(staff: staff)
            try store.fill(from: caseload, 1...Self.demoSize)
        }
        try Launcher.run(store: store, theme: theme.load())
    }
}
