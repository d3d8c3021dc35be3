/// Stable identifiers of the policy clocks (documented in docs/clocks.md).
public enum ClockRule: String, CaseIterable, Codable, Sendable {
    case eligibility30 = "eligibility-30"
    case enrollment90 = "enrollment-90"
    case contact30 = "contact-30"
    case autoExit90 = "auto-exit-90"
    case followUp12m = "follow-up-12m"

    /// What must happen by the due date, in a planner's words.
    public var task: String {
        switch self {
        case .eligibility30: "Eligibility"
        case .enrollment90: "Enroll"
        case .contact30: "Contact"
        case .autoExit90: "Auto-exit"
        case .followUp12m: "Follow-up ends"
        }
    }

    public var explanation: String {
        switch self {
        case .eligibility30: "determine eligibility within 30 days of the application"
        case .enrollment90: "enroll within 90 days of certification"
        case .contact30: "two-way contact with the participant (interval: area setting)"
        case .autoExit90: "exited automatically after 90 days with no service"
        case .followUp12m: "follow-up ends 12 months after the first day of employment"
        }
    }
}

public enum ClockState: String, Sendable, Codable {
    case overdue, dueSoon = "due-soon", upcoming

    public var name: String {
        switch self {
        case .overdue: "OVERDUE"
        case .dueSoon: "due soon"
        case .upcoming: "upcoming"
        }
    }
}

/// One running clock of one customer.
public struct Clock: Hashable, Sendable {
    public var rule: ClockRule
    public var due: Day
    public var state: ClockState

    public init(rule: ClockRule, due: Day, state: ClockState) {
        self.rule = rule
        self.due = due
        self.state = state
    }
}

extension Clock {
    /// "in 9 days", "in 1 day", "due today", "1 day overdue", "3 days overdue".
    public static func when(due: Day, today: Day) -> String {
        let days = today.days(until: due)
        func count(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }
        if days == 0 { return "due today" }
        return days > 0 ? "in " + count(days) : count(-days) + " overdue"
    }
}
