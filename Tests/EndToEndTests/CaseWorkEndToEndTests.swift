import Foundation
import Testing

/// A two-way contact note written in the real binary resets the contact
/// clock on the caseload, and the note is in the data file.
@Suite(.serialized) final class CaseWorkEndToEndTests {
    let binary: String
    let dir = NSTemporaryDirectory() + "careerplan-e2e-" + UUID().uuidString

    init() throws {
        binary = try #require(TmuxSession.binary, "build careerplan first: swift build")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// The program's "today" (local time) plus `days`, as YYYY-MM-DD.
    func day(_ days: Int) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.locale = Locale(identifier: "en_US_POSIX")
        return f.string(from: Calendar.current.date(byAdding: .day, value: days, to: Date())!)
    }

    @Test func aTwoWayContactNoteResetsTheContactClockOnTheCaseload() throws {
        let db = dir + "/demo.sqlite"
        let tmux = try TmuxSession(dir: dir, command: [binary, "demo", "--db", db])
        try tmux.waitFor(text: " 1/48")
        try tmux.send("/")
        try tmux.send("-l", "C000022")
        var screen = try tmux.waitFor(text: " 1/1")
        // The demo's customer 22 was last reached 5 days ago: contact is due in 25 days.
        var row = screen.split(separator: "\n").first { $0.contains("C000022") }.map(String.init) ?? ""
        #expect(row.contains("\(day(25)) Contact"))
        try tmux.send("Enter", "Enter")
        try tmux.waitFor(text: "Running clocks")
        try tmux.send("N")
        try tmux.waitFor(text: "Which note?")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Contact note")
        for _ in 0..<4 { try tmux.send("Tab") }
        try tmux.send("-l", "Talked by phone: interview at Harbor Foods on Friday")
        try tmux.send("C-s")
        try tmux.waitFor(text: "contact clock reset from \(day(0))")
        try tmux.send("Escape")
        screen = try tmux.waitFor(text: " 1/1")
        row = screen.split(separator: "\n").first { $0.contains("C000022") }.map(String.init) ?? ""
        #expect(row.contains("  \(day(30)) Contact"))
        #expect(!row.contains("!"))
        try tmux.send("Escape", "q")
        #expect(tmux.waitForExit() == 0)

        let export = try TmuxSession.run(binary, ["export", "--db", db])
        let json = try JSONSerialization.jsonObject(with: Data(export.utf8)) as! [String: Any]
        let customer = (json["customers"] as! [[String: Any]]).first { $0["id"] as? String == "C000022" }
        #expect(customer?["lastContactOn"] as? String == day(0))
        let note = (json["notes"] as! [[String: Any]]).last { $0["customer"] as? String == "C000022" }
        #expect(note?["text"] as? String == "Talked by phone: interview at Harbor Foods on Friday")
        #expect(note?["twoWay"] as? Bool == true && note?["channel"] as? String == "phone")
        #expect(note?["eventOn"] as? String == day(0))
    }
}
