import ArgumentParser
import Domain
import Foundation
import Store

struct ParticipantExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pirl",
        abstract: "The participant extract for a state system: one row per participant served in the period, a column per PIRL element (docs/pirl.md).",
        discussion: """
            Participants served in the period: enrolled by --to and not exited before --from. Columns are named by \
            PIRL element number and name; values are coded as the layout codes them (dates YYYYMMDD, yes/no 1/0, \
            9 for "did not self-identify"), blank where careerplan does not know. Never the SSN: element 100 is \
            careerplan's customer ID. Administrators only, like an export. Exit status 0; 2 for an unknown planner \
            or a bad --as-of; a bad --from or --to is a usage error (64).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv }

    @Option(help: ArgumentHelp("The first day of the period (YYYY-MM-DD or MM/DD/YYYY).", valueName: "DATE"))
    var from: String
    @Option(help: ArgumentHelp("The last day of the period.", valueName: "DATE"))
    var to: String
    @Option(help: ArgumentHelp("Only this planner's customers (their login).", valueName: "LOGIN"))
    var planner: String?
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var dataFile: DataFileOption
    @Option(help: "Output format: csv, the layout's own.")
    var format: Format = .csv

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
        let files: [ParticipantFile]
        let matrix: ServicesMatrix
        do {
            files = try store.participantFiles(from: Day(parsing: from)!, to: Day(parsing: to)!, planner: planner, by: user)
            matrix = try store.servicesMatrix()
        } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        }
        Output.text(ParticipantExtract(files: files, matrix: matrix, asOf: day).csv)
    }
}
