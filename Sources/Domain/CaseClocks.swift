/// What the deadline engine reads beyond the customer's journey dates: the
/// plan, and when it was first and last saved.
public struct CaseClockFacts: Sendable {
    public var customer: Customer
    public var plan: CareerPlan?
    public var firstPlanSaved: Day?
    public var lastPlanSaved: Day?
    /// Notes, outcomes, pauses and any refusal of follow-up.
    public var work: CaseWork

    public init(customer: Customer, plan: CareerPlan? = nil, firstPlanSaved: Day? = nil, lastPlanSaved: Day? = nil,
                work: CaseWork = CaseWork()) {
        self.work = work
        self.customer = customer
        self.plan = plan
        self.firstPlanSaved = firstPlanSaved
        self.lastPlanSaved = lastPlanSaved
    }
}

extension Deadlines {
    /// Every clock that applies to the customer, met ones included, soonest
    /// first (POLICY.md section 3).
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
        // The customer-only clocks, except the two the case work decides.
        out += Deadlines.open(for: c, on: today, settings: settings).filter {
            ![.eligibility30, .enrollment90, .autoExit90, .followUp12m].contains($0.rule)
        }
        if let enrolled = c.enrolledOn, c.exitedOn == nil {
            if let reviewed = f.lastPlanSaved { add(.review90, reviewed.adding(days: settings.reviewIntervalDays)) }
            let last = max(enrolled, c.lastServiceOn ?? enrolled)
            if let due = AutoExit.due(lastService: last, plan: f.plan, pauses: f.work.pauses, on: today) {
                add(.autoExit90, due)
            }
            let noted = Set(f.work.notes.compactMap { $0.link?.kind == .service ? $0.link?.id : nil })
            for s in f.plan?.allServices ?? [] {
                if s.status == .notStarted, let start = s.plannedStart, start < today {
                    add(.serviceEntry10, start.adding(days: 10), subject: s.name)
                }
                if s.status == .open, let end = s.plannedEnd, end < today {
                    add(.serviceClose10, end.adding(days: 10), subject: s.name)
                }
                if let started = s.actualStart, !noted.contains(Int64(s.id)) {
                    add(.noteEntry10, started.adding(days: 10), subject: s.name)
                }
            }
        }
        for pending in OutcomeDue.pending(notes: f.work.notes, outcomes: f.work.outcomes) {
            add(.outcomeEntry10, pending.known.adding(days: 10), subject: pending.kind.label)
        }
        if f.work.followUpDeclined == nil, let window = FollowUp(for: c), today <= window.endsOn {
            add(.followUp12m, window.endsOn, subject: "window ends")
            if let next = window.nextContact(notes: f.work.notes) {
                add(.followUp12m, next.due, subject: "contact \(next.number) of \(FollowUp.contactMonths.count)")
            }
        }
        return out.sorted { ($0.due, $0.rule.rawValue, $0.subject ?? "") < ($1.due, $1.rule.rawValue, $1.subject ?? "") }
    }

    /// The clocks still running: everything not met.
    public static func running(for f: CaseClockFacts, on today: Day, settings: ClockSettings = .illinois) -> [Clock] {
        all(for: f, on: today, settings: settings).filter { $0.state != .met }
    }
}
