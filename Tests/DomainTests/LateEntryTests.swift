import Testing
@testable import Domain

/// A service's start is entered within 10 days of it (001); day 10 is on
/// time, day 11 late, whether the service was planned first or added as
/// already started, and the entry day is the save's, never the caller's.
@Suite struct LateEntryTests {
    func plan(_ services: [PlanService]) -> CareerPlan {
        CareerPlan(customer: CustomerID(4), goals: [PlanGoal(id: 1, text: "Work", horizon: .oneYear, kind: .employment,
                                                             steps: [PlanStep(id: 2, text: "Apply", services: services)])])
    }

    let planned = PlanService(id: 3, serviceID: "job-search-placement", name: "Job Search", plannedStart: day("2026-11-01"))

    @Test func aStartEnteredOnDayTenIsOnTimeAndOnDayElevenLate() {
        var started = planned
        started.status = .open
        started.actualStart = day("2026-11-02")
        let onTime = PlanRules.stampingStarts(of: plan([started]), before: plan([planned]), today: day("2026-11-12"))
        #expect(onTime.allServices[0].startRecordedOn == day("2026-11-12"))
        #expect(PlanRules.lateStart(onTime.allServices[0]) == nil)
        let late = PlanRules.stampingStarts(of: plan([started]), before: plan([planned]), today: day("2026-11-13"))
        #expect(PlanRules.lateStart(late.allServices[0]) == "start entered 11 days after it (limit 10)")
    }

    @Test func aServiceAddedAsAlreadyStartedHasItsEntryDayToo() {
        var added = PlanService(id: 9, serviceID: "career-planning", name: "Career Planning", status: .open,
                                actualStart: day("2026-10-01"))
        added.startRecordedOn = day("2026-10-01")   // what a crafted save might claim
        let saved = PlanRules.stampingStarts(of: plan([added]), before: plan([]), today: day("2026-11-20"))
        #expect(saved.allServices[0].startRecordedOn == day("2026-11-20"))
        #expect(PlanRules.lateStart(saved.allServices[0]) == "start entered 50 days after it (limit 10)")
        // A later save keeps the first entry day.
        let again = PlanRules.stampingStarts(of: saved, before: saved, today: day("2026-12-20"))
        #expect(again.allServices[0].startRecordedOn == day("2026-11-20"))
        let timeline = Timeline.entries(customer: Customer(id: CustomerID(4), legalName: "K", zip: "60601", birthDate: day("1990-01-01"),
                                                           enteredOn: day("2026-01-01")),
                                        work: CaseWork(), plan: again, assessments: [])
        #expect(timeline.contains { $0.kind == "Service" && $0.flag == "late: entered 2026-11-20" })
    }

    /// Every late entry of a case, as the overview counts them and `c` lists them.
    @Test func aCaseListsItsLateStartsClosuresNotesAndOutcomes() {
        var s = PlanService(id: 9, serviceID: "career-planning", name: "Career Planning", status: .complete,
                            actualStart: day("2026-10-01"))
        s.startRecordedOn = day("2026-10-12")          // day 11: late
        s.completedOn = day("2026-11-01")
        s.completionKnownOn = day("2026-11-01")
        s.closedRecordedOn = day("2026-11-11")         // day 10: on time
        let c = Customer(id: CustomerID(4), legalName: "K", zip: "60601", birthDate: day("1990-01-01"), enteredOn: day("2026-01-01"))
        let note = CaseNote(id: 1, customer: c.id, kind: .contact, eventOn: day("2026-10-01"), enteredOn: day("2026-10-20"),
                            author: "m", text: "met")
        var amendment = note
        amendment.id = 2
        amendment.amends = 1
        let entries = LateEntry.entries(of: CaseClockFacts(customer: c, plan: plan([s]), work: CaseWork(notes: [note, amendment])))
        #expect(entries.map(\.kind) == [.serviceStart, .note])
        #expect(entries.map(\.daysLate) == [11, 19])
        s.closedRecordedOn = day("2026-11-12")         // day 11: late
        let timeline = Timeline.entries(customer: c, work: CaseWork(), plan: plan([s]), assessments: [])
        #expect(timeline.contains { $0.text.hasPrefix("Complete") && $0.flag == "late: entered 2026-11-12" })
    }
}
