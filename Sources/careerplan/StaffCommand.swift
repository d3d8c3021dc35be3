import ArgumentParser
import Domain
import Foundation
import Store

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "The staff list: who may use the data file, in which role.",
        discussion: "Runs as your account: adding staff and changing roles needs an administrator; handing a caseload over, a supervisor or administrator.",
        subcommands: [Add.self, List.self, SetRole.self, HandOff.self],
        defaultSubcommand: List.self
    )

    /// Opens the file and signs in the account running the command.
    static func open(_ dataFile: DataFileOption) throws -> (CaseloadStore, Staff?) {
        let store = try dataFile.open()
        let me = LocalContext.account()
        return (store, try store.signIn(login: me.login, fullName: me.fullName))
    }

    static func run(_ dataFile: DataFileOption, _ body: (CaseloadStore, Staff?) throws -> String) throws {
        let (store, user) = try open(dataFile)
        defer { try? store.close() }
        do { print(try body(store, user)) } catch let error as StoreError { throw ValidationFailure("\(error)") }
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
            try StaffCommand.run(dataFile) { store, _ in
                let staff = try store.staff()
                let width = max(5, staff.map(\.login.count).max() ?? 5)
                return staff.map { s in
                    s.login.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + s.initials.padding(toLength: 3, withPad: " ", startingAt: 0)
                        + "  " + s.role.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0) + "  "
                        + String(s.name.unicodeScalars.filter { $0.properties.generalCategory != .control })
                }.joined(separator: "\n")
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
            try StaffCommand.run(dataFile) { store, user in
                let n = try store.handOff(from: from, to: to, reason: reason, by: user, today: LocalContext.today())
                return "\(n) customers moved from \(from) to \(to)"
            }
        }
    }
}
