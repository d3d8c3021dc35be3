/// The Career Plan's policy rules (POLICY.md section 2; 001, 003), each a
/// function of the plan, the customer's records and a day.
public enum PlanRules {
    /// An enrolled participant keeps at least one open goal with an open
    /// step; closing the last one is refused unless the customer is exiting.
    public static func openGoalProblem(before: CareerPlan, after: CareerPlan, customer: Customer,
                                       exiting: Bool = false) -> String? {
        guard customer.enrolledOn != nil, customer.exitedOn == nil, !exiting,
              before.hasOpenGoalWithOpenStep, !after.hasOpenGoalWithOpenStep else { return nil }
        return "an enrolled participant's plan keeps at least one open goal with an open step; add one first, or write the exit note (N) if they are leaving"
    }

    /// Why the service may not have an actual start yet: a training or
    /// work-based-learning service needs its assessment complete, and
    /// training needs reading and math scores (003).
    public static func startProblem(_ s: PlanService, entry: ServiceEntry?, assessments: [AssessmentRecord],
                                    on day: Day) -> String? {
        guard s.actualStart != nil, let required = entry?.requiresAssessment else { return nil }
        let done = assessments.contains { $0.instrument == required.instrument && $0.isCompleted }
        if !done { return "start needs the \(required.instrument.label) first (Assessments, t)" }
        if required == .trainingEducation, !AssessmentRecord.hasReadingAndMath(assessments, on: day) {
            return "start needs reading and math scores first (Assessments, t)"
        }
        return nil
    }

    /// The service's dates that fall before certification (001: services
    /// are recorded on or after the certification date).
    public static func datesBeforeCertification(_ s: PlanService, certifiedOn: Day?) -> [(label: String, day: Day)] {
        guard let certifiedOn else { return [] }
        let dates: [(String, Day?)] = [("planned start", s.plannedStart), ("actual start", s.actualStart),
                                       ("planned end", s.plannedEnd), ("completed", s.completedOn)]
        return dates.compactMap { label, day in day.flatMap { $0 < certifiedOn ? (label, $0) : nil } }
    }

    /// The service recorded on the certification date, with a note of each real date.
    public static func recordedOnCertification(_ s: PlanService, certifiedOn: Day) -> PlanService {
        var out = s
        var notes: [String] = []
        func moved(_ day: Day?, _ label: String) -> Day? {
            guard let d = day, d < certifiedOn else { return day }
            notes.append("\(label) was \(d), before certification; recorded on \(certifiedOn)")
            return certifiedOn
        }
        out.plannedStart = moved(s.plannedStart, "planned start")
        out.actualStart = moved(s.actualStart, "actual start")
        out.plannedEnd = moved(s.plannedEnd, "planned end")
        out.completedOn = moved(s.completedOn, "completed")
        out.notes += notes
        return out
    }

    /// Days allowed between learning of a completion and recording it (001).
    public static let closeWithinDays = ClockRule.serviceClose10.limit

    /// "closed 12 days after it became known (limit 10)", or nil.
    public static func lateClosing(_ s: PlanService) -> String? {
        guard s.status.isClosed, let known = s.completionKnownOn, let recorded = s.closedRecordedOn else { return nil }
        let days = known.days(until: recorded)
        return days > closeWithinDays ? "closed \(days) days after it became known (limit \(closeWithinDays))" : nil
    }

    /// Days allowed between a service's start and entering it (001).
    public static let startEntryWithinDays = ClockRule.serviceEntry10.limit

    /// "start entered 14 days after it (limit 10)", or nil: a service
    /// started long before anyone recorded it, whether it was planned first
    /// or added as already started.
    public static func lateStart(_ s: PlanService) -> String? {
        guard let started = s.actualStart, let recorded = s.startRecordedOn else { return nil }
        let days = started.days(until: recorded)
        return days > startEntryWithinDays ? "start entered \(days) days after it (limit \(startEntryWithinDays))" : nil
    }

    /// Stamps the day a start is first entered on every service that gets
    /// one in this save (kept from the earlier save when it had one).
    public static func stampingStarts(of plan: CareerPlan, before: CareerPlan, today: Day) -> CareerPlan {
        var out = plan
        let earlier = Dictionary(before.allServices.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for g in out.goals.indices {
            for st in out.goals[g].steps.indices {
                for v in out.goals[g].steps[st].services.indices {
                    let s = out.goals[g].steps[st].services[v]
                    guard s.actualStart != nil else { out.goals[g].steps[st].services[v].startRecordedOn = nil; continue }
                    let old = earlier[s.id]
                    // Never the caller's word for it: the first save with a start is its entry day.
                    out.goals[g].steps[st].services[v].startRecordedOn = old?.actualStart != nil ? old?.startRecordedOn : today
                }
            }
        }
        return out
    }

    /// What makes a change significant (001): a goal's text or horizon, a
    /// goal added or ended, the type of training, the supportive services.
    public static func significantChanges(from old: CareerPlan, to new: CareerPlan, matrix: ServicesMatrix) -> [String] {
        var out: [String] = []
        let oldGoals = Dictionary(uniqueKeysWithValues: old.goals.map { ($0.id, $0) })
        for g in new.goals {
            guard let before = oldGoals[g.id] else { out.append("goal added: \(g.text)"); continue }
            if before.text != g.text { out.append("goal changed: \(g.text)") }
            if before.horizon != g.horizon { out.append("goal horizon: \(before.horizon.label) → \(g.horizon.label)") }
            if before.status == .open && g.status != .open { out.append("goal \(g.status.label): \(g.text)") }
        }
        for g in old.goals where !new.goals.contains(where: { $0.id == g.id }) { out.append("goal removed: \(g.text)") }
        func ids(_ plan: CareerPlan, _ categories: Set<ServiceCategory>, element: Int? = nil) -> Set<String> {
            Set(plan.allServices.filter { s in
                guard let e = matrix.service(s.serviceID) else { return false }
                return categories.contains(e.category) || (element != nil && e.youthElement == element)
            }.map(\.serviceID))
        }
        if ids(old, [.training], element: 4) != ids(new, [.training], element: 4) { out.append("type of training changed") }
        if ids(old, [.supportive], element: 7) != ids(new, [.supportive], element: 7) { out.append("supportive services changed") }
        return out
    }

    /// Open barriers and whether the plan addresses each: a supportive
    /// service for its kind, or a step that names it.
    public static func barrierCoverage(_ plan: CareerPlan, barriers: [BarrierRecord],
                                       matrix: ServicesMatrix) -> [(barrier: BarrierRecord, addressedBy: String?)] {
        barriers.filter(\.isOpen).map { b in
            let service = plan.allServices.first { matrix.service($0.serviceID)?.addresses?.contains(b.kind) == true }
            if let service { return (b, service.name) }
            let step = plan.allSteps.first { $0.text.folded.contains(b.name.folded) }
            return (b, step.map { "step: " + $0.text })
        }
    }
}
