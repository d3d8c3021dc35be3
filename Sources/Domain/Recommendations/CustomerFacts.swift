/// The facts about a customer that the services matrix's recommendation
/// conditions name ("no-diploma", "barrier:transportation"), each with the
/// words that explain a recommendation ("because: no high school diploma").
public struct CustomerFacts: Sendable {
    public let facts: [String: String]

    /// Every fact a matrix condition may name; "barrier:KIND" comes on top.
    public static let known: Set<String> = [
        "adult", "dislocated-worker", "youth", "youth-out-of-school", "youth-in-school", "no-diploma",
        "basic-skills-deficient", "english-learner", "low-income", "unemployed", "long-term-unemployed", "prior-job",
        "no-prior-job", "dropout", "target-occupation", "no-target-occupation", "plan-training", "plan-work-based-learning",
    ]

    public static func isKnown(_ fact: String) -> Bool {
        known.contains(fact) || (fact.hasPrefix("barrier:") && BarrierKind.all.contains { "barrier:" + $0.key == fact })
    }

    public init(customer c: Customer, application a: Application?, gsa: GettingStartedAssessment?,
                screening: BasicSkillsScreening?, barriers: [BarrierRecord], plan: CareerPlan?, matrix: ServicesMatrix) {
        var f: [String: String] = [:]
        switch c.program {
        case .adult: f["adult"] = "Adult program"
        case .dislocatedWorker: f["dislocated-worker"] = "dislocated worker"
        case .youth: f["youth"] = "youth"
        case nil: break
        }
        if let a {
            if c.program == .youth {
                if a.school.attending { f["youth-in-school"] = "youth in school" } else { f["youth-out-of-school"] = "youth out of school" }
            }
            if a.education == .noDiploma { f["no-diploma"] = "no high school diploma" }
            if a.school == .dropout { f["dropout"] = "left school without a diploma" }
            if a.lowIncome { f["low-income"] = "low income" }
            if a.employment == .notEmployed { f["unemployed"] = "not employed" }
            if a.barriers.contains(.longTermUnemployed) { f["long-term-unemployed"] = "long-term unemployed" }
            if a.barriers.contains(.englishLearner) { f["english-learner"] = "English language learner" }
            if Eligibility.isBasicSkillsDeficient(a, screening: screening) { f["basic-skills-deficient"] = "basic skills deficient" }
        }
        if let job = Self.priorJob(gsa: gsa, application: a) { f["prior-job"] = "prior work as \(job)" } else { f["no-prior-job"] = "no work history" }
        let target = gsa?["targetOccupation"] ?? ""
        if target.isEmpty { f["no-target-occupation"] = "no target occupation yet" } else { f["target-occupation"] = "aims to be a \(target)" }
        for s in plan?.allServices ?? [] {
            switch matrix.service(s.serviceID)?.requiresAssessment {
            case .trainingEducation: f["plan-training"] = "training in the plan: \(s.name)"
            case .workBasedLearning: f["plan-work-based-learning"] = "work-based learning in the plan: \(s.name)"
            case nil: break
            }
        }
        for b in barriers where b.isOpen { f["barrier:" + b.kind] = "barrier: \(b.name)" }
        facts = f
    }

    /// The prior career field: the latest job's title, else the employer that laid them off.
    static func priorJob(gsa: GettingStartedAssessment?, application: Application?) -> String? {
        if let job = gsa?.jobs.max(by: { $0.startedOn < $1.startedOn }) { return job.title }
        return application?.lastEmployer.map { "an employee of \($0)" }
    }

    /// Values for the matrix's placeholders; absent when the data is missing.
    public static func placeholders(gsa: GettingStartedAssessment?) -> [String: String] {
        var v: [String: String] = [:]
        if let target = gsa?["targetOccupation"], !target.isEmpty {
            v["target occupation"] = target
            v["target occupation/industry"] = target
        }
        if let job = gsa?.jobs.max(by: { $0.startedOn < $1.startedOn }) { v["target career field"] = job.title }
        return v
    }

    /// The reasons a condition (all of its facts) holds; nil when it does not.
    public func reasons(_ condition: [String]) -> [String]? {
        var out: [String] = []
        for fact in condition {
            guard let why = facts[fact] else { return nil }
            out.append(why)
        }
        return out
    }

    /// The first of several conditions that holds, with its reasons.
    public func firstMatch(_ conditions: [[String]]) -> [String]? {
        conditions.lazy.compactMap(reasons).first
    }
}
