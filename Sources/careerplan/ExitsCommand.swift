import ArgumentParser
import Domain
import Foundation
import Store

struct ExitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exits",
        abstract: "Exit everyone past their automatic-exit date now (for cron, before the morning report).",
        discussion: "The program does this when it first opens on a day; this does it at night. Each exit is dated the last day of service in any program. Administrators (cron runs it in the administrator's crontab)."
    )

    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        let (store, user) = try dataFile.signIn()
        defer { try? store.close() }
        let exited: [CustomerID]
        do { exited = try store.applyAutomaticExits(today: LocalContext.today(), matrix: try ServicesMatrix.bundled(), by: user) }
        catch let error as StoreError { throw ValidationFailure("\(error)") }
        print(exited.isEmpty ? "nobody is past their automatic-exit date"
              : "exited \(exited.count): " + exited.map(\.description).joined(separator: ", "))
    }
}
