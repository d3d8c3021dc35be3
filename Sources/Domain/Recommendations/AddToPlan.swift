/// What the planner chose on the Recommendations page, in their wording.
public struct RecommendationChoice: Sendable {
    public var recommendation: Recommendation
    public var text: String
    /// For a goal: the steps chosen, as worded.
    public var steps: [String]
    /// For a goal: which of the recommendation's steps each chosen one is.
    public var stepIndices: [Int]
    /// For a goal: whether its service goes into the plan too, under the
    /// first chosen step that is not its assessment.
    public var includeService: Bool

    public init(recommendation: Recommendation, text: String, steps: [String] = [], stepIndices: [Int]? = nil,
                includeService: Bool = false) {
        self.recommendation = recommendation
        self.text = text
        self.steps = steps
        self.stepIndices = stepIndices ?? Array(steps.indices)
        self.includeService = includeService
    }
}

/// Puts chosen recommendations into the plan: a goal with its chosen steps
/// and service beneath; a chosen assessment as a step of its own; a
/// stand-alone service under a step of its own ("Take part in …"), except
/// supportive services, which share one step for the support the customer
/// needs. All go in the first goal added now, else the plan's first open
/// goal. Never under an assessment's step: taking a test is not training.
public enum AddToPlan {
    public struct Refusal: Error, Equatable {
        public var message: String
    }

    public static func apply(_ choices: [RecommendationChoice], to plan: CareerPlan, matrix: ServicesMatrix,
                             on today: Day) throws(Refusal) -> CareerPlan {
        var p = plan
        var firstNewGoal: Int?
        func service(_ id: String, _ name: String) -> PlanService {
            PlanService(id: p.newID(), serviceID: id, name: name, plannedStart: today, plannedEnd: today.adding(days: 90))
        }
        for choice in choices {
            guard case .goal(let template) = choice.recommendation.kind else { continue }
            var goal = PlanGoal(id: p.newID(), text: choice.text, horizon: template.horizon, kind: template.kind,
                                targetDate: target(template.horizon, today),
                                justification: "recommended " + choice.recommendation.because,
                                indicators: choice.recommendation.serviceID.flatMap { matrix.service($0)?.indicators } ?? [])
            goal.recommendation = choice.recommendation.key
            let entry = choice.recommendation.serviceID.flatMap { matrix.service($0) }
            // A service that needs an assessment first has it as its first step (the matrix's order).
            let assessmentStep = entry?.requiresAssessment != nil ? 0 : nil
            var chosen = Array(zip(choice.stepIndices, choice.steps))
            if choice.includeService, !chosen.contains(where: { $0.0 != assessmentStep }),
               let doing = choice.recommendation.steps.indices.first(where: { $0 != assessmentStep }) {
                chosen.append((doing, choice.recommendation.steps[doing]))
            }
            for (_, text) in chosen {
                goal.steps.append(PlanStep(id: p.newID(), text: text, targetDate: today.adding(days: 30)))
            }
            if choice.includeService, let entry, let home = chosen.firstIndex(where: { $0.0 != assessmentStep }) {
                goal.steps[home].services.append(service(entry.id, entry.name))
            }
            p.goals.append(goal)
            if firstNewGoal == nil { firstNewGoal = p.goals.count - 1 }
        }
        let loose = choices.filter { if case .goal = $0.recommendation.kind { false } else { true } }
        guard !loose.isEmpty else { return p }
        guard let home = firstNewGoal ?? p.goals.firstIndex(where: { $0.status == .open }) else {
            throw Refusal(message: "a service or assessment needs a goal to go under: choose a goal too, or add one in the plan")
        }
        for choice in loose {
            switch choice.recommendation.kind {
            case .assessment:
                var step = PlanStep(id: p.newID(), text: choice.text, targetDate: today.adding(days: 14))
                step.recommendation = choice.recommendation.key
                // Assessments come first: what they find shapes the rest.
                p.goals[home].steps.insert(step, at: 0)
            case .service:
                guard let id = choice.recommendation.serviceID, let entry = matrix.service(id) else { continue }
                if entry.category == .supportive {
                    let existing = p.goals[home].steps.firstIndex { $0.recommendation == supportStep && $0.status == .open }
                    let at = existing ?? {
                        var step = PlanStep(id: p.newID(), text: "Arrange the support needed to take part in the plan",
                                            targetDate: today.adding(days: 30))
                        step.recommendation = supportStep
                        p.goals[home].steps.append(step)
                        return p.goals[home].steps.count - 1
                    }()
                    p.goals[home].steps[at].services.append(service(id, entry.name))
                } else {
                    var step = PlanStep(id: p.newID(), text: "Take part in \(entry.name)", targetDate: today.adding(days: 90))
                    step.recommendation = choice.recommendation.key
                    step.services.append(service(id, entry.name))
                    p.goals[home].steps.append(step)
                }
            case .goal: break
            }
        }
        return p
    }

    /// The key of the step that holds supportive services added from recommendations.
    static let supportStep = "supportive-services"

    /// A first target date for a goal of this horizon; the planner refines it.
    static func target(_ horizon: Horizon, _ today: Day) -> Day {
        switch horizon {
        case .immediate: today.adding(days: 90)
        case .oneYear: today.adding(months: 12)
        case .fiveYear: today.adding(months: 60)
        case .tenYear: today.adding(months: 120)
        }
    }

    /// Whether a recommendation is already in the plan (never added twice).
    public static func isInPlan(_ r: Recommendation, text: String, plan: CareerPlan) -> Bool {
        switch r.kind {
        case .goal: plan.goals.contains { $0.recommendation == r.key || $0.text.folded == text.folded || $0.text.folded == r.text.folded }
        case .service: plan.allServices.contains { $0.serviceID == r.serviceID }
        case .assessment: plan.allSteps.contains { $0.recommendation == r.key || $0.text.folded == text.folded }
        }
    }
}
