import ArgumentParser
import Domain
import Foundation
import PostgresStore
import Store

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole data file to standard output (administrators; schema: docs/export-format.md)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @OptionGroup var dataFile: DataFileOption
    @Option(help: "Output format.")
    var format: Format = .json

    func run() throws {
        if try PostgresOption.url(dataFile) != nil {
            // The state's database as the same export: what `migrate` checks it by.
            let (caseload, user, _) = try dataFile.signInCaseload()
            guard let database = caseload as? PostgresCaseload else { throw PostgresOption.notYet("export") }
            do { return Output.json(try database.exportJSON(by: user)) } catch let error as StoreError { throw ValidationFailure("\(error)") }
        }
        let (store, user) = try dataFile.signIn()
        defer { try? store.close() }
        do { Output.json(try store.exportJSON(by: user)) } catch let error as StoreError { throw ValidationFailure("\(error)") }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load an export into a data file with no customers yet; all or nothing (administrators).",
        discussion: "Make the file with careerplan init first. Staff already on its list keep their roles."
    )

    @Argument(help: ArgumentHelp("A file written by `careerplan export`.", valueName: "FILE"))
    var file: String
    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        let (store, user) = try dataFile.signIn()
        // Read with the user's own rights: the service group is given up once the data file is open.
        guard let data = FileManager.default.contents(atPath: file) else {
            try? store.close()
            throw ValidationFailure("cannot read \(file)")
        }
        var rederived: [CustomerID] = []
        do {
            // importJSON checks the whole file before it writes anything (checking it here first as well read and
            // decoded it twice: 20,000 customers took 49 s).
            rederived = try store.importJSON(data, by: user)
        } catch {
            try? store.close()
            throw ValidationFailure("\(file): \(error)")
        }
        let count = try store.count(.init())
        try store.close()
        Output.text("imported \(Plural.count(count, "customer")) from \(file) into \(store.path)\n")
        if !rederived.isEmpty {
            let named = rederived.prefix(5).map(\.description).joined(separator: ", ") + (rederived.count > 5 ? ", …" : "")
            Output.text("""
                \(rederived.count) customers' last contact or last service disagreed with their notes and services \
                and were derived from them instead (\(named))

                """)
        }
    }
}
