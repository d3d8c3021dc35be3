import ArgumentParser
import Domain
import Foundation
import PostgresStore
import Store

/// A center's data file into the state's PostgreSQL, all or nothing:
/// everything is loaded in one transaction, the server compares every
/// record it holds with the one it was sent, and only then commits.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move a center's data file (or its export) into a state's PostgreSQL, all or nothing.",
        discussion: """
            The database's administrator runs it, after careerplan init --db postgresql://…: \
            careerplan migrate --from center.json --to postgresql:///careerplan, where center.json was written by the \
            center's administrator with careerplan export. Given a data file instead, the running account must be its \
            administrator. The database must hold no customers yet; its staff roles are made as the staff are added. \
            Nothing is kept unless the server, comparing what it holds with what it was sent, finds every record \
            of the file as it is (staff already in the database keep theirs). The trail records the move as one entry.
            """
    )

    @Option(help: ArgumentHelp("The center's data file, or an export of it.", valueName: "FILE")) var from: String
    @Option(help: ArgumentHelp("The state's database.", valueName: "postgresql://…")) var to: String

    func run() throws {
        let url: PostgresURL
        do { url = try PostgresURL(parsing: to) } catch { throw ValidationFailure("--to: \(error)") }
        let export = try readExport()
        // Checked as `import` checks a file: every record valid, no full SSN, no text over its limit.
        do { try CaseloadStore.checkImport(export) } catch { throw ValidationFailure("\(from): \(error)") }
        try PostgresOption.run { try Self.move(export, from: from, into: url) }
    }

    /// Loads `export` into the database at `url` in one transaction, reads
    /// it back and compares before committing; says what moved.
    static func move(_ export: Data, from source: String, into url: PostgresURL) throws -> String {
        let link = try PostgresOption.connect(url)
        guard try PostgresAdmin.installed(link).last == PostgresSchema.version else {
            throw ValidationFailure("\(url) has no careerplan schema yet: careerplan init --db \(url) --admin LOGIN first")
        }
        let customers = try link.transaction { () -> Int in
            let kept = try Transfer.load(export, link, what: "migrate from \(source)")
            if let list = try Transfer.firstDifference(link, keeping: kept) {
                throw ValidationFailure("nothing was moved: the database read back differs from \(source) in \"\(list)\"")
            }
            // The due table is derived: computed once here, then kept by every write.
            try PostgresCaseload(link: link).refreshAllDue()
            return Int(try link.value("SELECT count(*)::text FROM careerplan.customer") ?? "0") ?? 0
        }
        try Transfer.settle(link)
        return """
            moved \(Plural.count(customers, "customer")) from \(source) into \(url); checked: the database, read back, \
            holds every record of the export as it was sent
            """
    }

    /// The export: the file itself when it is one, else the data file's, as its administrator.
    private func readExport() throws -> Data {
        guard let data = FileManager.default.contents(atPath: from) else { throw ValidationFailure("cannot read \(from)") }
        if data.first == UInt8(ascii: "{") { return data }
        var option = DataFileOption()
        option.path = from
        let (store, user) = try option.signIn()
        defer { try? store.close() }
        do { return try store.exportJSON(by: user) } catch { throw ValidationFailure("\(from): \(error)") }
    }
}
