import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Signing in the Store: the name checked against the record, the plan
/// version the signer saw, the role allowed to capture, and signatures
/// never changed afterwards.
@Suite final class SignatureStoreTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    let planner = Staff(login: "wchen", name: "陈伟 Wei Chen", initials: "WC", role: .planner)
    /// Customer 10 of the synthetic caseload is enrolled with a plan nobody has signed yet.
    let unsigned = CustomerID(10)

    func request(_ role: SignerRole, _ name: String) -> SigningRequest {
        SigningRequest(role: role, typedName: name, method: .terminal, attested: true)
    }

    @Test func aSignatureNeedsTheNameOnRecordTheAttestationAndTheVersionSeen() throws {
        let store = try seededStore(at: dir + "/s.sqlite", customers: 12)
        let version = try #require(try store.plan(for: unsigned)).version
        #expect(throws: StoreError.invalid("the name typed does not match the customer's name on record (Chloé Dubois)")) {
            try store.sign(self.request(.customer, "Chloe Dupont"), customer: self.unsigned, planVersion: version,
                           by: self.planner, today: testToday)
        }
        var unattested = request(.customer, "chloe dubois")
        unattested.attested = false
        #expect(throws: StoreError.invalid("the signer must confirm the statement")) {
            try store.sign(unattested, customer: self.unsigned, planVersion: version, by: self.planner, today: testToday)
        }
        #expect(throws: (any Error).self) {
            try store.sign(self.request(.customer, "chloe dubois"), customer: self.unsigned, planVersion: version - 1,
                           by: self.planner, today: testToday)
        }
        let s = try store.sign(request(.customer, "chloe dubois"), customer: unsigned, planVersion: version, by: planner,
                               today: testToday)
        #expect(s.signerName == "Chloé Dubois" && s.capturedBy == "wchen" && s.planVersion == version)
        try store.sign(request(.planner, "陈伟 wei chen"), customer: unsigned, planVersion: version, by: planner, today: testToday)
        let states = try #require(try store.signingStates(for: unsigned, today: testToday)).states
        #expect(Signing.isSigned(states))
        // Nobody edits a signature afterwards.
        #expect(throws: (any Error).self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE signature SET body = '{}'") }
        }
    }

    /// Only the customer's planner signs as career planner in their own name;
    /// anyone else says for whom, and a customer nobody has taken on gets
    /// the planner named (their copy always names a planner to call).
    @Test func whoeverIsNotTheCustomersPlannerSignsForThem() throws {
        let store = try seededStore(at: dir + "/p.sqlite", customers: 12)
        let version = try #require(try store.plan(for: unsigned)).version
        let supervisor = testAdmin   // an administrator may work any case
        try store.insert(staff: [testAdmin])
        #expect(throws: StoreError.invalid("you are not C000010's career planner: sign for 陈伟 Wei Chen (wchen), who stays the planner to call")) {
            try store.sign(self.request(.planner, "Root"), customer: self.unsigned, planVersion: version, by: supervisor,
                           today: testToday)
        }
        var acting = request(.planner, "Root")
        acting.forPlanner = "mrivera"
        #expect(throws: StoreError.self) {
            try store.sign(acting, customer: self.unsigned, planVersion: version, by: supervisor, today: testToday)
        }
        acting.forPlanner = "wchen"
        let s = try store.sign(acting, customer: unsigned, planVersion: version, by: supervisor, today: testToday)
        #expect(s.signerName == "Root" && s.forPlanner == "wchen")
        #expect(s.summary == "signed 2026-11-23 at this terminal by Root for wchen")
        // The planner signs in their own name.
        let own = try store.sign(request(.planner, "陈伟 Wei Chen"), customer: unsigned, planVersion: version, by: planner, today: testToday)
        #expect(own.forPlanner == nil)
        // Nobody has taken the customer on: the planner named becomes theirs.
        try store.pool.write { db in try db.execute(sql: "UPDATE customer SET planner = NULL WHERE id = 10") }
        acting.forPlanner = nil
        #expect(throws: StoreError.invalid("C000010 has no career planner yet: name the planner you sign for; they become the planner to call")) {
            try store.sign(acting, customer: self.unsigned, planVersion: version, by: supervisor, today: testToday)
        }
        acting.forPlanner = "asantos"   // a supervisor
        #expect(throws: StoreError.invalid("\"asantos\" is not a career planner on the staff list")) {
            try store.sign(acting, customer: self.unsigned, planVersion: version, by: supervisor, today: testToday)
        }
        acting.forPlanner = "mrivera"
        try store.sign(acting, customer: unsigned, planVersion: version, by: supervisor, today: testToday)
        #expect(try store.customer(unsigned)?.planner == "mrivera")
        #expect(try store.customerCopy(for: unsigned, today: testToday, language: nil, matrix: try .bundled())?.text.contains("Your career planner: María Rivera") == true)
    }

    @Test func aPlanChangeAfterSigningOutdatesBothWithTheDayItChanged() throws {
        let store = try seededStore(at: dir + "/o.sqlite", customers: 12)
        let v = try #require(try store.plan(for: unsigned))
        try store.sign(request(.customer, "Chloé Dubois"), customer: unsigned, planVersion: v.version, by: planner, today: testToday)
        try store.sign(request(.planner, "陈伟 Wei Chen"), customer: unsigned, planVersion: v.version, by: planner, today: testToday)
        var changed = v.plan
        changed.goals[0].steps[1].text = "Apply for at least three welder jobs each week."
        try store.savePlan(changed, over: v.version, by: planner, today: testToday, matrix: try ServicesMatrix.bundled())
        let states = try #require(try store.signingStates(for: unsigned, today: testToday)).states
        #expect(!Signing.isSigned(states))
        #expect(states.allSatisfy { $0.state.text == "OUTDATED: signed 2026-11-23; plan changed on \(Self.utcToday) after signing" })
        // Reordering the goals' steps is not a change to what was signed.
        let v2 = try #require(try store.plan(for: unsigned))
        try store.sign(request(.customer, "Chloé Dubois"), customer: unsigned, planVersion: v2.version, by: planner, today: testToday)
        try store.sign(request(.planner, "陈伟 Wei Chen"), customer: unsigned, planVersion: v2.version, by: planner, today: testToday)
        var reordered = v2.plan
        reordered.goals[0].steps.reverse()
        try store.savePlan(reordered, over: v2.version, by: planner, today: testToday, matrix: try ServicesMatrix.bundled())
        #expect(Signing.isSigned(try #require(try store.signingStates(for: unsigned, today: testToday)).states))
    }

    /// Plan versions are stamped with the store's clock (fixed in tests).
    static var utcToday: String { String(ISO8601DateFormatter().string(from: testNow).prefix(10)) }

    @Test func theFrontDeskCannotCaptureSignatures() throws {
        let store = try seededStore(at: dir + "/f.sqlite", customers: 12)
        let frontDesk = Staff(login: "dbrooks", name: "Dana Brooks", initials: "DB", role: .frontDesk)
        let version = try #require(try store.plan(for: unsigned)).version
        #expect(throws: StoreError.notPermitted(login: "dbrooks", role: "Front desk", action: "edit career plans")) {
            try store.sign(self.request(.customer, "Chloé Dubois"), customer: self.unsigned, planVersion: version,
                           by: frontDesk, today: testToday)
        }
    }

    @Test func aGuardianSignsAgainstTheNameTheRequestRecorded() throws {
        let store = try seededStore(at: dir + "/g.sqlite", customers: 12)
        let version = try #require(try store.plan(for: unsigned)).version
        #expect(throws: StoreError.invalid("record the guardian's name and relationship first")) {
            try store.sign(self.request(.guardian, "Marie Dubois"), customer: self.unsigned, planVersion: version,
                           by: self.planner, today: testToday)
        }
        try store.sendToGuardian(["name": "Marie Dubois", "relationship": "mother", "sentOn": "2026-11-20"], customer: unsigned,
                                 by: planner, today: testToday)
        var paper = request(.guardian, "marie dubois")
        paper.method = .paper
        #expect(throws: StoreError.invalid("a printed copy needs the day it came back")) {
            try store.sign(paper, customer: self.unsigned, planVersion: version, by: self.planner, today: testToday)
        }
        paper.paperReturnedOn = Day(parsing: "2026-11-22")
        let s = try store.sign(paper, customer: unsigned, planVersion: version, by: planner, today: testToday)
        #expect(s.signedOn == Day(parsing: "2026-11-22") && s.relationship == "mother" && s.signerName == "Marie Dubois")
        #expect(s.summary == "signed 2026-11-22 on a printed copy returned 2026-11-22")
    }
}
