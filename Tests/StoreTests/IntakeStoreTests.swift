import Domain
import Foundation
import Testing
@testable import Store
import Synthetic

@Suite final class IntakeStoreTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    let frontDesk = Staff(login: "dbrooks", name: "Dana Brooks", initials: "DB", role: .frontDesk)
    let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)

    /// A store with one walk-in customer entered on 2026-10-01.
    func storeWithWalkIn() throws -> (CaseloadStore, Customer) {
        let store = try seededStore(at: dir + "/i.sqlite", customers: 0)
        let entry = CustomerEntry([.legalName: "Marisol Quintero", .zip: "60623", .birthDate: "1988-03-04"])
        let c = try store.enter(entry, by: frontDesk, today: day("2026-10-01"))
        return (store, c)
    }

    func form(_ applied: String = "2026-10-01", _ values: [String: String] = [:]) -> ApplicationForm {
        var f = ApplicationForm(["program": "adult", "appliedOn": applied, "street": "1 Main St", "city": "Chicago",
                                 "state": "IL", "sex": "female", "rightToWork": "citizen", "lowIncome": "yes"])
        for (k, v) in values { f[k] = v }
        return f
    }

    func day(_ s: String) -> Day { Day(parsing: s)! }

    /// Every checklist document seen, as the Documents screen records them.
    func seeEveryDocument(_ store: CaseloadStore, _ c: CustomerID) throws {
        for item in try #require(try store.caseFile(c)).checklist {
            try store.recordDocument(EligibilityDocument(customer: c, item: item.key, documentType: item.documentTypes[0],
                                                         seenOn: day("2026-10-01"), recordedBy: "mrivera"), by: planner)
        }
    }

    /// 001: the documentation behind each answer is collected before
    /// certifying. Without it certification asks why, and keeps the answer.
    @Test func certifyingWithoutTheDocumentsNeedsAReason() throws {
        let (store, c) = try storeWithWalkIn()
        let saved = try store.saveApplication(form(), customer: c, by: frontDesk, today: day("2026-10-01"))
        let count = try #require(try store.caseFile(c.id)).checklist.count
        #expect(throws: StoreError.invalid("\(count) of \(count) documents not verified (d): say why you certify without them")) {
            try store.certify(saved, titles: [.adult], on: day("2026-10-05"), lateReason: "", by: self.planner, today: day("2026-10-05"))
        }
        try store.certify(saved, titles: [.adult], on: day("2026-10-05"), lateReason: "", undocumentedReason: "ID is being replaced",
                          by: planner, today: day("2026-10-05"))
        let reason = try #require(try store.caseFile(c.id)?.certification?.undocumentedReason)
        #expect(reason.hasPrefix("ID is being replaced (not verified: Date of birth / age, Right to work"))
    }

    @Test func frontDeskTakesAnApplicationAndTheClockStarts() throws {
        let (store, c) = try storeWithWalkIn()
        let saved = try store.saveApplication(form(), customer: c, by: frontDesk, today: day("2026-10-01"))
        #expect(saved.appliedOn == day("2026-10-01") && saved.program == .adult && saved.version == c.version + 1)
        let record = try #require(try store.caseFile(c.id))
        #expect(record.application?.lowIncome == true)
        #expect(record.applicationSaved?.by == "dbrooks")
        #expect(record.customer == saved)
        #expect(Deadlines.running(for: CaseClockFacts(customer: saved), on: day("2026-10-31")).first?.due == day("2026-10-31"))
        #expect(Deadlines.running(for: CaseClockFacts(customer: saved), on: day("2026-11-01")).first?.state == .overdue)
    }

    @Test func onlyPlannersCertify() throws {
        let (store, c) = try storeWithWalkIn()
        let saved = try store.saveApplication(form(), customer: c, by: frontDesk, today: day("2026-10-01"))
        #expect(throws: StoreError.notPermitted(login: "dbrooks", role: "Front desk", action: "certify eligibility")) {
            try store.certify(saved, titles: [.adult], on: day("2026-10-05"), lateReason: "", by: frontDesk,
                              today: day("2026-10-05"))
        }
        try seeEveryDocument(store, c.id)
        let certified = try store.certify(saved, titles: [.adult], on: day("2026-10-05"), lateReason: "", by: planner,
                                          today: day("2026-10-05"))
        #expect(certified.eligibleOn == day("2026-10-05") && certified.stage(on: day("2026-10-05")) == .eligible)
        let cert = try #require(try store.caseFile(c.id)?.certification)
        #expect(cert.titles == [.adult] && cert.certifiedBy == "mrivera" && cert.lateReason == nil)
    }

    @Test func aLateCertificationKeepsItsReason() throws {
        let (store, c) = try storeWithWalkIn()
        let saved = try store.saveApplication(form(), customer: c, by: frontDesk, today: day("2026-10-01"))
        try seeEveryDocument(store, c.id)
        #expect(throws: StoreError.invalid("31 days after the application (limit 30): give the reason it is late")) {
            try store.certify(saved, titles: [.adult], on: day("2026-11-01"), lateReason: " ", by: planner,
                              today: day("2026-11-23"))
        }
        try store.certify(saved, titles: [.adult], on: day("2026-11-01"), lateReason: "ID arrived late", by: planner,
                          today: day("2026-11-23"))
        #expect(try store.caseFile(c.id)?.certification?.lateReason == "ID arrived late")
    }

    @Test func aCertifiedApplicationChangesOnlyByAmendmentWithAReason() throws {
        let (store, c) = try storeWithWalkIn()
        var current = try store.saveApplication(form(), customer: c, by: frontDesk, today: day("2026-10-01"))
        try seeEveryDocument(store, c.id)
        current = try store.certify(current, titles: [.adult], on: day("2026-10-05"), lateReason: "", by: planner,
                                    today: day("2026-10-05"))
        let changed = form("2026-10-01", ["lowIncome": "", "assist-snap": "yes"])
        #expect(throws: StoreError.invalid("eligibility was certified on 2026-10-05; say why you amend it")) {
            try store.saveApplication(changed, customer: current, by: planner, today: day("2026-10-20"))
        }
        #expect(throws: StoreError.notPermitted(login: "dbrooks", role: "Front desk", action: "certify eligibility")) {
            try store.saveApplication(changed, customer: current, by: frontDesk, today: day("2026-10-20"), amendReason: "x")
        }
        try store.saveApplication(changed, customer: current, by: planner, today: day("2026-10-20"),
                                  amendReason: "benefit letter shows SNAP")
        let record = try #require(try store.caseFile(c.id))
        #expect(record.application?.assistance == [.snap] && record.application?.lowIncome == false)
        let amendment = try #require(record.amendments.first)
        #expect(amendment.reason == "benefit letter shows SNAP" && amendment.amendedBy == "mrivera")
        #expect(amendment.changes == [FieldChange(field: "Low income", old: "yes", new: "no"),
                                      FieldChange(field: "SNAP (food assistance)", old: "no", new: "yes")])
    }

    @Test func aStaleSaveIsRefusedAndNothingIsOverwritten() throws {
        let (store, c) = try storeWithWalkIn()
        try store.saveApplication(form(), customer: c, by: frontDesk, today: day("2026-10-01"))
        // A second user still holds the version read before the first save.
        do {
            try store.saveApplication(form("2026-10-01", ["city": "Cicero"]), customer: c, by: planner, today: day("2026-10-01"))
            Issue.record("a stale save went through")
        } catch {
            // Who changed it and when, from the audit trail.
            #expect("\(error)".hasPrefix("Not saved: another user changed customer \(c.id) (") && "\(error)".contains(" UTC)"))
        }
        #expect(try store.caseFile(c.id)?.application?.city == "Chicago")
    }

    @Test func aFullSSNIsNeverWrittenToTheFile() throws {
        let (store, c) = try storeWithWalkIn()
        #expect(throws: StoreError.self) {
            try store.saveApplication(form("2026-10-01", ["ssnLast4": "123-45-6789"]), customer: c, by: frontDesk,
                                      today: day("2026-10-01"))
        }
        try store.close()
        let data = try #require(bytes(dir + "/i.sqlite"))
        // Not even its last four digits (the audit trail's hex links may hold any digits, so only a standalone 6789 counts).
        let text = String(decoding: data, as: UTF8.self)
        #expect(data.range(of: Data("123-45-6789".utf8)) == nil
                && text.range(of: #"(?<![0-9a-f])6789(?![0-9a-f])"#, options: .regularExpression) == nil)
    }

    @Test func screeningsAndDocumentsAreKept() throws {
        let (store, c) = try storeWithWalkIn()
        try store.saveApplication(form(), customer: c, by: frontDesk, today: day("2026-10-01"))
        try store.recordScreening(BasicSkillsScreening(customer: c.id, screenedOn: day("2026-10-02"), result: .deficient,
                                                       recordedBy: "dbrooks"), by: frontDesk)
        try store.recordDocument(EligibilityDocument(customer: c.id, item: "age", documentType: "passport",
                                                     seenOn: day("2026-10-02"), recordedBy: "dbrooks"), by: frontDesk)
        let record = try #require(try store.caseFile(c.id))
        #expect(record.screening?.result == .deficient)
        #expect(record.priority?.summary == "2 of 4: low income, basic skills deficient")
        #expect(record.checklist.map(\.key) == ["age", "right-to-work", "low-income", "basic-skills"])
        #expect(record.document(for: record.checklist[0])?.documentType == "passport")
        let supervisor = Staff(login: "asantos", name: "Ana Santos", initials: "AS", role: .supervisor)
        #expect(throws: StoreError.self) {
            try store.recordDocument(EligibilityDocument(customer: c.id, item: "age", documentType: "x",
                                                         seenOn: day("2026-10-02"), recordedBy: "asantos"), by: supervisor)
        }
    }

    /// A document recorded under an older wording (files from before
    /// "license") reads under today's name, so the form's choice and every
    /// copy show the same words; the row itself is left as recorded.
    @Test func aDocumentTypeStoredInItsOldWordingReadsUnderTodaysName() throws {
        let (store, c) = try storeWithWalkIn()
        try store.saveApplication(form(), customer: c, by: frontDesk, today: day("2026-10-01"))
        try store.recordDocument(EligibilityDocument(customer: c.id, item: "age", documentType: "driver's licence or state ID",
                                                     seenOn: day("2026-10-02"), recordedBy: "dbrooks"), by: frontDesk)
        let record = try #require(try store.caseFile(c.id))
        #expect(record.document(for: record.checklist[0])?.documentType == "driver's license or state ID")
        #expect(record.checklist[0].documentTypes.contains("driver's license or state ID"))
    }

    @Test func theSyntheticCaseloadIsEligibleForWhatItIsCertifiedIn() throws {
        let caseload = SyntheticCaseload(seed: 1, today: testToday)
        for i in 1...96 {
            let intake = caseload.intake(i)
            guard let a = intake.application, let cert = intake.certification else { continue }
            let results = Eligibility.evaluate(a, birthDate: intake.customer.birthDate, screening: intake.screening)
            for t in cert.titles {
                #expect(results.first { $0.title == t }?.eligible == true, "customer \(i) \(t)")
            }
            #expect(!Certification.isLate(cert.certifiedOn, appliedOn: a.appliedOn))
        }
    }
}
