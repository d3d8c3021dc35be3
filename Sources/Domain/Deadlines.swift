/// The policy clocks of POLICY.md section 3 that a customer's journey dates
/// start. Days are calendar days; a deadline on a weekend is not moved.
public enum Deadlines {
    /// Every clock still running for the customer, soonest first.
    public static func open(for c: Customer, on today: Day,
                            settings: ClockSettings = .illinois) -> [Clock] {
        var dues: [(ClockRule, Day)] = []
        if c.exitedOn == nil {
            if let applied = c.appliedOn, c.eligibleOn == nil {
                dues.append((.eligibility30, applied.adding(days: 30)))
            }
            if let eligible = c.eligibleOn, c.enrolledOn == nil {
                dues.append((.enrollment90, eligible.adding(days: 90)))
            }
            if let enrolled = c.enrolledOn {
                let interval = c.isVeteran ? settings.veteranContactIntervalDays : settings.contactIntervalDays
                dues.append((.contact30, max(enrolled, c.lastContactOn ?? enrolled).adding(days: interval)))
                dues.append((.autoExit90, max(enrolled, c.lastServiceOn ?? enrolled).adding(days: 90)))
            }
        } else if let window = FollowUp(for: c), today <= window.endsOn {
            dues.append((.followUp12m, window.endsOn))
        }
        return dues
            .map { Clock(rule: $0.0, due: $0.1, state: state(due: $0.1, on: today, settings: settings)) }
            .sorted { ($0.due, $0.rule.rawValue) < ($1.due, $1.rule.rawValue) }
    }

    /// The one item the caseload shows: the soonest running clock.
    public static func next(for c: Customer, on today: Day,
                            settings: ClockSettings = .illinois) -> Clock? {
        open(for: c, on: today, settings: settings).first
    }

    /// Overdue the day after the due date; due soon from `warningWindowDays`
    /// before it through the due date itself.
    public static func state(due: Day, on today: Day, settings: ClockSettings) -> ClockState {
        if today > due { return .overdue }
        if today.days(until: due) <= settings.warningWindowDays { return .dueSoon }
        return .upcoming
    }
}
