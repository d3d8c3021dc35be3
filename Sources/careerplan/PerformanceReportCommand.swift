import ArgumentParser
import Domain
import Foundation
import Store

struct PerformanceReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "performance",
        abstract: "The WIOA primary indicators as the center recorded them, per program and per planner (docs/performance.md).",
        discussion: """
            Counts the participants who exited from --from to --to (measurable skill gains: those in education or \
            training then): employment in the 2nd and 4th quarter after the exit quarter (youth: education, training \
            or employment), median earnings in the 2nd quarter, credential attainment within a year of exit. Each is \
            met of counted with its rate; "not known" (nothing recorded either way, or the quarter not over on the \
            --as-of day) is counted apart and listed: whom to call. States compute the official figures from wage \
            records; this is the center's early reading. A career planner's report holds the customers they reach. \
            Exit status 0; 2 for an unknown planner or a bad --as-of; a bad --from, --to or --program is a usage error (64).
            """
    )

    enum ProgramChoice: String, ExpressibleByArgument, CaseIterable {
        case adult, dw, youth

        var program: Program {
            switch self {
            case .adult: .adult
            case .dw: .dislocatedWorker
            case .youth: .youth
            }
        }
    }

    @Option(help: ArgumentHelp("The first day of the period (YYYY-MM-DD or MM/DD/YYYY).", valueName: "DATE"))
    var from: String
    @Option(help: ArgumentHelp("The last day of the period.", valueName: "DATE"))
    var to: String
    @Option(help: "Only one program: adult, dw (dislocated worker) or youth.")
    var program: ProgramChoice?
    @Option(help: ArgumentHelp("Only this planner's customers (their login).", valueName: "LOGIN"))
    var planner: String?
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var dataFile: DataFileOption
    @Option(help: "Output format: text, or json and csv (a row per participant and measure) for other programs.")
    var format: DeadlinesReportCommand.Format = .text

    func validate() throws {
        for (name, value) in [("from", from), ("to", to)] where Day(parsing: value) == nil {
            throw ValidationError("--\(name) must be a date (\(Day.acceptedFormats)), found \"\(value)\"")
        }
        if let first = Day(parsing: from), let last = Day(parsing: to), last < first {
            throw ValidationError("--to (\(last)) is before --from (\(first))")
        }
    }

    func run() throws {
        let day = try asOf.day()
        let (store, user) = try dataFile.signIn()
        defer { try? store.close() }
        if let planner, try store.staff(login: planner) == nil {
            FileHandle.standardError.write(Data("careerplan: no staff member with login \"\(planner)\" in \(store.path)\n".utf8))
            throw ExitCode(2)
        }
        let facts: [CaseClockFacts]
        let matrix: ServicesMatrix
        do {
            facts = try store.participantFacts(from: Day(parsing: from)!, to: Day(parsing: to)!, planner: planner, by: user)
            matrix = try store.servicesMatrix()
        } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        }
        let report = PerformanceReport(facts: facts, from: Day(parsing: from)!, to: Day(parsing: to)!, asOf: day,
                                       program: program?.program, matrix: matrix)
        let out = switch format {
        case .text: report.text
        case .json: report.json
        case .csv: report.csv
        }
        format == .json ? Output.json(Data(out.utf8)) : Output.text(out)
    }
}
