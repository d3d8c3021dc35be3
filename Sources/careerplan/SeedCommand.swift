import ArgumentParser
import Domain
import Store
import Glibc
import Synthetic
import Foundation
import PostgresStore

struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Make a new data file (or fill one just made by init) with a deterministic synthetic caseload (tests, benchmarks).",
        discussion: """
            Given a postgresql:// address (the database's administrator, after careerplan init), the caseload is made in a \
            private temporary file and moved in as careerplan migrate moves a center's: all or nothing, checked.
            """
    )

    @Option(name: .customLong("db"), help: ArgumentHelp("The data file (or postgresql:// database) to fill; it must hold no customers.",
                                                        valueName: "PATH"))
    var path: String
    @Option(help: "How many customers.")
    var customers: Int
    @Option(help: "Seed: the same seed, size and date give the same caseload.")
    var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Date the caseload is built around (YYYY-MM-DD); default today.", valueName: "DATE"))
    var today: String?

    func validate() throws {
        guard customers >= 0 else { throw ValidationError("--customers must be 0 or more") }
        if let today, Day(parsing: today) == nil {
            throw ValidationError("--today must be a date (\(Day.acceptedFormats)), found \"\(today)\"")
        }
    }

    func run() throws {
        if PostgresURL.names(path) { return try seedPostgres() }
        // The center's own file is made by root with init, never by seed.
        let centers = Privilege.isSetGroupID && Center.isConfiguredDataFile(path) && getuid() != 0
        let store = try DataFileOption.open(path: path, mode: centers ? .existing : .createOrOpen)
        defer { try? store.close() }
        let existing = Set(try store.staff().map(\.login))
        if !existing.isEmpty {
            // A file made with init: only its administrator fills it.
            let user = try DataFileOption.signIn(store)
            guard user.role == .administrator else {
                throw ValidationFailure("\(user.login): only an administrator of \(path) may fill it with synthetic customers")
            }
        }
        guard try store.count(CaseloadFilter()) == 0 else {
            throw ValidationFailure("\(path) already holds customers; seed only fills a new data file")
        }
        try fill(store, existing: existing, administeredByMe: existing.isEmpty)
        print("\(path): \(customers) customers, seed \(seed), as of \(caseload.today)")
    }

    private var caseload: SyntheticCaseload {
        SyntheticCaseload(seed: seed, today: today.flatMap(Day.init(parsing:)) ?? LocalContext.today())
    }

    /// The synthetic staff (and the running account, administering a new file) and customers, in batches.
    private func fill(_ store: CaseloadStore, existing: Set<String>, administeredByMe: Bool) throws {
        let caseload = caseload
        var staff = caseload.staff
        // The account that seeds a new file administers it, as the first to open one would.
        let me = LocalContext.account()
        if administeredByMe, !staff.contains(where: { $0.login == me.login }) {
            staff.append(Staff(login: me.login, name: me.fullName, initials: Staff.initials(of: me.fullName), role: .administrator))
        }
        try store.insert(staff: staff.filter { !existing.contains($0.login) })
        // Each batch's records numbered and bodies made on the other core while the file writes the one before.
        // The first is made alone, before anything is written, and teaches the file its dictionaries: 1,000
        // customers give most tables enough bodies to learn from (the rest learn from later batches). The second,
        // made meanwhile without them, is packed by the file's writer itself, so it is small (4,000), and the third
        // (10,000) is about as long to make as the second to write: 100,000 customers 26 to 24 s with notes and
        // plans packed at zstd's level 9 (`PackedBodies.level`), which made a second batch of 20,000 take 6 s
        // to write instead of 4. Then batches of 20,000, one transaction each: in a large file a batch's inserts land on pages of the indexes that the
        // next batch dirties again, and each commit writes them (1,000,000 customers: 334 to 340 s in batches of 5,000,
        // 296 s of 20,000; 100,000 the same; the two batches in memory take seeding's peak from 0.5 to 1.2 GB).
        // The indexes the load does not read are made after it, sorted, in one go (`DeferredIndexes`).
        let ahead = try LoadAhead(for: store)
        try store.loadingNewFile {
            try caseload.eachBatch(upTo: customers, size: 20_000, opening: [1_000, 4_000, 10_000], prepare: ahead.prepare) { range, prepared in
                try store.fill(from: caseload, range, prepared: prepared)
                try ahead.wrote(store)
            }
        }
    }

    /// Made in a private temporary file, then moved in whole, as `migrate` moves a center's file.
    private func seedPostgres() throws {
        let url: PostgresURL
        do { url = try PostgresURL(parsing: path) } catch { throw ValidationFailure("--db: \(error)") }
        var template = Array((NSTemporaryDirectory() + "careerplan-seed-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ValidationFailure("cannot make a temporary directory") }
        let dir = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try DataFileOption.open(path: dir + "/seed.sqlite", mode: .createOrOpen)
        // The database keeps its own administrators: the running account (the DBA) is not made staff.
        try fill(store, existing: [], administeredByMe: false)
        let me = LocalContext.account()
        let dba = Staff(login: me.login, name: me.fullName, initials: "", role: .administrator)
        defer { try? store.close() }
        try PostgresOption.run {
            try MigrateCommand.move(from: "a synthetic caseload (seed \(seed), as of \(caseload.today))", into: url) { each in
                try store.exportPieces(by: dba, customersPerPiece: MigrateCommand.piece, each)
            }
        }
    }
}
