import ArgumentParser
import Domain
import Foundation
import Store

struct ExitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exits",
        abstract: "Exit everyone past their automatic-exit date now (for cron, before the morning report).",
        discussion: "The program does this when it first opens on a day; this does it at night. Each exit is dated the last day of service in any program. Administrators (cron runs it in the administrator's crontab). --as-of decides the day (default today); --dry-run only lists."
    )

    @OptionGroup var asOf: AsOfOption
    @Flag(name: .customLong("dry-run"), help: "List who would exit, and on which day, without exiting anyone.")
    var dryRun = false
    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        let day = try asOf.day()
        let (store, user) = try dataFile.signIn()
        defer { try? store.close() }
        let exits: [(customer: CustomerID, exitOn: Day)]
        do {
            exits = try store.applyAutomaticExits(today: day, matrix: try ServicesMatrix.bundled(), by: user, dryRun: dryRun)
        } catch let error as StoreError { throw ValidationFailure("\(error)") }
        let list = exits.map { "\($0.customer) (exit dated \($0.exitOn))" }.joined(separator: ", ")
        Output.text(exits.isEmpty ? "nobody is past their automatic-exit date as of \(day)\n"
                    : (dryRun ? "would exit \(exits.count) as of \(day): " : "exited \(exits.count) as of \(day): ") + list + "\n")
    }
}
