import Foundation
import Domain
import Testing

/// Every clock of POLICY.md section 3 with concrete dates, at its edges:
/// the day it becomes due soon, the due date itself, the day after. Through
/// the one deadline engine (`Deadlines.schedule`), with no records beyond
/// the customer's journey dates.
@Suite struct DeadlinesTests {
    func customer(applied: String? = nil, eligible: String? = nil, enrolled: String? = nil,
                  contact: String? = nil, service: String? = nil, exited: String? = nil,
                  employed: String? = nil, veteran: Bool = false) -> Customer {
        Customer(id: CustomerID(1), legalName: "Test Person", zip: "60601", birthDate: day("1990-05-01"),
                 isVeteran: veteran, program: applied == nil ? nil : .adult, enteredOn: day("2026-01-02"),
                 appliedOn: applied.map(day), eligibleOn: eligible.map(day), enrolledOn: enrolled.map(day),
                 lastContactOn: contact.map(day), lastServiceOn: service.map(day),
                 exitedOn: exited.map(day), employedOn: employed.map(day))
    }

    func running(_ c: Customer, on today: String, settings: ClockSettings = .illinois) -> [Clock] {
        Deadlines.running(for: CaseClockFacts(customer: c), on: day(today), settings: settings)
    }

    func clock(_ c: Customer, _ rule: ClockRule, on today: String,
               settings: ClockSettings = .illinois) -> Clock? {
        // Follow-up is two items (the next quarterly contact and the window's end): these tests read the end.
        running(c, on: today, settings: settings).first { $0.rule == rule && ($0.rule != .followUp12m || $0.subject == "window ends") }
    }

    @Test func eligibilityIsDue30DaysAfterTheApplication() {
        let c = customer(applied: "2026-11-01")
        #expect(clock(c, .eligibility30, on: "2026-11-23")?.due == day("2026-12-01"))
        #expect(clock(c, .eligibility30, on: "2026-11-23")?.state == .upcoming)
        #expect(clock(c, .eligibility30, on: "2026-11-24")?.state == .dueSoon)
        #expect(clock(c, .eligibility30, on: "2026-12-01")?.state == .dueSoon)
        #expect(clock(c, .eligibility30, on: "2026-12-02")?.state == .overdue)
        #expect(clock(customer(applied: "2026-11-01", eligible: "2026-11-10"), .eligibility30, on: "2026-11-23") == nil)
    }

    @Test func enrollmentIsDue90DaysAfterCertification() {
        let c = customer(applied: "2026-08-20", eligible: "2026-09-01")
        #expect(clock(c, .enrollment90, on: "2026-11-23")?.due == day("2026-11-30"))
        #expect(clock(c, .enrollment90, on: "2026-11-23")?.state == .dueSoon)
        #expect(clock(c, .enrollment90, on: "2026-11-22")?.state == .upcoming)
        #expect(clock(c, .enrollment90, on: "2026-12-01")?.state == .overdue)
    }

    @Test func contactIsDueAnIntervalAfterTheLastTwoWayContact() {
        let c = customer(applied: "2026-08-01", eligible: "2026-08-10", enrolled: "2026-09-01",
                         contact: "2026-11-01", service: "2026-11-01")
        #expect(clock(c, .contact30, on: "2026-11-23")?.due == day("2026-12-01"))
        let noContact = customer(applied: "2026-08-01", eligible: "2026-08-10", enrolled: "2026-09-01")
        #expect(clock(noContact, .contact30, on: "2026-11-23")?.due == day("2026-10-01"))
        #expect(clock(noContact, .contact30, on: "2026-11-23")?.state == .overdue)
    }

    @Test func veteransUseTheirOwnContactInterval() {
        let massachusetts = ClockSettings(contactIntervalDays: 60, veteranContactIntervalDays: 30)
        let civilian = customer(applied: "2026-08-01", eligible: "2026-08-10", enrolled: "2026-09-01",
                                contact: "2026-11-01")
        let veteran = customer(applied: "2026-08-01", eligible: "2026-08-10", enrolled: "2026-09-01",
                               contact: "2026-11-01", veteran: true)
        #expect(clock(civilian, .contact30, on: "2026-11-23", settings: massachusetts)?.due == day("2026-12-31"))
        #expect(clock(veteran, .contact30, on: "2026-11-23", settings: massachusetts)?.due == day("2026-12-01"))
    }

    @Test func autoExitIs90DaysAfterTheLastService() {
        let c = customer(applied: "2026-08-01", eligible: "2026-08-10", enrolled: "2026-09-01",
                         contact: "2026-11-01", service: "2026-10-01")
        #expect(clock(c, .autoExit90, on: "2026-11-23")?.due == day("2026-12-30"))
        #expect(clock(c, .autoExit90, on: "2026-12-23")?.state == .dueSoon)
        #expect(clock(c, .autoExit90, on: "2026-12-22")?.state == .upcoming)
        #expect(clock(c, .autoExit90, on: "2026-12-31")?.state == .overdue)
    }

    @Test func followUpEndsTwelveMonthsAfterTheFirstDayOfEmployment() {
        let c = customer(applied: "2025-01-02", eligible: "2025-01-10", enrolled: "2025-02-01",
                         service: "2026-02-20", exited: "2026-02-20", employed: "2026-02-28")
        #expect(c.stage(on: day("2026-11-23")) == .followUp)
        #expect(clock(c, .followUp12m, on: "2026-11-23")?.due == day("2027-02-28"))
        #expect(clock(c, .followUp12m, on: "2027-02-28")?.state == .dueSoon)
        #expect(clock(c, .followUp12m, on: "2027-03-01") == nil)
        #expect(c.stage(on: day("2027-03-01")) == .exited)
        let leap = customer(applied: "2027-01-02", eligible: "2027-01-10", enrolled: "2027-02-01",
                            service: "2028-02-20", exited: "2028-02-20", employed: "2028-02-29")
        #expect(clock(leap, .followUp12m, on: "2028-03-01")?.due == day("2029-02-28"))
    }

    /// A window that closed runs on no later day: the due table drops it (the last day it runs is not closed).
    @Test func aWindowIsClosedOnlyAfterItsLastDay() throws {
        let d = { (s: String) in Day(parsing: s)! }
        let followUp = ScheduledClock(rule: .followUp12m, due: d("2026-06-20"), from: d("2026-03-01"), until: d("2026-12-20"))
        #expect(!followUp.closed(before: d("2026-12-20")) && followUp.runs(on: d("2026-12-20")))
        #expect(followUp.closed(before: d("2026-12-21")) && !followUp.runs(on: d("2026-12-21")))
        #expect(!followUp.closed(before: nil))
        let open = ScheduledClock(rule: .contact30, due: d("2020-01-01"))
        #expect(!open.closed(before: d("2030-01-01")) && open.runs(on: d("2030-01-01")))
    }

    @Test func aDeadlineOnAWeekendIsNotMoved() {
        // 2026-10-29 + 30 days = Saturday 2026-11-28.
        let c = customer(applied: "2026-10-29")
        #expect(clock(c, .eligibility30, on: "2026-11-23")?.due == day("2026-11-28"))
    }

    @Test func exitedWithoutEmploymentIsFollowedUpForTwelveMonthsFromTheExit() {
        let c = customer(applied: "2025-01-02", eligible: "2025-01-10", enrolled: "2025-02-01",
                         service: "2026-02-20", exited: "2026-02-20")
        #expect(clock(c, .followUp12m, on: "2026-11-23")?.due == day("2027-02-20"))
        #expect(running(c, on: "2026-11-23").allSatisfy { $0.rule == .followUp12m })
        #expect(c.stage(on: day("2026-11-23")) == .followUp)
        #expect(running(c, on: "2027-02-21").isEmpty)
        #expect(c.stage(on: day("2027-02-21")) == .exited)
    }

    @Test func theNextItemIsTheSoonest() {
        let c = customer(applied: "2026-08-01", eligible: "2026-08-10", enrolled: "2026-09-01",
                         contact: "2026-11-01", service: "2026-09-15")
        // No plan saved since enrollment: the initial plan, overdue, comes first.
        #expect(running(c, on: "2026-11-23").map(\.rule) == [.initialPlan5, .contact30, .autoExit90])
        #expect(running(c, on: "2026-11-23").map(\.due) == [day("2026-09-06"), day("2026-12-01"), day("2026-12-14")])
    }
}

/// docs/clocks.md and the engine agree on every rule: each rule's row in the
/// table names its number as the rule table (`ClockRule.limit`) has it.
@Suite struct ClockDocumentationTests {
    @Test func theClocksTableAgreesWithTheRuleTable() throws {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/clocks.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        for rule in ClockRule.allCases {
            let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| `\(rule.rawValue)` |") },
                                   "docs/clocks.md has no row for \(rule.rawValue)")
            #expect(row.contains("\(rule.limit) \(rule.unit)"), "\(rule.rawValue): \(row)")
            // The rule's ID ends in its number, as the table says.
            #expect(rule.rawValue.hasSuffix("-\(rule.limit)") || rule.rawValue.hasSuffix("-\(rule.limit)m"))
        }
    }
}
