import Foundation
import Glibc
import Testing

/// The real careerplan binary in a private tmux server, driven by keys and
/// read by `capture-pane`, exactly as a user at a terminal would see it.
final class TmuxSession {
    let dir: String
    let socket: String
    let name = "e2e"

    static let repo = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary `swift build` made for this checkout.
    static var binary: String? {
        let candidates = [".build/debug/careerplan", ".build/release/careerplan"]
            .map { repo.appendingPathComponent($0).path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(dir: String, command: [String], width: Int = 80, height: Int = 24) throws {
        self.dir = dir
        socket = dir + "/tmux.sock"
        let conf = dir + "/tmux.conf"
        try "set -g remain-on-exit on\nset -g status off\n".write(toFile: conf, atomically: true, encoding: .utf8)
        // The exit status goes to a file: tmux 3.3 leaves #{pane_dead_status} empty.
        // A session before this one on the same directory left its status: it is not this program's.
        try? FileManager.default.removeItem(atPath: dir + "/exit-status")
        let shellCommand = "env LANG=C.UTF-8 TERM=xterm-256color " + command.map(Self.quote).joined(separator: " ")
            + "; echo $? > " + Self.quote(dir + "/exit-status")
        try tmux(["-f", conf, "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", shellCommand])
    }

    /// kill-server returns before the server has gone; a session made next on the same socket could join the
    /// dying server and die with it (seen once in CI, under load: "no server running"). So the server's
    /// process is waited out.
    deinit {
        let pid = (try? tmux(["display-message", "-p", "#{pid}"])).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        _ = try? tmux(["kill-server"])
        guard let pid, pid > 0 else { return }
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, kill(pid, 0) == 0 { Thread.sleep(forTimeInterval: 0.01) }
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try Self.run("/usr/bin/env", ["LANG=C.UTF-8", "tmux", "-u", "-S", socket] + args)
    }

    /// The program's pid: it is the only child of the pane's shell.
    func programPID() throws -> pid_t {
        let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(pid_t(try Self.run("/usr/bin/pgrep", ["-P", shell]).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// The screen, and `scrollback` lines of tmux's history above it: the notice of an ended program
    /// (remain-on-exit) can scroll its last lines off the screen.
    func capture(scrollback: Int = 0) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name] + (scrollback > 0 ? ["-S", "-\(scrollback)"] : []))
    }

    /// Polls the screen until `predicate` holds; never a fixed sleep.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 15, scrollback: Int = 0, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture(scrollback: scrollback)
            if predicate(screen) {
                // The text can arrive before the rest of the same paint (the
                // terminal's output comes in pieces on a busy machine): the
                // screen is returned only once a second look finds it unchanged.
                Thread.sleep(forTimeInterval: 0.03)
                let again = try capture(scrollback: scrollback)
                if again == screen { return screen }
                continue
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(screen)")
        return screen
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 15, scrollback: Int = 0) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout, scrollback: scrollback) { $0.contains(text) }
    }

    /// From the first caseload screen, finds a customer by ID and opens their
    /// overview, waiting until it shows `text`.
    func openCustomer(_ id: String, showing text: String) throws {
        try waitFor(text: " 1/48")
        try send("/")
        try send("-l", id)
        try waitFor(text: " 1/1")
        try send("Enter", "Enter")
        try waitFor(text: text)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The exit status once the program has ended, else nil.
    func exitStatus() -> Int? {
        guard let text = try? String(contentsOfFile: dir + "/exit-status", encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls for the program's exit status; nil if it is still running at the deadline.
    func waitForExit(timeout: Double = 10) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = exitStatus() { return status }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tool to completion and returns its output. Uses posix_spawn
    /// and waitpid rather than Foundation's Process: Process waits for a
    /// descriptor that the tmux server (a daemon forked by `new-session`)
    /// inherits and keeps open, so it would never see the client exit.
    @discardableResult
    static func run(_ tool: String, _ args: [String]) throws -> String {
        try runWithStatus(tool, args).output
    }

    /// Runs a tool to completion: its output (stdout and stderr) and exit status.
    static func runWithStatus(_ tool: String, _ args: [String]) throws -> (output: String, status: Int32) {
        let file = NSTemporaryDirectory() + "careerplan-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([tool] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The test runner's threads block signals; the child must not inherit
        // that, or the program under test would never see SIGWINCH.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, tool, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw CocoaError(.executableLoad, userInfo: ["tool": tool, "errno": rc]) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
        return (output, (status >> 8) & 0xff)
    }
}

/// The day every end-to-end demo runs as (`demo --today`), so that no test
/// depends on the date it runs: the synthetic caseload is built around it.
let demoDay = "2026-11-23"

/// `demoDay` plus `days`, as YYYY-MM-DD (calendar arithmetic in UTC: only
/// the date matters).
func demoDay(plus days: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let start = calendar.date(from: DateComponents(year: 2026, month: 11, day: 23))!
    let f = DateFormatter()
    f.calendar = calendar
    f.timeZone = calendar.timeZone
    f.dateFormat = "yyyy-MM-dd"
    f.locale = Locale(identifier: "en_US_POSIX")
    return f.string(from: calendar.date(byAdding: .day, value: days, to: start)!)
}
