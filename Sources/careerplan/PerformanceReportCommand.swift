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

    @OptionGroup var period: PeriodOption
    @Option(help: "Only one program: adult, dw (dislocated worker) or youth.")
    var program: ProgramChoice?
    @Option(help: ArgumentHelp("Only this planner's customers (their login).", valueName: "LOGIN"))
    var planner: String?
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var dataFile: DataFileOption
    @Option(help: "Output format: text, or json and csv (a row per participant and measure) for other programs.")
    var format: DeadlinesReportCommand.Format = .text

    func run() throws {
        let day = try asOf.day()
        let (store, user, close) = try dataFile.signIn(planner: planner)
        defer { close() }
        let facts: [CaseClockFacts]
        let matrix: ServicesMatrix
        do {
            facts = try store.participantFacts(from: period.first, to: period.last, planner: planner, by: user)
            matrix = try store.servicesMatrix()
        } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        }
        let report = PerformanceReport(facts: facts, from: period.first, to: period.last, asOf: day,
                                       program: program?.program, matrix: matrix)
        format.write(text: report.text, json: report.json, csv: report.csv)
    }
}
