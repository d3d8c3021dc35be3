import ArgumentParser
import Foundation
import Store

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole data file to standard output (schema: docs/export-format.md)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @OptionGroup var dataFile: DataFileOption
    @Option(help: "Output format.")
    var format: Format = .json

    func run() throws {
        let store = try dataFile.open()
        let data = try store.exportJSON()
        try? store.close()
        FileHandle.standardOutput.write(data)
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load an export into an empty data file; all or nothing."
    )

    @Argument(help: ArgumentHelp("A file written by `careerplan export`.", valueName: "FILE"))
    var file: String
    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationFailure("cannot read \(file)")
        }
        do { try CaseloadStore.checkImport(data) } catch {
            throw ValidationFailure("\(file): \(error)")
        }
        let store = try dataFile.open()
        do { try store.importJSON(data) } catch {
            try? store.close()
            throw ValidationFailure("\(file): \(error)")
        }
        let count = try store.count(.init())
        try store.close()
        print("imported \(count) customers from \(file) into \(store.path)")
    }
}
