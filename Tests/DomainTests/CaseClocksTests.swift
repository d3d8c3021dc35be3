import Domain
import Testing

/// The clocks that read the plan, and the met state, at their edges.
@Suite struct CaseClocksTests {
    func participant(enrolled: String = "2026-11-18") -> Customer {
        Customer(id: CustomerID(4), legalName: "Kim Min-jun", zip: "60625", birthDate: day("1990-01-01"), program: .adult,
                 enteredOn: day("2026-01-02"), appliedOn: day("2026-01-05"), eligibleOn: day("2026-01-20"),
                 enrolledOn: day(enrolled), lastContactOn: day("2026-11-18"), lastServiceOn: day("2026-11-18"))
    }

    func clocks(_ f: CaseClockFacts, on today: String, settings: ClockSettings = .illinois) -> [Clock] {
        Deadlines.all(for: f, on: day(today), settings: settings)
    }

    func clock(_ f: CaseClockFacts, _ rule: ClockRule, on today: String, settings: ClockSettings = .illinois) -> Clock? {
        clocks(f, on: today, settings: settings).first { $0.rule == rule }
    }

    func plan(services: [PlanService] = []) -> CareerPlan {
        CareerPlan(customer: CustomerID(4), goals: [PlanGoal(id: 1, text: "Work", horizon: .oneYear, kind: .employment,
                                                             steps: [PlanStep(id: 2, text: "Apply", services: services)])])
    }

    @Test func theInitialPlanIsDueFiveDaysAfterTheAssessment() {
        let f = CaseClockFacts(customer: participant())
        #expect(clock(f, .initialPlan5, on: "2026-11-22")?.due == day("2026-11-23"))
        #expect(clock(f, .initialPlan5, on: "2026-11-23")?.state == .dueSoon)
        #expect(clock(f, .initialPlan5, on: "2026-11-24")?.state == .overdue)
        let planned = CaseClockFacts(customer: participant(), plan: plan(), firstPlanSaved: day("2026-11-20"),
                                     lastPlanSaved: day("2026-11-20"))
        #expect(clock(planned, .initialPlan5, on: "2026-11-24")?.state == .met)
    }

    /// Exit ends each one-shot clock of participation that was still running:
    /// it runs through the exit day and never after (a customer who left
    /// without a plan is not "initial plan overdue" for ever).
    @Test func exitEndsEveryOneShotClockStillRunning() {
        var applied = participant()
        applied.eligibleOn = nil
        applied.enrolledOn = nil
        applied.exitedOn = day("2026-03-10")
        #expect(clock(CaseClockFacts(customer: applied), .eligibility30, on: "2026-03-10")?.state == .overdue)
        #expect(clock(CaseClockFacts(customer: applied), .eligibility30, on: "2026-03-11") == nil)

        var eligible = participant()
        eligible.enrolledOn = nil
        eligible.exitedOn = day("2026-05-01")
        #expect(clock(CaseClockFacts(customer: eligible), .enrollment90, on: "2026-05-01")?.state == .overdue)
        #expect(clock(CaseClockFacts(customer: eligible), .enrollment90, on: "2026-05-02") == nil)

        var enrolled = participant(enrolled: "2026-02-02")
        enrolled.exitedOn = day("2026-06-30")
        #expect(clock(CaseClockFacts(customer: enrolled), .initialPlan5, on: "2026-06-30")?.state == .overdue)
        #expect(clock(CaseClockFacts(customer: enrolled), .initialPlan5, on: "2026-07-01") == nil)
        #expect(clock(CaseClockFacts(customer: enrolled), .initialPlan5, on: "2028-07-01") == nil)
    }

    /// After exit only follow-up and the entry clocks for what happened
    /// before it run: a service started the week before exit still owes its note.
    @Test func aServiceStartedBeforeExitStillOwesItsNote() {
        let started = PlanService(id: 4, serviceID: "career-planning", name: "Career Planning", plannedStart: day("2026-06-25"),
                                  plannedEnd: day("2026-07-31"), status: .open, actualStart: day("2026-06-25"))
        let after = PlanService(id: 5, serviceID: "job-search-placement", name: "Job Search", plannedStart: day("2026-07-05"),
                                status: .open, actualStart: day("2026-07-05"))
        var left = participant(enrolled: "2026-06-01")
        left.exitedOn = day("2026-06-30")
        let f = CaseClockFacts(customer: left, plan: plan(services: [started, after]), firstPlanSaved: day("2026-06-02"),
                               lastPlanSaved: day("2026-06-25"))
        #expect(clock(f, .noteEntry10, on: "2026-07-05")?.due == day("2026-07-05"))
        #expect(clock(f, .noteEntry10, on: "2026-07-06")?.state == .overdue)
        #expect(clocks(f, on: "2026-07-06").filter { $0.rule == .noteEntry10 }.count == 1)
        // The participation clocks do not: no contact, review, service close or automatic exit after exit.
        for rule in [ClockRule.contact30, .review90, .serviceClose10, .autoExit90] { #expect(clock(f, rule, on: "2026-07-06") == nil) }
    }

    @Test func theReviewFollowsTheLastSaveByTheAreasInterval() {
        let f = CaseClockFacts(customer: participant(enrolled: "2026-08-01"), plan: plan(), firstPlanSaved: day("2026-08-03"),
                               lastPlanSaved: day("2026-08-25"))
        #expect(clock(f, .review90, on: "2026-11-22")?.due == day("2026-11-23"))
        #expect(clock(f, .review90, on: "2026-11-23")?.state == .dueSoon)
        #expect(clock(f, .review90, on: "2026-11-24")?.state == .overdue)
        let monthly = ClockSettings(reviewIntervalDays: 30)
        #expect(clock(f, .review90, on: "2026-09-01", settings: monthly)?.due == day("2026-09-24"))
    }

    @Test func servicesNotRecordedOrNotClosedInTenDays() {
        let late = PlanService(id: 3, serviceID: "job-search-placement", name: "Job Search", plannedStart: day("2026-11-01"))
        let running = PlanService(id: 4, serviceID: "career-planning", name: "Career Planning", plannedStart: day("2026-09-01"),
                                  plannedEnd: day("2026-10-31"), status: .open, actualStart: day("2026-09-01"))
        let f = CaseClockFacts(customer: participant(enrolled: "2026-08-01"), plan: plan(services: [late, running]),
                               firstPlanSaved: day("2026-08-02"), lastPlanSaved: day("2026-11-20"))
        #expect(clock(f, .serviceEntry10, on: "2026-11-01") == nil)
        #expect(clock(f, .serviceEntry10, on: "2026-11-02")?.due == day("2026-11-11"))
        #expect(clock(f, .serviceEntry10, on: "2026-11-02")?.label == "Record service: Job Search")
        #expect(clock(f, .serviceEntry10, on: "2026-11-12")?.state == .overdue)
        #expect(clock(f, .serviceClose10, on: "2026-11-01")?.due == day("2026-11-10"))
        #expect(clock(f, .serviceClose10, on: "2026-11-10")?.state == .dueSoon)
        #expect(clock(f, .serviceClose10, on: "2026-11-11")?.state == .overdue)
    }

    @Test func monthEndsAndLeapDays() {
        let running = PlanService(id: 4, serviceID: "career-planning", name: "Career Planning", plannedStart: day("2026-01-02"),
                                  plannedEnd: day("2026-01-31"), status: .open, actualStart: day("2026-01-02"))
        let f = CaseClockFacts(customer: participant(enrolled: "2026-01-02"), plan: plan(services: [running]),
                               firstPlanSaved: day("2026-01-03"), lastPlanSaved: day("2026-01-03"))
        #expect(clock(f, .serviceClose10, on: "2026-02-01")?.due == day("2026-02-10"))
        let applied = Customer(id: CustomerID(5), legalName: "Leap Year", zip: "60625", birthDate: day("1990-01-01"),
                               program: .adult, enteredOn: day("2028-01-30"), appliedOn: day("2028-01-30"))
        #expect(clock(CaseClockFacts(customer: applied), .eligibility30, on: "2028-02-01")?.due == day("2028-02-29"))
    }

    @Test func oneShotRulesShowAsMetAndNothingForRulesThatDoNotApply() {
        let f = CaseClockFacts(customer: participant(), plan: plan(), firstPlanSaved: day("2026-11-19"),
                               lastPlanSaved: day("2026-11-19"))
        let states = Dictionary(uniqueKeysWithValues: clocks(f, on: "2026-11-23").filter { $0.subject == nil }.map { ($0.rule, $0.state) })
        #expect(states[.eligibility30] == .met && states[.enrollment90] == .met && states[.initialPlan5] == .met)
        #expect(!Deadlines.running(for: f, on: day("2026-11-23")).contains { $0.state == .met })
        let walkIn = Customer(id: CustomerID(6), legalName: "Walk In", zip: "60625", birthDate: day("1990-01-01"),
                              enteredOn: day("2026-11-20"))
        #expect(clocks(CaseClockFacts(customer: walkIn), on: "2026-11-23").isEmpty)
    }
}
