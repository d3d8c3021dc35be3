import ArgumentParser
import Domain
import Foundation
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for cron and e-mail.",
        subcommands: [DeadlinesReportCommand.self]
    )
}

struct DeadlinesReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "Every running policy clock of a caseload: overdue, due soon, upcoming (docs/clocks.md).",
        discussion: "Exit status 0 even when items are overdue; 2 for a bad date or planner."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to report as of (YYYY-MM-DD); default today.", valueName: "DATE"))
    var asOf: String?
    @Option(help: ArgumentHelp("Only this planner's customers (their login).", valueName: "LOGIN"))
    var planner: String?
    @OptionGroup var dataFile: DataFileOption
    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        var day = LocalContext.today()
        if let asOf {
            guard let parsed = Day(iso: asOf) else {
                FileHandle.standardError.write(Data("careerplan: --as-of must be a date such as 2026-11-23, found \"\(asOf)\"\n".utf8))
                throw ExitCode(2)
            }
            day = parsed
        }
        let store = try dataFile.open()
        defer { try? store.close() }
        if let planner, try store.staff(login: planner) == nil {
            FileHandle.standardError.write(Data("careerplan: no staff member with login \"\(planner)\" in \(store.path)\n".utf8))
            throw ExitCode(2)
        }
        let report = DeadlineReport(facts: try store.clockFacts(planner: planner), asOf: day,
                                    settings: try store.clockSettings())
        let out = switch format {
        case .text: report.text
        case .json: report.json
        case .csv: report.csv
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
