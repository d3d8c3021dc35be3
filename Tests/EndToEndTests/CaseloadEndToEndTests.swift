import Foundation
import Testing

/// The real binary in tmux at 80x24 on a temporary data file.
/// Each test gets its own directory (data file, tmux socket), removed after.
@Suite(.serialized) final class CaseloadEndToEndTests {
    let work: Workspace
    var binary: String { work.binary }
    var dir: String { work.dir }

    init() throws {
        work = try Workspace("careerplan-e2e")
    }

    @Test func caseloadSearchResizeAndQuit() throws {
        let db = dir + "/caseload.sqlite"
        let seeded = try TmuxSession.run(binary, ["seed", "--db", db, "--customers", "40"])
        #expect(seeded.contains("40 customers"))

        // The name of customer 7, from the data file itself.
        let export = try TmuxSession.run(binary, ["export", "--db", db, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(export.utf8)) as! [String: Any]
        let customers = json["customers"] as! [[String: Any]]
        #expect(customers.count == 40)
        let seventh = customers.first { $0["id"] as? String == "C000007" }!
        let family = (seventh["legalName"] as! String).split(separator: " ").last.map(String.init)!

        let tmux = try TmuxSession(dir: dir, command: [binary, "--db", db])
        var screen = try tmux.waitFor(text: "1/40")
        #expect(screen.contains("Name"))
        #expect(screen.contains("Next due"))
        #expect(screen.contains("caseload.sqlite"))
        #expect(screen.split(separator: "\n").last?.contains("F10/q Quit") == true)

        try tmux.send("/")
        try tmux.send("-l", "C000007")
        screen = try tmux.waitFor(text: " 1/1")
        #expect(screen.contains("C000007"))
        try tmux.send("C-u")
        try tmux.send("-l", family)
        screen = try tmux.waitFor("search by name narrows the list") { s in
            s.contains("Search: \(family)") && !s.contains("/40")
        }
        #expect(screen.contains(family))
        try tmux.send("Escape")
        try tmux.waitFor(text: " 1/40")

        try tmux.resize(width: 100, height: 30)
        screen = try tmux.waitFor("a 100x30 redraw") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 30 && lines[28].hasSuffix("1/40") && lines[29].contains("F10/q Quit")
        }
        try tmux.resize(width: 60, height: 20)
        try tmux.waitFor(text: "terminal too small (need 80x24)")
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor(text: " 1/40")

        try tmux.send("Down", "Enter")
        try tmux.waitFor(text: "Running clocks")
        try tmux.send("Escape")
        try tmux.waitFor(text: " 2/40")
        try tmux.send("q")
        #expect(tmux.waitForExit() == 0)

        // The data file is whole and complete on its own after quitting.
        let after = try TmuxSession.run(binary, ["export", "--db", db, "--format", "json"])
        #expect(after == export)
        let wal = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
    }

    /// tmux sends Home and End as "ESC [ 1 ~" and "ESC [ 4 ~", which the terminal these sessions claim
    /// (xterm-256color) names otherwise: they still move to the first and last row, and the search stays.
    @Test func homeAndEndWorkWhereTheTerminalNamesThemOtherwise() throws {
        let db = dir + "/keys.sqlite"
        _ = try TmuxSession.run(binary, ["seed", "--db", db, "--customers", "40"])
        let tmux = try TmuxSession(dir: dir, command: [binary, "--db", db])
        try tmux.waitFor(text: "1/40")
        try tmux.send("/")
        try tmux.send("-l", "a")
        let narrowed = try tmux.waitFor("a search for a") { $0.contains("Search: a") && !$0.contains("/40") }
        let count = try #require(narrowed.split(separator: "\n").last { $0.contains("Search: a") }?
            .split(separator: " ").last?.split(separator: "/").last.map(String.init))
        try tmux.send("Enter")
        try tmux.send("End")
        var screen = try tmux.waitFor(text: "\(count)/\(count)")
        #expect(screen.contains("Search: a") && !screen.contains("[4~"))
        try tmux.send("Home")
        screen = try tmux.waitFor(text: " 1/\(count)")
        #expect(screen.contains("Search: a") && !screen.contains("[1~"))
        // A lone Esc is still Esc: the search is cleared.
        try tmux.send("Escape")
        try tmux.waitFor(text: " 1/40")
        try tmux.send("q")
        #expect(tmux.waitForExit() == 0)
    }

    @Test func aFrontDeskEntryAppearsInTheCaseloadAndTheExport() throws {
        let db = dir + "/demo.sqlite"
        let tmux = try TmuxSession(dir: dir, command: [binary, "demo", "--today", demoDay, "--db", db])
        try tmux.waitFor(text: " 1/48")
        try tmux.send("n")
        try tmux.waitFor(text: "New customer: a reportable individual")
        for (i, value) in ["Nguyễn Thị Lan", "Lan Nguyễn", "lan.nguyen@example.org", "60640", "07/04/1988", "3125550199"].enumerated() {
            if i > 0 { try tmux.send("Tab") }
            try tmux.send("-l", value)
        }
        try tmux.send("C-s")
        let screen = try tmux.waitFor(text: "Saved C000049")
        let row = screen.split(separator: "\n").first { $0.hasPrefix("▶") }.map(String.init) ?? ""
        #expect(row.hasPrefix("▶ Lan Nguyễn (") && row.contains("C000049") && row.contains("Reportable"))

        // The application, typed at the keyboard, then certification.
        try tmux.send("Enter")
        try tmux.waitFor(text: "no application yet (a)")
        try tmux.send("a")
        try tmux.waitFor(text: "Street address *")
        try tmux.send("Tab", "Tab")
        try tmux.send("-l", "4800 N Sheridan Rd")
        try tmux.send("Tab")
        try tmux.send("-l", "Chicago")
        for _ in 0..<14 { try tmux.send("Tab") }   // past the phone, texts, papers' language, contacts, SSN, veteran
        try tmux.send("Right")   // Sex: female
        for _ in 0..<6 { try tmux.send("Tab") }
        try tmux.send("Space")   // Low income: yes
        try tmux.send("C-s")
        var overview = try tmux.waitFor(text: "Application saved")
        #expect(overview.contains("Eligibility  applied"))
        #expect(overview.contains("meets Adult (e)"))
        try tmux.send("e")
        try tmux.waitFor(text: "Why: Adult")
        try tmux.send("c")
        try tmux.waitFor(text: "Certification date *")
        // No document seen yet: certifying asks why, and records it.
        try tmux.waitFor(text: "documents not verified (d)")
        try tmux.send("C-s")
        try tmux.waitFor(text: "say why you certify without them")
        try tmux.send("-l", "ID and income papers to follow")
        try tmux.send("C-s")
        try tmux.waitFor(text: "Certified: Adult")
        try tmux.send("Escape")
        overview = try tmux.waitFor(text: "Eligibility  certified")
        #expect(overview.contains("Priority     2 of 4: low income"))
        try tmux.send("q")
        #expect(tmux.waitForExit() == 0)

        let export = try TmuxSession.run(binary, ["export", "--db", db])
        let json = try JSONSerialization.jsonObject(with: Data(export.utf8)) as! [String: Any]
        let saved = (json["customers"] as! [[String: Any]]).first { $0["id"] as? String == "C000049" }
        #expect(saved?["legalName"] as? String == "Nguyễn Thị Lan")
        #expect(saved?["preferredName"] as? String == "Lan Nguyễn")
        #expect(saved?["birthDate"] as? String == "1988-07-04")
        #expect(saved?["phone"] as? String == "312-555-0199")
        #expect(saved?["zip"] as? String == "60640")
        #expect(saved?["appliedOn"] as? String == saved?["eligibleOn"] as? String)
        #expect(saved?["program"] as? String == "adult")
        let application = (json["applications"] as! [[String: Any]]).first { $0["customer"] as? String == "C000049" }
        let answers = application?["answers"] as? [String: Any]
        #expect(answers?["street"] as? String == "4800 N Sheridan Rd")
        #expect(answers?["sex"] as? String == "female" && answers?["lowIncome"] as? Bool == true)
        let certification = (json["certifications"] as! [[String: Any]]).first { $0["customer"] as? String == "C000049" }
        #expect(certification?["titles"] as? [String] == ["adult"])
        #expect((certification?["undocumentedReason"] as? String)?.hasPrefix("ID and income papers to follow (not verified: ") == true)
    }

    /// Section 1 of the Getting Started Assessment typed in for a certified
    /// demo customer, confirmed, and the customer is enrolled on screen and
    /// in the data file.
    @Test func completingSection1EnrollsTheCustomer() throws {
        let db = dir + "/demo.sqlite"
        let tmux = try TmuxSession(dir: dir, command: [binary, "demo", "--today", demoDay, "--db", db])
        try tmux.openCustomer("C000003", showing: "Stage        Eligible")
        try tmux.send("g")
        try tmux.waitFor(text: "Section 1: 0 of 8 parts complete")
        /// Opens the selected part, types each answer into the next field, leaves with Esc.
        func part(_ answers: [String], keys: [String] = [], then next: Bool = true) throws {
            try tmux.send("Enter")
            for k in keys { try tmux.send(k) }
            for (i, a) in answers.enumerated() {
                if i > 0 { try tmux.send("Tab") }
                try tmux.send("-l", a)
            }
            try tmux.send("Escape")
            if next { try tmux.send("Down") }
        }
        try part(["a job where I help people", "help choosing a course", "medical assistant"])
        try part([], keys: ["n"])
        try part([], keys: ["n"])
        try part(["patient, organized", "health care"])
        try part([], keys: ["m"])
        try part(["lives with two children", "her mother"])
        try part(["bilingual Spanish", "needs a resume"])
        try part(["15% growth", "O*NET OnLine, 2026"], keys: ["Tab", "Tab"], then: false)
        try tmux.waitFor(text: "Section 1: 8 of 8 parts complete")
        try tmux.send("s")
        try tmux.waitFor(text: "Continuing ENROLLS")
        try tmux.send("y")
        try tmux.waitFor(text: "now a participant")
        try tmux.send("Escape")
        try tmux.waitFor(text: "Stage        Enrolled")
        try tmux.send("Escape")
        let caseload = try tmux.waitFor(text: "Enrolled   MR")
        let row = caseload.split(separator: "\n").first { $0.hasPrefix("▶") }.map(String.init) ?? ""
        #expect(row.contains("C000003") && row.contains("Enrolled"))
        try tmux.send("q")
        #expect(tmux.waitForExit() == 0)

        let export = try TmuxSession.run(binary, ["export", "--db", db])
        let json = try JSONSerialization.jsonObject(with: Data(export.utf8)) as! [String: Any]
        let customer = (json["customers"] as! [[String: Any]]).first { $0["id"] as? String == "C000003" }
        #expect(customer?["enrolledOn"] as? String != nil)
        let gsa = (json["gsas"] as! [[String: Any]]).first { $0["customer"] as? String == "C000003" }
        #expect(gsa?["submittedOn"] as? String == customer?["enrolledOn"] as? String)
        #expect((gsa?["answers"] as? [String: String])?["targetOccupation"] == "medical assistant")
    }

    /// A goal, a step and a training service built by keyboard; the start is
    /// refused until the Training & Education Assessment is recorded.
    @Test func buildingAPlanWithTrainingNeedsItsAssessment() throws {
        let db = dir + "/demo.sqlite"
        let today = demoDay
        let tmux = try TmuxSession(dir: dir, command: [binary, "demo", "--today", demoDay, "--db", db])
        try tmux.openCustomer("C000010", showing: "Stage        Enrolled")
        try tmux.send("p")
        try tmux.waitFor(text: "Career Plan")
        func type(_ values: [String?]) throws {
            for (i, v) in values.enumerated() {
                if i > 0 { try tmux.send("Tab") }
                if let v { try tmux.send("C-u"); try tmux.send("-l", v) }
            }
        }
        try tmux.send("g")
        try tmux.waitFor(text: "New goal")
        try type(["Earn a welding certificate and work as a welder", nil, nil, "2027-09-30", "GSA: hands-on interests"])
        try tmux.send("C-s")
        try tmux.waitFor(text: "Earn a welding certificate")
        try tmux.send("s")
        try tmux.waitFor(text: "New step")
        try type(["Start the welding course by 2027-01-15", "2027-01-15"])
        try tmux.send("C-s")
        try tmux.waitFor(text: "Start the welding course")
        func addTraining() throws {
            try tmux.send("v")
            try tmux.waitFor(text: "Find:")
            try tmux.send("-l", "occupational skills training")
            try tmux.send("Enter")
            try tmux.waitFor(text: "starts after the Training & Education Assessment")
            try type([nil, nil, nil, "2027-06-30", "20", nil, today])
            try tmux.send("Up", "Right", "C-s")
        }
        try addTraining()
        try tmux.waitFor(text: "start needs the Training & Education Assessment first")
        try tmux.send("Escape", "y")
        try tmux.waitFor(text: "● unsaved")
        try tmux.send("C-s")
        try tmux.waitFor(text: "Significant change; why:")
        try tmux.send("-l", "customer chose welding")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Saved version 3")   // v1 initial plan, v2 the last review
        try tmux.send("Escape")
        try tmux.waitFor(text: "Stage        Enrolled")
        // Record the assessment in the register.
        try tmux.send("t")
        try tmux.waitFor(text: "Given       Instrument")
        try tmux.send("a")
        try tmux.waitFor(text: "New assessment")
        try tmux.send("t", "Tab", "Tab", "Tab", "t", "Tab", "Tab", "Tab")   // Training & Education; training readiness
        try tmux.send("-l", "ready for a certificate program")
        try tmux.send("C-s")
        try tmux.waitFor(text: "Recorded: Training & Education Assessment")
        try tmux.send("Escape", "p")
        try tmux.waitFor(text: "v3")
        for _ in 0..<20 { try tmux.send("Down") }
        try addTraining()
        try tmux.waitFor(text: "Occupational Skills Tr")
        try tmux.send("C-s")
        try tmux.waitFor(text: "Significant change; why:")
        try tmux.send("-l", "training starts")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Saved version 4")
        try tmux.send("Escape", "q")
        #expect(tmux.waitForExit() == 0)

        let export = try TmuxSession.run(binary, ["export", "--db", db])
        let json = try JSONSerialization.jsonObject(with: Data(export.utf8)) as! [String: Any]
        let versions = (json["planVersions"] as! [[String: Any]]).filter { $0["customer"] as? String == "C000010" }
        #expect(versions.map { $0["version"] as? Int } == [1, 2, 3, 4])
        let plan = versions.last?["plan"] as? [String: Any]
        let goal = (plan?["goals"] as? [[String: Any]])?.last
        #expect(goal?["text"] as? String == "Earn a welding certificate and work as a welder")
        let step = (goal?["steps"] as? [[String: Any]])?.first
        #expect(step?["text"] as? String == "Start the welding course by 2027-01-15")
        let service = (step?["services"] as? [[String: Any]])?.first
        #expect(service?["serviceID"] as? String == "occupational-skills-training")
        #expect(service?["actualStart"] as? String == today && service?["status"] as? String == "open")
        let episodes = (plan?["episodes"] as? [[String: Any]])?.compactMap { $0["reason"] as? String }
        #expect(episodes?.suffix(2) == ["customer chose welding", "training starts"])
    }

    /// A recommended goal with its step and service marked, added, and
    /// found in the plan and the export.
    @Test func aRecommendedGoalEntersThePlan() throws {
        let db = dir + "/demo.sqlite"
        let tmux = try TmuxSession(dir: dir, command: [binary, "demo", "--today", demoDay, "--db", db])
        try tmux.openCustomer("C000003", showing: "Stage        Eligible")
        try tmux.send("m")
        try tmux.waitFor(text: "[ ] Choose a career field with good local demand and wages")
        try tmux.send("Down", "Space")
        try tmux.waitFor(text: "[x] service: Labor Market and Employment Statistics Information")
        try tmux.send("a")
        try tmux.waitFor(text: "Added 1 item(s) to the plan: version 1")
        try tmux.send("Escape", "p")
        let plan = try tmux.waitFor(text: "(initial plan)")
        #expect(plan.contains("Compare wages and openings") && plan.contains("Labor Market and Employme"))
        try tmux.send("Escape", "q")
        #expect(tmux.waitForExit() == 0)

        let export = try TmuxSession.run(binary, ["export", "--db", db])
        let json = try JSONSerialization.jsonObject(with: Data(export.utf8)) as! [String: Any]
        let version = (json["planVersions"] as! [[String: Any]]).first { $0["customer"] as? String == "C000003" }
        let goal = ((version?["plan"] as? [String: Any])?["goals"] as? [[String: Any]])?.first
        #expect(goal?["text"] as? String == "Choose a career field with good local demand and wages")
        let step = (goal?["steps"] as? [[String: Any]])?.first
        #expect((step?["text"] as? String)?.hasPrefix("Compare wages and openings for three occupations") == true)
        #expect(((step?["services"] as? [[String: Any]])?.first?["serviceID"] as? String) == "labor-market-information")
    }

    @Test func aFileThatIsNotCareerplansIsRefusedAndLeftAlone() throws {
        let path = dir + "/letter.txt"
        try "Dear planner,\n".write(toFile: path, atomically: true, encoding: .utf8)
        let out = try TmuxSession.run(binary, ["export", "--db", path])
        #expect(out.contains("not a careerplan data file"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Dear planner,\n")
    }

    /// `demo --today` takes a date in the forms' formats; anything else is
    /// refused before a file is made.
    @Test func theDemosDayMustBeADate() throws {
        let db = dir + "/day.sqlite"
        let refused = try TmuxSession.runWithStatus(binary, ["demo", "--db", db, "--today", "next tuesday"])
        #expect(refused.status != 0 && refused.output.contains("--today must be a date"), "\(refused.output)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// A newcomer tries each role in the demo file: --as signs in as one of
    /// its staff, whose role the screens and the Store then apply; anyone
    /// else is refused with the choices.
    @Test func theDemoCanBeTriedAsEachOfItsStaff() throws {
        let db = dir + "/demo.sqlite"
        let refused = try TmuxSession.runWithStatus(binary, ["demo", "--today", demoDay, "--db", db, "--as", "rdiaz"])
        #expect(refused.status != 0 && refused.output.contains("--as rdiaz: not one of the demo's staff; choose one of asantos (supervisor), dbrooks (front desk)"),
                "\(refused.output)")
        do {
            let tmux = try TmuxSession(dir: dir, command: [binary, "demo", "--today", demoDay, "--db", db, "--as", "dbrooks"])
            // The title is painted before the rows; wait for the row count.
            let screen = try tmux.waitFor("the caseload as dbrooks") { $0.contains("dbrooks (Dana Brooks)") && $0.contains("1/48") }
            #expect(screen.contains("Aaliyah"))
            try tmux.send("F10")
            #expect(tmux.waitForExit() == 0)
        }
        let second = dir + "/second"
        try FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: true)
        let supervisor = try TmuxSession(dir: second, command: [binary, "demo", "--today", demoDay, "--db", db, "--as", "asantos"])
        let screen = try supervisor.waitFor("the caseload as asantos") { $0.contains("asantos (Ana Santos)") && $0.contains("/48") }
        #expect(!screen.contains("dbrooks"))
    }
}
