/// One customer's case as a set of records: the customer, their intake,
/// assessment, plan and case work. What a bulk load writes in one go (the
/// demo's and the tests' synthetic caseload, `seed`).
public struct CaseRecords: Sendable {
    public var customer: Customer
    public var application: Application?
    public var certification: Certification?
    public var screening: BasicSkillsScreening?
    public var documents: [EligibilityDocument]
    public var gsa: GettingStartedAssessment? = nil
    public var assessments: [AssessmentRecord] = []
    /// With ids 0: the store numbers them.
    public var barriers: [BarrierRecord] = []
    public var plan: CareerPlan? = nil
    public var planReviewedOn: Day? = nil
    public var work = CaseWork()

    public init(customer: Customer, application: Application? = nil, certification: Certification? = nil,
                screening: BasicSkillsScreening? = nil, documents: [EligibilityDocument] = []) {
        self.customer = customer
        self.application = application
        self.certification = certification
        self.screening = screening
        self.documents = documents
    }
}
