/// What the deadline engine reads beyond the customer's journey dates: the
/// plan, and when it was first and last saved.
public struct CaseClockFacts: Sendable {
    public var customer: Customer
    public var plan: CareerPlan?
    public var firstPlanSaved: Day?
    public var lastPlanSaved: Day?

    public init(customer: Customer, plan: CareerPlan? = nil, firstPlanSaved: Day? = nil, lastPlanSaved: Day? = nil) {
        self.customer = customer
        self.plan = plan
        self.firstPlanSaved = firstPlanSaved
        self.lastPlanSaved = lastPlanSaved
    }
}

extension Deadlines {
    /// Every clock that applies to the customer, met ones included, soonest
    /// first (POLICY.md section 3). `note-entry-10` and `outcome-entry-10`
    /// come with case notes and outcomes.
    public static func all(for f: CaseClockFacts, on today: Day, settings: ClockSettings = .illinois) -> [Clock] {
        let c = f.customer
        var out: [Clock] = []
        func add(_ rule: ClockRule, _ due: Day, met: Bool = false, subject: String? = nil) {
            out.append(Clock(rule: rule, due: due, state: met ? .met : state(due: due, on: today, settings: settings),
                             subject: subject))
        }
        if let applied = c.appliedOn { add(.eligibility30, applied.adding(days: 30), met: c.eligibleOn != nil) }
        if let eligible = c.eligibleOn { add(.enrollment90, eligible.adding(days: 90), met: c.enrolledOn != nil) }
        if let enrolled = c.enrolledOn {
            // Submitting Section 1 completes the assessment and enrolls (003).
            let hasPlan = f.firstPlanSaved != nil && f.plan?.goals.isEmpty == false
            add(.initialPlan5, enrolled.adding(days: 5), met: hasPlan)
        }
        let open = Deadlines.open(for: c, on: today, settings: settings).filter {
            $0.rule != .eligibility30 && $0.rule != .enrollment90
        }
        out += open
        if c.enrolledOn != nil, c.exitedOn == nil {
            if let reviewed = f.lastPlanSaved { add(.review90, reviewed.adding(days: settings.reviewIntervalDays)) }
            for s in f.plan?.allServices ?? [] {
                if s.status == .notStarted, let start = s.plannedStart, start < today {
                    add(.serviceEntry10, start.adding(days: 10), subject: s.name)
                }
                if s.status == .open, let end = s.plannedEnd, end < today {
                    add(.serviceClose10, end.adding(days: 10), subject: s.name)
                }
            }
        }
        return out.sorted { ($0.due, $0.rule.rawValue, $0.subject ?? "") < ($1.due, $1.rule.rawValue, $1.subject ?? "") }
    }

    /// The clocks still running: everything not met.
    public static func running(for f: CaseClockFacts, on today: Day, settings: ClockSettings = .illinois) -> [Clock] {
        all(for: f, on: today, settings: settings).filter { $0.state != .met }
    }
}
