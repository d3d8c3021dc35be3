import Domain

/// Everything intake knows about one customer, read in one transaction.
public struct IntakeRecord: Sendable {
    public var customer: Customer
    public var application: Application?
    /// Who last saved the application, and when (ISO 8601, UTC).
    public var applicationSaved: (by: String, at: String)?
    public var certification: Certification?
    public var amendments: [ApplicationAmendment]
    public var documents: [EligibilityDocument]
    /// Oldest first; the last one counts.
    public var screenings: [BasicSkillsScreening]

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
