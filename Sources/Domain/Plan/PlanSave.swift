/// What a save of the Career Plan must pass and what it records, whichever
/// store saves it: the rules read against the records as they are inside
/// the save's transaction, then the episode a significant change makes.
public enum PlanSave {
    /// What the save's rules read besides the plan.
    public struct Facts: Sendable {
        public var customer: Customer
        public var assessments: [AssessmentRecord]
        public var certifiedOn: Day?
        /// A Service Closure / Exit note is written: the customer is leaving, goals may all close.
        public var leaving: Bool

        public init(customer: Customer, assessments: [AssessmentRecord], certifiedOn: Day?, leaving: Bool) {
            self.customer = customer
            self.assessments = assessments
            self.certifiedOn = certifiedOn
            self.leaving = leaving
        }
    }

    /// The plan as it will be saved (starts stamped, a significant change's
    /// episode recorded), or the first rule it breaks, as the store refuses it.
    public static func prepared(_ plan: CareerPlan, before: CareerPlan, facts: Facts, matrix: ServicesMatrix, today: Day,
                                by login: String, reason: String?, exiting: Bool) throws -> CareerPlan {
        var plan = PlanRules.stampingStarts(of: plan, before: before, today: today)
        if let problem = PlanRules.openGoalProblem(before: before, after: plan, customer: facts.customer,
                                                   exiting: exiting || facts.leaving) {
            throw StoreError.invalid(problem)
        }
        if let problem = YouthElementMark.problem(in: plan, matrix: matrix) { throw StoreError.invalid(problem) }
        for s in plan.allServices {
            if let problem = PlanRules.startProblem(s, entry: matrix.service(s.serviceID), assessments: facts.assessments, on: today) {
                throw StoreError.invalid("\(s.name): \(problem)")
            }
            if let early = PlanRules.datesBeforeCertification(s, certifiedOn: facts.certifiedOn).first, let certified = facts.certifiedOn {
                throw StoreError.invalid("\(s.name): \(early.label) \(early.day) is before certification on \(certified)")
            }
        }
        let significant = PlanRules.significantChanges(from: before, to: plan, matrix: matrix)
        if before.goals.isEmpty, !plan.goals.isEmpty {
            plan.episodes.append(PlanEpisode(on: today, reason: "initial plan", by: login, changes: significant))
        } else if !significant.isEmpty {
            let why = reason?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !why.isEmpty else {
                throw StoreError.invalid("a significant change (\(significant.joined(separator: "; "))) needs a reason")
            }
            plan.episodes.append(PlanEpisode(on: today, reason: why, by: login, changes: significant))
        }
        return plan
    }
}
