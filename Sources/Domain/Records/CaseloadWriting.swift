/// Every change the program's screens make to the caseload, as one
/// interface: the loop runs a screen's `StoreRequest` against it. It takes
/// Domain values, made (and checked, once) by their Domain constructors
/// (`checked`, `correcting`, `moving`, …). The Store implements it and
/// checks each call itself (the signed-in user's role and reach, the version
/// they saw, the rules that depend on the file as it is now), stamps who and
/// when, so whatever calls it, a screen, a command or a test, gets the same
/// refusals.
public protocol CaseloadWriting: Sendable {
    // Customers and intake
    func enter(_ entry: CustomerEntry, by user: Staff?, today: Day, despite duplicates: [CustomerID]) throws -> Customer
    func saveApplication(_ form: ApplicationForm, customer expected: Customer, by user: Staff?, today: Day,
                         amendReason: String?) throws -> Customer
    func recordScreening(_ s: BasicSkillsScreening, by user: Staff?) throws
    func recordDocument(_ d: EligibilityDocument, by user: Staff?) throws
    func certify(_ expected: Customer, titles: [Title], on day: Day, lateReason: String, undocumentedReason: String,
                 by user: Staff?, today: Day) throws -> Customer
    func enroll(_ expected: Customer, on day: Day, by user: Staff?) throws -> Customer
    func cover(_ covering: Covering, by user: Staff?) throws -> Covering
    func saveClockSettings(_ settings: ClockSettings, by user: Staff?) throws -> ClockSettings

    // Assessment
    func saveGSA(_ gsa: GettingStartedAssessment, over base: GettingStartedAssessment?,
                 by user: Staff?) throws -> (stored: GettingStartedAssessment, collisions: [FieldCollision])
    func addAssessment(_ assessment: AssessmentRecord, by user: Staff?) throws -> AssessmentRecord
    /// `corrected` is `expected.correcting(…)`: refused when the record changed since `expected` was read.
    func correctAssessment(_ expected: AssessmentRecord, to corrected: AssessmentRecord, by user: Staff?) throws -> AssessmentRecord
    func addBarrier(_ barrier: BarrierRecord, by user: Staff?) throws -> BarrierRecord
    func correctBarrier(_ expected: BarrierRecord, to corrected: BarrierRecord, by user: Staff?) throws -> BarrierRecord
    func overcomeBarrier(_ expected: BarrierRecord, to overcome: BarrierRecord, by user: Staff?) throws -> BarrierRecord

    // The plan, recommendations and signatures
    func savePlan(_ plan: CareerPlan, over expectedVersion: Int, by user: Staff?, today: Day,
                  matrix: ServicesMatrix, reason: String?, exiting: Bool) throws -> PlanVersion
    func recordReview(of customer: CustomerID, over expectedVersion: Int, by user: Staff?, today: Day) throws -> PlanVersion
    func dismiss(_ d: Dismissal, by user: Staff?) throws
    func restore(_ key: String, for id: CustomerID, by user: Staff?) throws
    func sign(_ r: SigningRequest, customer id: CustomerID, planVersion expectedVersion: Int, by user: Staff?,
              today: Day) throws -> Signature
    func sendToGuardian(_ request: GuardianRequest, by user: Staff?) throws
    func recordCopy(of version: Int, for id: CustomerID, by user: Staff?, today: Day, language: CopyLanguage) throws

    // Case work
    func addNote(_ note: CaseNote, by user: Staff?) throws -> CaseNote
    func addReferral(_ referral: Referral, by user: Staff?) throws -> Referral
    func updateReferral(_ expected: Referral, to next: Referral, by user: Staff?) throws -> Referral
    func addOutcome(_ outcome: Outcome, by user: Staff?) throws -> Outcome
    func correctOutcome(_ expected: Outcome, to corrected: Outcome, by user: Staff?) throws -> Outcome
    func addPause(_ pause: Pause, by user: Staff?) throws -> Pause
    func endPauseEarly(_ expected: Pause, to ended: Pause, by user: Staff?) throws -> Pause
    func addOtherService(_ service: OtherProgramService, by user: Staff?) throws -> OtherProgramService
    func declineFollowUp(_ decline: FollowUpDecline, by user: Staff?) throws
    func exit(_ expected: Customer, by user: Staff?, today: Day) throws -> ExitRecord

    // Drafts: unsaved typing, private to the account the store writes as
    func draft(customer: CustomerID, form: String) throws -> Draft?
    func saveDraft(_ values: [String: String], customer: CustomerID, form: String) throws
    func deleteDraft(customer: CustomerID, form: String) throws
}

/// The whole caseload as the program sees it: what it reads and what it changes.
public protocol Caseload: CaseloadReading, CaseloadWriting {}

