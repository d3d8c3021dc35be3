import ArgumentParser
import Domain
import Foundation
import Store
import TerminalKit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Every write to a customer's records: who, when, and each field's old and new value.",
        discussion: "Supervisors and administrators. Exit status 2 for an unknown customer."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The customer: C000042 or 42.", valueName: "CUSTOMER-ID"))
    var customer: String
    @Option(help: "Output format.")
    var format: Format = .text
    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        guard let id = CustomerID(parsing: customer) else {
            FileHandle.standardError.write(Data("careerplan: \"\(customer)\" is not a customer ID (C000042 or 42)\n".utf8))
            throw ExitCode(2)
        }
        let (store, user) = try StaffCommand.open(dataFile)
        defer { try? store.close() }
        guard try store.customer(id) != nil else {
            FileHandle.standardError.write(Data("careerplan: no customer \(id) in \(store.path)\n".utf8))
            throw ExitCode(2)
        }
        let entries: [AuditEntry]
        do { entries = try store.audit(customer: id, by: user) } catch let error as StoreError { throw ValidationFailure("\(error)") }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(entries) + Data("\n".utf8))
        case .text:
            var out = ""
            for e in entries {
                out += e.line + "\n"
                for c in e.changes { out += "    \(c.field): \(c.old.terminalSafe) → \(c.new.terminalSafe)\n" }
            }
            FileHandle.standardOutput.write(Data((out.isEmpty ? "no audited writes for \(id)\n" : out).utf8))
        }
    }
}
