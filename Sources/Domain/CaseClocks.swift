import Foundation

/// What the deadline engine reads beyond the customer's journey dates: the
/// plan, and when it was first and last saved.
public struct CaseClockFacts: Equatable, Sendable {
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

    /// From the plan's first and last saves as stored (UTC moments): a save's
    /// day is the area's calendar day in `zone`, not the UTC date of its moment.
    public init(customer: Customer, plan: CareerPlan?, firstSave: String?, lastSave: String?, in zone: TimeZone,
                work: CaseWork) {
        self.init(customer: customer, plan: plan, firstPlanSaved: firstSave.flatMap { AreaTime.day(of: $0, in: zone) },
                  lastPlanSaved: lastSave.flatMap { AreaTime.day(of: $0, in: zone) }, work: work)
    }
}

/// A clock as the case's records set it, whatever the day: its due date,
/// whether it is met, and the days it runs (a service's entry is owed only
/// once its planned start has passed; follow-up ends with its window).
/// Stored per customer so the dashboard reads due items without
/// recomputing every case.
public struct ScheduledClock: Hashable, Sendable {
    public var rule: ClockRule
    public var due: Day
    public var met: Bool
    public var subject: String?
    /// Runs from this day on (nil: always).
    public var from: Day?
    /// Runs through this day (nil: always).
    public var until: Day?

    public init(rule: ClockRule, due: Day, met: Bool = false, subject: String? = nil, from: Day? = nil, until: Day? = nil) {
        self.rule = rule
        self.due = due
        self.met = met
        self.subject = subject
        self.from = from
        self.until = until
    }

    public func runs(on today: Day) -> Bool { (from.map { $0 <= today } ?? true) && (until.map { today <= $0 } ?? true) }

    /// Whether its window closed before `day` (never, without a window's end or a day): it runs on no day from
    /// `day` on.
    public func closed(before day: Day?) -> Bool {
        guard let day, let until else { return false }
        return until < day
    }

    /// The clock on `today`; nil on a day it does not run.
    public func clock(on today: Day, settings: ClockSettings) -> Clock? {
        guard runs(on: today) else { return nil }
        return Clock(rule: rule, due: due, state: met ? .met : Deadlines.state(due: due, on: today, settings: settings),
                     subject: subject)
    }
}

extension Deadlines {
    /// Every clock that applies to the customer, met ones included, soonest
    /// first (POLICY.md section 3).
    public static func all(for f: CaseClockFacts, on today: Day, settings: ClockSettings = .illinois) -> [Clock] {
        schedule(for: f, settings: settings).compactMap { $0.clock(on: today, settings: settings) }
    }

    /// Every clock of the customer with the days it runs; no "today" in it.
    public static func schedule(for f: CaseClockFacts, settings: ClockSettings = .illinois) -> [ScheduledClock] {
        let c = f.customer
        var out: [ScheduledClock] = []
        func add(_ rule: ClockRule, _ due: Day, met: Bool = false, subject: String? = nil, from: Day? = nil, until: Day? = nil) {
            out.append(ScheduledClock(rule: rule, due: due, met: met, subject: subject, from: from, until: until))
        }
        // Exit ends every clock of participation: the one-shot ones run
        // through the exit day at most (docs/clocks.md, "Which clocks run when").
        let ended = c.exitedOn
        if let applied = c.appliedOn { add(.eligibility30, applied.adding(days: ClockRule.eligibility30.limit), met: c.eligibleOn != nil, until: ended) }
        if let eligible = c.eligibleOn { add(.enrollment90, eligible.adding(days: ClockRule.enrollment90.limit), met: c.enrolledOn != nil, until: ended) }
        if let enrolled = c.enrolledOn {
            // Submitting Section 1 completes the assessment and enrolls (003).
            let hasPlan = f.firstPlanSaved != nil && f.plan?.goals.isEmpty == false
            add(.initialPlan5, enrolled.adding(days: ClockRule.initialPlan5.limit), met: hasPlan, until: ended)
        }
        if let enrolled = c.enrolledOn, c.exitedOn == nil {
            let interval = c.isVeteran ? settings.veteranContactIntervalDays : settings.contactIntervalDays
            add(.contact30, max(enrolled, c.lastContactOn ?? enrolled).adding(days: interval))
            if let reviewed = f.lastPlanSaved { add(.review90, reviewed.adding(days: settings.reviewIntervalDays)) }
            // Across every program the customer is co-enrolled in (003); a
            // service planned for today or later in any of them holds the clock.
            let last = AutoExit.lastService(max(enrolled, c.lastServiceOn ?? enrolled), f.work.otherServices)
            add(.autoExit90, AutoExit.due(lastService: last, pauses: f.work.pauses),
                from: AutoExit.heldThrough(f.plan, elsewhere: f.work.otherServices)?.adding(days: 1))
            for s in f.plan?.allServices ?? [] {
                if s.status == .notStarted, let start = s.plannedStart {
                    add(.serviceEntry10, start.adding(days: ClockRule.serviceEntry10.limit), subject: s.name, from: start.adding(days: 1))
                }
                if s.status == .open, let end = s.plannedEnd {
                    add(.serviceClose10, end.adding(days: ClockRule.serviceClose10.limit), subject: s.name, from: end.adding(days: 1))
                }
            }
        }
        if c.enrolledOn != nil {
            // A service started before exit is still owed its note after it.
            let noted = Set(f.work.notes.compactMap { $0.link?.kind == .service ? $0.link?.id : nil })
            for s in f.plan?.allServices ?? [] {
                if let started = s.actualStart, !noted.contains(Int64(s.id)), ended.map({ started <= $0 }) ?? true {
                    add(.noteEntry10, started.adding(days: ClockRule.noteEntry10.limit), subject: s.name)
                }
            }
        }
        for pending in OutcomeDue.pending(notes: f.work.notes, outcomes: f.work.outcomes) {
            add(.outcomeEntry10, pending.known.adding(days: ClockRule.outcomeEntry10.limit), subject: pending.kind.label)
        }
        if f.work.followUpDeclined == nil, let window = FollowUp(for: c) {
            add(.followUp12m, window.endsOn, subject: "window ends", until: window.endsOn)
            if let next = window.nextContact(notes: f.work.notes) {
                add(.followUp12m, next.due, subject: "contact \(next.number) of \(FollowUp.contactMonths.count)", until: window.endsOn)
            }
        }
        return out.sorted { ($0.due, $0.rule.rawValue, $0.subject ?? "") < ($1.due, $1.rule.rawValue, $1.subject ?? "") }
    }

    /// The clocks still running: everything not met.
    public static func running(for f: CaseClockFacts, on today: Day, settings: ClockSettings = .illinois) -> [Clock] {
        all(for: f, on: today, settings: settings).filter { $0.state != .met }
    }
}
