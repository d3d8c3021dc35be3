import ArgumentParser
import Domain
import Foundation
import Store
import TerminalKit

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The customer's own copy of their Career Plan, in plain language.",
        discussion: """
            In the customer's language: --lang, else the language of their last copy, else the one asked on their \
            application, else English. HTML prints on letter paper, with lines to sign by hand while anyone has not \
            signed. Exit status 2 when the customer or their plan is not found.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, md }

    @Argument(help: ArgumentHelp("The customer: C000042 or 42.", valueName: "CUSTOMER-ID"))
    var customer: String
    @Option(help: "Output format.")
    var format: Format = .text
    @Option(name: .customLong("out"), help: ArgumentHelp("Write to this new file (readable by you only; never replaces one) instead of standard output.",
                                                         valueName: "FILE"))
    var out: String?
    @Option(help: ArgumentHelp("The copy's language: en (English) or es (Spanish). The planner's own words stay as typed.",
                               valueName: "en|es"))
    var lang: CopyLanguage?
    @Flag(help: "Record that this copy was given to the customer, as w on the plan screen does (planners); its language becomes theirs.")
    var given = false
    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        guard let id = CustomerID(parsing: customer) else {
            FileHandle.standardError.write(Data("careerplan: \"\(customer)\" is not a customer ID (C000042 or 42)\n".utf8))
            throw ExitCode(2)
        }
        let (store, user, close) = try dataFile.signInCaseload()
        defer { close() }
        let file: CaseFile?
        do {
            file = try store.caseFile(id, readBy: user, on: LocalContext.today())
        } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        }
        guard let copy = try store.customerCopy(for: id, today: LocalContext.today(), language: lang, matrix: try store.servicesMatrix()) else {
            let why = file == nil ? "no customer \(id)" : "customer \(id) has no saved plan yet"
            FileHandle.standardError.write(Data("careerplan: \(why) in \(store.path)\n".utf8))
            throw ExitCode(2)
        }
        if given, let version = try store.plan(for: id)?.version {
            do {
                try store.recordCopy(of: version, for: id, by: user, today: LocalContext.today(), language: copy.language)
            } catch let error as StoreError {
                throw ValidationFailure("\(error)")
            }
        }
        let text = switch format {
        case .text: copy.text
        case .html: copy.html
        case .md: copy.markdown
        }
        guard let out else {
            Output.text(text)
            return
        }
        try UserFile.create(out, contents: Data(text.terminalSafeLines.utf8), dataFile: store.path)
    }
}

extension CopyLanguage: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
