import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Case notes, referrals, outcomes and exits as the Store writes them: one
/// transaction each, the role checked here (not only by hidden keys), notes
/// never changed or deleted.
@Suite final class CaseWorkStoreTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    let planner = Staff(login: "wchen", name: "Wei Chen", initials: "WC", role: .planner)
    let frontDesk = Staff(login: "dbrooks", name: "Dana Brooks", initials: "DB", role: .frontDesk)
    /// Customer 10 of the synthetic caseload is enrolled; 12 has exited into follow-up.
    let enrolled = CustomerID(10)

    func contact(_ on: String, twoWay: Bool, customer: CustomerID? = nil) -> CaseNote {
        CaseNote(id: 0, customer: customer ?? enrolled, kind: .contact, eventOn: Day(parsing: on)!, enteredOn: testToday,
                 author: "", text: "called about the interview", channel: .phone, twoWay: twoWay)
    }

    @Test func aTwoWayContactMovesTheLastContactAndAOneWayMessageDoesNot() throws {
        let store = try seededStore(at: dir + "/c.sqlite", customers: 12)
        let before = try #require(try store.customer(enrolled))
        try store.addNote(contact("2026-11-22", twoWay: false), by: planner)
        #expect(try store.customer(enrolled)?.lastContactOn == before.lastContactOn)
        let saved = try store.addNote(contact("2026-11-22", twoWay: true), by: planner)
        #expect(saved.author == "wchen")
        #expect(try store.customer(enrolled)?.lastContactOn == Day(parsing: "2026-11-22"))
        // An older contact written later never moves the date back.
        try store.addNote(contact("2026-11-01", twoWay: true), by: planner)
        #expect(try store.customer(enrolled)?.lastContactOn == Day(parsing: "2026-11-22"))
        let facts = try #require(try store.clockFacts(for: enrolled))
        #expect(Deadlines.running(for: facts, on: testToday).first { $0.rule == .contact30 }?.due == Day(parsing: "2026-12-22"))
    }

    @Test func notesAreNeverChangedOrDeletedOnlyAmended() throws {
        let store = try seededStore(at: dir + "/n.sqlite", customers: 12)
        let original = try store.addNote(contact("2026-11-20", twoWay: true), by: planner)
        #expect(throws: (any Error).self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE case_note SET body = '{}' WHERE id = ?", arguments: [original.id]) }
        }
        #expect(throws: (any Error).self) {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM case_note WHERE id = ?", arguments: [original.id]) }
        }
        var amendment = contact("2026-11-20", twoWay: true)
        amendment.text = "it was a video call, not a phone call"
        amendment.amends = original.id
        try store.addNote(amendment, by: planner)
        let work = try store.caseWork(enrolled)
        #expect(work.notes.contains(original))
        #expect(work.amendments(of: original).map(\.text) == ["it was a video call, not a phone call"])
        // An amendment must belong to the same customer's note (an administrator reaches every customer).
        var stray = contact("2026-11-20", twoWay: false, customer: CustomerID(3))
        stray.amends = original.id
        let admin = Staff(login: "admin", name: "Admin", initials: "A", role: .administrator)
        #expect(throws: StoreError.notFound("note \(original.id)")) { try store.addNote(stray, by: admin) }
    }

    @Test func theFrontDeskCannotWriteCaseWork() throws {
        let store = try seededStore(at: dir + "/p.sqlite", customers: 12)
        let refused = StoreError.notPermitted(login: "dbrooks", role: "Front desk",
                                              action: "write case notes, referrals, outcomes and exits")
        #expect(throws: refused) { try store.addNote(self.contact("2026-11-20", twoWay: true), by: self.frontDesk) }
        let job = Outcome(id: 0, customer: enrolled, kind: .employment, on: testToday, knownOn: testToday,
                          enteredOn: testToday, recordedBy: "")
        #expect(throws: refused) { try store.addOutcome(job, by: self.frontDesk) }
        #expect(throws: refused) { try store.exit(try store.customer(self.enrolled)!, by: self.frontDesk, today: testToday) }
        #expect(try store.caseWork(enrolled).outcomes.isEmpty)
    }

    @Test func aReferralChangedMeanwhileIsRefused() throws {
        let store = try seededStore(at: dir + "/r.sqlite", customers: 12)
        let r = try Referral.checked(["partner": "housing", "sentOn": "2026-11-02", "reason": "eviction notice"],
                                           customer: enrolled, by: "", today: testToday).get()
        let sent = try store.addReferral(r, by: planner)
        let accepted = try store.updateReferral(sent, with: ["status": "accepted", "on": "2026-11-10"], by: planner, today: testToday)
        #expect(accepted.version == 2 && accepted.history.map(\.status) == [.sent, .accepted])
        expectStale("this referral") {
            try store.updateReferral(sent, with: ["status": "declined", "on": "2026-11-12", "why": "full"], by: self.planner, today: testToday)
        }
        #expect(try store.caseWork(enrolled).openReferrals.map(\.status) == [.accepted])
    }

    @Test func anEmploymentOutcomeSetsTheFirstDayOfEmployment() throws {
        let store = try seededStore(at: dir + "/o.sqlite", customers: 12)
        let job = try Outcome.checked(["employer": "Harbor Foods", "on": "2026-11-16", "hours": "32", "wage": "$17.50",
                                             "occupation": "line cook", "knownOn": "2026-11-18"],
                                            kind: .employment, customer: enrolled, by: "", today: testToday,
                                            enrolledOn: try store.customer(enrolled)?.enrolledOn).get()
        let saved = try store.addOutcome(job, by: planner)
        #expect(saved.answers["wage"] == "17.50" && saved.recordedBy == "wchen" && !saved.isLate)
        #expect(try store.customer(enrolled)?.employedOn == Day(parsing: "2026-11-16"))
    }

    /// A hire date typed wrong is corrected, not entered twice: the first
    /// day of employment follows, the late flag of the first entry stays, and
    /// the history keeps the old value with who and why.
    @Test func anOutcomeIsCorrectedWithItsHistoryAndTheFirstDayOfEmploymentFollows() throws {
        let store = try seededStore(at: dir + "/c.sqlite", customers: 12)
        let enrolledOn = try store.customer(enrolled)?.enrolledOn
        let job = try Outcome.checked(["employer": "Harbor Foods", "on": "2026-11-16", "hours": "32", "wage": "17.50",
                                             "occupation": "line cook", "knownOn": "2026-11-16"],
                                            kind: .employment, customer: enrolled, by: "", today: testToday, enrolledOn: enrolledOn).get()
        let saved = try store.addOutcome(job, by: planner)
        var v = saved.values
        v["on"] = "2026-11-09"
        v["wage"] = "$18.25"
        expectProblems("Why corrected is required") {
            try store.correctOutcome(saved, with: v, by: self.planner, today: testToday)
        }
        v["why"] = "the pay stub shows the 9th and $18.25"
        #expect(throws: StoreError.self) { try store.correctOutcome(saved, with: v, by: self.frontDesk, today: testToday) }
        let fixed = try store.correctOutcome(saved, with: v, by: planner, today: testToday)
        #expect(fixed.on == Day(parsing: "2026-11-09") && fixed.answers["wage"] == "18.25" && fixed.enteredOn == saved.enteredOn)
        #expect(fixed.corrections?.first?.changes == [FieldChange(field: "Hire date", old: "2026-11-16", new: "2026-11-09"),
                                                      FieldChange(field: "Hourly wage", old: "17.50", new: "18.25")])
        #expect(try store.caseWork(enrolled).outcomes == [fixed])
        #expect(try store.customer(enrolled)?.employedOn == Day(parsing: "2026-11-09"))
        expectStale("this outcome") { try store.correctOutcome(saved, with: v, by: self.planner, today: testToday) }
        // Nor can a correction move it before enrollment.
        if let enrolledOn {
            var early = fixed.values
            early["on"] = enrolledOn.adding(days: -1).description
            early["why"] = "try"
            #expect(throws: FieldProblems.self) { try store.correctOutcome(fixed, with: early, by: self.planner, today: testToday) }
        }
    }

    /// An outcome counts from participation: the form says so, and the
    /// Store refuses one dated before enrollment whoever sends it.
    @Test func aSkillGainBeforeEnrollmentIsRefused() throws {
        let store = try seededStore(at: dir + "/g.sqlite", customers: 12)
        let enrolledOn = try #require(try store.customer(enrolled)?.enrolledOn)
        let before = enrolledOn.adding(days: -1)
        let values = ["on": before.description, "knownOn": testToday.description, "type": "educational functioning level"]
        #expect(Outcome.problems(values, kind: .skillGain, today: testToday, enrolledOn: enrolledOn)["on"]
                == "is before enrollment on \(enrolledOn): only outcomes during participation count")
        let crafted = Outcome(id: 0, customer: enrolled, kind: .skillGain, on: before, knownOn: testToday, enteredOn: testToday,
                              recordedBy: "", answers: ["type": "educational functioning level"])
        #expect(throws: StoreError.invalid("Measurable skill gain on \(before) is before enrollment on \(enrolledOn): only outcomes during participation count")) {
            try store.addOutcome(crafted, by: self.planner)
        }
        var onTheDay = crafted
        onTheDay.on = enrolledOn
        try store.addOutcome(onTheDay, by: planner)
        #expect(try store.caseWork(enrolled).outcomes.count == 1)
    }

    @Test func aPlannedExitWaitsForItsChecksAndIsDatedTheLastService() throws {
        let store = try seededStore(at: dir + "/x.sqlite", customers: 12)
        let c = try #require(try store.customer(enrolled))
        #expect(throws: (any Error).self) { try store.exit(c, by: self.planner, today: testToday) }
        // Write the exit note, close the plan: then the exit goes through.
        try store.addNote(CaseNote(id: 0, customer: enrolled, kind: .closure, eventOn: testToday, enteredOn: testToday,
                                   author: "", text: "moving on", answers: ["employed": "no"]), by: planner)
        let version = try #require(try store.plan(for: enrolled))
        var plan = version.plan
        for g in plan.goals.indices {
            plan.goals[g].status = .achieved
            for s in plan.goals[g].steps.indices {
                for v in plan.goals[g].steps[s].services.indices {
                    plan.goals[g].steps[s].services[v].status = .complete
                    plan.goals[g].steps[s].services[v].completedOn = Day(parsing: "2026-11-13")
                    plan.goals[g].steps[s].services[v].completionKnownOn = Day(parsing: "2026-11-13")
                }
            }
        }
        try store.savePlan(plan, over: version.version, by: planner, today: testToday, matrix: try ServicesMatrix.bundled(),
                           reason: "services completed")
        let fresh = try #require(try store.customer(enrolled))
        let record = try store.exit(fresh, by: planner, today: testToday)
        #expect(record.exitOn == Day(parsing: "2026-11-13") && record.kind == .planned)
        #expect(try store.customer(enrolled)?.exitedOn == Day(parsing: "2026-11-13"))
        #expect(try store.caseWork(enrolled).exit == record)
    }

    @Test func anAutomaticExitIsBackDatedAndAPauseHoldsIt() throws {
        let store = try CaseloadStore(path: dir + "/a.sqlite")
        func participant(_ n: Int64, lastService: String) -> Customer {
            Customer(id: CustomerID(n), legalName: "Person \(n)", zip: "60601", birthDate: Day(parsing: "1980-01-01")!,
                     program: .adult, enteredOn: Day(parsing: "2026-01-02")!, appliedOn: Day(parsing: "2026-01-03"),
                     eligibleOn: Day(parsing: "2026-01-10"), enrolledOn: Day(parsing: "2026-02-01"),
                     lastServiceOn: Day(parsing: lastService))
        }
        // 2026-08-24 + 90 = 2026-11-22: day 91 is today. 2026-08-25: day 90, still in.
        try store.insert(staff: [planner])
        try store.insert([participant(1, lastService: "2026-08-24"), participant(2, lastService: "2026-08-25"),
                          participant(3, lastService: "2026-08-24")])
        try store.addPause(["reason": "health", "detail": "surgery", "startOn": "2026-09-01", "endOn": "2026-10-15"],
                           for: CustomerID(3), by: planner, today: testToday)
        let exited = try store.applyAutomaticExits(today: testToday, matrix: try ServicesMatrix.bundled())
        #expect(exited == [CustomerID(1)])
        #expect(try store.customer(CustomerID(1))?.exitedOn == Day(parsing: "2026-08-24"))
        #expect(try store.caseWork(CustomerID(1)).exit?.kind == .automatic)
        #expect(try store.customer(CustomerID(2))?.exitedOn == nil)
        #expect(try store.customer(CustomerID(3))?.exitedOn == nil)
        // Running it again changes nothing.
        #expect(try store.applyAutomaticExits(today: testToday, matrix: try ServicesMatrix.bundled()).isEmpty)
        // Once a day at start-up: later opens that day skip the check; the next day's first one runs it
        // (and 2, whose day 91 it is).
        try store.insert([participant(4, lastService: "2026-08-01")])
        #expect(try store.applyAutomaticExits(today: testToday, matrix: try ServicesMatrix.bundled()).isEmpty)
        #expect(try store.customer(CustomerID(4))?.exitedOn == nil)
        #expect(try store.applyAutomaticExits(today: testToday.adding(days: 1), matrix: try ServicesMatrix.bundled()) == [CustomerID(2), CustomerID(4)])
    }

    /// The customer came back early: the pause ends on a past day with why,
    /// its planned end kept, and the exit clock runs again from then.
    @Test func aPauseEndsEarlyWithItsPlannedEndKept() throws {
        let store = try seededStore(at: dir + "/pe.sqlite", customers: 12)
        let p = try store.addPause(["reason": "health", "detail": "surgery", "startOn": testToday.adding(days: -5).description,
                                    "endOn": testToday.adding(days: 30).description], for: enrolled, by: planner, today: testToday)
        func end(_ on: Day) -> [String: String] { ["endOn": on.description, "why": "back from surgery early"] }
        #expect(throws: FieldProblems.self) { try store.endPauseEarly(p.id, of: self.enrolled, with: end(testToday.adding(days: 1)), by: self.planner, today: testToday) }
        #expect(throws: FieldProblems.self) { try store.endPauseEarly(p.id, of: self.enrolled, with: end(testToday.adding(days: -6)), by: self.planner, today: testToday) }
        #expect(throws: StoreError.self) { try store.endPauseEarly(p.id, of: self.enrolled, with: end(testToday), by: self.frontDesk, today: testToday) }
        let ended = try store.endPauseEarly(p.id, of: enrolled, with: end(testToday.adding(days: -1)), by: planner, today: testToday)
        #expect(ended.endOn == testToday.adding(days: -1) && ended.plannedEndOn == testToday.adding(days: 30))
        #expect(ended.endedEarly == "back from surgery early (ended by wchen on \(testToday))")
        #expect(try store.caseWork(enrolled).pauses == [ended])
        #expect(throws: StoreError.invalid("this pause already ended early on \(ended.endOn)")) {
            try store.endPauseEarly(p.id, of: self.enrolled, with: end(testToday.adding(days: -2)), by: self.planner, today: testToday)
        }
    }

    @Test func coEnrolledCustomersExitOnTheLastServiceInAnyProgram() throws {
        let store = try CaseloadStore(path: dir + "/co.sqlite")
        try store.insert(staff: [planner])
        func participant(_ n: Int64) -> Customer {
            Customer(id: CustomerID(n), legalName: "Person \(n)", zip: "60601", birthDate: Day(parsing: "1980-01-01")!,
                     program: .dislocatedWorker, enteredOn: Day(parsing: "2026-01-02")!, appliedOn: Day(parsing: "2026-01-03"),
                     eligibleOn: Day(parsing: "2026-01-10"), enrolledOn: Day(parsing: "2026-02-01"),
                     lastServiceOn: Day(parsing: "2026-08-01"))
        }
        try store.insert([participant(1), participant(2), participant(3)])
        // 1: a later workshop at the employment service; 2: a TAA orientation still ahead; 3: nothing elsewhere.
        try store.addOtherService(["program": "wagner-peyser", "service": "job search workshop", "on": "2026-08-20"],
                                  for: CustomerID(1), by: planner, today: Day(parsing: "2026-08-20")!)
        let scheduled = try store.addOtherService(["program": "taa", "service": "training orientation", "on": "2026-12-01"],
                                                  for: CustomerID(2), by: planner, today: testToday)
        #expect(scheduled.scheduled)
        #expect(throws: StoreError.notPermitted(login: "dbrooks", role: "Front desk", action: "write case notes, referrals, outcomes and exits")) {
            try store.addOtherService(["program": "jvsg", "service": "x", "on": "2026-11-01"], for: CustomerID(3), by: self.frontDesk,
                                      today: testToday)
        }
        // 2026-11-23 is day 114 after 2026-08-01 and day 95 after 2026-08-20.
        let exited = try store.applyAutomaticExits(today: testToday, matrix: try ServicesMatrix.bundled())
        #expect(exited == [CustomerID(1), CustomerID(3)])
        #expect(try store.customer(CustomerID(1))?.exitedOn == Day(parsing: "2026-08-20"))
        #expect(try store.customer(CustomerID(3))?.exitedOn == Day(parsing: "2026-08-01"))
        #expect(try store.customer(CustomerID(2))?.exitedOn == nil)
        #expect(try store.caseWork(CustomerID(2)).otherServices.map(\.service) == ["training orientation"])
    }

    @Test func declinedFollowUpIsKeptWithItsReason() throws {
        let store = try seededStore(at: dir + "/f.sqlite", customers: 12)
        let exited = CustomerID(12)
        try store.declineFollowUp(["on": "2026-11-20", "reason": "moved to Indiana"], for: exited, by: planner, today: testToday)
        #expect(try store.caseWork(exited).followUpDeclined?.reason == "moved to Indiana")
        #expect(throws: (any Error).self) {
            try store.declineFollowUp(["on": "2026-11-20", "reason": "x"], for: self.enrolled, by: self.planner, today: testToday)
        }
        let exitDate = try store.customer(exited)?.exitedOn
        #expect(exitDate != nil)
        #expect(try store.clockFacts(for: exited).map { Deadlines.running(for: $0, on: testToday) }?
            .filter { $0.rule == .followUp12m }.isEmpty == true)
    }
}

/// `report deadlines --late`: what was entered more than 10 days after it
/// happened, in a period, per planner.
@Suite final class LateEntryReportTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @Test func lateNotesAndServiceStartsOfAPeriodAreListed() throws {
        let store = try seededStore(at: dir + "/late.sqlite", customers: 24)
        let id = CustomerID(16)
        // A contact note written 15 days after the call, and one written on time.
        _ = try store.addNote(CaseNote(id: 0, customer: id, kind: .general, eventOn: testToday.adding(days: -15), enteredOn: testToday,
                                       author: "", text: "called back late"), by: testAdmin)
        _ = try store.addNote(CaseNote(id: 0, customer: id, kind: .general, eventOn: testToday.adding(days: -10), enteredOn: testToday,
                                       author: "", text: "on time, day 10"), by: testAdmin)
        // A service started 12 days before its start is entered.
        let version = try #require(try store.plan(for: id))
        var plan = version.plan
        // A new service on the first step, added as already started 12 days ago.
        plan.goals[0].steps[0].services.append(PlanService(id: 900, serviceID: "career-planning", name: "Career Planning",
                                                           plannedStart: testToday.adding(days: -12), status: .open,
                                                           actualStart: testToday.adding(days: -12)))
        _ = try store.savePlan(plan, over: version.version, by: testAdmin, today: testToday, matrix: try ServicesMatrix.bundled(),
                               reason: "started")
        let facts = try store.clockFacts(planner: nil, by: testAdmin, asOf: testToday)
        let report = LateEntryReport(facts: facts, from: testToday.adding(days: -1), to: testToday)
        let mine = report.items.filter { $0.customerID == id }
        #expect(mine.map(\.kind).sorted() == ["note", "service start"], "\(mine)")
        #expect(mine.first { $0.kind == "note" }?.daysLate == 15)
        #expect(mine.first { $0.kind == "service start" }?.daysLate == 12)
        #expect(report.text.contains("entered \(testToday)  15 days after \(testToday.adding(days: -15))  C000016"))
        #expect(report.csv.split(separator: "\n").count == report.items.count + 1)
        // Outside the period: nothing.
        #expect(LateEntryReport(facts: facts, from: testToday.adding(days: 1), to: testToday.adding(days: 30)).items.isEmpty)
    }
}
