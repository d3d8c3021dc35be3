/// A customer's case work after enrollment: notes, referrals, outcomes,
/// pauses, the exit and any refusal of follow-up.
public struct CaseWork: Hashable, Sendable {
    /// Oldest first by event date.
    public var notes: [CaseNote]
    public var referrals: [Referral]
    public var outcomes: [Outcome]
    public var pauses: [Pause]
    public var exit: ExitRecord?
    public var followUpDeclined: FollowUpDecline?
    /// Every signature ever captured on the plan, oldest first.
    public var signatures: [Signature] = []
    public var guardianRequest: GuardianRequest?
    /// Copies of the plan written for the customer.
    public var copies: [PlanCopyRecord] = []
    /// Services in other DOL-funded programs the customer is co-enrolled in.
    public var otherServices: [OtherProgramService] = []

    public init(notes: [CaseNote] = [], referrals: [Referral] = [], outcomes: [Outcome] = [], pauses: [Pause] = [],
                exit: ExitRecord? = nil, followUpDeclined: FollowUpDecline? = nil) {
        self.notes = notes
        self.referrals = referrals
        self.outcomes = outcomes
        self.pauses = pauses
        self.exit = exit
        self.followUpDeclined = followUpDeclined
    }

    public var openReferrals: [Referral] { referrals.filter(\.isOpen) }

    /// The Service Closure / Exit note is written: the customer is leaving,
    /// so the plan may close its last open goal (PlanRules.openGoalProblem).
    public var hasExitNote: Bool { notes.contains { $0.kind == .closure } }

    /// The amendments written to each note.
    public func amendments(of note: CaseNote) -> [CaseNote] { notes.filter { $0.amends == note.id } }
}

/// A copy of the plan made for the customer (the rubric asks "copy provided").
public struct PlanCopyRecord: Hashable, Codable, Sendable {
    public var customer: CustomerID
    public var planVersion: Int
    public var on: Day
    public var by: String
    /// The language the copy was given in; nil on a copy from before the
    /// choice existed (English, but no one chose it). The last chosen one
    /// is the customer's preference.
    public var language: CopyLanguage?

    public init(customer: CustomerID, planVersion: Int, on: Day, by: String, language: CopyLanguage? = nil) {
        self.customer = customer
        self.planVersion = planVersion
        self.on = on
        self.by = by
        self.language = language
    }
}
