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

    @OptionGroup var period: PeriodOption
    @Option(help: ArgumentHelp("Only this planner's customers (their login).", valueName: "LOGIN"))
    var planner: String?
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var dataFile: DataFileOption
    @Option(help: "Output format: csv, the layout's own.")
    var format: Format = .csv

    func run() throws {
        let day = try asOf.day()
        let (store, user, close) = try dataFile.signIn(planner: planner)
        defer { close() }
        let files: [ParticipantFile]
        let matrix: ServicesMatrix
        do {
            files = try store.participantFiles(from: period.first, to: period.last, planner: planner, by: user)
            matrix = try store.servicesMatrix()
        } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        }
        Output.text(ParticipantExtract(files: files, matrix: matrix, asOf: day).csv)
    }
}
