import Domain
import Foundation
import Testing

/// Case notes, outcomes, pauses, the automatic exit and follow-up, with
/// concrete dates at every edge (POLICY.md sections 3, 4 and 6).
@Suite struct CaseWorkTests {
    let id = CustomerID(7)

    func participant(enrolled: String = "2026-01-05", service: String? = "2026-06-01", program: Program = .adult,
                     exited: String? = nil, employed: String? = nil) -> Customer {
        Customer(id: id, legalName: "Ana Ruiz", zip: "60608", birthDate: day("1985-03-03"), program: program,
                 enteredOn: day("2025-12-01"), appliedOn: day("2025-12-02"), eligibleOn: day("2025-12-20"),
                 enrolledOn: day(enrolled), lastContactOn: day(enrolled), lastServiceOn: service.map(day),
                 exitedOn: exited.map(day), employedOn: employed.map(day))
    }

    func note(_ kind: NoteKind = .contact, event: String, entered: String, twoWay: Bool = true,
              answers: [String: String] = [:], link: NoteLink? = nil) -> CaseNote {
        CaseNote(id: 1, customer: id, kind: kind, eventOn: day(event), enteredOn: day(entered), author: "mrivera",
                 text: "talked", answers: answers, channel: kind.isContact ? .phone : nil, twoWay: twoWay, link: link)
    }

    func pause(_ start: String, _ end: String) -> Pause {
        Pause(id: 1, customer: id, reason: .health, detail: "surgery", startOn: day(start), endOn: day(end),
              recordedBy: "mrivera", recordedOn: day(start))
    }

    func service(start: String?, end: String?, status: ServiceStatus = .notStarted, id: Int = 3) -> CareerPlan {
        let s = PlanService(id: id, serviceID: "job-search-placement", name: "Job Search", plannedStart: start.map(day),
                            plannedEnd: end.map(day), status: status)
        return CareerPlan(customer: self.id, goals: [PlanGoal(id: 1, text: "Work", horizon: .oneYear, kind: .employment,
                                                              steps: [PlanStep(id: 2, text: "Apply", services: [s])])])
    }

    // MARK: Late entry

    @Test func aNoteIsLateWhenWrittenMoreThanTenDaysAfterTheEvent() {
        #expect(!note(event: "2026-11-01", entered: "2026-11-11").isLate)   // day 10
        #expect(note(event: "2026-11-01", entered: "2026-11-12").isLate)    // day 11
        #expect(!note(event: "2026-02-20", entered: "2026-03-02").isLate)   // across a month end: 10 days
    }

    @Test func anAmendmentIsNeverALateNoteItself() {
        var amendment = note(event: "2026-11-01", entered: "2026-11-30")
        amendment.amends = 4
        #expect(!amendment.isLate)
    }

    @Test func anOutcomeIsLateWhenEnteredMoreThanTenDaysAfterItWasKnown() {
        func outcome(known: String, entered: String) -> Outcome {
            Outcome(id: 1, customer: id, kind: .credential, on: day("2026-10-01"), knownOn: day(known),
                    enteredOn: day(entered), recordedBy: "mrivera", answers: ["type": "certificate"])
        }
        #expect(!outcome(known: "2026-10-05", entered: "2026-10-15").isLate)
        #expect(outcome(known: "2026-10-05", entered: "2026-10-16").isLate)
        #expect(outcome(known: "2026-10-05", entered: "2026-10-15").indicators == [.credential])
    }

    @Test func onlyATwoWayContactCountsAsContact() {
        #expect(note(event: "2026-11-01", entered: "2026-11-01").isTwoWayContact)
        #expect(!note(event: "2026-11-01", entered: "2026-11-01", twoWay: false).isTwoWayContact)
        #expect(!note(.general, event: "2026-11-01", entered: "2026-11-01").isTwoWayContact)
    }

    // MARK: Last contact and last service, derived

    @Test func theLastContactIsTheLatestTwoWayNoteNeverAOneWayMessage() {
        let notes = [note(event: "2026-11-02", entered: "2026-11-02"),
                     note(event: "2026-11-20", entered: "2026-11-20", twoWay: false),   // an e-mail nobody answered
                     note(.general, event: "2026-11-25", entered: "2026-11-25"),
                     note(event: "2026-10-30", entered: "2026-11-26")]                   // written late, older
        #expect(CaseActivity.lastTwoWayContact(notes) == day("2026-11-02"))
        #expect(CaseActivity.lastTwoWayContact([]) == nil)
    }

    @Test func theLastServiceIsTheLatestStartOrCompletionUpToToday() throws {
        var plan = service(start: "2026-06-01", end: "2026-09-30", status: .complete)
        plan.goals[0].steps[0].services[0].actualStart = day("2026-06-03")
        plan.goals[0].steps[0].services[0].completedOn = day("2026-09-28")
        let follow = PlanService(id: 9, serviceID: "followup-counseling", name: "Follow-up counseling",
                                 plannedStart: day("2026-10-05"), status: .open, actualStart: day("2026-10-05"))
        plan.goals[0].steps[0].services.append(follow)
        let matrix = try ServicesMatrix(data: Data("""
            {"format": "careerplan-services-matrix", "version": 1, "placeholders": [], "services": [
              {"id": "job-search-placement", "name": "Job Search", "category": "individualized", "indicators": [],
               "triggersEnrollment": true, "keepsExitClockOpen": true, "goals": []},
              {"id": "followup-counseling", "name": "Follow-up counseling", "category": "follow-up", "indicators": [],
               "triggersEnrollment": false, "keepsExitClockOpen": false, "goals": []}]}
            """.utf8))
        // Follow-up never keeps a customer in the program, so it is not their last service.
        #expect(CaseActivity.lastService(plan, matrix: matrix, through: day("2026-11-01")) == day("2026-09-28"))
        #expect(CaseActivity.lastService(plan, matrix: matrix, through: day("2026-09-27")) == day("2026-06-03"))
        #expect(CaseActivity.lastService(nil, matrix: matrix, through: day("2026-11-01")) == nil)
        let c = CaseActivity.derived(participant(), notes: [], plan: plan, matrix: matrix, through: day("2026-11-01"))
        #expect(c.lastServiceOn == day("2026-09-28") && c.lastContactOn == nil)
    }

    // MARK: Automatic exit

    @Test func theAutomaticExitComesAfterNinetyDaysWithoutService() {
        let c = participant(service: "2026-06-01")
        #expect(AutoExit.due(lastService: day("2026-06-01"), plan: nil, pauses: [], on: day("2026-08-29")) == day("2026-08-30"))
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], on: day("2026-08-29")) == nil)   // day 89
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], on: day("2026-08-30")) == nil)   // day 90
        // Day 91: exited, and the exit date goes back to the last day of service.
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], on: day("2026-08-31")) == day("2026-06-01"))
    }

    func elsewhere(_ on: String, scheduled: Bool = false) -> OtherProgramService {
        OtherProgramService(id: 1, customer: id, program: .wagnerPeyser, service: "job search workshop", on: day(on),
                            scheduled: scheduled, recordedBy: "mrivera", recordedOn: day("2026-06-01"))
    }

    @Test func coEnrolledTheClockRunsAcrossEveryProgramAndExitsOnTheLastServiceInAny() {
        let c = participant(service: "2026-06-01")
        // A Wagner-Peyser workshop on 2026-07-01: 90 days run from there, and the exit date is that day.
        let other = [elsewhere("2026-07-01")]
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], elsewhere: other, on: day("2026-08-31")) == nil)
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], elsewhere: other, on: day("2026-09-29")) == nil)   // day 90
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], elsewhere: other, on: day("2026-09-30")) == day("2026-07-01"))
        // An earlier service elsewhere changes nothing.
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], elsewhere: [elsewhere("2026-05-01")], on: day("2026-08-31"))
                == day("2026-06-01"))
        // A service scheduled elsewhere holds the clock through its day, then it runs again.
        let scheduled = [elsewhere("2026-10-15", scheduled: true)]
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], elsewhere: scheduled, on: day("2026-10-15")) == nil)
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], elsewhere: scheduled, on: day("2026-10-16")) == day("2026-06-01"))
        // The planned exit is dated the last service in any program, never after today.
        let exitCheck = PlannedExit(customer: c, plan: nil, notes: [], outcomes: [], elsewhere: other, on: day("2026-08-01"))
        #expect(exitCheck.exitDate == day("2026-07-01"))
        // The dashboard's clock says the same.
        let clocks = Deadlines.schedule(for: CaseClockFacts(customer: c, work: { var w = CaseWork(); w.otherServices = scheduled; return w }()))
        let exitClock = clocks.first { $0.rule == .autoExit90 }
        #expect(exitClock?.due == day("2026-08-30") && exitClock?.from == day("2026-10-16"))
    }

    @Test func aServiceInAnotherProgramIsScheduledWhenItsDayIsAhead() throws {
        let v = ["program": "wagner-peyser", "service": "resume clinic", "on": "2026-12-01"]
        let made = try OtherProgramService.checked(v, customer: id, by: "mrivera", today: day("2026-11-23")).get()
        #expect(made.scheduled == true && made.programName == "Wagner-Peyser Employment Service")
        #expect(try OtherProgramService.checked(v, customer: id, by: "mrivera", today: day("2026-12-01")).get().scheduled == false)
        #expect(OtherProgramService.problems(["program": "other", "service": "x", "on": "2026-12-01"], today: day("2026-11-23"))
                == ["otherName": "name the program"])
        #expect(OtherProgramService.problems(["program": "taa", "service": "x", "on": "2027-11-25"], today: day("2026-11-23"))
                == ["on": "is more than a year ahead"])
    }

    @Test func withNoServiceTheClockRunsFromEnrollment() {
        let c = participant(enrolled: "2026-01-05", service: nil)
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], on: day("2026-04-05")) == nil)
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: [], on: day("2026-04-06")) == day("2026-01-05"))
    }

    @Test func aPauseStopsTheClockForItsDays() {
        let c = participant(service: "2026-06-01")
        // 30 paused days (July 1 to July 30) move the day-91 exit by 30 days.
        let pauses = [pause("2026-07-01", "2026-07-30")]
        #expect(AutoExit.due(lastService: day("2026-06-01"), plan: nil, pauses: pauses, on: day("2026-08-31")) == day("2026-09-29"))
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: pauses, on: day("2026-08-31")) == nil)
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: pauses, on: day("2026-09-29")) == nil)
        #expect(AutoExit.exitDate(for: c, plan: nil, pauses: pauses, on: day("2026-09-30")) == day("2026-06-01"))
        // A pause before the last service does not count.
        let old = [pause("2026-03-01", "2026-03-30")]
        #expect(AutoExit.due(lastService: day("2026-06-01"), plan: nil, pauses: old, on: day("2026-08-31")) == day("2026-08-30"))
    }

    @Test func aFuturePlannedServiceStopsTheExit() {
        let c = participant(service: "2026-06-01")
        let planned = service(start: "2026-12-01", end: "2027-01-15")
        #expect(AutoExit.exitDate(for: c, plan: planned, pauses: [], on: day("2026-11-23")) == nil)
        #expect(AutoExit.due(lastService: day("2026-06-01"), plan: planned, pauses: [], on: day("2026-11-23")) == nil)
        // Once its dates have passed without it starting, it holds nothing.
        #expect(AutoExit.exitDate(for: c, plan: planned, pauses: [], on: day("2027-01-16")) == day("2026-06-01"))
        // A closed service is not a future one.
        let closed = service(start: "2026-12-01", end: "2027-01-15", status: .complete)
        #expect(AutoExit.exitDate(for: c, plan: closed, pauses: [], on: day("2026-11-23")) == day("2026-06-01"))
    }

    @Test func theClockShowsTheAutoExitDateWithPauses() {
        let c = participant(service: "2026-10-01")
        var work = CaseWork()
        work.pauses = [pause("2026-10-10", "2026-10-19")]
        let f = CaseClockFacts(customer: c, work: work)
        let clock = Deadlines.all(for: f, on: day("2026-11-23")).first { $0.rule == .autoExit90 }
        #expect(clock?.due == day("2027-01-09"))   // 2026-12-30 + 10 paused days
        let held = CaseClockFacts(customer: c, plan: service(start: "2026-12-01", end: nil), work: work)
        #expect(Deadlines.all(for: held, on: day("2026-11-23")).first { $0.rule == .autoExit90 } == nil)
    }

    // MARK: Pauses

    @Test func aPauseIsAtMost180DaysAndNeverTheFirstService() {
        func problems(_ start: String, _ end: String, last: String? = "2026-06-01", others: [Pause] = []) -> [String: String] {
            Pause.problems(["reason": "health", "detail": "surgery", "startOn": start, "endOn": end],
                           lastService: last.map(day), others: others)
        }
        #expect(problems("2026-06-02", "2026-11-28").isEmpty)                       // 180 days
        #expect(problems("2026-06-02", "2026-11-29")["endOn"] == "makes the pause 181 days; at most 180")
        #expect(problems("2026-06-02", "2026-06-01")["endOn"] == "is before the start")
        #expect(problems("2026-06-02", "2026-07-01", last: nil)["startOn"]?.contains("cannot be the first service") == true)
        #expect(problems("2026-05-20", "2026-07-01")["startOn"] == "is before the last service (2026-06-01)")
        #expect(problems("2026-07-01", "2026-07-20", others: [pause("2026-07-15", "2026-08-01")])["startOn"]?
            .contains("overlaps") == true)
    }

    // MARK: Follow-up

    @Test func followUpRunsTwelveMonthsFromTheExit() throws {
        let c = participant(program: .youth, exited: "2026-03-31", employed: "2026-05-01")
        let f = try #require(FollowUp(for: c))
        // Youth: from the exit even when employed later.
        #expect(f.startsOn == day("2026-03-31"))
        #expect(f.endsOn == day("2027-03-31"))
        #expect(f.contactsDue == ["2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31"].map(day))
        #expect(c.stage(on: day("2027-03-31")) == .followUp)
        #expect(c.stage(on: day("2027-04-01")) == .exited)
        #expect(FollowUp(for: participant()) == nil)
    }

    @Test func anAdultPlacedInAJobIsFollowedUpFromTheFirstDayOfEmployment() throws {
        let f = try #require(FollowUp(for: participant(program: .adult, exited: "2026-02-28", employed: "2026-03-16")))
        #expect(f.startsOn == day("2026-03-16"))
        #expect(f.endsOn == day("2027-03-16"))
        // Leap day: 2024-02-29 + 12 months is 2025-02-28.
        let leap = try #require(FollowUp(for: participant(program: .dislocatedWorker, exited: "2024-02-29")))
        #expect(leap.endsOn == day("2025-02-28"))
    }

    @Test func eachQuarterNeedsItsOwnFollowUpContact() throws {
        let c = participant(program: .youth, exited: "2026-03-31")
        let f = try #require(FollowUp(for: c))
        #expect(f.nextContact(notes: [])?.number == 1)
        let first = note(.followUp, event: "2026-06-20", entered: "2026-06-20")
        #expect(f.nextContact(notes: [first])?.number == 2)
        #expect(f.nextContact(notes: [first])?.due == day("2026-09-30"))
        // Two contacts in one quarter meet only that quarter.
        let again = note(.followUp, event: "2026-06-25", entered: "2026-06-25")
        #expect(f.nextContact(notes: [first, again])?.number == 2)
        // A plain contact note is not a follow-up contact.
        #expect(f.nextContact(notes: [note(event: "2026-06-20", entered: "2026-06-20")])?.number == 1)
        var work = CaseWork(notes: [first])
        let clocks = Deadlines.all(for: CaseClockFacts(customer: c, work: work), on: day("2026-07-01"))
            .filter { $0.rule == .followUp12m }
        #expect(clocks.map(\.label) == ["Follow-up contact 2 of 4", "Follow-up ends"])
        #expect(clocks.map(\.due) == [day("2026-09-30"), day("2027-03-31")])
        // A customer who declined follow-up has no follow-up clocks; the exit date stays.
        work.followUpDeclined = FollowUpDecline(customer: id, on: day("2026-04-02"), reason: "moving away",
                                                recordedBy: "mrivera")
        #expect(Deadlines.all(for: CaseClockFacts(customer: c, work: work), on: day("2026-07-01"))
            .filter { $0.rule == .followUp12m }.isEmpty)
        #expect(FollowUpDecline.problems(["on": "2026-04-02", "reason": "moving"], exitedOn: nil, today: day("2026-07-01"))["on"]?
            .contains("has not exited") == true)
    }

    // MARK: Clocks from notes and outcomes

    @Test func aStartedServiceNeedsANoteWithinTenDays() {
        let c = participant(service: "2026-11-02")
        var plan = service(start: "2026-11-02", end: "2027-01-15", status: .open)
        plan.goals[0].steps[0].services[0].actualStart = day("2026-11-02")
        let clock = Deadlines.all(for: CaseClockFacts(customer: c, plan: plan), on: day("2026-11-12"))
            .first { $0.rule == .noteEntry10 }
        #expect(clock?.due == day("2026-11-12"))
        #expect(clock?.state == .dueSoon)
        #expect(Deadlines.all(for: CaseClockFacts(customer: c, plan: plan), on: day("2026-11-13"))
            .first { $0.rule == .noteEntry10 }?.state == .overdue)
        let noted = CaseWork(notes: [note(event: "2026-11-02", entered: "2026-11-03", link: NoteLink(.service, 3))])
        #expect(Deadlines.all(for: CaseClockFacts(customer: c, plan: plan, work: noted), on: day("2026-11-13"))
            .first { $0.rule == .noteEntry10 } == nil)
    }

    @Test func anOutcomeTheNotesReportIsDueTenDaysLater() {
        let c = participant(service: "2026-11-02")
        let end = note(.trainingEnd, event: "2026-11-05", entered: "2026-11-05",
                       answers: ["endOn": "2026-11-05", "program": "CNA", "completed": "yes", "credential": "attained"])
        let facts = CaseClockFacts(customer: c, work: CaseWork(notes: [end]))
        let clock = Deadlines.all(for: facts, on: day("2026-11-15")).first { $0.rule == .outcomeEntry10 }
        #expect(clock?.due == day("2026-11-15"))
        #expect(clock?.label == "Record outcome: Credential")
        let recorded = Outcome(id: 1, customer: id, kind: .credential, on: day("2026-11-05"), knownOn: day("2026-11-05"),
                               enteredOn: day("2026-11-06"), recordedBy: "mrivera", answers: ["type": "certificate"])
        let met = CaseClockFacts(customer: c, work: CaseWork(notes: [end], outcomes: [recorded]))
        #expect(Deadlines.all(for: met, on: day("2026-11-15")).first { $0.rule == .outcomeEntry10 } == nil)
        // An exit note saying employed asks for the employment outcome.
        let closure = note(.closure, event: "2026-11-10", entered: "2026-11-10", answers: ["employed": "yes"])
        #expect(OutcomeDue.pending(notes: [end, closure], outcomes: [recorded]).map(\.kind) == [.employment])
    }

    // MARK: Templates

    @Test func eachTemplateAsksForWhatItsNoteMustRecord() {
        let today = day("2026-11-23")
        func problems(_ kind: NoteKind, _ v: [String: String]) -> [String: String] {
            NoteTemplate.problems(v, kind: kind, links: [], today: today)
        }
        #expect(Set(problems(.trainingBegin, ["eventOn": "2026-11-20"]).keys) == ["beginOn", "program", "provider", "cost", "plannedEnd"])
        #expect(Set(problems(.introduction, ["eventOn": "2026-11-20"]).keys) == ["status", "need"])
        #expect(Set(problems(.trainingNeed, ["eventOn": "2026-11-20"]).keys) == ["suitability", "laborMarket", "demand", "prerequisites"])
        #expect(Set(problems(.trainingEnd, ["eventOn": "2026-11-20"]).keys) == ["endOn", "program", "completed", "credential"])
        #expect(Set(problems(.closure, ["eventOn": "2026-11-20", "employed": "yes"]).keys) == ["employer", "hireDate", "hours", "wage"])
        #expect(problems(.closure, ["eventOn": "2026-11-20", "employed": "no"]).isEmpty)
        #expect(problems(.contact, ["eventOn": "2026-11-24", "channel": "phone", "text": "x"])["eventOn"] == "is in the future")
        #expect(problems(.general, ["eventOn": "2026-11-20", "text": "SSN 123-45-6789"])["text"]?.contains("Social Security") == true)
        let v = ["eventOn": "11/20/2026", "beginOn": "12/01/2026", "program": "CNA", "provider": "City Colleges",
                 "cost": "$1,450", "plannedEnd": "2027-02-26", "text": ""]
        let n = NoteTemplate.note(v, kind: .trainingBegin, links: [], customer: id, author: "mrivera", today: today)
        #expect(n?.answers["beginOn"] == "2026-12-01")
        #expect(n?.eventOn == day("2026-11-20"))
        #expect(n?.summary == "Training Begin: Begin date: 2026-12-01 · Program: CNA · Provider: City Colleges · "
                + "Approximate cost: $1,450 · Planned end: 2027-02-26")
    }

    // MARK: Planned exit

    @Test func aPlannedExitNeedsGoalsClosedTheNoteAndTheOutcome() {
        let c = participant(service: "2026-10-30")
        var plan = service(start: "2026-09-01", end: "2026-10-30", status: .complete)
        let closure = note(.closure, event: "2026-11-20", entered: "2026-11-20", answers: ["employed": "yes"])
        var check = PlannedExit(customer: c, plan: plan, notes: [], outcomes: [], on: day("2026-11-23"))
        #expect(check.checks.filter { !$0.met }.map(\.label) == ["Every goal closed", "Exit note written"])
        plan.goals[0].status = .achieved
        check = PlannedExit(customer: c, plan: plan, notes: [closure], outcomes: [], on: day("2026-11-23"))
        #expect(check.checks.filter { !$0.met }.map(\.label) == ["Outcomes recorded"])
        let job = Outcome(id: 1, customer: id, kind: .employment, on: day("2026-11-16"), knownOn: day("2026-11-18"),
                          enteredOn: day("2026-11-20"), recordedBy: "mrivera")
        check = PlannedExit(customer: c, plan: plan, notes: [closure], outcomes: [job], on: day("2026-11-23"))
        #expect(check.isReady)
        // Dated the last day of service, not the day of the click.
        #expect(check.exitDate == day("2026-10-30"))
    }

    @Test func aReferralMovesForwardAndStaysClosed() throws {
        let today = day("2026-11-23")
        let r = try Referral.checked(["partner": "child-care", "sentOn": "2026-11-02", "reason": "after-school care"],
                                    customer: id, by: "mrivera", today: today).get()
        #expect(r.isOpen && r.history.map(\.status) == [.sent])
        #expect(r.statusProblems(["status": "accepted", "on": "2026-11-01"], today: today)["on"]?.contains("before the last status") == true)
        let done = try r.moving(["status": "completed", "on": "2026-11-20"], by: "mrivera", today: today).get()
        #expect(!done.isOpen && done.history.map(\.status) == [.sent, .completed])
        #expect(done.statusProblems(["status": "accepted", "on": "2026-11-21"], today: today)["status"]?.contains("stays closed") == true)
        #expect(Referral.problems(["partner": "other", "sentOn": "2026-11-02", "reason": "x"], today: today)["otherName"] == "name the partner")
        // Declined says why, kept in its history.
        #expect(r.statusProblems(["status": "declined", "on": "2026-11-20"], today: today)["why"] == "say why it was declined")
        let declined = try r.moving(["status": "declined", "on": "2026-11-20", "why": "waiting list full until March"],
                                    by: "mrivera", today: today).get()
        #expect(declined.history.last?.why == "waiting list full until March")
    }

    @Test func theTimelineMixesEverythingNewestFirst() {
        let c = participant(service: "2026-10-01")
        var work = CaseWork(notes: [note(event: "2026-11-02", entered: "2026-11-20")])
        work.signatures = [Signature(id: 1, customer: id, role: .customer, signerName: "Ana Ruiz", method: .phone,
                                     signedOn: day("2026-11-10"), capturedAt: "2026-11-10T15:00:00Z", capturedBy: "mrivera",
                                     planVersion: 2, digest: "x")]
        work.outcomes = [Outcome(id: 1, customer: id, kind: .skillGain, on: day("2026-11-15"), knownOn: day("2026-11-15"),
                                 enteredOn: day("2026-11-16"), recordedBy: "mrivera", answers: ["type": "efl"])]
        let entries = Timeline.entries(customer: c, work: work, plan: nil, assessments: [])
        #expect(entries.map(\.kind) == ["Outcome", "Signature", "Note", "Enrolled"])
        #expect(entries[1].text == "Customer Ana Ruiz signed plan version 2 by phone, the planner as witness")
        #expect(entries[2].flag == "late: entered 2026-11-20")
        #expect(entries.filter { $0.matches("ANA ruiz") }.count == 1)
    }
}
