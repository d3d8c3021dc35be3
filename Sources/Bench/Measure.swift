import App
import Domain
import Foundation
import Glibc
import TerminalKit

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
func percentile(_ xs: [Double], _ p: Double) -> Double { xs.sorted()[min(xs.count - 1, Int(Double(xs.count) * p))] }
func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

struct Row { var what: String; var figure: String; var target: String; var met: Bool? }

let benchToday: Day = {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
}()

/// Exec of `command` to the caseload's status line ("1/count") being painted, median of 7.
func startup(_ command: String, count: Int) throws -> Double {
    try startups([(command, count)])[0]
}

/// The same for several commands, taken in turn (one of each, then again), so a spell when the shared
/// machine is slow falls on each of them alike: the ratios between them are what the targets ask. Each
/// round begins with the next command: a command run right after a different program started about half
/// a millisecond slower than the same command run again (the 40-customer file, timed in the first place
/// and the second of one round, 15.0 against 14.4 ms), and in a fixed order that fell on one file always.
func startups(_ commands: [(command: String, count: Int)], rounds: Int = 51) throws -> [Double] {
    var times = Array(repeating: [Double](), count: commands.count)
    for round in 0..<rounds {
        for turn in 0..<commands.count {
            let i = (round + turn) % commands.count, c = commands[i]
            let s = try PtySession(c.command)
            let marker = Array("1/\(c.count)".utf8)
            guard s.read(timeout: 30, until: { $0.count >= marker.count && $0.firstRange(of: marker) != nil }) else {
                s.finish()
                throw BenchError("no caseload painted by \(c.command): \(s.text.suffix(300))")
            }
            times[i].append(Date().timeIntervalSince(s.started))
            s.finish()
        }
    }
    return times.map(median)
}

/// The caseload at 80x24 in process, drawn, its search field open ("/").
func searching(_ store: any Caseload, as user: Staff) throws -> (MemoryTerminal, AppLoop) {
    let session = try Session(store: store, login: user.login, user: user, today: benchToday)
    let terminal = MemoryTerminal(width: 80, height: 24)
    let loop = AppLoop(root: CaseloadScreen(session: session), store: store, terminal: terminal, titleRight: "bench")
    loop.run()
    terminal.type([.char("/")])
    loop.run()
    return (terminal, loop)
}

/// Search as you type on the caseload, in process: 200 keystrokes (words
/// typed and erased), each from key to the narrowed list drawn; each key's
/// time the median of three passes of the same keys, each on a caseload
/// opened afresh. One pass's 95th percentile is its tenth slowest key, and a
/// single stall of the shared machine (or a page of the file read back from
/// the disk) moved it by half a millisecond between runs of the same file.
func searchKeystrokes(_ store: any Caseload, as user: Staff, passes: Int = 3) throws -> [Double] {
    let each = try (0..<passes).map { _ in try searchPass(store, as: user) }
    return each[0].indices.map { key in median(each.map { $0[key] }) }
}

/// One pass of `searchKeystrokes`: the time of each of the 200 keys, in order.
private func searchPass(_ store: any Caseload, as user: Staff) throws -> [Double] {
    let (terminal, loop) = try searching(store, as: user)
    var times: [Double] = []
    // Names, and an ID as a planner types it from a letter ("C", "C0", … "C004217": IDs by arithmetic).
    let words = ["garcia", "nguyen", "c004217", "smith", "lopez", "wojcik"]
    while true {
        for w in words {
            for k in w.map({ Key.char($0) }) + Array(repeating: Key.backspace, count: w.count) {
                let t0 = Date()
                terminal.type([k])
                loop.run()
                times.append(Date().timeIntervalSince(t0))
                // BENCH_SLOW=1 names each keystroke over the target: what to profile.
                if ProcessInfo.processInfo.environment["BENCH_SLOW"] != nil, times.last! > 0.010 {
                    // The status line holds the search as typed.
                    let status = terminal.screen.line(terminal.screen.height - 2).trimmingCharacters(in: .whitespaces)
                    print("slow key \(k), \(status.prefix(30)): \(ms(times.last!))")
                }
                if times.count == 200 { return times }
            }
        }
    }
}

/// The rows of the 80x24 screen that one typed character changes: "/" then
/// "g" on the caseload, as the bytes on the wire are measured. A row counts
/// when any of its cells' text or style differs, so the target allows what a
/// terminal needs to repaint those rows whole.
func rowsChangedBySearchKey(_ store: any Caseload, as user: Staff) throws -> Int {
    let (terminal, loop) = try searching(store, as: user)
    let before = terminal.screen
    terminal.type([.char("g")])
    loop.run()
    let after = terminal.screen
    return (0..<after.height).filter { row in (0..<after.width).contains { before[row, $0] != after[row, $0] } }.count
}

/// The planner with the most customers.
func largestPlanner(_ store: any Caseload) throws -> (planner: Staff, customers: Int) {
    let planners = try store.staff().filter { $0.role == .planner && $0.isActive }
    let counted = try planners.map { ($0, try store.count(CaseloadFilter(planner: $0.login))) }
    guard let most = counted.max(by: { $0.1 < $1.1 }) else { throw BenchError("no planner") }
    return most
}

/// The dashboard of due items opened and drawn, three times.
func dashboardOpenings(_ store: any Caseload, as planner: Staff) throws -> [Double] {
    let session = try Session(store: store, login: planner.login, user: planner, today: benchToday)
    return (0..<3).map { _ in
        let t = MemoryTerminal(width: 80, height: 24)
        let t0 = Date()
        let l = AppLoop(root: DashboardScreen(session: session), store: store, terminal: t, titleRight: "bench")
        l.run()
        return Date().timeIntervalSince(t0)
    }
}

/// `check` (the automatic exit's dry run over everyone: who it would take today, nothing written), timed once.
func exitCheck(_ check: (Day, ServicesMatrix) throws -> Void) throws -> Double {
    let matrix = try ServicesMatrix.bundled()
    let t0 = Date()
    try check(benchToday, matrix)
    return Date().timeIntervalSince(t0)
}

/// `careerplan seed` of `customers` into a new file in a temporary directory, timed from exec to exit; and
/// the bytes per customer of every file it left (the data file, and its journal if any).
func seeding(_ binary: String, customers: Int) throws -> (seconds: Double, bytesPerCustomer: Double) {
    let dir = NSTemporaryDirectory() + "careerplan-bench-seed-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let t0 = Date()
    spawnAndWait([binary, "seed", "--db", dir + "/seeded.sqlite", "--customers", String(customers), "--today", benchToday.description])
    let seconds = Date().timeIntervalSince(t0)
    let bytes = try FileManager.default.contentsOfDirectory(atPath: dir).reduce(0.0) { sum, name in
        sum + ((try FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.size] as? NSNumber)?.doubleValue ?? 0)
    }
    guard bytes > 0 else { throw BenchError("careerplan seed made no file in \(dir)") }
    return (seconds, bytes / Double(customers))
}

/// Runs a program to its end, its output thrown away (posix_spawn: Foundation's Process adds tens of milliseconds).
func spawnAndWait(_ words: [String]) {
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    var status: Int32 = 0
    posix_spawn(&pid, words[0], &actions, nil, argv, environ)
    waitpid(pid, &status, 0)
}
