import App
import Domain
import Store
import Testing
import TerminalKit

/// The Career Plan editor, driven by keys over the synthetic caseload.
@Suite struct PlanScreenTests {
    func openPlan(_ h: Harness, _ id: Int) {
        h.openCustomer(id)
        h.press(.char("p"))
    }

    func fields(_ h: Harness, _ values: [String?]) {
        for (i, v) in values.enumerated() {
            if i > 0 { h.press(.tab) }
            if let v { h.press(.ctrl("u")); h.type(v) }
        }
    }

    /// Ctrl-S on a plan nobody changed asks whether it was reviewed with
    /// the customer: yes records the review (a version, the review clock
    /// reset, the signatures still good), no records nothing.
    @Test func aReviewThatChangesNothingIsRecorded() throws {
        let h = try Harness()
        openPlan(h, 16)
        let before = try #require(try h.store.plan(for: CustomerID(16)))
        func signed() throws -> [String] {
            try (h.store.signingStates(for: CustomerID(16), today: Harness.today)?.states ?? []).map { "\($0.role) \($0.state)" }
        }
        let signedBefore = try signed()
        h.press(.ctrl("s"))
        #expect(h.screen.contains("Nothing changed. Reviewed with the customer today? y records it, n does not"), "\(h.screen)")
        h.press(.char("n"))
        #expect(h.screen.contains("Nothing to save"))
        #expect(try h.store.plan(for: CustomerID(16))?.version == before.version)
        h.press(.ctrl("s"), .char("y"))
        #expect(h.screen.contains("Review recorded (version \(before.version + 1)): the next review is due 2027-02-21"), "\(h.screen)")
        let after = try #require(try h.store.plan(for: CustomerID(16)))
        #expect(after.version == before.version + 1 && after.plan.goals == before.plan.goals)
        #expect(try h.store.planVersions(for: CustomerID(16)).last?.changes == [CaseloadStore.reviewedUnchanged])
        #expect(after.plan.episodes.last?.reason == CaseloadStore.reviewedUnchanged && after.plan.episodes.last?.on == Harness.today)
        #expect(try signed() == signedBefore)
        let review = try #require(try h.store.clockFacts(for: CustomerID(16)).map {
            Deadlines.running(for: $0, on: Harness.today).first { $0.rule == .review90 }
        })
        // In the customer's timeline too.
        let timeline = Timeline.entries(customer: try #require(try h.store.customer(CustomerID(16))), work: try h.store.caseWork(CustomerID(16)),
                                        plan: after.plan, assessments: [])
        #expect(timeline.contains { $0.kind == "Plan" && $0.text == "Plan reviewed with the customer; nothing changed" && $0.on == Harness.today })
        // The review clock runs from the review's own day (the day it was recorded, in the area's days).
        #expect(review?.due == AreaTime.day(of: after.savedAt, in: .current)?.adding(days: 90))
    }

    @Test func theTreeFitsEightyColumnsExpandedAndCollapsed() throws {
        let h = try Harness()
        openPlan(h, 16)
        try expectGolden("plan", h.screen)
        #expect(h.lines.allSatisfy { $0.displayWidth <= 80 })
        #expect(h.screen.contains("…"))
        h.press(.left)
        try expectGolden("plan-collapsed", h.screen)
        #expect(h.lines[3].hasPrefix("▶▸ ○ Get a full-time job"))
        #expect(!h.screen.contains("Career Planning"))
        h.press(.right)
        #expect(h.screen.contains("Career Planning"))
    }

    @Test func aGoalAStepAndAServiceAreBuiltAndSaved() throws {
        let h = try Harness()
        openPlan(h, 3)
        #expect(h.screen.contains("No goals yet: g adds the first goal."))
        h.press(.char("g"))
        fields(h, ["Work as a medical assistant at a clinic within a year, a role the customer chose", nil, nil, "2027-06-30",
                   "likes health care; GSA interests"])
        h.press(.ctrl("s"))
        h.press(.char("s"))
        fields(h, ["Enroll in the medical assistant course by 2026-12-15", "2026-12-15"])
        h.press(.ctrl("s"))
        h.press(.char("v"))
        h.type("career planning")
        h.press(.enter)
        fields(h, [nil, nil, nil, "2027-03-01", "2"])
        h.press(.ctrl("s"))
        try expectGolden("plan-built", h.screen)
        #expect(h.screen.contains("● unsaved"))
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Saved version 1"))
        let saved = try #require(try h.store.plan(for: CustomerID(3)))
        #expect(saved.plan.goals.count == 1 && saved.plan.goals[0].steps[0].services.map(\.serviceID) == ["career-planning"])
        #expect(saved.plan.episodes.map(\.reason) == ["initial plan"])
    }

    @Test func aPlanSavedMeanwhileIsMergedWithTheseEdits() throws {
        let h = try Harness()
        openPlan(h, 16)
        h.press(.char("s"))
        fields(h, ["Visit two welding shops by 2026-12-20", "2026-12-20"])
        h.press(.ctrl("s"))
        // Meanwhile a colleague renames the first goal and saves.
        let before = try #require(try h.store.plan(for: CustomerID(16)))
        var theirs = before.plan
        theirs.goals[0].text += " near home"
        let colleague = try CaseloadStore(path: h.store.path, actor: "tnguyen", today: { Harness.today }, now: { Harness.now })
        let admin = Staff(login: "root", name: "Area Admin", initials: "AA", role: .administrator)
        try colleague.savePlan(theirs, over: before.version, by: admin, today: Harness.today, matrix: try ServicesMatrix.bundled(),
                               reason: "goal reworded")
        func save() {
            h.press(.ctrl("s"))
            if h.screen.contains("Why") { h.type("added a step"); h.press(.enter) }
        }
        save()
        #expect(h.screen.contains("Ctrl-R reloads their save and re-applies your edits."))
        #expect(h.screen.contains("the plan of C000016 (Thanh Nguyễn at"))
        #expect(h.screen.contains("Ctrl-R Reload"))
        h.press(.ctrl("r"))
        #expect(h.screen.contains("your edits re-applied on top of v\(before.version + 1)"))
        save()
        let merged = try #require(try h.store.plan(for: CustomerID(16)))
        #expect(merged.version == before.version + 2)
        #expect(merged.plan.goals[0].text == theirs.goals[0].text)
        #expect(merged.plan.goals[0].steps.map(\.text).contains("Visit two welding shops by 2026-12-20"))
        let ids = merged.plan.goals.flatMap { [$0.id] + $0.steps.flatMap { [$0.id] + $0.services.map(\.id) } }
        #expect(Set(ids).count == ids.count)
    }

    @Test func trainingCannotStartBeforeItsAssessment() throws {
        let h = try Harness()
        openPlan(h, 16)
        h.press(.down, .down, .down, .down, .down)   // the second step
        h.press(.char("v"))
        h.type("occupational skills training")
        h.press(.enter)
        fields(h, [nil, nil, nil, "2027-03-01", "20", nil, "2026-11-23"])
        h.press(.up)
        h.press(.right)   // status Open
        h.press(.ctrl("s"))
        try expectGolden("plan-training-refused", h.screen)
        #expect(h.screen.contains("✗ start needs the Training & Education Assessment first (Assessments, t)"))
    }

    @Test func theLastOpenStepCannotBeClosed() throws {
        let h = try Harness()
        openPlan(h, 16)
        h.press(.down, .down, .down, .down, .down, .down, .enter)   // the open step
        h.press(.tab, .tab, .right)   // status: achieved
        h.press(.ctrl("s"))
        #expect(h.lines[21].contains("Not done: an enrolled participant's plan keeps at least one open goal with an"))
        #expect(h.lines[22].contains("open step; add one first"))
        #expect(!h.screen.contains("● unsaved"))
    }

    /// Once the Service Closure / Exit note is written the customer is
    /// leaving: the plan closes its last step and goal, the signatures stay
    /// good (progress is not what was signed), and the exit checklist agrees.
    @Test func anExitNoteLetsThePlanCloseItsLastGoal() throws {
        let h = try Harness()
        let planner = try #require(try h.store.signIn(login: "mrivera"))
        try h.store.addNote(CaseNote(id: 0, customer: CustomerID(16), kind: .closure, eventOn: Harness.today, enteredOn: Harness.today,
                                     author: "", text: "Leaving: moved to Ohio", answers: ["employed": "no"]), by: planner)
        openPlan(h, 16)
        h.press(.down, .down, .down, .down, .down, .enter)   // the last open step
        h.press(.tab, .tab, .right, .ctrl("s"))             // achieved
        #expect(!h.screen.contains("Not done"))
        h.press(.home, .enter)                               // the goal
        h.press(.tab, .tab, .tab, .tab, .tab, .right)        // status: achieved
        h.press(.ctrl("s"), .ctrl("s"))
        h.type("customer is leaving")
        h.press(.enter)
        #expect(h.lines[22].contains("✓ Saved version 3"), "\(h.lines[22])")
        #expect(h.lines[2].contains("✓ signed · leaving: exit note written"))
        let plan = try #require(try h.store.plan(for: CustomerID(16))).plan
        #expect(plan.goals.allSatisfy { $0.status == .achieved })
        h.press(.escape, .char("x"))
        #expect(h.screen.contains("✓ Every goal closed"))
        #expect(h.screen.contains("✓ Exit note written"))
    }

    @Test func aSignificantChangeAsksWhyAndUndoWorks() throws {
        let h = try Harness()
        openPlan(h, 16)
        h.press(.enter, .tab, .right)   // horizon 1 year → 5 years
        h.press(.ctrl("s"))
        #expect(h.lines[3].contains("5y"))
        h.press(.char("u"))
        #expect(h.lines[3].contains("1y") && h.lines[22].contains("✓ Undone"))
        h.press(.enter, .tab, .right, .ctrl("s"), .ctrl("s"))
        #expect(h.lines[22].contains("Significant change; why:"))
        h.press(.enter)
        #expect(h.screen.contains("Say why the plan changes this much"))
        h.type("customer chose the longer pharmacy degree path")
        h.press(.enter)
        // Whole on the 80-column status line: the signed plan's signatures no longer hold.
        #expect(h.lines[22].contains("✓ Saved version 3 · new plan episode · signatures outdated: sign again (i)"), "\(h.lines[22])")
        let episodes = try #require(try h.store.plan(for: CustomerID(16))).plan.episodes
        #expect(episodes.last?.reason == "customer chose the longer pharmacy degree path")
        h.press(.char("h"))
        #expect(h.lines[3].hasPrefix("▶ v3   2026-") && h.lines[3].contains("mrivera  changed goal: Get a full-time job"))
        #expect(h.lines[4].hasPrefix("  v2   2026-08-18 16:00 UTC mrivera  reviewed with the customer"))
        #expect(h.lines[5].hasPrefix("  v1   2026-05-18 17:00 UTC mrivera  initial plan"))
        h.press(.enter)
        #expect(h.screen.contains("Read-only: version 3"))
        #expect(h.screen.contains("changed goal: Get a full-time job as a pharmacy technician"))
    }

    @Test func leavingWithUnsavedChangesAsks() throws {
        let h = try Harness()
        openPlan(h, 16)
        h.press(.down, .down, .down, .down, .down, .down, .char("K"))
        #expect(h.lines[4].contains("Apply for at least five"))
        h.press(.escape)
        #expect(h.lines[22].contains("The plan has unsaved changes: s = save, d = discard, Esc = stay"))
        h.press(.escape)
        #expect(h.screen.contains("● unsaved"))
        #expect(!h.press(.char("q")))
        #expect(h.lines[22].contains("The plan has unsaved changes"))
        h.press(.escape)
        h.press(.escape, .char("d"))
        #expect(h.screen.contains("Stage        Enrolled"))
    }

    @Test func startedServicesAreNotDeleted() throws {
        let h = try Harness()
        openPlan(h, 16)
        h.press(.down, .down, .char("x"))
        #expect(h.screen.contains("A started service is not deleted: close it (Enter, then Status: Complete or"))
        h.press(.char("s"))
        h.type("Visit two pharmacies to ask about openings")
        h.press(.tab)
        h.type("2026-12-05")
        h.press(.ctrl("s"))
        #expect(h.screen.contains("Visit two pharmacies"))
        h.press(.char("x"))
        #expect(h.lines[22].contains("Delete the selected item"))
        h.press(.char("y"))
        #expect(h.screen.contains("Deleted (u undoes)") && !h.screen.contains("Visit two pharmacies"))
    }

    @Test func aServiceDatedBeforeCertificationIsRecordedOnTheCertificationDate() throws {
        let h = try Harness()
        openPlan(h, 16)   // certified 2026-04-23
        h.press(.down, .down, .down, .down, .down, .char("v"))
        h.type("mentoring")
        h.press(.enter)
        fields(h, [nil, nil, "2026-04-01", "2026-06-30", "1"])
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("Dated before certification (2026-04-23): record it on 2026-04-23 with a note"))
        h.press(.char("y"))
        #expect(h.screen.contains("Recorded on the certification date 2026-04-23"))
        h.press(.ctrl("s"))
        let plan = try #require(try h.store.plan(for: CustomerID(16))).plan
        let mentoring = try #require(plan.allServices.first { $0.serviceID == "youth-mentoring" })
        #expect(mentoring.plannedStart == Day(parsing: "2026-04-23"))
        #expect(mentoring.notes == ["planned start was 2026-04-01, before certification; recorded on 2026-04-23"])
    }
}

/// The youth's Individual Service Strategy: p shows the career pathway and
/// the fourteen program elements over the same working copy; decisions are
/// checked where they are typed, undone with u, and saved with the plan,
/// without outdating the signatures (they are a record, not the agreement).
@Suite struct StrategyViewTests {
    @Test func anElementIsDecidedClearedUndoneAndSaved() throws {
        let h = try Harness()
        h.openCustomer(16)
        h.press(.char("p"), .char("p"))
        try expectGolden("plan-iss", h.screen)
        #expect(h.lines.allSatisfy { $0.displayWidth <= 80 })
        #expect(h.screen.contains("Career pathway") && h.screen.contains("Pharmacy technician (29-2052)"))
        #expect(h.screen.contains("13 labor market information") && h.screen.contains("provided"))
        // Element 8, adult mentoring: no service on the plan provides it.
        h.press(.down, .down, .down, .down, .down, .down, .down, .down, .enter)
        #expect(h.lines[1].contains("Element 8: mentoring"))
        h.press(.right, .ctrl("s"))   // provided, by nothing
        #expect(h.screen.contains("add a service that provides it to the plan first (v on a step)"))
        h.press(.backTab, .backTab, .backTab, .right, .tab, .tab, .tab, .tab)   // back to the decision: not needed; the notes
        h.type("meets a mentor at church every week")
        h.press(.ctrl("s"))
        #expect(h.lines.contains { $0.contains("8  mentoring") && $0.contains("not needed") && $0.contains("meets a mentor") },
                "\(h.screen)")
        #expect(h.screen.contains("● unsaved"))
        h.press(.char("x"))
        #expect(h.lines.contains { $0.contains("8  mentoring") && $0.contains("not considered yet") })
        h.press(.char("u"))
        #expect(h.lines.contains { $0.contains("8  mentoring") && $0.contains("not needed") })
        h.press(.ctrl("s"))
        #expect(h.screen.contains("✓ signed"), "\(h.screen)")
        let saved = try #require(try h.store.plan(for: CustomerID(16)))
        #expect(saved.plan.mark(8) == YouthElementMark(element: 8, decision: .notNeeded, on: Harness.today,
                                                       note: "meets a mentor at church every week"))
        #expect(try h.store.planVersions(for: CustomerID(16)).last?.changes
                == ["youth program element 8 (mentoring): not needed (2026-11-23): meets a mentor at church every week"])
        h.press(.char("p"))
        #expect(h.screen.contains("Get a full-time job"))
    }

    @Test func thePathwayIsWrittenAsFieldsAndCheckedCodes() throws {
        let h = try Harness()
        h.openCustomer(16)
        h.press(.char("p"), .char("p"), .enter)
        #expect(h.lines[1].contains("Career pathway"))
        h.press(.tab, .ctrl("u"))
        h.type("292052")
        h.press(.ctrl("s"))
        #expect(h.screen.contains("six digits as 43-4051"))
        h.press(.ctrl("u"))
        h.type("29-2052")
        h.press(.ctrl("s"), .ctrl("s"))
        let saved = try #require(try h.store.plan(for: CustomerID(16)))
        #expect(saved.plan.pathway?.occupationCode == "29-2052")
    }

    @Test func anAdultPlanHasNoStrategy() throws {
        let h = try Harness()
        h.openCustomer(4)
        h.press(.char("p"), .char("p"))
        #expect(!h.screen.contains("Part of the ISS"))
    }
}
