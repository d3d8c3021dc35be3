import ArgumentParser
import Domain
import Foundation
import PostgresStore
import Store
import TerminalKit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Every write to a customer's records: who, when, and each field's old and new value; or check the whole trail.",
        discussion: """
            Supervisors and administrators. Newest first, as the audit screen shows it; a plan save is one \
            entry listing what changed in the plan's words (JSON keeps every field as well). --verify walks the whole hash-chained trail and names the first \
            row that was edited, deleted, inserted or moved; --anchor ID:HASH (a head printed earlier by \
            backup or audit --verify) also catches rows cut off the end. Exit status 2 for an unknown \
            customer, 3 when the trail does not verify.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The customer: C000042 or 42 (not with --verify).", valueName: "CUSTOMER-ID"))
    var customer: String?
    @Flag(help: "Check the whole audit trail's hash chain and print its head.")
    var verify = false
    @Option(help: ArgumentHelp("With --verify: a head printed earlier, as ID:HASH.", valueName: "ID:HASH"))
    var anchor: String?
    @Option(help: "Output format.")
    var format: Format = .text
    @OptionGroup var dataFile: DataFileOption

    func validate() throws {
        if verify == (customer != nil) { throw ValidationError("give a CUSTOMER-ID, or --verify for the whole trail") }
        if anchor != nil, !verify { throw ValidationError("--anchor goes with --verify") }
        if let anchor, Self.parse(anchor) == nil { throw ValidationError("--anchor must be ID:HASH, e.g. 1234:9f86d081…") }
    }

    static func parse(_ anchor: String) -> (id: Int64, hash: String)? {
        let parts = anchor.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = Int64(parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "#"))),
              parts[1].count == 64, parts[1].allSatisfy(\.isHexDigit) else { return nil }
        return (id, parts[1].lowercased())
    }

    func run() throws {
        if verify { return try runVerify() }
        guard let customer, let id = CustomerID(parsing: customer) else {
            FileHandle.standardError.write(Data("careerplan: \"\(customer ?? "")\" is not a customer ID (C000042 or 42)\n".terminalSafeLines.utf8))
            throw ExitCode(2)
        }
        let (store, user, close) = try dataFile.signInCaseload()
        defer { close() }
        guard try store.clockFacts(for: id) != nil else {
            FileHandle.standardError.write(Data("careerplan: no customer \(id) in \(store.path)\n".utf8))
            throw ExitCode(2)
        }
        let entries: [AuditEntry]
        do { entries = try store.audit(customer: id, by: user) } catch let error as StoreError { throw ValidationFailure("\(error)") }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.json(try encoder.encode(entries) + Data("\n".utf8))
        case .text:
            var out = ""
            for e in entries {
                out += e.line + "\n"
                for d in e.details { out += "    " + d.terminalSafe + "\n" }
            }
            Output.text(out.isEmpty ? "no audited writes for \(id)\n" : out)
        }
    }

    private func runVerify() throws {
        let (caseload, user, close) = try dataFile.signInCaseload()
        defer { close() }
        let result: AuditVerification
        do {
            switch caseload {
            case let store as CaseloadStore: result = try store.verifyAudit(anchor: anchor.flatMap(Self.parse), by: user)
            case let database as PostgresCaseload: result = try database.verifyAudit(anchor: anchor.flatMap(Self.parse), by: user)
            default: throw PostgresOption.notYet("audit --verify")
            }
        } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        }
        switch format {
        case .json:
            let object: [String: Any] = ["rows": result.rows, "intact": result.intact, "problem": result.problem ?? NSNull(),
                                         "head": result.head.map { ["id": $0.id, "hash": $0.hash] as [String: Any] } ?? NSNull()]
            Output.json(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]) + Data("\n".utf8))
        case .text:
            Output.text(result.intact
                ? "audit trail intact: \(result.rows) rows, every link checked\n\(result.headLine)\n"
                : "AUDIT TRAIL DOES NOT VERIFY: \(result.problem ?? "")\n(\(result.rows) rows read up to there)\n")
        }
        if !result.intact { throw ExitCode(3) }
    }
}
