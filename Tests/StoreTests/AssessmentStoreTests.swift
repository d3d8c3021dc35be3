import Domain
import Foundation
import GRDB
import Testing
@testable import Store

@Suite final class AssessmentStoreTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
    let frontDesk = Staff(login: "dbrooks", name: "Dana Brooks", initials: "DB", role: .frontDesk)

    /// Customer 3 of the synthetic caseload is certified, not enrolled.
    func certified() throws -> (CaseloadStore, CaseFile) {
        let store = try seededStore(at: dir + "/a.sqlite", customers: 12)
        let file = try #require(try store.caseFile(CustomerID(3)))
        #expect(file.customer.stage(on: testToday) == .eligible)
        return (store, file)
    }

    func complete(_ id: CustomerID) -> GettingStartedAssessment {
        GettingStartedAssessment(customer: id, answers: [
            "goals": "a steady job", "expectations": "help with my resume", "targetOccupation": "medical assistant",
            "noWorkHistory": "yes", "noEducationHistory": "yes", "skills": "caring", "interests": "health",
            "barriersReviewed": "yes", "household": "two kids", "support": "my sister", "jobSkills": "Spanish",
            "employabilitySkills": "punctual", "lmiGoal": "growing", "lmiGoalSource": "O*NET 2026",
        ], startedOn: testToday)
    }

    @Test func submittingSection1Enrolls() throws {
        let (store, file) = try certified()
        var gsa = complete(file.customer.id)
        gsa.answers["household"] = ""
        try store.saveGSA(gsa, by: planner)
        #expect(throws: StoreError.invalid("complete first: family and support system")) {
            try store.enroll(file.customer, on: testToday, by: planner)
        }
        try store.saveGSA(complete(file.customer.id), by: planner)
        #expect(throws: StoreError.notPermitted(login: "dbrooks", role: "Front desk", action: "assess customers or enroll them")) {
            try store.enroll(file.customer, on: testToday, by: self.frontDesk)
        }
        let enrolled = try store.enroll(file.customer, on: testToday, by: planner)
        #expect(enrolled.enrolledOn == testToday && enrolled.stage(on: testToday) == .enrolled)
        let after = try #require(try store.caseFile(file.customer.id))
        #expect(after.gsa?.submittedOn == testToday && after.customer == enrolled)
        // Section 1 stays submitted; section 2 may still be filled in.
        var later = try #require(after.gsa)
        later.answers["aptitudes"] = "mechanical reasoning"
        try store.saveGSA(later, by: planner)
        later.submittedOn = nil
        #expect(throws: StoreError.self) { try store.saveGSA(later, by: self.planner) }
    }

    @Test func applicationBarriersEnterTheRegisterOnce() throws {
        let store = try seededStore(at: dir + "/a.sqlite", customers: 0)
        let c = try store.enter(CustomerEntry([.legalName: "Ana Pérez", .zip: "60623", .birthDate: "1990-05-31"]),
                                by: frontDesk, today: testToday)
        var form = ApplicationForm(["program": "adult", "appliedOn": "2026-11-23", "street": "1 Main St", "city": "Chicago",
                                    "state": "IL", "sex": "female", "rightToWork": "citizen", "barrier-homeless": "yes"])
        let saved = try store.saveApplication(form, customer: c, by: frontDesk, today: testToday)
        form["street"] = "2 Main St"
        try store.saveApplication(form, customer: saved, by: frontDesk, today: testToday)
        let barriers = try #require(try store.caseFile(c.id)).barriers
        #expect(barriers.map(\.kind) == ["homeless"] && barriers[0].recordedBy == "dbrooks" && barriers[0].plan.isEmpty)
    }

    @Test func aBarrierIsCorrectedWithHistoryOvercomeAndNeverDeleted() throws {
        let (store, file) = try certified()
        let added = try store.addBarrier(["kind": "transportation", "description": "no car", "plan": "bus pass",
                                          "identifiedOn": "2026-11-20"], for: file.customer.id, by: planner, today: testToday)
        var v = added.values
        v["plan"] = "bus pass until the first paycheck"
        let corrected = try store.correctBarrier(added, with: v, by: planner, today: testToday)
        expectStale("this barrier") { try store.correctBarrier(added, with: v, by: self.planner, today: testToday) }
        let done = try store.overcomeBarrier(corrected, with: ["overcomeOn": "2026-11-22", "overcomeHow": "bought a used car"],
                                             by: planner, today: testToday)
        #expect(!done.isOpen && done.overcomeBy == "MR")
        let file2 = try #require(try store.caseFile(file.customer.id))
        let history = file2.corrections.filter { $0.barrier == added.id }
        #expect(history.map { $0.changes.map(\.field) } == [["Plan"], ["Overcome on", "How"]])
        #expect(history[0].changes[0].old == "bus pass")
        #expect(throws: (any Error).self) {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM barrier WHERE id = ?", arguments: [added.id]) }
        }
        #expect(try store.caseFile(file.customer.id)?.barriers.contains { $0.id == added.id } == true)
    }

    @Test func assessmentsAreRegisteredWithWhoAndWhen() throws {
        let (store, file) = try certified()
        let a = try store.addAssessment(["instrument": "tabe", "subject": "reading", "source": "in-house",
                                         "administeredOn": "2026-11-20", "result": "scale score 512", "givenBy": "mrivera"],
                                        for: file.customer.id, by: planner, today: testToday)
        #expect(a.id > 0 && a.recordedBy == "mrivera")
        expectProblems("Score or result: the score, or say why it was not completed") {
            try store.addAssessment(["instrument": "tabe", "subject": "math", "source": "in-house",
                                     "administeredOn": "2026-11-20", "givenBy": "mrivera"],
                                    for: file.customer.id, by: self.planner, today: testToday)
        }
        #expect(try store.caseFile(file.customer.id)?.assessments.last == a)
    }

    @Test func aScoreTypedWrongIsCorrectedWithWhoWhyAndTheOldValue() throws {
        let (store, file) = try certified()
        let a = try store.addAssessment(["instrument": "tabe", "subject": "reading", "source": "in-house",
                                         "administeredOn": "2026-11-20", "result": "scale score 152", "givenBy": "mrivera"],
                                        for: file.customer.id, by: planner, today: testToday)
        var v = a.values
        expectProblems("Why corrected is required") { try store.correctAssessment(a, with: v, by: self.planner, today: testToday) }
        v["result"] = "scale score 512"
        v["why"] = "digits swapped; the TABE report says 512"
        #expect(throws: StoreError.notPermitted(login: "dbrooks", role: "Front desk", action: "assess customers or enroll them")) {
            try store.correctAssessment(a, with: v, by: self.frontDesk, today: testToday)
        }
        let fixed = try store.correctAssessment(a, with: v, by: planner, today: testToday)
        #expect(fixed.result == "scale score 512" && fixed.recordedBy == "mrivera")
        let fix = try #require(fixed.corrections?.first)
        #expect(fix.by == "mrivera" && fix.reason == "digits swapped; the TABE report says 512")
        #expect(fix.changes == [FieldChange(field: "Score or result", old: "scale score 152", new: "scale score 512")])
        // The record as read back, and refused when corrected from a stale copy.
        #expect(try store.caseFile(file.customer.id)?.assessments.last == fixed)
        expectStale("this assessment") { try store.correctAssessment(a, with: v, by: self.planner, today: testToday) }
        // A second correction keeps the first.
        var again = fixed.values
        again["administeredOn"] = "2026-11-19"
        again["why"] = "given the day before"
        let twice = try store.correctAssessment(fixed, with: again, by: planner, today: testToday)
        #expect(twice.corrections?.map(\.reason) == ["digits swapped; the TABE report says 512", "given the day before"])
        #expect(twice.corrections?.last?.changes.map(\.field) == ["Date given"])
    }

    /// The Store takes changed records, not form values: one made from
    /// another record, or moved to another customer, is refused, and who and
    /// when are the Store's, whatever the value says.
    @Test func aCorrectionMustBeOfTheRecordItWasMadeFrom() throws {
        let (store, file) = try certified()
        let a = try store.addAssessment(["instrument": "tabe", "subject": "reading", "source": "in-house",
                                         "administeredOn": "2026-11-20", "result": "scale score 152", "givenBy": "mrivera"],
                                        for: file.customer.id, by: planner, today: testToday)
        var v = a.values
        v["result"] = "scale score 512"
        v["why"] = "digits swapped"
        var moved = try a.correcting(v, today: testToday).get()
        moved.customer = CustomerID(1)
        #expect(throws: StoreError.invalid("the change does not fit the record it was made from; open it again")) {
            try store.correctAssessment(a, to: moved, by: self.planner)
        }
        var forged = try a.correcting(v, today: testToday).get()
        forged.corrections = Correction.stamped(forged.corrections, by: "someone-else", at: "2020-01-01T00:00:00Z")
        let fixed = try store.correctAssessment(a, to: forged, by: planner)
        #expect(fixed.corrections?.last?.by == "mrivera" && fixed.corrections?.last?.at != "2020-01-01T00:00:00Z")
    }

    @Test func everySyntheticParticipantHasACompleteSection1() throws {
        let store = try seededStore(at: dir + "/a.sqlite", customers: 48)
        for i in 1...48 {
            let file = try #require(try store.caseFile(CustomerID(Int64(i))))
            guard file.customer.enrolledOn != nil else { continue }
            let gsa = try #require(file.gsa, "customer \(i)")
            let missing = GSAPart.section1.flatMap { gsa.missing($0, barriers: file.barriers) }
            #expect(missing.isEmpty, "customer \(i): \(missing)")
            #expect(AssessmentRecord.hasReadingAndMath(file.assessments, on: gsa.submittedOn!))
        }
    }
}
