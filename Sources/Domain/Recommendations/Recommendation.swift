/// One proposal on the Recommendations page: an assessment, a goal (with
/// its steps and service) or a stand-alone service, with why, and what is
/// still to collect when a placeholder could not be filled.
public struct Recommendation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case assessment(AssessmentRecord.Instrument, AssessmentRecord.Subject)
        case goal(GoalTemplate)
        case service
    }

    /// Stable across recomputations: dismissals and selections refer to it.
    public var key: String
    public var kind: Kind
    public var text: String
    public var reasons: [String]
    /// Placeholders left unfilled: what to collect first.
    public var missing: [String]
    public var serviceID: String?
    /// For a goal: its steps, filled.
    public var steps: [String]

    /// Changes when the data behind the recommendation changes, so a
    /// dismissal holds only while the reasons are the same.
    public var fingerprint: String { (reasons + missing).joined(separator: "|") }

    public var because: String { "because: " + reasons.joined(separator: ", ") }
}

/// A recommendation the planner dismissed, with why.
public struct Dismissal: Hashable, Codable, Sendable {
    public var customer: CustomerID
    public var key: String
    public var fingerprint: String
    public var reason: String
    public var by: String
    public var on: Day

    public init(customer: CustomerID, key: String, fingerprint: String, reason: String, by: String, on: Day) {
        self.customer = customer
        self.key = key
        self.fingerprint = fingerprint
        self.reason = reason
        self.by = by
        self.on = on
    }
}
