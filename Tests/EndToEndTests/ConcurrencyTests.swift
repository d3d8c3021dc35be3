import Foundation
import Glibc
import Testing
import Domain
import Synthetic

/// Many writers on one data file, and writers killed mid-write: every
/// committed edit is there afterwards, the audit trail counts them all,
/// and the file passes SQLite's integrity check.
@Suite(.serialized) final class ConcurrencyTests {
    let work: Workspace
    let writer: String
    var binary: String { work.binary }
    var dir: String { work.dir }
    var db: String { dir + "/shared.sqlite" }

    init() throws {
        work = try Workspace("careerplan-stress")
        writer = (work.binary as NSString).deletingLastPathComponent + "/StressWriter"
        try #require(FileManager.default.isExecutableFile(atPath: writer), "build StressWriter first: swift build")
        try TmuxSession.run(binary, ["seed", "--db", db, "--customers", "24", "--today", "2026-11-23"])
    }

    /// Starts the writer with its output in a file; returns its pid.
    func spawn(_ args: [String], output: String) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, output + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([writer] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        _ = posix_spawn(&pid, writer, &actions, nil, argv, environ)
        return pid
    }

    func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    func lines(_ path: String) -> [String] {
        (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    func export() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(TmuxSession.run(binary, ["export", "--db", db]).utf8)) as! [String: Any]
    }

    func sqlite(_ sql: String) throws -> String {
        try TmuxSession.run("/usr/bin/sqlite3", [db, sql]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The load a busy center puts on one file, bounded (about a minute):
    /// six writer processes on the same customers, a command-line loop
    /// recording copies handed over, and a planner at a terminal writing
    /// notes. No write fails ("database is locked" never reaches anyone),
    /// every committed write is in the file, and the audit trail counts them.
    @Test(.timeLimit(.minutes(5)))
    func sixWritersACommandLoopAndATerminalUserLoseNoWrite() throws {
        let tags = ["w1", "w2", "w3", "w4", "w5", "w6"]
        let copiesBefore = ((try export())["planCopies"] as? [Any])?.count ?? 0
        let pids = tags.map { spawn([db, $0, "4,10,16,22", "250"], output: dir + "/\($0).out") }
        let loop = """
            i=0; while [ $i -lt 20 ]; do \(TmuxSession.quote(binary)) plan C000016 --given --db \(TmuxSession.quote(db)) >/dev/null 2>>\(dir)/cli.err \
              || echo "plan --given failed" >> \(dir)/cli.err; i=$((i+1)); done
            """
        var cli: pid_t = 0
        let shell: [String] = ["/bin/sh", "-c", loop]
        let argv = shell.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        _ = posix_spawn(&cli, "/bin/sh", nil, nil, argv, environ)
        // A planner at a terminal, writing contact notes on the same customers meanwhile.
        try FileManager.default.createDirectory(atPath: dir + "/user", withIntermediateDirectories: true)
        let user = try TmuxSession(dir: dir + "/user", command: [binary, "--db", db], width: 100, height: 30)
        // Each key waits for its screen: the user's process shares two cores with seven others.
        try user.waitFor(text: "/ to search by name or ID", timeout: 40)
        try user.send("/")
        try user.waitFor(text: "Enter Keep", timeout: 40)
        try user.send("-l", "C000022")
        try user.waitFor(text: " 1/1", timeout: 40)
        try user.send("Enter")
        try user.waitFor(text: "Enter Open", timeout: 40)
        try user.send("Enter")
        try user.waitFor(text: "Running clocks", timeout: 40)
        for n in 1...3 {
            try user.send("N")
            try user.waitFor(text: "Which note?", timeout: 40)
            try user.send("Enter")
            try user.waitFor(text: "· Contact note", timeout: 40)
            for _ in 0..<4 { try user.send("Tab") }
            try user.send("-l", "terminal note \(n)")
            try user.waitFor(text: "terminal note \(n)", timeout: 40)
            try user.send("C-s")
            // Saved, the note's form closes onto the customer again.
            try user.waitFor(text: "Contact note saved", timeout: 40)
            try user.waitFor(text: "Running clocks", timeout: 40)
        }
        let statuses = pids.map(wait)
        _ = wait(cli)
        for (tag, status) in zip(tags, statuses) {
            #expect(status == 0, "writer \(tag) ended with \(status): \(lines(dir + "/\(tag).out.err"))")
            #expect(lines(dir + "/\(tag).out.err").isEmpty)
            #expect(lines(dir + "/\(tag).out").count == 250)
        }
        #expect(lines(dir + "/cli.err").isEmpty, "\(lines(dir + "/cli.err"))")
        let data = try export()
        #expect(((data["planCopies"] as? [Any])?.count ?? 0) == copiesBefore + 20)
        let notes = Set((data["notes"] as! [[String: Any]]).compactMap { $0["text"] as? String })
        for n in 1...3 { #expect(notes.contains("terminal note \(n)")) }
        for tag in tags {
            let committed = lines(dir + "/\(tag).out")
            for line in committed where line.hasPrefix("note ") { #expect(notes.contains(String(line.dropFirst(5)))) }
            // The audit trail holds exactly the writes each writer committed.
            let noteRows = try sqlite("SELECT count(*) FROM audit WHERE login = '\(tag)' AND entity = 'case_note' AND action = 'insert'")
            #expect(Int(noteRows) == committed.filter { $0.hasPrefix("note ") }.count)
            let appRows = try sqlite("SELECT count(*) FROM audit WHERE login = '\(tag)' AND entity = 'application' AND action = 'update'")
            #expect(Int(appRows) == committed.filter { $0.hasPrefix("app ") }.count)
        }
        #expect(try TmuxSession.runWithStatus(binary, ["audit", "--verify", "--db", db]).status == 0)
        // Each application change is in the audit trail with its new value; the last one stands.
        let marks = try sqlite("SELECT group_concat(json_extract(json_extract(new, '$.answers'), '$.socialMedia'), ' ') FROM audit WHERE entity = 'application'")
        let applied = Set(tags.flatMap { lines(dir + "/\($0).out") }.filter { $0.hasPrefix("app ") }.map { String($0.dropFirst(4)) })
        #expect(Set(marks.split(separator: " ").map(String.init)).isSuperset(of: applied))
        #expect(try sqlite("PRAGMA integrity_check") == "ok")
    }

    @Test(.timeLimit(.minutes(5)))
    func aWriterKilledMidWrite50TimesLosesNothingCommitted() throws {
        // Seeded: a failure repeats with the same kill times.
        var rng = SplitMix(seed: 20261123)
        var committed: [String] = []
        for run in 0..<50 {
            let out = dir + "/kill-\(run).out"
            let pid = spawn([db, "k\(run)", "4,10,16", "100000"], output: out)
            usleep(UInt32.random(in: 20_000...150_000, using: &rng))
            kill(pid, SIGKILL)
            _ = wait(pid)
            committed += lines(out).filter { $0.hasPrefix("note ") }.map { String($0.dropFirst(5)) }
        }
        #expect(try sqlite("PRAGMA integrity_check") == "ok")
        let notes = Set(((try export())["notes"] as! [[String: Any]]).compactMap { $0["text"] as? String })
        #expect(!committed.isEmpty)
        #expect(committed.filter { !notes.contains($0) } == [])
    }
}
