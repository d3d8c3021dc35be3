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
            administrator, and it moves in pieces of 5,000 customers (a state's caseload is never held whole in memory). \
            The database must hold no customers yet; its staff roles are made as the staff are added. \
            Nothing is kept unless the server, comparing what it holds with what it was sent, finds every record \
            of the file as it is (staff already in the database keep theirs). The trail records the move as one entry.
            """
    )

    @Option(help: ArgumentHelp("The center's data file, or an export of it.", valueName: "FILE")) var from: String
    @Option(help: ArgumentHelp("The state's database.", valueName: "postgresql://…")) var to: String

    func run() throws {
        let url: PostgresURL
        do { url = try PostgresURL(parsing: to) } catch { throw ValidationFailure("--to: \(error)") }
        guard let head = FileHandle(forReadingAtPath: from) else { throw ValidationFailure("cannot read \(from)") }
        let isExport = (try? head.read(upToCount: 1)) == Data("{".utf8)
        try? head.close()
        if isExport {
            guard let export = FileManager.default.contents(atPath: from) else { throw ValidationFailure("cannot read \(from)") }
            return try PostgresOption.run { try Self.move(from: from, into: url) { each in try each(export) } }
        }
        // A data file, as its administrator: in pieces, never the whole caseload in memory.
        var option = DataFileOption()
        option.path = from
        let (store, user) = try option.signIn()
        defer { try? store.close() }
        try PostgresOption.run {
            try Self.move(from: from, into: url) { each in try store.exportPieces(by: user, customersPerPiece: Self.piece, each) }
        }
    }

    /// Customers a piece holds: about 40 MB of export.
    static let piece = 5_000

    /// Loads what `pieces` hands over (an export, or the pieces of one, in
    /// order) into the database at `url` in one transaction, each piece
    /// checked as `import` checks a file (every record valid, no full SSN, no
    /// text over its limit), reads it back and compares before committing;
    /// says what moved.
    static func move(from source: String, into url: PostgresURL,
                     pieces: ((Data) throws -> Void) throws -> Void) throws -> String {
        let link = try PostgresOption.connect(url)
        guard try PostgresAdmin.installed(link).last == PostgresSchema.version else {
            throw ValidationFailure("\(url) has no careerplan schema yet: careerplan init --db \(url) --admin LOGIN first")
        }
        let customers = try link.transaction { () -> Int in
            let load = try Transfer.Load(into: link)
            var check = ImportCheck()
            try pieces { piece in
                do { try check.check(piece) } catch { throw ValidationFailure("\(source): \(error)") }
                try load.add(piece)
            }
            let kept = try load.finish(what: "migrate from \(source)")
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
}
