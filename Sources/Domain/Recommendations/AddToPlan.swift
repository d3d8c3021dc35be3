/// What the planner chose on the Recommendations page, in their wording.
public struct RecommendationChoice: Sendable {
    public var recommendation: Recommendation
    public var text: String
    /// For a goal: the steps chosen, as worded.
    public var steps: [String]
    /// For a goal: whether its service goes under its first chosen step.
    public var includeService: Bool

    public init(recommendation: Recommendation, text: String, steps: [String] = [], includeService: Bool = false) {
        self.recommendation = recommendation
        self.text = text
        self.steps = steps
        self.includeService = includeService
    }
}

/// Puts chosen recommendations into the plan: a goal with its chosen steps
/// and service beneath; a chosen assessment as a step and a stand-alone
/// service under the first step added now, else the plan's first open step.
public enum AddToPlan {
    public struct Refusal: Error, Equatable {
        public var message: String
    }

    public static func apply(_ choices: [RecommendationChoice], to plan: CareerPlan, matrix: ServicesMatrix,
                             on today: Day) throws(Refusal) -> CareerPlan {
        var p = plan
        var firstNewStep: (goal: Int, step: Int)?
        func service(_ id: String, _ name: String) -> PlanService {
            PlanService(id: p.newID(), serviceID: id, name: name, plannedStart: today, plannedEnd: today.adding(days: 90))
        }
        for choice in choices {
            guard case .goal(let template) = choice.recommendation.kind else { continue }
            var goal = PlanGoal(id: p.newID(), text: choice.text, horizon: template.horizon, kind: template.kind,
                                targetDate: target(template.horizon, today),
                                justification: "recommended " + choice.recommendation.because,
                                indicators: choice.recommendation.serviceID.flatMap { matrix.service($0)?.indicators } ?? [])
            var steps = choice.steps
            if steps.isEmpty && choice.includeService { steps = Array(choice.recommendation.steps.prefix(1)) }
            for text in steps {
                goal.steps.append(PlanStep(id: p.newID(), text: text, targetDate: today.adding(days: 30)))
            }
            if choice.includeService, let id = choice.recommendation.serviceID, let entry = matrix.service(id) {
                goal.steps[0].services.append(service(id, entry.name))
            }
            p.goals.append(goal)
            if firstNewStep == nil, !goal.steps.isEmpty { firstNewStep = (p.goals.count - 1, 0) }
        }
        let loose = choices.filter { if case .goal = $0.recommendation.kind { false } else { true } }
        guard !loose.isEmpty else { return p }
        guard let home = firstNewStep ?? firstOpenStep(p) else {
            throw Refusal(message: "a service or assessment needs a step to go under: choose a goal with a step too, or add one in the plan")
        }
        for choice in loose {
            switch choice.recommendation.kind {
            case .assessment:
                p.goals[home.goal].steps.insert(PlanStep(id: p.newID(), text: choice.text, targetDate: today.adding(days: 14)),
                                                 at: home.step)
            case .service:
                if let id = choice.recommendation.serviceID, let entry = matrix.service(id) {
                    let step = p.goals[home.goal].steps.firstIndex { $0.status == .open } ?? home.step
                    p.goals[home.goal].steps[step].services.append(service(id, entry.name))
                }
            case .goal: break
            }
        }
        return p
    }

    static func firstOpenStep(_ p: CareerPlan) -> (goal: Int, step: Int)? {
        for (g, goal) in p.goals.enumerated() where goal.status == .open {
            if let s = goal.steps.firstIndex(where: { $0.status == .open }) { return (g, s) }
        }
        return nil
    }

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
        case .goal: plan.goals.contains { $0.text.folded == text.folded || $0.text.folded == r.text.folded }
        case .service: plan.allServices.contains { $0.serviceID == r.serviceID }
        case .assessment: plan.allSteps.contains { $0.text.folded == text.folded }
        }
    }
}
