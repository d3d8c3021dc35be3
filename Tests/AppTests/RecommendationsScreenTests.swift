import App
import Domain
import Store
import Testing
import TerminalKit

/// The Recommendations page for customer 3 of the synthetic caseload
/// (certified, no Getting Started Assessment yet: no target occupation).
@Suite struct RecommendationsScreenTests {
    func open(_ h: Harness, _ id: Int = 3) {
        h.openCustomer(id)
        h.press(.char("m"))
    }

    @Test func thePageShowsItsThreeGroupsWithWhy() throws {
        let h = try Harness()
        open(h)
        try expectGolden("recommendations", h.screen)
        #expect(h.screen.contains("because: no target occupation yet"))
        h.press(.down, .down, .down, .down)
        #expect(h.screen.contains("Build the work habits employers ask of a [target occupation]  ?"))
        #expect(h.screen.contains("collect: target occupation (the GSA's goals: target occupation)"))
    }

    @Test func aMarkedGoalGoesInWithItsStepAndServiceInThePlannersWording() throws {
        let h = try Harness()
        open(h)
        h.press(.down, .char(" "))
        h.press(.down, .enter, .ctrl("u"))
        h.type("Compare three occupations with your planner by 2026-12-10")
        h.press(.ctrl("s"))
        try expectGolden("recommendations-marked", h.screen)
        h.press(.char("a"))
        #expect(h.lines[22].contains("✓ Added 1 item(s) to the plan: version 1"))
        #expect(h.screen.contains("✓ in plan Choose a career field with good local demand and wages"))
        let plan = try #require(try h.store.plan(for: CustomerID(3))).plan
        #expect(plan.goals.map(\.text) == ["Choose a career field with good local demand and wages"])
        #expect(plan.goals[0].steps.map(\.text) == ["Compare three occupations with your planner by 2026-12-10"])
        #expect(plan.goals[0].steps[0].services.map(\.serviceID) == ["labor-market-information"])
        // Nothing is added twice.
        h.press(.up, .char(" "))
        #expect(h.lines[22].contains("Already in the plan"))
    }

    /// A goal added in the planner's own words is still known as added when
    /// the page is opened again: never offered, never added twice.
    @Test func aGoalAddedInOtherWordsIsNotOfferedAgain() throws {
        let h = try Harness()
        open(h)
        h.press(.down, .char(" "), .enter, .ctrl("u"))
        h.type("Pick a field with good pay near home")
        h.press(.ctrl("s"), .char("a"))
        #expect(h.lines[22].contains("✓ Added 1 item(s) to the plan: version 1"))
        h.press(.escape, .char("m"))
        #expect(h.screen.contains("✓ in plan Choose a career field with good local demand and wages"))
        h.press(.down, .char(" "))
        #expect(h.lines[22].contains("Already in the plan"))
        h.press(.char("a"))
        let plan = try #require(try h.store.plan(for: CustomerID(3))).plan
        #expect(plan.goals.map(\.text) == ["Pick a field with good pay near home"])
        #expect(plan.allServices.count == 1)
    }

    @Test func nothingIsAddedUnlessMarked() throws {
        let h = try Harness()
        open(h)
        h.press(.char("a"))
        #expect(h.lines[22].contains("Mark items with Space first"))
        #expect(try h.store.plan(for: CustomerID(3)) == nil)
    }

    @Test func aDismissedItemStaysAwayWithItsReason() throws {
        let h = try Harness()
        open(h)
        h.press(.char("x"))
        h.type("already took one at the library")
        h.press(.enter)
        #expect(h.lines[22].contains("Dismissed: interest inventory: interests"))
        #expect(h.screen.contains("Recommended assessments: none"))
        #expect(h.screen.contains("Dismissed: 1 (D shows them)"))
        h.press(.char("D"))
        try expectGolden("recommendations-dismissed", h.screen)
        #expect(h.screen.contains("dismissed 2026-11-23 by mrivera: already t"))
        h.press(.down, .down, .down, .down, .down, .down, .down)
        #expect(h.screen.contains("dismissed because: already took one at the library"))
        // Reopening the page keeps it dismissed.
        h.press(.escape, .char("m"))
        #expect(h.screen.contains("Recommended assessments: none"))
    }

    @Test func aTrainingGoalInThePlanBringsItsAssessment() throws {
        let h = try Harness()
        let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
        var plan = CareerPlan(customer: CustomerID(3))
        plan.goals = [PlanGoal(id: 1, text: "Become a welder", horizon: .oneYear, kind: .education, steps: [
            PlanStep(id: 2, text: "Enroll", services: [PlanService(id: 3, serviceID: "on-the-job-training", name: "On-the-Job Training")]),
        ])]
        plan.nextID = 4
        try h.store.savePlan(plan, over: 0, by: planner, today: Harness.today, matrix: h.session.matrix)
        open(h)
        #expect(h.lines[4].contains("[ ] Take the Work-Based Learning Assessment (work-based learning)"))
        h.press(.down)
        #expect(h.screen.contains("because: work-based learning in the plan: On-the-Job Training"))
    }
}
