/// What the screens may read of a caseload, and nothing they could write
/// with: the session hands screens this, so a change to the data file can
/// only be a `StoreRequest` the app loop carries out. The file-backed store
/// is one implementation; a second store (PostgreSQL) is another.
public protocol CaseloadReading: Sendable {
    /// Where the data is, as the title bar shows it.
    var path: String { get }
    /// Writes this process committed: a count that changes says "read again".
    var writesCommitted: Int { get }
    /// What the last write committed but could not bring up to date after it, in words for the key bar
    /// (on PostgreSQL the due items, recomputed by the due writer after the commit); nil when all was.
    var upkeepProblem: String? { get }

    func staff() throws -> [Staff]
    func clockSettings() throws -> ClockSettings
    /// The services a plan may hold, with their goals and steps.
    func servicesMatrix() throws -> ServicesMatrix
    func reach(of user: Staff?, on day: Day) throws -> CaseloadReach

    // The caseload
    func count(_ filter: CaseloadFilter) throws -> Int
    func customers(_ filter: CaseloadFilter, offset: Int, limit: Int, matches: Int?) throws -> [Customer]
    func position(of id: CustomerID) throws -> Int?
    func nextDue(ids: [CustomerID], on today: Day, settings: ClockSettings) throws -> [CustomerID: Clock]
    func awaitingSignatures(ids: [CustomerID]) throws -> Set<CustomerID>
    func possibleDuplicates(of new: Customer) throws -> [DuplicateCheck.Match]

    // Due and overdue
    func dueSummary(planners: [String]?, rule: ClockRule?, on today: Day, settings: ClockSettings) throws -> DueSummary
    func dueItems(planners: [String]?, rule: ClockRule?, on today: Day, settings: ClockSettings,
                  offset: Int, limit: Int) throws -> [DueItem]
    func dueCounts(planners: [String]?, rule: ClockRule?, on today: Day,
                   settings: ClockSettings) throws -> (total: Int, overdue: Int, dueSoon: Int)

    /// The participants of a period (enrolled by its end, not exited before
    /// its start) that `user` reaches, for the performance reading.
    func participantFacts(from: Day, to: Day, planner: String?, by user: Staff?) throws -> [CaseClockFacts]

    // One customer
    func caseFile(_ id: CustomerID, readBy user: Staff?, on day: Day) throws -> CaseFile?
    func caseWork(_ id: CustomerID) throws -> CaseWork
    func clockFacts(for id: CustomerID) throws -> CaseClockFacts?
    func duplicateDecisions(for id: CustomerID) throws -> [DuplicateDecision]
    func plan(for id: CustomerID) throws -> PlanVersion?
    func planVersions(for id: CustomerID) throws -> [PlanVersion]
    func qualityFacts(for id: CustomerID, matrix: ServicesMatrix) throws -> QualityFacts?
    func signingStates(for id: CustomerID, today: Day) throws -> (plan: PlanVersion, states: [(role: SignerRole, state: Signing.State)])?
    func dismissals(for id: CustomerID) throws -> [Dismissal]
    func audit(customer id: CustomerID, by user: Staff?) throws -> [AuditEntry]
    /// What the customer takes home: their plan as saved, in words for them,
    /// in `language` or, when nil, the customer's preferred one.
    func customerCopy(for id: CustomerID, today: Day, language: CopyLanguage?, matrix: ServicesMatrix) throws -> CustomerCopy?
}

extension CaseloadReading {
    /// The customer's copy of their current plan, from the plan's signing
    /// state, the case's barriers and clocks, and the planner on the staff
    /// list; nil when there is no plan.
    public func customerCopy(for id: CustomerID, today: Day, language: CopyLanguage?,
                             matrix: ServicesMatrix) throws -> CustomerCopy? {
        guard let f = try qualityFacts(for: id, matrix: matrix), let (plan, states) = try signingStates(for: id, today: today) else {
            return nil
        }
        let clocks = Deadlines.running(for: CaseClockFacts(customer: f.customer, plan: f.plan, firstPlanSaved: f.firstPlanSaved,
                                                           lastPlanSaved: f.lastPlanSaved, work: f.work),
                                       on: today, settings: f.settings)
        // The next contact the planner owes: the monthly one, or a follow-up contact (not the window's end).
        let contactDue = clocks.filter { $0.rule == .contact30 || ($0.rule == .followUp12m && $0.subject?.hasPrefix("contact") == true) }
            .map(\.due).min()
        return CustomerCopy(customer: f.customer, plan: plan.plan, version: plan.version, planner: f.planner, signatures: states,
                            printedOn: today, barriers: f.barriers, contactDue: contactDue, matrix: matrix,
                            language: language ?? .preferred(application: f.application, copies: f.work.copies))
    }
}
