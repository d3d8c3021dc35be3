import App
import Domain
import Store
import Testing
import TerminalKit

/// The Getting Started Assessment, enrollment and the two registers, driven
/// by keys over the synthetic caseload of 2026-11-23.
@Suite struct AssessmentScreenTests {
    func open(_ h: Harness, _ id: Int) { h.openCustomer(id) }

    /// Types each value into the next field of the open form, then Esc.
    func answer(_ h: Harness, _ values: [String]) {
        for (i, v) in values.enumerated() {
            if i > 0 { h.press(.tab) }
            h.type(v)
        }
        h.press(.escape)
    }

    @Test func theAssessmentResumesWhereThePlannerStopped() throws {
        let h = try Harness()
        open(h, 15)
        h.press(.char("g"))
        try expectGolden("gsa", h.screen)
        #expect(h.screen.contains("▶ · Employment history"))
    }

    @Test func section1IsCompletedByKeyboardThenConfirmedAndEnrolls() throws {
        let h = try Harness()
        open(h, 3)
        h.press(.char("g"), .enter)
        #expect(h.screen.contains("· Goals and expectations"))
        answer(h, ["a job where I can help people", "help choosing a course", "medical assistant"])
        #expect(h.lines[22].contains("✓ Progress saved"))
        h.press(.down, .enter, .char("n"), .escape)
        h.press(.down, .enter, .char("n"), .escape)
        h.press(.down, .enter)
        answer(h, ["patient, organized", "health care"])
        h.press(.down, .enter, .char("m"), .escape)
        h.press(.down, .enter)
        answer(h, ["lives with two children", "her mother helps with child care"])
        h.press(.down, .enter)
        answer(h, ["bilingual Spanish", "needs a resume"])
        h.press(.down, .enter, .tab, .tab)
        answer(h, ["15% growth, median $19.40/hour", "O*NET OnLine, 2026"])
        #expect(h.screen.contains("Section 1: 8 of 8 parts complete"))
        h.press(.char("s"))
        try expectGolden("enroll-confirm", h.screen)
        h.press(.char("n"))
        #expect(h.screen.contains("Section 1: 8 of 8 parts complete"))
        #expect(try h.store.customer(CustomerID(3))?.enrolledOn == nil)
        h.press(.char("s"), .char("y"))
        #expect(h.lines[22].contains("✓ Enrolled 2026-11-23: now a participant"))
        #expect(h.screen.contains("Section 1 submitted 2026-11-23"))
        h.press(.escape)
        #expect(h.screen.contains("Stage        Enrolled"))
        let gsa = try #require(try h.store.caseFile(CustomerID(3))?.gsa)
        #expect(gsa["targetOccupation"] == "medical assistant" && gsa["noWorkHistory"] == "yes")
        #expect(gsa.submittedOn == Harness.today)
    }

    /// Two planners on one customer's assessment at once, at two terminals:
    /// each save writes only that planner's changes, merged by field, so
    /// every answer of both is kept; the one field both changed is put to
    /// the planner whose save met it, with both values.
    @Test func twoPlannersOnOneAssessmentLoseNoAnswer() throws {
        let h = try Harness()
        open(h, 3)
        h.press(.char("g"), .enter)
        #expect(h.screen.contains("· Goals and expectations"))
        h.type("a job where I can help people")
        h.press(.tab)
        h.type("help choosing a course")
        h.press(.tab)
        // Meanwhile at another terminal: a colleague fills Skills and also writes the target occupation.
        let theirs = try CaseloadStore(path: h.store.path, actor: "tnguyen", today: { Harness.today }, now: { Harness.now })
        let colleague = Staff(login: "root", name: "Area Admin", initials: "AA", role: .administrator)
        let base = try #require(try theirs.caseFile(CustomerID(3))?.gsa)
        var edited = base
        edited.answers["skills"] = "patient, organized"
        edited.answers["interests"] = "health care"
        edited.answers["targetOccupation"] = "welder"
        #expect(try theirs.saveGSA(edited, over: base, by: colleague).collisions.isEmpty)
        // This planner writes the target occupation too, and moves on (saved as you go).
        h.type("medical assistant")
        h.press(.backTab)
        #expect(h.screen.contains("Both of you changed Target occupation: y keeps yours, t takes theirs"), "\(h.screen)")
        #expect(h.screen.contains("yours “medical assistant” · theirs “welder”"), "\(h.screen)")
        #expect(h.lines[23].contains("y Keep yours") && h.lines[23].contains("t Take theirs"))
        h.press(.char("y"))
        #expect(h.screen.contains("every field both of you changed is settled"), "\(h.screen)")
        h.press(.escape)
        let gsa = try #require(try h.store.caseFile(CustomerID(3))?.gsa)
        #expect(gsa["goals"] == "a job where I can help people" && gsa["expectations"] == "help choosing a course")
        #expect(gsa["skills"] == "patient, organized" && gsa["interests"] == "health care")
        #expect(gsa["targetOccupation"] == "medical assistant")
    }

    @Test func anIncompleteSection1CannotBeSubmitted() throws {
        let h = try Harness()
        open(h, 15)
        h.press(.char("g"), .char("s"))
        #expect(h.lines[22].contains("Cannot submit: complete first: employment history, education history"))
    }

    @Test func lateEnrollmentIsWarnedBeforeAndAfter() throws {
        let h = try Harness()
        let file = try #require(try h.store.caseFile(CustomerID(9)))   // certified 2026-08-22: 93 days ago
        var gsa = GettingStartedAssessment(customer: file.customer.id, answers: [
            "goals": "g", "expectations": "e", "targetOccupation": "welder", "noWorkHistory": "yes",
            "noEducationHistory": "yes", "skills": "s", "interests": "i", "barriersReviewed": "yes", "household": "h",
            "support": "s", "jobSkills": "j", "employabilitySkills": "e", "lmiGoal": "l", "lmiGoalSource": "s",
        ], startedOn: Harness.today)
        gsa.lastPart = .labor
        let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
        try h.store.saveGSA(gsa, by: planner)
        open(h, 9)
        h.press(.char("g"), .char("s"))
        try expectGolden("enroll-late", h.screen)
        #expect(h.screen.contains("! Enrollment is late: certified 2026-08-22, 93 days ago (limit 90), 3 days\n   over"))
        h.press(.enter)
        #expect(h.lines[22].contains("Enrolled 2026-11-23: now a participant · Enrollment is late"))
    }

    @Test func aJobWithWrongDatesIsExplainedInPlace() throws {
        let h = try Harness()
        open(h, 3)
        h.press(.char("g"), .down, .enter, .char("a"))
        answer(h, [])
        h.press(.char("a"))
        h.type("Acme Foods")
        h.press(.tab)
        h.type("Line cook")
        h.press(.tab)
        h.type("35-20")
        h.press(.tab)
        h.type("2024-05-01")
        h.press(.tab)
        h.type("2024-04-01")
        h.press(.ctrl("s"))
        try expectGolden("job-errors", h.screen)
        h.press(.ctrl("u"))   // the focus is on the first wrong field
        h.type("35-2014")
        h.press(.tab, .tab, .ctrl("u"), .ctrl("s"))
        #expect(h.screen.contains("▶ Line cook, Acme Foods, 2024-05-01 to now"))
        #expect(try h.store.caseFile(CustomerID(3))?.gsa?.jobs.map(\.occupationCode) == ["35-2014"])
    }

    /// A barrier from the application has no plan yet: its state and its
    /// name stay apart in the register.
    @Test func aBarrierWithoutAPlanIsReadable() throws {
        let h = try Harness()
        let id = try #require((1...48).first { n in
            (try? h.store.caseFile(CustomerID(Int64(n))))??.barriers.contains { $0.isOpen && $0.plan.isEmpty } == true
        })
        open(h, id)
        h.press(.char("r"))
        let row = try #require(h.lines.first { $0.contains("open, no plan") })
        #expect(row.contains("! open, no plan  "), "\(row)")
    }

    @Test func barriersAreAddedCorrectedAndOvercomeNeverDeleted() throws {
        let h = try Harness()
        open(h, 16)
        h.press(.char("r"))
        try expectGolden("barriers", h.screen)
        h.press(.char("a"), .ctrl("s"))
        #expect(h.screen.contains("✗ Description is required"))
        h.press(.backTab, .backTab, .char("t"))   // the first barrier starting with t: transportation
        h.press(.tab, .tab)
        h.type("no car; two buses to work")
        h.press(.tab)
        h.type("bus pass")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Barrier recorded: transportation"))
        h.press(.down, .down, .enter)
        #expect(h.screen.contains("Correct: transportation"))
        h.press(.tab, .tab, .tab, .end)
        h.type(" until the first paycheck")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("Barrier corrected; history kept"))
        h.press(.char("o"), .tab)
        h.type("bought a used car")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Overcome: transportation"))
        let file = try #require(try h.store.caseFile(CustomerID(16)))
        let b = try #require(file.barriers.last)
        #expect(b.kind == "transportation" && b.overcomeHow == "bought a used car" && b.overcomeBy == "MR")
        #expect(file.corrections.filter { $0.barrier == b.id }.count == 2)
        #expect(h.screen.contains("Plan \"bus pass\" → \"bus pass until the first paycheck\""))
    }

    /// A full SSN typed into any form field is refused under that field, the
    /// typing kept; without it the same form saves.
    @Test func aFullSSNIsRefusedUnderItsFieldWithTheTypingKept() throws {
        let h = try Harness()
        open(h, 16)
        let before = try #require(try h.store.caseFile(CustomerID(16))).barriers.count
        h.press(.char("r"), .char("a"), .backTab, .backTab, .char("t"), .tab, .tab)
        h.type("ssn 123.45.6789 on the bus pass form")
        h.press(.tab)
        h.type("bus pass")
        h.press(.ctrl("s"))
        #expect(h.screen.contains("✗ looks like a full SSN; never type one (the last 4 digits at most)"), "\(h.screen)")
        #expect(h.screen.contains("ssn 123.45.6789 on the bus pass form"))
        #expect(try #require(try h.store.caseFile(CustomerID(16))).barriers.count == before)
        h.press(.ctrl("u"))   // the focus is on the field to fix
        h.type("two buses to work")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Barrier recorded: transportation"), "\(h.screen)")
    }

    @Test func assessmentsAreListedWithTheirFlags() throws {
        let h = try Harness()
        open(h, 16)
        h.press(.char("t"))
        try expectGolden("assessments", h.screen)
        h.press(.char("a"))
        for _ in 0..<6 { h.press(.tab) }
        h.press(.ctrl("u"), .ctrl("s"))
        #expect(h.screen.contains("✗ the score, or say why it was not completed"))
        for _ in 0..<3 { h.press(.tab) }
        h.type("left after ten minutes: child sick")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Recorded: TABE 11&12, reading"))
        #expect(h.screen.contains("not completed"))
    }

    @Test func aScoreTypedWrongIsCorrectedAndItsHistoryShown() throws {
        let h = try Harness()
        open(h, 16)
        h.press(.char("t"), .enter)
        #expect(h.screen.contains("Correct:"), "\(h.screen)")
        h.press(.ctrl("s"))
        #expect(h.screen.contains("✗ Why corrected is required"), "\(h.screen)")
        h.type("typed from the wrong sheet")   // the focus is on the field to fix
        h.press(.ctrl("s"))
        #expect(h.screen.contains("✗ nothing changed"), "\(h.screen)")
        h.press(.ctrl("u"))
        h.type("scale score 599")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("history kept"), "\(h.screen)")
        #expect(h.screen.contains("\"scale score 560\" → \"scale score 599\"") && h.screen.contains("(typed from the wrong sheet)"), "\(h.screen)")
        let a = try #require(try h.store.caseFile(CustomerID(16))?.assessments.first { $0.result == "scale score 599" })
        #expect(a.corrections?.first?.by == "mrivera")
    }

    /// Another user corrected the same score meanwhile: the refusal is whole at 80x24, what to do next included,
    /// and the typing stays.
    @Test func aCorrectionSavedMeanwhileIsRefusedInWholeWords() throws {
        let h = try Harness()
        open(h, 16)
        h.press(.char("t"), .enter)
        let first = try #require(try h.store.caseFile(CustomerID(16))?.assessments.first { $0.result == "scale score 560" })
        var theirs = first.values
        theirs["result"] = "scale score 561"
        theirs["why"] = "their copy of the report"
        let other = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)   // her other session
        _ = try h.store.correctAssessment(first, to: first.correcting(theirs, today: Harness.today).get(), by: other)
        h.press(.down, .down, .down, .down, .down, .down, .ctrl("u"))
        h.type("scale score 599")
        h.press(.down, .down, .down, .down)
        h.type("typed from the wrong sheet")
        h.press(.ctrl("s"))
        let status = h.lines[19...22].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        #expect(status.contains("Not saved: another user changed this assessment") && status.hasSuffix("reopen and apply it again."),
                "\(h.screen)")
        #expect(h.screen.contains("scale score 599") && h.screen.contains("typed from the wrong sheet"), "\(h.screen)")
    }

    @Test func frontDeskCannotAssess() throws {
        let h = try Harness(login: "dbrooks")
        open(h, 3)
        h.press(.char("g"), .enter)
        #expect(h.lines[22].contains("Front desks may not assess customers or enroll them"))
    }
}

/// Every part of the Getting Started Assessment as it opens for a
/// participant (customer 16, enrolled, Section 1 complete).
@Suite struct GSAPartGoldenTests {
    @Test(arguments: GSAPart.allCases)
    func eachPartOpens(part: GSAPart) throws {
        let h = try Harness()
        h.openCustomer(16)
        h.press(.char("g"))
        // The screen resumes at the last part (labor); move to the first.
        for _ in 0..<12 { h.press(.up) }
        for _ in 0..<GSAPart.allCases.firstIndex(of: part)! { h.press(.down) }
        h.press(.enter)
        try expectGolden("gsa-part-" + part.rawValue, h.screen)
        let form = part.fields.filter { _ in ![.employment, .education, .barriers].contains(part) }
        #expect(form.allSatisfy { f in h.lines.contains { $0.contains(f.label) } })
    }
}

/// A key the user's role may not use carries why: dimmed in the key bar,
/// explained in help, and said on the status line when pressed.
@Suite struct DisabledKeyTests {
    @Test func aSupervisorSeesWhyTheyCannotRecordABarrier() throws {
        let h = try Harness(login: "asantos")
        h.openCustomer(16)
        h.press(.char("r"))
        let bar = h.terminal.screen.height - 1
        let add = try #require(h.lines[bar].range(of: "a Add"))
        let col = h.lines[bar].distance(from: h.lines[bar].startIndex, to: add.lowerBound)
        #expect(h.terminal.screen[bar, col].role == .dim)
        h.press(.char("a"))
        #expect(h.screen.contains("asantos: Supervisors may not assess customers or enroll them"))
        h.press(.function(1))
        #expect(h.screen.contains("Record a new barrier (not for you: asantos: Supervisors"))
    }
}
