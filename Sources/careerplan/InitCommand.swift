import ArgumentParser
import Domain
import Foundation
import Glibc
import Store

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new data file; its creator (or --admin, as root) is its administrator.",
        discussion: """
            Every other command refuses a path where there is no careerplan data file, so a typo never \
            makes a new one. The center's configured data file (careerplan.conf) is created by root: \
            sudo careerplan init --admin LOGIN. It is shared with the configured group (mode 660); \
            any other new file is readable by you only (600).
            """
    )

    @OptionGroup var dataFile: DataFileOption
    @Option(help: ArgumentHelp("As root: the account that administers the new file.", valueName: "LOGIN"))
    var admin: String?
    @Option(help: "The administrator's full name (default: from the account).")
    var name: String?

    func run() throws {
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
}
