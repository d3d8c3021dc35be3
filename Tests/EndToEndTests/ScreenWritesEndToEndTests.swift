import Foundation
import Testing

/// What a screen costs the connection: the real binary in tmux, its write(2) calls counted by the kernel
/// (/proc/PID/io). Debian's ncurses 6.4 wrote at every cursor movement until the program had once left
/// curses and come back: 38 writes for the first caseload, about 20 for a character typed in its search,
/// each a wake-up of the reader and over SSH often a packet of its own (`CursesTerminal.present`).
@Suite(.serialized) final class ScreenWritesEndToEndTests {
    let work: Workspace

    init() throws { work = try Workspace("careerplan-writes") }

    @Test func aTypedSearchCharacterGoesOutInAFewWrites() throws {
        let db = work.dir + "/caseload.sqlite"
        _ = try TmuxSession.run(work.binary, ["seed", "--db", db, "--customers", "40"])
        let tmux = try TmuxSession(dir: work.dir, command: [work.binary, "--db", db])
        try tmux.waitFor(text: "1/40")
        let pid = try tmux.programPID()
        try tmux.send("/")
        try tmux.waitFor(text: "Search:")
        // Each key's screen, from the key to the list narrowed and drawn; nothing else writes meanwhile
        // (a search is not kept as a draft, and the data file is only read).
        for (typed, shown) in [("m", "Search: m"), ("a", "Search: ma")] {
            let before = try Self.writes(of: pid)
            try tmux.send("-l", typed)
            try tmux.waitFor(text: shown)
            let made = try Self.writes(of: pid) - before
            #expect(made <= 3, "\(made) writes for one typed character")
        }
    }

    /// The write(2) calls the process has made (`syscw` of /proc/PID/io).
    static func writes(of pid: pid_t) throws -> Int {
        let io = try String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8)
        let line = try #require(io.split(separator: "\n").first { $0.hasPrefix("syscw:") })
        return try #require(Int(line.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces)))
    }
}
