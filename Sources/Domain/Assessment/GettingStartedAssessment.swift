/// One customer's Getting Started Assessment: the answers in the customer's
/// words, their jobs and schooling, where the planner stopped, and when
/// Section 1 was submitted (which enrolls the customer).
public struct GettingStartedAssessment: Hashable, Codable, Sendable {
    public var customer: CustomerID
    /// Answers by field key (see `GSAPart.fields`).
    public var answers: [String: String]
    public var jobs: [Job]
    public var education: [EducationEntry]
    /// The part the planner was last in: where the screen resumes.
    public var lastPart: GSAPart
    public var startedOn: Day
    public var submittedOn: Day?

    public init(customer: CustomerID, answers: [String: String] = [:], jobs: [Job] = [],
                education: [EducationEntry] = [], lastPart: GSAPart = .goals, startedOn: Day, submittedOn: Day? = nil) {
        self.customer = customer
        self.answers = answers
        self.jobs = jobs
        self.education = education
        self.lastPart = lastPart
        self.startedOn = startedOn
        self.submittedOn = submittedOn
    }

    public subscript(key: String) -> String { answers[key]?.trimmingSpaces ?? "" }

    /// What a part still needs, in words; empty when the part is complete.
    public func missing(_ part: GSAPart, barriers: [BarrierRecord]) -> [String] {
        var out = part.fields.filter { $0.isRequired && self[$0.key].isEmpty }.map { "\($0.label.trimmingSpaces.lowercased())" }
        switch part {
        case .employment:
            if jobs.isEmpty && self["noWorkHistory"] != FormField.yes { out.append("a job, or the no-work-history mark") }
        case .education:
            if education.isEmpty && self["noEducationHistory"] != FormField.yes {
                out.append("a diploma, license or course, or the none mark")
            }
        case .barriers:
            if self["barriersReviewed"] != FormField.yes { out.append("the talked-through mark") }
            let unplanned = barriers.filter { $0.isOpen && $0.plan.trimmingSpaces.isEmpty }.map(\.name)
            if !unplanned.isEmpty { out.append("a plan for: " + unplanned.joined(separator: ", ")) }
        case .labor:
            if !jobs.isEmpty && (self["lmiPriorJob"].isEmpty || self["lmiPriorJobSource"].isEmpty) {
                out.append("prior job outlook and its source")
            }
        default: break
        }
        return out
    }

    public func isComplete(_ part: GSAPart, barriers: [BarrierRecord]) -> Bool { missing(part, barriers: barriers).isEmpty }

    public func completeParts(_ parts: [GSAPart], barriers: [BarrierRecord]) -> [GSAPart] {
        parts.filter { isComplete($0, barriers: barriers) }
    }

    /// "5 of 8 GSA parts": for the customer overview.
    public func shortProgress(barriers: [BarrierRecord]) -> String {
        if let submittedOn { return "GSA submitted \(submittedOn)" }
        return "\(completeParts(GSAPart.section1, barriers: barriers).count) of \(GSAPart.section1.count) GSA parts"
    }

    /// "Section 1: 5 of 8 parts complete".
    public func progress(barriers: [BarrierRecord]) -> String {
        let done = completeParts(GSAPart.section1, barriers: barriers).count
        return submittedOn.map { "Section 1 submitted \($0)" } ?? "Section 1: \(done) of \(GSAPart.section1.count) parts complete"
    }
}

extension GettingStartedAssessment {
    /// What this user typed since their screen read `base`, put on top of
    /// what is saved now: the answers field by field, the job and education
    /// lists when this user changed them. A field both changed keeps what is
    /// saved and comes back as a collision for the user to choose.
    public func merged(over base: GettingStartedAssessment, into stored: GettingStartedAssessment)
        -> (merged: GettingStartedAssessment, collisions: [FieldCollision]) {
        var merged = stored
        let (answers, collisions) = FieldMerge.merge(base: base.answers, theirs: stored.answers, mine: self.answers)
        merged.answers = answers
        for c in collisions { merged.answers[c.key] = c.theirs }
        if jobs != base.jobs { merged.jobs = jobs }
        if education != base.education { merged.education = education }
        merged.lastPart = lastPart
        return (merged, collisions)
    }
}
