import Foundation
import Testing

/// A two-way contact note written in the real binary resets the contact
/// clock on the caseload, and the note is in the data file.
@Suite(.serialized) final class CaseWorkEndToEndTests {
    let work: Workspace
    var binary: String { work.binary }
    var dir: String { work.dir }

    init() throws {
        work = try Workspace("careerplan-e2e")
    }

    /// The demo's day (`demoDay`) plus `days`, as YYYY-MM-DD.
    func day(_ days: Int) -> String { demoDay(plus: days) }

    @Test func aTwoWayContactNoteResetsTheContactClockOnTheCaseload() throws {
        let db = dir + "/demo.sqlite"
        let tmux = try TmuxSession(dir: dir, command: [binary, "demo", "--today", demoDay, "--db", db])
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

/// Signing a demo plan in the real binary as customer and planner, then
/// changing a step: both signatures are outdated, on screen and in the file.
@Suite(.serialized) final class SignaturesEndToEndTests {
    let work: Workspace
    var binary: String { work.binary }
    var dir: String { work.dir }

    init() throws {
        work = try Workspace("careerplan-e2e")
    }

    @Test func signAsCustomerAndPlannerThenAChangeOutdatesBoth() throws {
        let db = dir + "/demo.sqlite"
        let copies = dir + "/copies"
        let tmux = try TmuxSession(dir: dir, command: ["/usr/bin/env", "CAREERPLAN_COPIES=\(copies)", binary, "demo", "--today", demoDay,
                                                       "--db", db])
        try tmux.openCustomer("C000010", showing: "Running clocks")
        try tmux.send("p")
        try tmux.waitFor(text: "! awaiting signatures (i)")
        try tmux.send("i")
        try tmux.waitFor(text: "Customer           ! not signed")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Customer signs version")
        try tmux.send("Tab", "Tab")
        try tmux.send("-l", "chloe dubois")
        try tmux.send("Tab", "Space", "C-s")
        try tmux.waitFor(text: "Customer signed version")
        // The planner is the account running the test: its staff name is on record.
        let account = try TmuxSession.run(binary, ["export", "--db", db])
        let json = try JSONSerialization.jsonObject(with: Data(account.utf8)) as! [String: Any]
        let me = (json["staff"] as! [[String: Any]]).first { $0["role"] as? String == "administrator" }
        let name = try #require(me?["name"] as? String)
        try tmux.send("Down", "Enter")
        // The administrator is not C000010's planner: they sign for Wei Chen, named first in the form.
        try tmux.waitFor(text: "Career planner signs version")
        try tmux.waitFor(text: "Wei Chen (wchen)")
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.send("-l", name)
        try tmux.send("Tab", "Space", "C-s")
        try tmux.waitFor(text: "Signed by everyone on version")
        try tmux.send("Escape")
        try tmux.waitFor(text: "✓ signed")
        // The signed plan's copy in Spanish, for the customer to take home.
        try tmux.send("w")
        try tmux.waitFor(text: "Customer's copy: Enter = English (theirs)")
        try tmux.send("s")
        try tmux.waitFor(text: "Spanish copy written")
        let written = try FileManager.default.contentsOfDirectory(atPath: copies)
        #expect(written.count == 1 && written[0].hasSuffix("-es.html"))
        let html = try String(contentsOfFile: copies + "/" + written[0], encoding: .utf8)
        #expect(html.contains("Esta es una copia de su plan FIRMADO.") && html.contains("Chloé Dubois, firmó el"))
        // Change the second step's text and save.
        try tmux.send("Down", "Down", "Down", "Enter")
        try tmux.waitFor(text: "Step")
        try tmux.send("C-u")
        try tmux.send("-l", "Apply for at least three welder jobs each week.")
        try tmux.send("C-s")
        try tmux.waitFor(text: "three welder jobs")
        try tmux.send("C-s")
        try tmux.waitFor(text: "signatures outdated: sign again")
        try tmux.send("i")
        let screen = try tmux.waitFor(text: "Career planner     ! OUTDATED")
        #expect(screen.contains("Customer           ! OUTDATED: signed"))
        try tmux.send("Escape", "Escape", "Escape", "Escape", "q")
        #expect(tmux.waitForExit() == 0)

        let after = try TmuxSession.run(binary, ["export", "--db", db])
        let data = try JSONSerialization.jsonObject(with: Data(after.utf8)) as! [String: Any]
        let signatures = (data["signatures"] as! [[String: Any]]).filter { $0["customer"] as? String == "C000010" }
        #expect(signatures.map { $0["role"] as? String } == ["customer", "planner"])
        #expect(signatures.last?["forPlanner"] as? String == "wchen")
        let versions = (data["planVersions"] as! [[String: Any]]).filter { $0["customer"] as? String == "C000010" }
        #expect(signatures.allSatisfy { ($0["planVersion"] as? Int).map { $0 < versions.count } == true })
        // The Spanish copy given on screen made Spanish the customer's language: `plan` writes it unless asked.
        let spanish = try TmuxSession.run(binary, ["plan", "C000010", "--db", db, "--format", "md"])
        #expect(spanish.hasPrefix("# Su plan de carrera") && spanish.contains("por favor firme de nuevo"))
        let copy = try TmuxSession.run(binary, ["plan", "C000010", "--db", db, "--lang", "en"])
        let flat = copy.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("please sign again") && flat.contains("This plan is not final until everyone"))
        // Both must sign again: on the printed copy, a line for each.
        #expect(copy.contains("Customer: ____") && copy.contains("Career planner: ____"))
    }
}
