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
        try qualityFacts([id], matrix: matrix).first
    }

    /// What the quality rubric reads of each of these customers with a saved plan, in the order given.
    func qualityFacts(_ ids: [CustomerID], matrix: ServicesMatrix) throws -> [QualityFacts] {
        let settings = try clockSettings()
        let staff = Dictionary(try staff().map { ($0.login, $0) }, uniquingKeysWith: { a, _ in a })
        return try filesWithClocks(ids).compactMap { file, clocks in
            guard let plan = clocks.plan else { return nil }
            return QualityFacts(customer: clocks.customer, application: file.application, gsa: file.gsa, screening: file.screening,
                                assessments: file.assessments, barriers: file.barriers, plan: plan,
                                firstPlanSaved: clocks.firstPlanSaved, lastPlanSaved: clocks.lastPlanSaved, work: clocks.work,
                                planner: clocks.customer.planner.flatMap { staff[$0] }, matrix: matrix,
                                extraAcronyms: settings.extraAcronyms, settings: settings)
        }
    }
}
