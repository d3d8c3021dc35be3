/// Stable identifiers of the policy clocks (documented in docs/clocks.md).
public enum ClockRule: String, CaseIterable, Codable, Sendable {
    case eligibility30 = "eligibility-30"
    case enrollment90 = "enrollment-90"
    case initialPlan5 = "initial-plan-5"
    case contact30 = "contact-30"
    case review90 = "review-90"
    case serviceEntry10 = "service-entry-10"
    case serviceClose10 = "service-close-10"
    case outcomeEntry10 = "outcome-entry-10"
    case noteEntry10 = "note-entry-10"
    case autoExit90 = "auto-exit-90"
    case followUp12m = "follow-up-12m"

    /// The rule's number, in the one place it lives: days for every rule
    /// but follow-up (months). The engine, the late-entry checks and the
    /// explanations read it; a test holds docs/clocks.md to it. Contact and
    /// review use it only as the default of their area setting.
    public var limit: Int {
        switch self {
        case .eligibility30, .contact30: 30
        case .enrollment90, .review90, .autoExit90: 90
        case .initialPlan5: 5
        case .serviceEntry10, .serviceClose10, .outcomeEntry10, .noteEntry10: 10
        case .followUp12m: 12
        }
    }

    /// "days", or "months" for follow-up.
    public var unit: String { self == .followUp12m ? "months" : "days" }

    /// What must happen by the due date, in a planner's words.
    public var task: String {
        switch self {
        case .eligibility30: "Eligibility"
        case .enrollment90: "Enroll"
        case .initialPlan5: "Initial plan"
        case .contact30: "Contact"
        case .review90: "Plan review"
        case .serviceEntry10: "Record service"
        case .serviceClose10: "Close service"
        case .outcomeEntry10: "Record outcome"
        case .noteEntry10: "Case note"
        case .autoExit90: "Auto-exit"
        case .followUp12m: "Follow-up ends"
        }
    }

    public var explanation: String {
        switch self {
        case .eligibility30: "determine eligibility within \(limit) days of the application"
        case .enrollment90: "enroll within \(limit) days of certification"
        case .initialPlan5: "write the initial plan within \(limit) days of completing the assessment"
        case .contact30: "two-way contact with the participant (interval: area setting)"
        case .review90: "review the plan with the participant (interval: area setting)"
        case .serviceEntry10: "record a service within \(limit) days of its start, or move its planned start"
        case .serviceClose10: "close a service within \(limit) days of its end, or extend its planned end"
        case .outcomeEntry10: "record an outcome within \(limit) days of learning of it"
        case .noteEntry10: "enter a case note within \(limit) days of the contact or service"
        case .autoExit90: "exited automatically after \(limit) days with no service"
        case .followUp12m: "a quarterly follow-up contact for \(limit) months after exit (or after the first day of a job)"
        }
    }
}

public enum ClockState: String, Sendable, Codable, CaseIterable {
    case overdue, dueSoon = "due-soon", upcoming, met

    public var name: String {
        switch self {
        case .overdue: "OVERDUE"
        case .dueSoon: "due soon"
        case .upcoming: "upcoming"
        case .met: "met"
        }
    }
}

/// One running clock of one customer.
public struct Clock: Hashable, Sendable {
    public var rule: ClockRule
    public var due: Day
    public var state: ClockState
    /// What the clock is about when a customer has several: a service's name.
    public var subject: String?

    public init(rule: ClockRule, due: Day, state: ClockState, subject: String? = nil) {
        self.rule = rule
        self.due = due
        self.state = state
        self.subject = subject
    }

    /// "Close service: Job Search and Placement Assistance".
    /// The task in a narrow column: a follow-up contact is a call, not the end.
    public var shortLabel: String {
        rule == .followUp12m && subject?.hasPrefix("contact") == true ? "Follow-up call" : rule.task
    }

    /// "Follow-up contact 2 of 4" and "Follow-up ends" for the two follow-up clocks.
    public var label: String {
        if rule == .followUp12m, let subject { return subject.hasPrefix("contact") ? "Follow-up \(subject)" : rule.task }
        return rule.task + (subject.map { ": \($0)" } ?? "")
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
