import ArgumentParser
import Domain
import Foundation
import PostgresStore
import Store

struct ExitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exits",
        abstract: "Exit everyone past their automatic-exit date now (for cron, before the morning report).",
        discussion: "The program does this when it first opens on a day (later openings that day skip it); this does it at night, sparing the morning's first opening the check. Each exit is dated the last day of service in any program. Administrators (cron runs it in the administrator's crontab). --as-of decides the day (default today); --dry-run only lists. In a data file the same pass drops the due items whose window closed (a follow-up window that ended: they never run again) and packs the records an older careerplan stored as text (all of them, in transactions of 50,000; the first opening of a day packs at most 20,000; docs/design.md). On PostgreSQL it then has the due writer recompute every customer whose records changed outside careerplan (docs/postgresql.md)."
    )

    @OptionGroup var asOf: AsOfOption
    @Flag(name: .customLong("dry-run"), help: "List who would exit, and on which day, without exiting anyone.")
    var dryRun = false
    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        let day = try asOf.day()
        if let url = try PostgresOption.url(dataFile) {
            let (caseload, user, _) = try dataFile.signInCaseload()
            guard let database = caseload as? PostgresCaseload else { throw PostgresOption.notYet("exits") }
            try report(try run { try database.applyAutomaticExits(today: day, matrix: try ServicesMatrix.bundled(), by: user,
                                                                 dryRun: dryRun) }, day: day, in: url.description)
            if !dryRun { try keepDue(database) }
            return
        }
        let (store, user) = try dataFile.signIn()
        defer { try? store.close() }
        try report(try run { try store.applyAutomaticExits(today: day, matrix: try ServicesMatrix.bundled(), by: user, dryRun: dryRun) },
                   day: day, in: store.path)
    }

    /// The night's pass over customers whose due items a write left marked (one careerplan did not make,
    /// or one whose program was killed before its due writer ran).
    private func keepDue(_ database: PostgresCaseload) throws {
        do {
            guard let kept = try database.keepAllDue() else {
                Output.text("""
                    the due items were not checked: this installation has no due writer for the database \
                    (careerplan-due-writer.conf, docs/postgresql.md)

                    """)
                return
            }
            if kept > 0 { Output.text("brought the due items of \(kept) customer\(kept == 1 ? "" : "s") up to date\n") }
        } catch { throw ValidationFailure("the due items could not be brought up to date: \(error)") }
    }

    private func run(_ body: () throws -> [(customer: CustomerID, exitOn: Day)]) throws -> [(customer: CustomerID, exitOn: Day)] {
        do { return try body() } catch let error as StoreError { throw ValidationFailure("\(error)") }
    }

    private func report(_ exits: [(customer: CustomerID, exitOn: Day)], day: Day, in place: String) throws {
        let list = exits.map { "\($0.customer) (exit dated \($0.exitOn))" }.joined(separator: ", ")
        Output.text(exits.isEmpty ? "nobody is past their automatic-exit date as of \(day)\n"
                    : (dryRun ? "would exit \(exits.count) as of \(day): " : "exited \(exits.count) as of \(day): ") + list + "\n")
    }
}
