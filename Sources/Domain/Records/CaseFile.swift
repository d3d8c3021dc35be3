/// Everything known about one customer's intake and assessment, read in
/// one transaction: what the customer's screens show.
public struct CaseFile: Sendable {
    public var customer: Customer
    public var application: Application?
    /// Who last saved the application, and when (ISO 8601, UTC).
    public var applicationSaved: (by: String, at: String)?
    public var certification: Certification?
    public var amendments: [ApplicationAmendment]
    public var documents: [EligibilityDocument]
    /// Oldest first; the last one counts.
    public var screenings: [BasicSkillsScreening]
    public var gsa: GettingStartedAssessment?
    /// Oldest first.
    public var assessments: [AssessmentRecord]
    /// Every barrier ever recorded, open and overcome, oldest first.
    public var barriers: [BarrierRecord]
    public var corrections: [BarrierCorrection]
    /// Notes, referrals, outcomes, pauses, exit and follow-up.
    public var work: CaseWork = CaseWork()

    public init(customer: Customer, application: Application?, applicationSaved: (by: String, at: String)?,
                certification: Certification?, amendments: [ApplicationAmendment], documents: [EligibilityDocument],
                screenings: [BasicSkillsScreening], gsa: GettingStartedAssessment?, assessments: [AssessmentRecord],
                barriers: [BarrierRecord], corrections: [BarrierCorrection], work: CaseWork = CaseWork()) {
        self.customer = customer
        self.application = application
        self.applicationSaved = applicationSaved
        self.certification = certification
        self.amendments = amendments
        self.documents = documents
        self.screenings = screenings
        self.gsa = gsa
        self.assessments = assessments
        self.barriers = barriers
        self.corrections = corrections
        self.work = work
    }

    public var openBarriers: [BarrierRecord] { barriers.filter(\.isOpen) }

    public var screening: BasicSkillsScreening? { screenings.last }

    public var results: [TitleResult]? {
        application.map { Eligibility.evaluate($0, birthDate: customer.birthDate, screening: screening) }
    }

    public var priority: PriorityOfService? { application.map { PriorityOfService.of($0, screening: screening) } }

    public var checklist: [EligibilityItem] {
        application.map { EligibilityItem.items(for: $0, screening: screening) } ?? []
    }

    public func document(for item: EligibilityItem) -> EligibilityDocument? {
        documents.first { $0.item == item.key }
    }
}
