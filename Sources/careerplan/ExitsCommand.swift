import ArgumentParser
import Domain
import Foundation
import Store

struct ExitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exits",
        abstract: "Exit everyone past their automatic-exit date now (for cron, before the morning report).",
        discussion: "The program does this when it first opens on a day; this does it at night. Each exit is dated the last day of service in any program. Needs an account on the staff list."
    )

    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        let store = try dataFile.open()
        defer { try? store.close() }
        let me = LocalContext.account()
        guard try store.signIn(login: me.login, fullName: me.fullName) != nil else {
            throw ValidationFailure("the account \"\(me.login)\" is not on the staff list of \(store.path)")
        }
        let exited = try store.applyAutomaticExits(today: LocalContext.today(), matrix: try ServicesMatrix.bundled())
        print(exited.isEmpty ? "nobody is past their automatic-exit date"
              : "exited \(exited.count): " + exited.map(\.description).joined(separator: ", "))
    }
}
