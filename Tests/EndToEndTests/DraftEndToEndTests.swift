import Foundation
import Glibc
import Testing

/// A dropped connection (SIGHUP) while typing a note: the program keeps the
/// typing as a draft, and the next start offers it back.
@Suite(.serialized) final class DraftEndToEndTests {
    let work: Workspace
    var binary: String { work.binary }
    var dir: String { work.dir }

    init() throws {
        work = try Workspace("careerplan-draft")
        try FileManager.default.createDirectory(atPath: dir + "/first", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/second", withIntermediateDirectories: true)
    }

    /// Opens C000022's contact note form, waiting for `showing` once it is open.
    func openContactNote(_ tmux: TmuxSession, showing: String = "Contact note") throws {
        try tmux.openCustomer("C000022", showing: "Running clocks")
        try tmux.send("N")
        try tmux.waitFor(text: "Which note?")
        try tmux.send("Enter")
        try tmux.waitFor(text: showing)
    }

    /// Types into the note's text field.
    func typeNote(_ tmux: TmuxSession, _ text: String) throws {
        for _ in 0..<4 { try tmux.send("Tab") }
        try tmux.send("-l", text)
        try tmux.waitFor(text: text)
    }

    @Test func typingSurvivesSIGHUPAndComesBack() throws {
        let db = dir + "/demo.sqlite"
        var tmux: TmuxSession? = try TmuxSession(dir: dir + "/first", command: [binary, "demo", "--today", demoDay, "--db", db])
        try openContactNote(tmux!)
        try typeNote(tmux!, "Half-typed: interview at Harbor Foods")
        kill(try tmux!.programPID(), SIGHUP)
        #expect(tmux!.waitForExit() != nil)
        tmux = nil

        let again = try TmuxSession(dir: dir + "/second", command: [binary, "demo", "--today", demoDay, "--db", db])
        try openContactNote(again, showing: "Ctrl-R restores, Ctrl-D discards")
        try again.send("C-r")
        let screen = try again.waitFor(text: "Note *               Half-typed: interview at Harbor Foods")
        #expect(!screen.contains("Ctrl-R restores"))
        try again.send("C-s")
        try again.waitFor(text: "Contact note saved")
        try again.send("Escape", "Escape", "q")
        #expect(again.waitForExit() == 0)
        // Saved: the draft is gone.
        let drafts = try TmuxSession.run("/usr/bin/sqlite3", [db, "SELECT count(*) FROM draft"])
        #expect(drafts.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    /// kill -9 (an OOM kill, a frozen session's cleanup) a moment after the
    /// last key: the whole text was kept within about a second, with no key after it.
    @Test func typingSurvivesKillNineAfterAPause() throws {
        let db = dir + "/kill.sqlite"
        try FileManager.default.createDirectory(atPath: dir + "/k1", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/k2", withIntermediateDirectories: true)
        var tmux: TmuxSession? = try TmuxSession(dir: dir + "/k1", command: [binary, "demo", "--today", demoDay, "--db", db])
        try openContactNote(tmux!)
        let text = "Every word up to the last one"
        try typeNote(tmux!, text)
        // No further key: the draft appears by itself within a couple of seconds.
        let deadline = Date().addingTimeInterval(3)
        var kept = ""
        while Date() < deadline, !kept.contains(text) {
            kept = (try? TmuxSession.run("/usr/bin/sqlite3", [db, "SELECT body FROM draft"])) ?? ""
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(kept.contains(text), "kept: \(kept)")
        kill(try tmux!.programPID(), SIGKILL)
        #expect(tmux!.waitForExit() != nil)
        tmux = nil

        let again = try TmuxSession(dir: dir + "/k2", command: [binary, "demo", "--today", demoDay, "--db", db])
        try openContactNote(again, showing: "Ctrl-R restores")
        try again.send("C-r")
        try again.waitFor(text: "Note *               " + text)
    }
}
