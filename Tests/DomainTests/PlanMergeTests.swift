import Domain
import Testing

/// Two planners edit the same plan; the second puts their edits back on
/// top of the first one's save.
@Suite struct PlanMergeTests {
    /// Goal 1 (steps 2 and 4; step 2 holds service 3), goal 5 (step 6); next id 7.
    let base = CareerPlan(customer: CustomerID(4), goals: [
        PlanGoal(id: 1, text: "Get a job as a welder", horizon: .oneYear, kind: .employment, steps: [
            PlanStep(id: 2, text: "Finish the welding course by 2026-12-15", services: [
                PlanService(id: 3, serviceID: "ost", name: "Occupational Skills Training", weeklyHours: 20),
            ]),
            PlanStep(id: 4, text: "Get a bus pass by 2026-11-30"),
        ]),
        PlanGoal(id: 5, text: "Earn a GED", horizon: .oneYear, kind: .education, steps: [
            PlanStep(id: 6, text: "Attend GED class twice a week"),
        ]),
    ], nextID: 7)

    @Test func editsOfDifferentItemsAreBothKeptAndNewIDsNeverRepeat() {
        var theirs = base
        theirs.goals[0].steps[0].services[0].weeklyHours = 25
        theirs.goals[1].steps.append(PlanStep(id: theirs.newID(), text: "Take the practice test by 2027-01-15"))
        var mine = base
        mine.goals[0].text = "Get a job as a certified welder"
        mine.goals[0].steps.append(PlanStep(id: mine.newID(), text: "Visit two shops by 2026-12-20"))
        let merged = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(merged.conflicts.isEmpty)
        let p = merged.plan
        #expect(p.goals[0].text == "Get a job as a certified welder")
        #expect(p.goals[0].steps[0].services[0].weeklyHours == 25)
        #expect(p.goals[1].steps.map(\.id) == [6, 7])
        #expect(p.goals[0].steps.map(\.text).last == "Visit two shops by 2026-12-20")
        #expect(p.goals[0].steps.map(\.id) == [2, 4, 8])
        #expect(p.nextID == 9)
    }

    @Test func bothChangingOneItemKeepsThisUsersAndSaysSo() {
        var theirs = base
        theirs.goals[1].text = "Earn a high school equivalency"
        var mine = base
        mine.goals[1].text = "Earn a GED by June"
        let merged = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(merged.plan.goals[1].text == "Earn a GED by June")
        #expect(merged.conflicts == ["goal \"Earn a GED by June\": both changed it; yours is kept"])
        // The same change on both sides is no conflict.
        #expect(PlanMerge.merge(base: base, mine: mine, theirs: mine).conflicts.isEmpty)
    }

    @Test func deletionsWinOnlyOverItemsTheOtherSideLeftAlone() {
        // They deleted step 4 (untouched here) and step 6 (changed here).
        var theirs = base
        theirs.goals[0].steps.removeAll { $0.id == 4 }
        theirs.goals[1].steps.removeAll { $0.id == 6 }
        var mine = base
        mine.goals[1].steps[0].text = "Attend GED class three times a week"
        var merged = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(merged.plan.goals[0].steps.map(\.id) == [2])
        #expect(merged.plan.goals[1].steps.map(\.text) == ["Attend GED class three times a week"])
        #expect(merged.conflicts == ["step \"Attend GED class three times a week\": they deleted it and you changed it; yours is kept"])
        // This user deleted service 3, which they changed: theirs stays.
        theirs = base
        theirs.goals[0].steps[0].services[0].status = .open
        mine = base
        mine.goals[0].steps[0].services = []
        merged = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(merged.plan.goals[0].steps[0].services.map(\.status) == [.open])
        #expect(merged.conflicts == ["service \"Occupational Skills Training\": you deleted it and they changed it; theirs is kept"])
        // ... and service 3 untouched by them goes.
        merged = PlanMerge.merge(base: base, mine: mine, theirs: base)
        #expect(merged.plan.goals[0].steps[0].services.isEmpty && merged.conflicts.isEmpty)
    }

    @Test func thePathwayFollowsWhoeverChangedIt() {
        var theirs = base
        theirs.pathway = CareerPathway(occupation: "Machinist", credentialPath: "NIMS Level I")
        #expect(PlanMerge.merge(base: base, mine: base, theirs: theirs).plan.pathway?.occupation == "Machinist")
        var mine = base
        mine.pathway = CareerPathway(occupation: "Welder", credentialPath: "AWS D1.1")
        #expect(PlanMerge.merge(base: base, mine: mine, theirs: base).plan.pathway?.occupation == "Welder")
        #expect(PlanMerge.merge(base: base, mine: mine, theirs: theirs).conflicts == ["career pathway: both changed it; yours is kept"])
    }

    /// Each youth program element is merged on its own: marks on different
    /// elements both stand; one element marked differently is a conflict.
    @Test func youthElementsMergeElementByElement() {
        let on = Day(parsing: "2026-11-20")!
        var theirs = base
        theirs.youthElements = [YouthElementMark(element: 8, decision: .considered, on: on)]
        var mine = base
        mine.youthElements = [YouthElementMark(element: 11, decision: .notNeeded, on: on, note: "budgets well")]
        let merged = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(merged.plan.youthElements.map(\.element) == [8, 11] && merged.conflicts.isEmpty)
        mine.youthElements = [YouthElementMark(element: 8, decision: .notNeeded, on: on, note: "has a mentor")]
        #expect(PlanMerge.merge(base: base, mine: mine, theirs: theirs).conflicts
                == ["youth program element 8 (mentoring): both changed it; yours is kept"])
    }
}
