import ArgumentParser
import Domain
import Foundation
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for cron and e-mail.",
        subcommands: [DeadlinesReportCommand.self, QualityReportCommand.self, PerformanceReportCommand.self,
                       ParticipantExtractCommand.self]
    )
}

struct DeadlinesReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "Every running policy clock of a caseload: overdue, due soon, upcoming (docs/clocks.md).",
        discussion: "A career planner's report holds the customers they reach (their own, the unassigned, the caseloads they cover); supervisors and administrators see everyone. Exit status 0 even when items are overdue; 2 for a bad date or planner."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var asOf: AsOfOption
    @Option(help: ArgumentHelp("Only this planner's customers (their login).", valueName: "LOGIN"))
    var planner: String?
    @Flag(help: "Instead: the entries made more than 10 days late (notes, service starts and closures, outcomes), per planner.")
    var late = false
    @Option(help: ArgumentHelp("With --late: the first day entries were made (YYYY-MM-DD or MM/DD/YYYY).", valueName: "DATE"))
    var from: String?
    @Option(help: ArgumentHelp("With --late: the last day (default --as-of, else today).", valueName: "DATE"))
    var to: String?
    @OptionGroup var dataFile: DataFileOption
    @Option(help: "Output format.")
    var format: Format = .text

    func validate() throws {
        if !late, from != nil || to != nil { throw ValidationError("--from and --to go with --late") }
        if late, from == nil { throw ValidationError("--late needs --from DATE (and --to DATE, default today)") }
        for (name, value) in [("from", from), ("to", to)] {
            if let value, Day(parsing: value) == nil { throw ValidationError("--\(name) must be a date (\(Day.acceptedFormats)), found \"\(value)\"") }
        }
    }

    func run() throws {
        let day = try to.flatMap(Day.init(parsing:)) ?? asOf.day()
        let (store, user, close) = try dataFile.signIn(planner: planner)
        defer { close() }
        let facts: [CaseClockFacts]
        do { facts = try store.clockFacts(planner: planner, by: user, asOf: day) } catch let error as StoreError { throw ValidationFailure("\(error)") }
        if late, let first = from.flatMap(Day.init(parsing:)) {
            let report = LateEntryReport(facts: facts, from: first, to: day)
            return format.write(text: report.text, json: report.json, csv: report.csv)
        }
        let report = DeadlineReport(facts: facts, asOf: day, settings: try store.clockSettings())
        format.write(text: report.text, json: report.json, csv: report.csv)
    }
}

struct QualityReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Every current plan rated against the Illinois workNet Career Plan rubric, with counts per category and rating.",
        discussion: "Exit status 0; 2 for a bad date or an unknown planner."
    )

    @OptionGroup var asOf: AsOfOption
    @Option(help: ArgumentHelp("Only this planner's customers (their login).", valueName: "LOGIN"))
    var planner: String?
    @OptionGroup var dataFile: DataFileOption
    @Option(help: "Output format.")
    var format: DeadlinesReportCommand.Format = .text

    func run() throws {
        let day = try asOf.day()
        let (store, user, close) = try dataFile.signIn(planner: planner)
        defer { close() }
        let matrix: ServicesMatrix
        do { matrix = try ServicesMatrix.bundled() } catch { throw ValidationFailure("\(error)") }
        let facts: [QualityFacts]
        do { facts = try store.qualityFacts(planner: planner, by: user, asOf: day, matrix: matrix) } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        }
        let report = QualityReport(facts: facts, asOf: day)
        format.write(text: report.text, json: report.json, csv: report.csv)
    }
}

/// `--as-of YYYY-MM-DD`, default today; a bad date exits with status 2.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to report as of (YYYY-MM-DD or MM/DD/YYYY); default today.", valueName: "DATE"))
    var asOf: String?

    func day() throws -> Day {
        guard let asOf else { return LocalContext.today() }
        guard let parsed = Day(parsing: asOf) else {
            FileHandle.standardError.write(Data("careerplan: --as-of must be a date (\(Day.acceptedFormats)), found \"\(asOf)\"\n".utf8))
            throw ExitCode(2)
        }
        return parsed
    }
}
