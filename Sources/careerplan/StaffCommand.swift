import ArgumentParser
import Domain
import Foundation
import PostgresStore
import Store

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "The staff list: who may use the data file, in which role.",
        discussion: "Runs as your account: adding staff and changing roles needs an administrator; handing a caseload over or letting a planner cover another's, a supervisor or administrator.",
        subcommands: [Add.self, List.self, SetRole.self, HandOff.self, Cover.self, Deactivate.self, Reactivate.self],
        defaultSubcommand: List.self
    )

    /// A date option as the forms take it (or "today"), else a message naming the option.
    static func day(_ text: String, option name: String, today: Day) throws -> Day {
        if text == "today" { return today }
        guard let day = Day(parsing: text) else { throw ValidationFailure("--\(name) \"\(text)\" is not a date (\(Day.acceptedFormats))") }
        return day
    }

    static func run(_ dataFile: DataFileOption, _ body: (CaseloadStore, Staff) throws -> String) throws {
        let (store, user) = try dataFile.signIn()
        defer { try? store.close() }
        do { Output.text(try body(store, user) + "\n") } catch let error as StoreError { throw ValidationFailure("\(error)") }
    }

    /// The staff list and who works whose customers, on either store, as the account running the command.
    static func signedIn(_ dataFile: DataFileOption, _ body: (any StaffChanges, Staff) throws -> String) throws {
        let (caseload, user, close) = try dataFile.signInCaseload()
        defer { close() }
        guard let store = caseload as? any StaffChanges else { throw PostgresOption.notYet("this command") }
        do { Output.text(try body(store, user) + "\n") } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        } catch let refusal as PostgresRefusal {
            throw ValidationFailure("\(refusal)")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account to the staff list.")
        @Argument(help: ArgumentHelp("Their operating-system account.", valueName: "LOGIN")) var login: String
        @Option(help: "Their full name, as they sign.") var name: String
        @Option(help: ArgumentHelp("One of: \(Role.names).", valueName: "ROLE")) var role: String
        @Option(help: "Initials for the caseload (default: from the name).") var initials: String?
        @Option(help: "Phone, shown to customers on their copy of the plan.") var phone: String?
        @Option(help: "E-mail, shown to customers on their copy of the plan.") var email: String?
        @OptionGroup var dataFile: DataFileOption

        func run() throws {
            guard let role = Role(rawValue: role) else { throw ValidationFailure("--role must be one of: \(Role.names)") }
            if let url = try PostgresOption.url(dataFile) {
                let link = try PostgresOption.connect(url)
                return try PostgresOption.run {
                    let s = Staff(login: login, name: name, initials: initials ?? Staff.initials(of: name), role: role,
                                  phone: phone, email: email)
                    try PostgresAdmin.addStaff(s, link)
                    return "added \(s.login) (\(s.name)) as \(s.role.name) to \(url), with a database role of their own"
                }
            }
            try StaffCommand.run(dataFile) { store, user in
                let s = try store.addStaff(Staff(login: login, name: name, initials: initials ?? Staff.initials(of: name),
                                                 role: role, phone: phone, email: email), by: user)
                return "added \(s.login) (\(s.name)) as \(s.role.name) to \(store.path)"
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Everyone on the staff list.")
        @OptionGroup var dataFile: DataFileOption

        func run() throws {
            try StaffCommand.signedIn(dataFile) { store, _ in
                let staff = try store.staff()
                let width = max(5, staff.map(\.login.count).max() ?? 5)
                let list = staff.map { s in
                    s.login.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + s.initials.padding(toLength: 3, withPad: " ", startingAt: 0)
                        + "  " + s.role.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0) + "  " + s.name
                        + (s.leftOn.map { " (left \($0): \(s.leftReason ?? ""))" } ?? "")
                }
                let covers = try store.coverings(from: LocalContext.today(), login: nil).map { c in
                    "\(c.login) covers \(c.forLogin) from \(c.from) to \(c.until): \(c.reason) (granted by \(c.grantedBy))"
                }
                return (list + (covers.isEmpty ? [] : ["", "Covering:"] + covers.map { "  " + $0 })).joined(separator: "\n")
            }
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change a staff member's role.")
        @Argument(help: ArgumentHelp("Their account.", valueName: "LOGIN")) var login: String
        @Argument(help: ArgumentHelp("One of: \(Role.names).", valueName: "ROLE")) var role: String
        @OptionGroup var dataFile: DataFileOption

        func run() throws {
            guard let role = Role(rawValue: role) else { throw ValidationFailure("ROLE must be one of: \(Role.names)") }
            if let url = try PostgresOption.url(dataFile) {
                let link = try PostgresOption.connect(url)
                return try PostgresOption.run {
                    try PostgresAdmin.setRole(login, to: role, link)
                    return "\(login) is now \(role.name)"
                }
            }
            try StaffCommand.run(dataFile) { store, user in
                try store.setRole(login, to: role, by: user)
                return "\(login) is now \(role.name)"
            }
        }
    }

    struct HandOff: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hand-off",
                                                        abstract: "Give every customer of one planner to another, with the reason recorded.")
        @Argument(help: ArgumentHelp("The planner whose caseload moves.", valueName: "FROM")) var from: String
        @Argument(help: ArgumentHelp("The planner who takes it.", valueName: "TO")) var to: String
        @Option(help: "Why, e.g. \"covering while on leave until 2027-01-05\".") var reason: String
        @OptionGroup var dataFile: DataFileOption

        func run() throws {
            try StaffCommand.signedIn(dataFile) { store, user in
                let n = try store.handOff(from: from, to: to, reason: reason, by: user, today: LocalContext.today())
                return "\(n) customers moved from \(from) to \(to)"
            }
        }
    }

    struct Cover: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let a planner open and work another planner's customers for a while (leave, absence).",
            discussion: "Outside a cover, a career planner reaches only their own customers and those no planner has taken on yet. "
                + "--until today ends a running cover tonight.")
        @Argument(help: ArgumentHelp("The planner who covers.", valueName: "LOGIN")) var login: String
        @Option(name: .customLong("for"), help: ArgumentHelp("The planner whose caseload they cover.", valueName: "LOGIN")) var forLogin: String
        @Option(help: ArgumentHelp("First day (YYYY-MM-DD); default today.", valueName: "DATE")) var from: String?
        @Option(help: ArgumentHelp("Last day, included (YYYY-MM-DD, or \"today\").", valueName: "DATE")) var until: String
        @Option(help: "Why, e.g. \"Wei on leave\"; not needed to end a cover early.") var reason: String?
        @OptionGroup var dataFile: DataFileOption

        func run() throws {
            let today = LocalContext.today()
            let first = try from.map { try StaffCommand.day($0, option: "from", today: today) } ?? today
            let last = try StaffCommand.day(until, option: "until", today: today)
            try StaffCommand.signedIn(dataFile) { store, user in
                let running = try store.coverings(from: today, login: nil).contains { $0.login == login && $0.forLogin == forLogin && $0.runs(on: today) }
                if reason == nil, running {
                    let n = try store.endCover(login, for: forLogin, on: last, by: user)
                    return "\(login)'s cover of \(forLogin) now ends \(last)" + (n == 0 ? " (it already did)" : "")
                }
                let c = try store.cover(Covering(login: login, forLogin: forLogin, from: first, until: last,
                                                 reason: reason ?? "", grantedBy: ""), by: user)
                return "\(c.login) covers \(c.forLogin)'s customers from \(c.from) to \(c.until)"
            }
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a staff member who left: they no longer sign in; their notes, signatures and history stay.",
            discussion: "A career planner who still has customers is refused unless --hand-off-to names the planner who takes them "
                + "(moved in the same transaction, the reason recorded). Their covers end that day. staff reactivate undoes it.")
        @Argument(help: ArgumentHelp("Their account.", valueName: "LOGIN")) var login: String
        @Option(help: "Why, e.g. \"left the agency\".") var reason: String
        @Option(help: ArgumentHelp("Their last day (\(Day.acceptedFormats)); default today.", valueName: "DATE")) var on: String?
        @Option(name: .customLong("hand-off-to"), help: ArgumentHelp("The planner who takes their customers.", valueName: "LOGIN"))
        var handOffTo: String?
        @OptionGroup var dataFile: DataFileOption

        func run() throws {
            let today = LocalContext.today()
            let day = try on.map { try StaffCommand.day($0, option: "on", today: today) } ?? today
            try StaffCommand.signedIn(dataFile) { store, user in
                let moved = try store.deactivate(login, on: day, reason: reason, handOffTo: handOffTo, by: user)
                return "\(login) left on \(day); they no longer sign in, their records stay"
                    + (handOffTo.map { "; \(Plural.count(moved, "customer")) moved to \($0)" } ?? "")
            }
        }
    }

    struct Reactivate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bring back a staff member marked as left.")
        @Argument(help: ArgumentHelp("Their account.", valueName: "LOGIN")) var login: String
        @OptionGroup var dataFile: DataFileOption

        func run() throws {
            try StaffCommand.signedIn(dataFile) { store, user in
                try store.reactivate(login, by: user)
                return "\(login) may sign in again"
            }
        }
    }
}
