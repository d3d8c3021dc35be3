import Domain
import GRDB

/// What the plan quality rubric reads, for one customer or a caseload.
extension CaseloadStore {
    public func qualityFacts(for id: CustomerID, matrix: ServicesMatrix) throws -> QualityFacts? {
        guard let clocks = try clockFacts(for: id), let file = try caseFile(id) else { return nil }
        return try qualityFacts(clocks, file, matrix: matrix, settings: try clockSettings())
    }

    /// Every participant with a saved plan, not exited: one planner's, or everyone's.
    /// Only what `user` reaches, as for `clockFacts(planner:by:asOf:)`.
    public func qualityFacts(planner: String?, by user: Staff?, asOf: Day, matrix: ServicesMatrix) throws -> [QualityFacts] {
        let settings = try clockSettings()
        return try clockFacts(planner: planner, by: user, asOf: asOf).filter { $0.plan != nil && $0.customer.exitedOn == nil }.compactMap { clocks in
            guard let file = try caseFile(clocks.customer.id) else { return nil }
            return try qualityFacts(clocks, file, matrix: matrix, settings: settings)
        }
    }

    private func qualityFacts(_ clocks: CaseClockFacts, _ file: CaseFile, matrix: ServicesMatrix,
                              settings: ClockSettings) throws -> QualityFacts? {
        guard let plan = clocks.plan else { return nil }
        let planner = try clocks.customer.planner.flatMap { try staff(login: $0) }
        return QualityFacts(customer: clocks.customer, application: file.application, gsa: file.gsa, screening: file.screening,
                            assessments: file.assessments, barriers: file.barriers, plan: plan,
                            firstPlanSaved: clocks.firstPlanSaved, lastPlanSaved: clocks.lastPlanSaved, work: clocks.work,
                            planner: planner, matrix: matrix,
                            extraAcronyms: settings.extraAcronyms, settings: settings)
    }
}
