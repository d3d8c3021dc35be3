import Domain
import Foundation
import Store

/// One customer's whole file, its plan's signing state, the customer's copy
/// and what the quality rubric reads, as the file-backed store gives them.
extension PostgresCaseload {
    public func staff(login: String) throws -> Staff? {
        try bodies(Staff.self, "SELECT body::text FROM careerplan.staff WHERE login = $1", [login]).first
    }

    /// The case file as `user` may read it on `day`: refused for a planner
    /// when the customer is another planner's they do not cover (the
    /// server would show them nothing; this says why).
    public func caseFile(_ id: CustomerID, readBy user: Staff?, on day: Day) throws -> CaseFile? {
        guard let file = try caseFile(id) else { return nil }
        guard let user else { throw StoreError.notOnStaff }
        try reach(of: user, on: day).require(file.customer.planner, by: user, to: "open") {
            try file.customer.planner.flatMap { try staff(login: $0)?.name }
        }
        return file
    }

    public func caseFile(_ id: CustomerID) throws -> CaseFile? {
        guard let customer = try customer(id) else { return nil }
        let application = try records(StoredApplication.self, "application", of: id).first
        return CaseFile(
            customer: customer, application: application?.answers,
            applicationSaved: application.map { ($0.updatedBy, $0.updatedAt) },
            certification: try records(Certification.self, "certification", of: id).first,
            amendments: try records(ApplicationAmendment.self, "application_amendment", of: id),
            documents: try records(EligibilityDocument.self, "eligibility_document", of: id, order: "body ->> 'item' COLLATE \"C\""),
            screenings: try records(BasicSkillsScreening.self, "basic_skills_screening", of: id, order: "body ->> 'screenedOn', row_id"),
            gsa: try records(GettingStartedAssessment.self, "gsa", of: id).first,
            assessments: try records(AssessmentRecord.self, "assessment", of: id, order: "(body ->> 'id')::bigint"),
            barriers: try records(BarrierRecord.self, "barrier", of: id, order: "(body ->> 'id')::bigint"),
            corrections: try records(BarrierCorrection.self, "barrier_correction", of: id),
            work: try caseWork(id))
    }

    /// Where each required signer stands on the current plan.
    public func signingStates(for id: CustomerID, today: Day)
        throws -> (plan: PlanVersion, states: [(role: SignerRole, state: Signing.State)])? {
        guard let c = try customer(id), let current = try plan(for: id) else { return nil }
        let work = try caseWork(id)
        let versions = try planVersions(for: id)
        let states = Signing.states(customer: c, plan: current.plan, signatures: work.signatures, guardian: work.guardianRequest,
                                    on: today, changedOn: { CaseloadStore.changedOn($0, versions: versions) })
        return (current, states)
    }

    public func qualityFacts(for id: CustomerID, matrix: ServicesMatrix) throws -> QualityFacts? {
        guard let clocks = try clockFacts(for: id), let file = try caseFile(id), let plan = clocks.plan else { return nil }
        let settings = try clockSettings()
        let planner = try clocks.customer.planner.flatMap { try staff(login: $0) }
        return QualityFacts(customer: clocks.customer, application: file.application, gsa: file.gsa, screening: file.screening,
                            assessments: file.assessments, barriers: file.barriers, plan: plan,
                            firstPlanSaved: clocks.firstPlanSaved, lastPlanSaved: clocks.lastPlanSaved, work: clocks.work,
                            planner: planner, matrix: matrix, extraAcronyms: settings.extraAcronyms, settings: settings)
    }
}
