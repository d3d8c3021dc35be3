// The benchmarks of issue 14, on the release build: `scripts/bench` makes
// the data files and runs this. It prints each figure beside its target and
// writes docs/benchmarks.md. Tests never assert a time; this does not run in CI.
//
//   Bench BINARY BIG-FILE SMALL-FILE OUT.md [--store postgresql]
//
// With --store postgresql (as root) each file is also moved into a
// throw-away PostgreSQL of its own and measured there, side by side.
import App
import Domain
import Foundation
import Glibc
import PostgresStore
import Store
import TerminalKit

let args = CommandLine.arguments
let postgres = args.count == 7 && args[5] == "--store" && args[6] == "postgresql"
guard args.count == 5 || postgres else {
    FileHandle.standardError.write(Data("usage: Bench BINARY BIG-FILE SMALL-FILE OUT.md [--store postgresql]\n".utf8))
    exit(2)
}
let (binary, big, small, out) = (args[1], args[2], args[3], args[4])
var rows: [Row] = []

// BENCH_CUSTOMERS: the big file's size (scripts/bench seeds it); 100,000 unless the run says otherwise.
let bigCount = Int(ProcessInfo.processInfo.environment["BENCH_CUSTOMERS"] ?? "") ?? 100_000
let bigLabel = bigCount.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
let smallCount = 40
// BENCH_ONLY=search: search as you type on the big file alone, each slow key
// named; BENCH_ONLY=dashboard: the largest planner's dashboard alone (or
// both: search,dashboard); with --store postgresql also on the big file moved
// into PostgreSQL, as the whole run does, without its other figures.
// BENCH_ONLY=startup: start-up on both files and the floor alone. Nothing is
// written (what to profile).
let only = Set((ProcessInfo.processInfo.environment["BENCH_ONLY"] ?? "").split(separator: ",").map(String.init))
if only.contains("search") || only.contains("dashboard") {
    let store = try CaseloadStore(path: big, actor: "bench")
    guard let admin = try store.administrators().first else { throw BenchError("\(big) has no administrator") }
    let (planner, planned) = try largestPlanner(store)
    /// Search as the administrator, the dashboard as the largest planner, on `caseload(member's login)`.
    func measure(_ what: String, _ caseload: (Staff) throws -> any Caseload) throws {
        if only.contains("search") {
            let times = try searchKeystrokes(try caseload(admin), as: admin)
            print("\(what): search median \(ms(median(times))), 95th percentile \(ms(percentile(times, 0.95)))")
        }
        if only.contains("dashboard") {
            print("\(what): dashboard of \(planned) customers \(try dashboardOpenings(try caseload(planner), as: planner).map(ms))")
        }
    }
    setenv("BENCH_SLOW", "1", 1)
    try measure("file") { _ in store }
    try store.close()
    if postgres {
        guard getuid() == 0, ScratchCluster.whyNot == nil else {
            throw BenchError("--store postgresql: \(ScratchCluster.whyNot ?? "needs root")")
        }
        PostgresBench.addAccount()
        do {
            let db = try PostgresBench.database(movedFrom: big)
            print(String(format: "moved \(bigLabel) customers into PostgreSQL in %.0f s", db.loadSeconds))
            try measure("postgresql") { member in
                try PostgresBench.caseload(db, as: member.login == admin.login ? PostgresBench.account : member.login)
            }
        } catch {
            PostgresBench.removeAccount()
            throw error
        }
        PostgresBench.removeAccount()
    }
    exit(0)
}
// The floor: the bench's own program with Foundation and ncurses painting one line (Sources/StartupFloor).
let floorCommand = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("StartupFloor").path
let starts = try startups([("\(binary) --db \(big)", bigCount), ("\(binary) --db \(small)", smallCount), (floorCommand, 1)])
let (bigStart, smallStart, floor) = (starts[0], starts[1], starts[2])
rows.append(Row(what: "Start-up floor: Foundation, ncurses, one line painted", figure: ms(floor), target: "for scale", met: nil))
if only.contains("startup") {
    print("start-up: floor \(ms(floor)), 40 customers \(ms(smallStart)), \(bigLabel) \(ms(bigStart))")
    exit(0)
}
rows.append(Row(what: "Start to first painted caseload, 40 customers", figure: ms(smallStart),
                target: "≤ 1.5 × the floor (\(ms(floor * 1.5)))", met: smallStart <= floor * 1.5))
rows.append(Row(what: "Start to first painted caseload, \(bigLabel) customers", figure: ms(bigStart),
                target: "≤ 1.2 × the 40-customer file (\(ms(smallStart * 1.2))), ≤ 1.5 × the floor",
                met: bigStart <= smallStart * 1.2 && bigStart <= floor * 1.5))

// The same first page from the sqlite3 tool, for scale.
let sqliteTimes: [Double] = (0..<7).map { _ in
    let t0 = Date()
    spawnAndWait(["/usr/bin/sqlite3", big, "SELECT id, legal_name, program, planner FROM customer ORDER BY sort_name, id LIMIT 22"])
    return Date().timeIntervalSince(t0)
}
rows.append(Row(what: "sqlite3 tool, the same first page, \(bigLabel) customers", figure: ms(median(sqliteTimes)), target: "for scale", met: nil))

// In-process: search as you type and the dashboard, on the big file.
let store = try CaseloadStore(path: big, actor: "bench")
guard let admin = try store.administrators().first else { throw BenchError("\(big) has no administrator") }
let keyTimes = try searchKeystrokes(store, as: admin)
let p50 = median(keyTimes), p95 = percentile(keyTimes, 0.95)
rows.append(Row(what: "Search as you type, keystroke to narrowed list drawn (median)", figure: ms(p50), target: "≤ 10 ms", met: p50 <= 0.010))
rows.append(Row(what: "Search as you type (95th percentile, 200 keys)", figure: ms(p95), target: "≤ 5 ms (issue 28; 10 ms before)",
                met: p95 <= 0.005))

// The dashboard of the planner with the most customers.
let (planner, planned) = try largestPlanner(store)
let dashTimes = try dashboardOpenings(store, as: planner)
rows.append(Row(what: "Dashboard of due items, \(planned) customers of one planner", figure: ms(median(dashTimes)),
                target: "≤ 100 ms (issue 28; 200 ms before)", met: median(dashTimes) <= 0.1))
// The automatic-exit check: the day's first opening runs it (later ones skip it), or cron at night.
let fileExitCheck = try exitCheck { _ = try store.applyAutomaticExits(today: $0, matrix: $1, by: admin, dryRun: true) }
rows.append(Row(what: "Automatic-exit check (the day's first opening, or cron at night)", figure: ms(fileExitCheck),
                target: "once a day", met: nil))
// Issue 28: a search keystroke sends no more than the rows it changed (at two bytes a cell, as for Down).
let searchRows = try rowsChangedBySearchKey(store, as: admin)
try store.close()

// Bytes on the wire, through a real pseudo-terminal at 80x24.
let s = try PtySession("/usr/bin/time -f maxrss=%MkB \(binary) --db \(big)")
_ = s.read(timeout: 20) { $0.firstRange(of: Array("1/\(bigCount)".utf8)) != nil }
_ = s.drain()
s.send("\u{1b}OB")   // Down, as the terminal sends it in keypad mode
let down = s.drain()
s.send("/")
_ = s.drain()
s.send("g")
let char = s.drain()
s.send("\u{1b}")
_ = s.drain()
s.send("\r")
let change = s.drain()
s.send("\u{1b}")
_ = s.drain()
s.send("q")
_ = s.read(timeout: 10) { $0.firstRange(of: Array("maxrss=".utf8)) != nil && $0.last == UInt8(ascii: "\n") }
let rss = s.text.range(of: #"maxrss=([0-9]+)kB"#, options: .regularExpression).map { s.text[$0].dropFirst(7).dropLast(2) }
    .flatMap { Int($0) } ?? -1
s.finish()
rows.append(Row(what: "Bytes for one list move (Down)", figure: "\(down) B", target: "≤ 2 × two rows = 320 B", met: down <= 320))
rows.append(Row(what: "Bytes for one character typed in the search field", figure: "\(char) B",
                target: "≤ 2 × the \(searchRows) rows it changed = \(searchRows * 160) B", met: char <= searchRows * 160))
rows.append(Row(what: "Bytes for one screen change (caseload → customer)", figure: "\(change) B",
                target: "under a full repaint", met: nil))
rows.append(Row(what: "Peak resident memory: caseload, search, customer, quit", figure: "\(rss / 1024) MB", target: "≤ 64 MB",
                met: rss > 0 && rss <= 64 * 1024))

// Seeding the same caseload afresh, and the size of the file it makes (issue 28).
let seeded = try seeding(binary, customers: bigCount)
let seedingTarget = 30.0 * Double(bigCount) / 100_000   // the issue's 30 s for 100,000, at this size
rows.append(Row(what: "Seeding \(bigLabel) customers (careerplan seed)", figure: String(format: "%.1f s", seeded.seconds),
                target: bigCount == 100_000 ? "≤ 30 s" : String(format: "≤ 30 s a 100,000 (%.0f s)", seedingTarget),
                met: seeded.seconds <= seedingTarget))
rows.append(Row(what: "Data file per customer (\(bigLabel) seeded)", figure: String(format: "%.1f KB", seeded.bytesPerCustomer / 1024),
                target: "≤ 2 KB", met: seeded.bytesPerCustomer <= 2048))

// At another size: each figure that grows with the caseload beside docs/benchmarks.md's (issue 28: within 1.2 times).
let reference = bigCount == 100_000 ? nil : ScaleComparison(beside: out)
var scaleLines: [ScaleComparison.Line] = []
if let reference {
    func add(_ what: String, _ ref: Double?, _ now: Double, _ unit: String) {
        if let ref { scaleLines.append(.init(what: what, reference: ref, now: now, unit: unit)) }
    }
    add("Start-up over the floor of its run", reference.figure("Start to first painted caseload, 100,000")
        .flatMap { s in reference.figure("Start-up floor").map { s / $0 } }, bigStart / floor, "×")
    add("Search as you type (median)", reference.figure("Search as you type, keystroke"), p50 * 1000, "ms")
    add("Search as you type (95th percentile)", reference.figure("Search as you type (95th"), p95 * 1000, "ms")
    add("Dashboard of the largest planner", reference.figure("Dashboard of due items"), median(dashTimes) * 1000, "ms")
    add("Bytes for one character typed in the search field", reference.figure("Bytes for one character"), Double(char), "B")
    add("Peak resident memory", reference.figure("Peak resident memory"), Double(rss) / 1024, "MB")
    add("Seeding, a 100,000 customers' share", reference.figure("Seeding 100,000"),
        seeded.seconds * 100_000 / Double(bigCount), "s")
    add("Data file per customer", reference.figure("Data file per customer"), seeded.bytesPerCustomer / 1024, "KB")
}

// The same caseloads on PostgreSQL, beside the file's figures of this run.
var sideBySide = ""
if postgres {
    guard getuid() == 0, ScratchCluster.whyNot == nil else {
        throw BenchError("--store postgresql: \(ScratchCluster.whyNot ?? "needs root")")
    }
    PostgresBench.addAccount()
    defer { PostgresBench.removeAccount() }
    let bigDB = try PostgresBench.database(movedFrom: big)
    let smallDB = try PostgresBench.database(movedFrom: small)
    let pgBig = try startup(PostgresBench.command(binary, on: bigDB), count: bigCount)
    let pgSmall = try startup(PostgresBench.command(binary, on: smallDB), count: smallCount)
    let pgKeys = try searchKeystrokes(try PostgresBench.caseload(bigDB, as: PostgresBench.account), as: admin)
    let pgPlanner = try PostgresBench.caseload(bigDB, as: planner.login)
    let pgDash = try dashboardOpenings(pgPlanner, as: planner)
    let pgAdmin = try PostgresBench.caseload(bigDB, as: PostgresBench.account)
    let pgExitCheck = try exitCheck { _ = try pgAdmin.applyAutomaticExits(today: $0, matrix: $1, by: admin, dryRun: true) }
    var table = "| Figure | File | PostgreSQL | Target (PostgreSQL) | Met |\n| --- | --- | --- | --- | --- |\n"
    func line(_ what: String, _ file: String, _ pg: String, _ target: String, _ met: Bool?) {
        table += "| \(what) | \(file) | \(pg) | \(target) | \(met.map { $0 ? "yes" : "NO" } ?? "—") |\n"
        print(what.padding(toLength: 62, withPad: " ", startingAt: 0) + "  file " + file + "  postgresql " + pg + "  " + target
              + (met.map { $0 ? "  ✓" : "  ✗ missed" } ?? ""))
    }
    line("Start to first painted caseload, 40 customers", ms(smallStart), ms(pgSmall), "for scale", nil)
    line("Start to first painted caseload, \(bigLabel) customers", ms(bigStart), ms(pgBig),
         "≤ 1.2 × its 40 (\(ms(pgSmall * 1.2)))", pgBig <= pgSmall * 1.2)
    line("Search as you type (median)", ms(p50), ms(median(pgKeys)), "≤ 10 ms", median(pgKeys) <= 0.010)
    line("Search as you type (95th percentile, 200 keys)", ms(p95), ms(percentile(pgKeys, 0.95)), "≤ 5 ms (issue 28)",
         percentile(pgKeys, 0.95) <= 0.005)
    line("Dashboard of due items, \(planned) customers of one planner", ms(median(dashTimes)), ms(median(pgDash)),
         "≤ 100 ms (issue 28)", median(pgDash) <= 0.1)
    line("Automatic-exit check (the day's first opening, or cron at night)", ms(fileExitCheck), ms(pgExitCheck),
         "once a day", nil)
    line("Moving \(bigLabel) customers in (migrate's load, due items computed)", "—", String(format: "%.0f s", bigDB.loadSeconds),
         "for scale", nil)
    if let reference {
        func add(_ what: String, _ ref: Double?, _ now: Double, _ unit: String) {
            if let ref { scaleLines.append(.init(what: "PostgreSQL: " + what, reference: ref, now: now, unit: unit)) }
        }
        add("start-up over the floor of its run", reference.postgresFigure("Start to first painted caseload, 100,000")
            .flatMap { s in reference.figure("Start-up floor").map { s / $0 } }, pgBig / floor, "×")
        add("search as you type (median)", reference.postgresFigure("Search as you type (median)"), median(pgKeys) * 1000, "ms")
        add("search as you type (95th percentile)", reference.postgresFigure("Search as you type (95th"),
            percentile(pgKeys, 0.95) * 1000, "ms")
        add("dashboard of the largest planner", reference.postgresFigure("Dashboard of due items"), median(pgDash) * 1000, "ms")
        add("moving in, a 100,000 customers' share", reference.postgresFigure("Moving 100,000"),
            bigDB.loadSeconds * 100_000 / Double(bigCount), "s")
    }
    sideBySide = """

        ## The same caseloads on PostgreSQL

        `scripts/bench --store postgresql` (as root) moves each file into a throw-away PostgreSQL
        \(PostgresBench.version) of its own (the distribution's package, default settings, a socket in a temporary directory)
        as `careerplan migrate` would, and measures the same figures in the same run: start-up is
        the real binary as an operating-system account the server knows (peer authentication, an
        administrator; the automatic exit's check runs at the first opening of a day, timed on its own
        in the row below); search and the dashboard run in process as the members themselves
        (`SET ROLE`, so row-level security applies).

        What moved the PostgreSQL figures (issue 27): the move of 100,000 customers took most of an
        hour and now about two minutes (the load is one audit entry, as a file's import is; records go
        in as the export's bytes and the server compares them; set-based reads join the ids instead of
        `= ANY`, which scanned each row against the whole list; the tables are vacuumed and analysed
        after the commit, so the first staff do not share the machine with autovacuum); start-up did
        not finish within 30 s (the automatic-exit check ran at every start: it runs once a day now, on
        both stores); the dashboard took 3.1 s (row-level security called a function on every row: the
        policies decide once per statement now); search took 194 ms at the 95th percentile (a member's
        `LIKE` cannot use an index under row-level security, and each keystroke paid 140 ms of JIT
        compiling), then 122 ms (each keystroke's count and page joined every match of a short prefix).
        Now the count of the whole list or of a one- or two-letter search is a sum over a few rows of
        `customer_tally` (kept by statement triggers in each write's transaction), a short search's page
        is read in name order from an index of the words' first letters, and a longer search's matches
        are sorted from the word index alone (migration v7-search-counts, docs/postgresql.md). The
        count of everyone also made start-up pay 18 ms at 100,000 customers: it is now under 1 ms.
        A member's due items are read by their own planner column and a covering index (migration
        v8-due-reach): the dashboard of a planner with 31,000 customers in reach, 172 ms to about 45 ms.
        Then, as the file's v22 and v23: the dashboard's counts are sums over a tally of the due items by
        planner, rule and days (v9-due-tally: 45 ms to about 8 ms), and a longer search's page is read in
        name order from an index of the words' first three characters, its count without DISTINCT
        (v10-search-heads). Then a search of three characters or more is counted from a tally of the words by
        planner (v11-word-tally, as the file's v24): at 1,000,000 customers its 95th percentile went from
        15.7 ms to 4.5 ms.

        \(table)
        """
}

// Issue 28's comparison with the 100,000 customers' report, when this run is of another size.
let scaleSection = reference.map { reference in
    """

    ## \(bigLabel) against 100,000 customers

    Each figure that grows with the caseload, beside docs/benchmarks.md's (its run of \(reference.referenceDate)):
    issue 28 asks for each within 1.2 times. Start-ups as times the floor of their own run (the
    machine's speed differs between runs by more than that); seeding and moving in as the time of
    100,000 customers' share; the file per customer.

    \(ScaleComparison.table(scaleLines, size: bigLabel, referenceDate: reference.referenceDate))
    """
} ?? ""

// The table, and the report with the machine it ran on.
let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
let memoryKB = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?.split(separator: "\n").first?
    .split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
let memory = String(format: "%.1f GB", memoryKB / 1_048_576)
let width = rows.map(\.what.count).max() ?? 40
var table = "| Figure | Measured | Target | Met |\n| --- | --- | --- | --- |\n"
for r in rows {
    let mark = r.met.map { $0 ? "yes" : "NO" } ?? "—"
    print(r.what.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + r.figure.padding(toLength: 12, withPad: " ", startingAt: 0)
          + "  " + r.target + (r.met.map { $0 ? "  ✓" : "  ✗ missed" } ?? ""))
    table += "| \(r.what) | \(r.figure) | \(r.target) | \(mark) |\n"
}
let f = DateFormatter()
f.dateFormat = "yyyy-MM-dd"
let report = """
    # Benchmarks

    Made by `scripts/bench` on \(f.string(from: Date())): release build, \(cores) cores, \(memory) memory,
    a file from `careerplan seed --customers \(bigCount)` and one of 40 customers, 80x24, `TERM=xterm-256color`.

    \(table)
    How each is measured: start-up is exec of the real binary under `script` (a
    pseudo-terminal) to the caseload's status line arriving, median of 51 runs
    taken in turn with the other file's and the floor's (a slow spell of the
    shared machine falls on all three alike), each round beginning with the
    next of the three (a program run right after another started about half a
    millisecond slower than run again; in a fixed order that fell on one file).
    Search and the dashboard run the app loop in process on the in-memory
    terminal: key handled, data read, screen drawn; each of search's 200 keys
    timed as the median of three passes of the same keys (one pass's 95th
    percentile is its tenth slowest key, which one stall of the machine
    moved by half a millisecond). Bytes are what the real
    ncurses program wrote to the pseudo-terminal after one key, until it was
    quiet; a search keystroke's target is the rows of the screen it changed
    (counted on the in-memory terminal) at two bytes a cell. Memory is
    `/usr/bin/time`'s maximum resident set size. The floor is
    the bench's own program (Sources/StartupFloor): Foundation loaded, ncurses
    started through careerplan's terminal layer, one line painted, timed the
    same way in the same run. All three are built as `make install` builds what
    a center runs: the Swift standard library and Foundation linked in
    (`--static-swift-stdlib`).

    What moved these figures (found by this command; see issue 14's notes):
    the dashboard and the caseload's next-due column read the `due` table that
    each write keeps in its own transaction, instead of decoding every case
    (dashboard 2.7 s to about 0.1 s); search counts matches in the index
    without joining them, reads a one-letter prefix by walking the name index
    (its matches are spread through the names; longer prefixes cluster and are
    sorted instead), and no longer decodes each page's case files (95th
    percentile 18 ms to about 7 ms). Set `BENCH_SLOW=1` to name every keystroke
    over the target, `BENCH_ONLY=search`, `startup` or `dashboard` to measure one figure
    alone. Start-up varies by about 10 ms between runs on these shared machines;
    compare the two files of one run, not runs.

    Then (issue 27, at 1,000,000 customers): search reads a word index of its
    own instead of FTS5 (migration v22-search-words, Sources/Store/SearchWords.swift):
    a common name's 27,000 matches were each looked up in the customer table and
    sorted for every keystroke (38 ms); now a page of many matches is read in name
    order from an index of the typed word's first one, two or three characters and
    stops at the page's end, and the counts of the whole list and of one or two
    letters are sums over a tally kept by triggers (95th percentile at 1,000,000:
    61.8 ms to 6.4 ms, median 17.7 ms to 2.0 ms, measured with `BENCH_ONLY=search`).
    
    Then (issue 28): the dashboard's counts and pages read the due table's
    indexes alone, which now hold the whole item (migration v21-due-covering:
    170 ms to about 17 ms for a planner with 51,000 running items; a lookup in
    the table for each item was 41% of the time and its reads most of the
    rest); the automatic-exit check reads only what its rule reads (the
    customer, the current plan, pauses, other programs' services), not every
    note, signature and plan version (about 5 s to under 2 s), and a stored
    moment's day is read by hand, not by a new date formatter each time;
    seeding computes each case's due items from what it wrote instead of
    reading every case back and decoding it, makes the next batch of cases
    on another thread while the file stores one, and prepares once the
    statements it repeats for every record (10,000 customers about 8 s to
    about 4.5 s). Then (2026-12-06, 100,000 customers 59.1 s to 51.7 s) a
    load keeps a 256 MB page cache on the writer: with SQLite's default
    2 MB the word index's pages were read back from the kernel again and
    again (15% of seeding's samples in the kernel's copies, 8% after), and
    a reviewed plan saved twice unchanged is encoded once and written as
    the current plan once. What is left is flat: JSON encoding about a
    quarter of the samples, SQLite a quarter, all on one thread (the
    batch made on the other takes 5%).

    Where start-up's time goes, timed in the program from `main` to the
    first paint (release build, 40 customers; the dynamic loader takes about
    0.6 ms, `--version` about 12 ms, about as long as the floor): before this
    work, 25 ms of our own: parsing the arguments from the root command 3 ms
    (swift-argument-parser builds every command's arguments by reflection),
    opening the file 14.5 ms (three SQLite connections: one inspecting the
    file, the pool's writer and its reader, each parsing the whole schema on
    its first statement, 126 triggers and about 100 KB of SQL, 3.3 ms a
    connection), the services matrix 3.4 ms (JSON), staff, reach and
    settings 0.5 ms, ncurses 0.6 ms, the first caseload page drawn 2.6 ms.
    Now: the caseload, when no command is named, is parsed by its own command
    alone (2 ms); a file whose header carries careerplan's id and, as
    `user_version`, the number of migrations this careerplan knows is not
    inspected by a connection of its own (anything else still is, and a
    newer careerplan's file is still refused before it is written to); the
    program's screens and commands, all on one thread, read and write
    through one connection instead of a pool (the bench and tests keep the
    pool); the matrix is decoded on the second core while the file opens.
    Measured side by side in one run: 36 to 40 ms before, 26 to 28 ms after,
    the floor 10.5 ms. What is left is mostly the one connection's schema
    parse (3.3 ms) and GRDB's opening of it (about 2.5 ms), the arguments
    (2 ms) and the first page (2.7 ms): the floor opens no database, and 1.5
    times it is not reachable while a connection must parse the schema; the
    audit triggers, two thirds of that SQL, could be written shorter.

    Then: the bench measured a binary linked against the shared Swift
    libraries, which no center runs (`make install` links them in, so a
    set-group-ID program looks for no library a user can name). Built as
    installed, careerplan starts in about 21 to 25 ms instead of 27 to 38 ms
    (the dynamic loader no longer resolves Foundation's and the standard
    library's symbols), but the floor, built the same way, drops from about
    12 ms to about 7: the ratio rose from about 2.4 to about 3 times. The
    audit triggers were then written shorter (migration v25-audit-entry):
    each table's trigger hands its row to the view `audit_entry`, whose one
    trigger stamps, signs and chains it, so the triggers every connection
    parses went from 98 KB to 51 KB of SQL (the sqlite3 tool's own opening
    of the file, 6.2 to 4.2 ms); side by side on 40 customers, four runs of
    seven each, 27 ms to 22 ms. What is left, from `perf record` of the
    installed build: SQLite parsing the rest of the schema and reading the
    first page (about a fifth of the process's samples), the Swift runtime
    looking up protocol conformances (about an eighth: every first use of a
    generic type scans the conformance records of everything linked in,
    Foundation's, SwiftNIO's and GRDB's included), and the arguments (about
    a twentieth). The floor links none of GRDB, SwiftNIO or PostgresNIO and
    opens no database; 1.5 times it (about 11 ms) is not in reach while the
    program opens a database and carries PostgreSQL's client.

    Then the file's size (migration v26-packed-bodies, Store/PackedBodies.swift):
    a plan's body averaged 2.4 KB, one to a 4 KB page, and plans with their
    versions were 4 KB of the 9.8 a customer. Pages of 8 KB were tried first
    for new files (9.1 KB a customer, but seeding 72 s instead of 53: not
    taken). Each record's JSON is now stored packed with zstd and a
    dictionary of 32 KB learned from its own table's bodies and kept in the
    file: the keys, services and phrases every record repeats. A plan of
    2,410 bytes is stored in about 175, a note of 278 in about 50, an
    assessment of 896 in 54, an application of 626 in 66 (zstd level 3,
    about 3 microseconds a plan). A load learns the dictionaries from its
    first batch and writes the file anew once (bodies packed where they lay
    leave their pages mostly empty); later writes pack as they go, and the
    night's `careerplan exits` packs what an older careerplan wrote as text
    (the day's first opening 20,000 at most, when cron did not: packing ran
    at about 16 microseconds a body, 172,271 bodies of 20,000 customers and
    their exit check in 3.1 s, so that opening waits about a third of a
    second for them). SQL sees
    only JSON (`careerplan_body`): the audit trail records the same entries,
    and the export is the same, byte for byte (tested). Side by side on
    2026-12-06, the same 100,000 customers: 1,006 MB before, 390 MB after
    (9.8 KB to 3.8 KB a customer), and seeding 80 s before, 73 s after in
    one pair of runs (less to write); at 20,000 customers packing's fixed
    cost (learning 14 dictionaries, writing the first batch anew) made it
    slower, 14 and 17 s before against 18 and 20 s after. This machine was
    slower that evening than when seeding was measured at 53 s (the floor
    10.7 ms against 9.0, seeding 93 s in that run): compare figures of one
    hour, not runs. The automatic-exit check reads less: 2.2 s to 1.7.

    Then the ID (migration v27-words-of-names, Store/IDSearch.swift): once
    the bodies were packed, the word index was the file's largest part, and
    two thirds of its rows were the ID's four spellings ("c000123",
    "000123", "123", "c123"), words of every customer in its table and its
    four indexes. A typed number now finds IDs by arithmetic:
    `CustomerID.ranges(beginning:)` makes "0042" the IDs 4,200 to 4,299 and
    "1" the IDs 1, 10 to 19, 100 to 199 and so on; a page is read by the
    customer table's key and sorted, or, when the number is common among the
    customers, by walking the name index; a count sums a tally of customers
    by planner in blocks of 1,000 IDs and counts the few IDs at each range's
    ends. The bench now types an ID ("c004217") among its names. Side by side
    on 2026-12-06, the same 100,000 customers: 390 MB before, 305 MB after
    (3.8 KB to 3.0 KB a customer; the word index with its indexes 1.3 KB to
    0.46 KB), and seeding 53.5 and 62.2 s before against 48.7 and 51.2 s
    after in two pairs of runs (fewer rows to write). An older file's first
    opening takes the ID's words out and counts the tallies anew: 4.4 s at
    100,000 customers. Then eligibility documents kept by their key alone
    (v28-documents-by-key, a table WITHOUT ROWID: the table of rowids and
    the index of its key held the same rows twice): 305 MB to 299 MB.

    Then seeding (2026-12-07): record bodies are written by careerplan's
    own JSON writer (Store/RecordJSON.swift: Foundation's bytes exactly,
    sorted keys and all, without its tree of boxed values; anything it
    might write otherwise is handed to Foundation), and each batch of 5,000
    customers is made ready on the other core while the file writes the one
    before (Store/PreparedCases.swift: records numbered on from the batch
    before, bodies encoded once and packed with the dictionaries the file
    learned from its first batch, search words made; numbered again if
    someone took the numbers meanwhile). Side by side, the same 100,000
    customers: 53.1 s before, 45.8 s with the writer, 32.6 s with batches
    made ahead, 26.7 s with search words made ahead too; the file's records
    and export are the same, byte for byte. Two whole runs of this
    command five minutes apart measured 28.5 s and 32.4 s (that day's table);
    the machine's speed varies that much from one run to the next (the
    automatic-exit check's 1.2 to 1.9 s likewise). What is left on
    the writer's core is SQLite's own inserts: about 20 rows a customer
    and their index entries.

    Then the dashboard at 1,000,000 customers (2026-12-07): its first page
    walks the planner's items in due order, and the earliest were follow-up
    windows that had closed, kept in the due table although they run on no
    later day (a tenth of the items; 49,000 of the largest planner's at
    1,000,000). The table now keeps none: a load leaves them out, and the
    day's first opening (or the night's `careerplan exits`) drops those that
    closed since. Measured with `BENCH_ONLY=dashboard` on the same two files
    in one hour: 1,000,000 customers 10.1 to 5.6 ms, 100,000 5.5 to 5.0 ms
    (1.85 times to 1.11). The same file's search: median 2.0 ms, 95th
    percentile 3.2 ms (100,000: 2.4 and 3.4); start-up 32.1 ms against 32.1 on
    40 customers (1.0 times); seeding 1,000,000 443 s (859 before this
    stop), 3.0 KB a customer. The first opening after the upgrade drops the
    closed items once: about a minute at 1,000,000 customers (195,000 rows
    and their tally), 6 s at 100,000.

    Then start-up (2026-12-07), timed step by step inside the program from
    exec (marks at each step, 40 customers): 20 to 24 ms to the first paint
    before, 12.5 to 14 ms after; the floor 4.9 ms the same way. What went:
    GRDB's set-up of WAL mode, which made and dropped a table at every
    opening because every close leaves the -wal empty (1.7 ms, and a schema
    change after which every other user's connection parsed the schema
    again: a file already in WAL mode is no longer asked); swift-argument-parser
    for the caseload's usual arguments (none, --db, --theme: 1.5 ms of
    reflection); Foundation's calendar for today (1 ms: the C library's
    clock where it reads the same zone); FileManager's attributes of the
    file (0.7 ms: they look up the owner's name in the password and group
    files; one stat now); GRDB's migrator on a current file (0.8 ms: the
    applied migrations are read once); every module's symbols in the
    dynamic symbol table (42,000, which the Swift run-time's start scans
    with dladdr: 0.7 ms; both programs now link with --no-export-dynamic);
    printable ASCII measured through Unicode's tables, theme lines trimmed
    with Foundation's character sets (0.5 ms). What is left, from exec: 4.5
    ms before main (the floor 3.5: the larger binary's relocations), the
    schema's parse 2.2 ms (140 triggers, 53 KB of SQL, most of it the audit
    triggers' column lists), SQLite's and GRDB's opening 0.6 ms, the first
    page's queries 0.9 ms, drawing and writing it 1.3 ms, curses 0.5 ms (the
    floor pays it too). 1.5 times the floor needs the schema parsed in well
    under a millisecond: the audit triggers written without their column
    lists, a change to the trust boundary's own code not made in passing.
    Two whole runs of this
    command twenty minutes apart measured seeding at 27.4 s and 33.4 s (this
    table), and in the first the 40-customer file's start-up at 32.1 ms
    against 15.8 ms for 100,000: a slow spell of the shared machine fell on
    one file's seven runs. The three start-ups are now taken in turn, nine
    rounds, so such a spell falls on all three alike.
    Stored days, read byte by byte for start-up, also took the dashboard
    from 4.6 to about 2 ms and search's median from 2.7 to about 1 ms (each
    item and row names several days).

    Then the schema's triggers (2026-12-07, migration
    v29-triggers-per-connection): the audit's 85 triggers and the 46 that
    keep the derived tables (the due items' marks, the search's and the
    dashboard's tallies) were parsed by every connection as it opened, the
    one that only reads the first page included: about 50 KB of SQL, 1.5 to
    3 ms of a start. They are now each writing connection's own TEMP
    triggers (Store/ConnectionTriggers.swift), made in the transaction of
    its first write; the file keeps the rules that refuse a change and a
    guard on each audited table that refuses another program (96 triggers,
    13 KB, most of them four-word guards). A connection's first write pays
    for them instead: about 10 ms once a session, SQLite's own cost of 131
    CREATEs (17 ms while the schema was read between them). The same 40-customer file, 61
    starts of each binary taken in turn: median 15.5 to 14.2 ms, the floor
    5.5 in the same harness; in that day's whole run, 1.7 times the floor (2.15
    before). What is left (a profile of 25 starts): the Swift run-time's
    conformance lookups, 43 at start-up, each a scan of the binary's 9,765
    conformance records (the floor's has 5,118; GRDB, swift-nio, PostgresNIO
    and swift-crypto make up the difference): about 1.5 ms; SQLite's and
    GRDB's opening and the schema left, about 1 ms; the first page's
    queries and drawing it, about 2 ms; exec to main 0.8 ms more than the
    floor (relocations of the larger binary). The services matrix is decoded
    on the other core meanwhile (3 ms of CPU). Search's 95th percentile, 4.2 ms
    in that run (4.1 in the run before), measured 2.2 and 1.2 ms in two runs of
    `BENCH_ONLY=search` minutes later, and between 1.2 and 1.6 after the run before.

    Then seeding's first batch (2026-12-07): made before anything is written,
    with nothing beside it, it is 1,000 customers instead of 5,000, and a
    table that learns its dictionary from a later batch is handed it for the
    batches after (the file's writer packed those bodies itself): 20,000
    customers 6.4 to 5.6 s in three pairs of runs; at 100,000 about a second,
    less than the machine's variation between two runs (34.0 and 29.3 s
    before, 28.9 and 30.5 s after); the file the same size within 0.2%.

    Then the file (2026-12-07, migrations v30-due-by-customer and
    v31-plan-by-version): each due item was stored four times, the table's
    rows by rowid, an index by customer and the two indexes the dashboard
    reads, each holding the whole item. The table is now keyed by its
    customer's items (WITHOUT ROWID), so the index by customer went, and
    the index by day holds the day and the key alone (only the all-planners
    page and the night's clean-up read it; a page's items are each looked
    up): 0.48 to 0.39 KB a customer, the planner's dashboard the same (1.7
    to 1.9 ms). And every plan save wrote the plan's body twice, as the
    version it made and as the plan as it stands: the current plan is now
    read from the version it names (as PostgreSQL reads it), 0.1 KB a
    customer. The file 2.9 to 2.7 KB a customer (298 to 278 MB); seeding
    and search unchanged.

    Then seeding at 1,000,000 (2026-12-07): two profiles, 100,000 and
    1,000,000 customers (`perf record -F 199`, 333.6 s), showed the writing
    thread doing 13 times the work for 10 times the customers: SQLite's
    descent of indexes one level deeper, and the pages each commit writes
    (the log's frames, the kernel's copies, ext4's writeback), as a batch's
    inserts land on more pages of larger indexes. Not the reading of pages
    (reading the file through memory mapped from it: 340.2 s against
    339.7), and no batch is numbered again. `seed` now writes 20,000
    customers a transaction instead of 5,000, and a load checkpoints its log
    every 25,000 pages instead of 1,000: 1,000,000 customers 334 to 340 s
    to 296 s (the checkpoints alone: 327 s), 100,000 the same (24.1 and
    24.4 s), seeding's peak memory 0.5 to 1.2 GB (two batches held).
    296 s is 1.23 times ten times the 100,000 figure (target 1.2).

    Then a new file's indexes, and assessments packed (2026-12-07): `seed`
    fills only a file with no customers, so it now drops the twelve indexes
    whose order is not the rows' (the customers' by name, planner, birth
    date, e-mail, phone and last service, the word index's four, the due
    table's two) and makes them once its batches are written: SQLite sorts
    each index's entries and writes full pages in order. Written with their
    rows, those entries split pages all over (a tenth of each left empty)
    and, at 1,000,000 customers, descended deeper trees and made each commit
    write pages spread over all of them: that was seeding's growth beyond
    ten times (`Store/DeferredIndexes.swift`; a seed killed meanwhile leaves
    the file's schema stamp at 0, and the next careerplan to write the file
    makes what is missing). 1,000,000 customers seeded in 212 s instead of
    295 (225.2 s with packed assessments, benchmarks-1000000.md's run);
    100,000 in about the same time (23 to 24 s); the file 2.78 to 2.68
    KB a customer. The indexes by customer, already in the rows' order, are
    written with them (made after too: 0.02 KB less, 16 s more at
    1,000,000). And assessments, the last case record kept in typed
    columns, are kept as their JSON and packed like the others
    (v32-assessment-bodies): 0.21 to 0.1 KB a customer. The file 278 to 257
    MB (2.5 KB a customer); start-up, search and the dashboard the same
    within this hour's variation (the same binary started in 14.4 to 19.9 ms
    in six runs of `BENCH_ONLY=startup`, the floor in 7.9 to 10.0; the
    dashboard 2.7 to 3.1 ms on this file and on one seeded the old way).

    Then due items as numbers, and start-up step by step (2026-12-07,
    later): each due item kept its rule's name and its subject's words (a
    service's name, up to 80 characters) in its key, so in the table and
    both its indexes; they are now a fixed number and the id of the words in
    a dictionary (v33-due-codes, `Store/DueCodes.swift`): the due table and
    its indexes 0.36 to 0.19 KB a customer, the file 257 to 240 MB (2.4 KB a
    customer), the dashboard 1.9 ms. Start-up was timed in the program,
    step by step from exec (median of 21 starts of the 40-customer file):
    exec to `main` 6.1 ms (the floor 4.7: libsqlite3 and the larger binary's
    relocations), the configuration and the arguments 1.0, opening the file
    3.4 (GRDB's and SQLite's open 0.7, the first statement's parse of the
    schema and set-up of the WAL 1.3: the 87 guards alone are 0.36 of it,
    measured on a copy without them), the theme 0.4, the staff and the
    session 0.6, curses 0.7, the first page 2.9 (its queries 1.1, drawing
    0.7, curses writing it 0.9); the floor from `main` to its paint 1.9. A
    profile of the same starts found the Swift runtime's conformance lookups
    in a third of the main thread's samples: each first use of a generic
    type with a requirement (a `Set<String>`, a dictionary keyed by a
    customer ID, a decoder's keys) scans all 9,765 conformance records in
    the binary (the floor holds 5,118), about 40 of them in a start. The
    services matrix, decoded on the second core meanwhile, is now read
    beside the program without Foundation's `Bundle` (a quarter of that
    thread): the first screen waited for it 0.75 ms, now 0.4 to 0.5. This
    run's start-ups, 16.9 and 23.2 ms against 8.1, were its unlucky ones:
    three runs of `BENCH_ONLY=startup` right after gave 16.0 to 18.6 ms (40
    customers), 18.7 to 20.8 (100,000) against 8.9 to 10.1.

    Then the file under 2 KB a customer (2026-12-07, a later session).
    Bodies are stored without the 4 bytes of magic every zstd frame begins
    with (v34-short-bodies; bodies packed before keep them and read as
    ever): 0.04 KB a customer. The frame keeps zstd's 4-byte id of its
    dictionary: the file's own number for it would save 3 bytes more a body,
    but a body from another file would then name one of this file's
    dictionaries and read back as garbage instead of being refused. Each
    customer's eligibility documents, a row each with the item, the type,
    the day and the login as text (0.19 KB a customer), are one packed JSON
    list in item order (v35-document-bodies, `Store/DocumentBodies.swift`):
    0.05 KB. Case notes keep their id, their customer and their body
    (v36-note-bodies, `Store/NoteBodies.swift`): the kind, the day, the link
    and the amendment the body already says, and the day in the index by
    customer, went, 0.43 to 0.28 KB; a customer's notes are sorted by day
    and id as they are read. Notes, plans, applications, assessments, GSAs
    and document lists are packed at zstd's level 9 instead of 3, 5 to 20 %
    smaller (0.07 KB a customer; signatures, outcomes and exits pack smaller
    at 3 and stay there); so that seeding does not pay for it, the load's
    second batch, made before the file has learned its dictionaries and so
    packed by the file's writer itself, is 4,000 customers and the third
    10,000 before the batches of 20,000 (100,000 customers 24 to 27 s). The
    file 240 to 200 MB: 1,997 bytes a customer (1.95 KiB; the table's 2.0
    is that rounded). Tried and not kept: dictionaries of 64 KB (0.01 KB a
    customer less, and every file 0.5 MB more of them); the file written
    anew after seeding (0.04 KB a customer less, the pages of the indexes
    filled as rows came, but VACUUM copies the file in memory, 2.4 GB at
    1,000,000 customers). This run's start-up, 19.5 and 19.3 ms against a
    floor of 9.4, is about where it was: five runs of `BENCH_ONLY=startup`
    after it gave 13.4 to 15.5 ms on 40 customers against a floor of 7.2
    to 8.1, 1.8 to 2.0 times. Measured and not built: SQLite and zstd
    linked into careerplan from their static libraries (relinked by hand
    with a directory of the two `.a` files first in the search path) start
    1.5 ms sooner, 11.7 to 12.5 ms against 13.3 to 14.5 on 40 customers in
    alternate runs, which would put start-up near 1.6 times the floor.
    SwiftPM names the shared libraries first (GRDB's and CZstd's module
    maps), before any flag of the package's own, so only a directory that
    holds the two static libraries alone, made before the build, gets it;
    and a careerplan carrying its own SQLite no longer gets
    Debian's security updates of libsqlite3 until it is built again.

    Tried and not taken (2026-12-07): the compiler's
    `-disable-concrete-type-metadata-mangled-name-accessors` took 27 of the
    45 conformance lookups out of a start (careerplan 0.5 to 0.9 ms
    faster) but made the floor 0.3 ms faster too, so the ratio hardly
    moved; relocations packed (lld's `-z pack-relative-relocs`) saved the
    floor 0.17 ms of 5.4; reading the file through memory mapped from it
    while seeding 1,000,000 customers took 340.2 s against 339.7 s without.
    What is left of start-up beyond the floor, from the loader's own
    statistics and a profile: the dynamic loader 2.1 million cycles against
    the floor's 0.7 (libsqlite3's 1,600 symbol relocations, bound at load,
    and 57,000 more relative relocations), the conformance lookups, GRDB's
    opening and the first page's queries.

    Then start-up as installed (2026-12-07, a third session), timed from
    exec with marks in the program and a pseudo-terminal of its own, 41
    starts of each binary in turn. The services matrix is read after the
    first screen is painted (`Session.loadMatrix`, from
    `AppLoop.run(afterFirstPaint:)`) instead of decoded on the second core
    before it: the caseload and the dashboard never use it, and its decoding
    (about 3 ms of CPU, most of it the Swift runtime's conformance lookups
    for `JSONDecoder`'s generic paths) competed with the opening for the
    machine while the first screen waited for it: 17.3 to 14.3 ms. A
    malformed matrix still stops the program before any key is read, and the
    day's automatic-exit check reads it only when it runs. Then the build
    that `make install` and this command use (`scripts/build-installed`)
    reaches a generic type's metadata by a direct call wherever the compiler
    knows the type, in every module, GRDB's and swift-argument-parser's too
    (`-disable-concrete-type-metadata-mangled-name-accessors`), and links
    SQLite and zstd from Debian's static libraries (a directory holding only
    the two `.a` files on the linker's path): 13.2 to 11.5 ms, the floor 5.6
    to 5.3 (tried before and not taken, above; with the matrix gone from
    start-up the lookups it removes were a larger share), and 0.45 ms less
    before `main` for the two libraries. `careerplan --version` names the
    SQLite inside; after a security update of libsqlite3-dev, `make
    install` again (docs/security.md). Start-up's medians here are now of 25
    rounds instead of 9: in ten runs of `BENCH_ONLY=startup` of the same
    binaries, nine rounds gave 1.24 to 1.9 times the floor. Tried and not
    kept: curses started on another thread while the file opens (its 0.5
    ms no longer waited for, but the opening and the first queries 1.3 ms
    slower beside it: two threads faulting pages in and allocating on two
    cores), and reads without GRDB's read-only transaction (7 microseconds a
    read, 13 reads at start-up). What is left, from exec on 40 customers
    (about 11.5 ms against the floor's 5.5 in that harness): exec to `main`
    5.1 ms (the floor 4.9), GRDB's and SQLite's opening 1.5 (SQLite's own
    open and parse of the schema 0.74), signing in with the settings,
    reach and staff 0.5, curses 0.45 (the floor pays it too), the first
    page 1.7 (its four queries 1.3, mostly code run for the first time;
    drawing 0.4) and writing it 0.6.

    Then (the day's fourth session) the first screen without work it did not
    need, each found by marks in the program timed against `perf record -k
    CLOCK_MONOTONIC` samples on the same clock, or by breaking in gdb on the
    runtime's search of every protocol conformance: Foundation's string folding,
    first used by the caseload's empty search (ASCII is folded by hand now, lower
    case only; a test holds it to Foundation's for every ASCII character: about
    0.25 ms); a customer's row read by position instead of by name nineteen times
    (0.1); three searches of the 9,765 conformances on the way to the title and
    key bars (a cast to `CustomerScreen`, now a `Screen` requirement, a slice's
    join and a generic `String` initializer: 0.2); the theme file read with
    read(2), not FileManager's first use; zstd's contexts made on first use; the
    caseload's plain arguments no longer making `OpenCommand`'s option groups;
    curses drawing a cell from the stack. And one not ours: Debian's ncurses 6.4
    flushed its output at every cursor movement until the program had once left
    curses and come back (it takes itself for a terminfo program until then): 38
    write(2) calls for the first caseload and about 20 for each character typed
    in a search. careerplan leaves and comes back once, right before the first
    screen: 3 writes, and one a keystroke (`ScreenWritesEndToEndTests` counts
    them in /proc). Read straight from the pseudo-terminal that was 1 to 2 ms of
    start-up; through `script`, as here, it hardly shows, but a keystroke over
    SSH is now one packet instead of twenty. Tried and not kept: the program's
    text mapped in ahead on the second core (`MADV_POPULATE_READ`: 2 ms slower).

    Left of issue 28 (2026-12-08, four runs with `--store postgresql`, two
    of each size, the 1,000,000 runs set beside the 100,000 run just
    before them, as each figure's table says): every target was met in one
    run on 100,000 customers (start-up 12.7 ms against a floor of 8.6, 1.48
    times; seeding 27.7 s; PostgreSQL within its targets), and missed in
    the next by start-up (13.1 against 8.4, 1.56 times) and seeding (30.2
    s). Start-up and seeding sit at their targets, not under them by a
    margin this machine's noise respects. At 1,000,000 customers the file
    store's figures were within 1.2 times of the 100,000's in both runs but
    one (the first run's search, a 95th percentile of one pass: 2.7 against
    1.6 ms; each key is now the median of three passes, and the second run
    gave 1.2 against 1.2). PostgreSQL's were within 1.2 times in the first
    1,000,000 run (search 3.2 and 4.1 ms, the dashboard 5.6 ms) and not in
    the second (4.2 and 5.9 ms, over issue 28's 5 ms, the dashboard 9.9 ms against 5.7): the same
    code on the same caseload, moved in afresh, differed by three quarters
    between runs; what differs between two servers freshly loaded (the
    tables' statistics, what of 1,000,000 customers' pages is in memory) is
    not yet found. What is left beyond the floor at start-up, about 4 to 5
    ms: exec to `main` about 0.3 ms more than the floor's (127,541
    relocations against 70,929, and the pages they write: the metadata of
    SwiftNIO, GRDB and swift-argument-parser), GRDB's and SQLite's opening
    1.5 (SQLite's parse of the schema, of it the 87 guard triggers of the
    trust boundary about 0.4), the account's name (getpwuid, 0.1), signing
    in with the settings, reach and staff 0.5, the first page's four
    queries 0.5 to 0.7, drawing it 0.3 and writing it 0.4. The word index's
    index by customer stays: a search of two words checks each candidate of
    the longer against the other through it, and the alternatives measured
    or reckoned (the other word's range read once, 150,000 rows for one
    letter at 1,000,000 customers, or the names folded again per candidate)
    cost a search more than its target allows.
    At 1,000,000 customers: benchmarks-1000000.md.

    At 1,000,000 customers (seeded with v27 on 2026-12-06, measured with
    `BENCH_ONLY`, the ID typed too): the file 3.08 GB, 3.0 KB a customer
    (1.01 times the 100,000's); search's median 1.8 ms and 95th percentile
    2.6 ms (the same as at 100,000); the dashboard of the largest planner
    6.1 ms (1.8 times: its due tally's rows grow with the distinct days, as
    below); start-up 22.1 ms against 21.5 on 40 customers (1.03 times);
    seeding 859 s (the test suite ran beside it for six of its minutes).
    The slowest corner found: End on a one-digit search ("1", 111,111
    matches of 1,000,000) sorts them all, about a quarter of a second.

    ## 1,000,000 customers

    `BENCH_CUSTOMERS=1000000 scripts/bench --store postgresql` measures the same
    figures on a caseload ten times this one, both stores, into
    [benchmarks-1000000.md](benchmarks-1000000.md) (about an hour: seeding and
    moving the customers into PostgreSQL take most of it). Its first run
    (2026-12-06) found the file's start-up 1.40 times its 40 customers' (PostgreSQL
    1.08), search's 95th percentile 46.6 ms on the file and 24.5 ms on PostgreSQL,
    and the dashboard of a planner with 230,120 customers 159 ms on the file and
    371 ms on PostgreSQL. Then the word index (v22-search-words) and the due
    tally (v23-due-tally), measured on that same file two figures at a time
    (`BENCH_ONLY`, release build):

    | Figure, 1,000,000 customers | File before | File after | File now | PostgreSQL before | PostgreSQL after | PostgreSQL now | Target |
    | --- | --- | --- | --- | --- | --- | --- | --- |
    | Search as you type, median | 17.7 ms | 2.0 ms | 1.8 ms | 3.8 ms | 7.0 ms | 3.7 ms | ≤ 10 ms |
    | Search as you type, 95th percentile | 61.8 ms | 5.5 ms | 2.4 ms | 24.5 ms | 15.7 ms | 4.5 ms | ≤ 10 ms (issue 28: 5 ms) |
    | Dashboard, largest planner (230,120 customers) | 272 ms | 5.9 ms | 6.4 ms | 371 ms | 47.6 ms | 29.1 ms | ≤ 200 ms (issue 28: 100 ms) |
    | Start-up, 1,000,000 against 40 customers | 1.40× | 1.05× (39.1 / 37.4 ms) | 0.99× (20.5 / 20.7 ms) | 1.08× | — | — | ≤ 1.2× |

    PostgreSQL got the same two (v9-due-tally, v10-search-heads); its "after"
    is `BENCH_ONLY=search,dashboard BENCH_CUSTOMERS=1000000 scripts/bench`'s
    Bench with `--store postgresql` on the same file, moved in afresh (1,855 s).
    Its search was still over 10 ms for three letters and more of a common
    name (14 to 16 ms: counting 27,000 matches in the word index, then the
    page). "Now" is after the word tally on both stores (file v24-word-tally,
    PostgreSQL v11-word-tally): a search of three characters or more is
    counted as a sum over the rows of the few words that begin it, by
    planner and what each shares with the customer's word before it (so a
    customer is counted once, at their first matching word); the ID's
    spellings, each one customer's, are still counted in the word index.
    Measured the same way on the same file, moved in afresh (1,683 s), the
    start-up with `BENCH_ONLY=startup` as installed (above). Both stores'
    search at 1,000,000 is now within 1.2 times its figure at 100,000; the
    dashboard is not (the file 6.4 against 3.3 ms): the due tally's rows for
    the largest planner grow with the distinct due days and windows (3,328
    at 100,000, 5,455 at 1,000,000; by day and rule alone 2,374 and 2,463).
    Opening a file from before these migrations builds the word index and
    the tallies once: about 4 minutes at 1,000,000 customers, seconds at 40.
    \(scaleSection)\(sideBySide)
    """
try report.write(toFile: out, atomically: true, encoding: .utf8)
print("written to \(out)")
