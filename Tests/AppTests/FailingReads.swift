import Domain
import Foundation

/// A store double for screen tests: reads pass through to a real store,
/// except those named in `failing`, which fail the way a damaged or locked
/// data file does. Screens must say so in words, never show nothing.
final class FailingReads: CaseloadReading, @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let read: String
        var reason = "disk I/O error"
        var description: String { "\(reason) (\(read))" }
    }
    /// What the failing reads say.
    var reason = "disk I/O error"

    let real: any CaseloadReading
    /// Names of the reads that fail, as the functions are named ("caseFile").
    var failing: Set<String>

    init(_ real: any CaseloadReading, failing: Set<String>) {
        self.real = real
        self.failing = failing
    }

    private func check(_ name: String = #function) throws {
        let read = String(name.prefix { $0 != "(" })
        if failing.contains(read) { throw Failure(read: read, reason: reason) }
    }

    var path: String { real.path }
    var writesCommitted: Int { real.writesCommitted }
    var upkeepProblem: String? { real.upkeepProblem }
    func staff() throws -> [Staff] { try check(); return try real.staff() }
    func clockSettings() throws -> ClockSettings { try check(); return try real.clockSettings() }
    func servicesMatrix() throws -> ServicesMatrix { try check(); return try real.servicesMatrix() }
    func reach(of user: Staff?, on day: Day) throws -> CaseloadReach { try check(); return try real.reach(of: user, on: day) }
    func count(_ filter: CaseloadFilter) throws -> Int { try check(); return try real.count(filter) }
    func customers(_ filter: CaseloadFilter, offset: Int, limit: Int, matches: Int?) throws -> [Customer] {
        try check(); return try real.customers(filter, offset: offset, limit: limit, matches: matches)
    }
    func position(of id: CustomerID) throws -> Int? { try check(); return try real.position(of: id) }
    func nextDue(ids: [CustomerID], on today: Day, settings: ClockSettings) throws -> [CustomerID: Clock] {
        try check(); return try real.nextDue(ids: ids, on: today, settings: settings)
    }
    func awaitingSignatures(ids: [CustomerID]) throws -> Set<CustomerID> { try check(); return try real.awaitingSignatures(ids: ids) }
    func possibleDuplicates(of new: Customer) throws -> [DuplicateCheck.Match] { try check(); return try real.possibleDuplicates(of: new) }
    func dueSummary(planners: [String]?, rule: ClockRule?, on today: Day, settings: ClockSettings) throws -> DueSummary {
        try check(); return try real.dueSummary(planners: planners, rule: rule, on: today, settings: settings)
    }
    func dueItems(planners: [String]?, rule: ClockRule?, on today: Day, settings: ClockSettings,
                  offset: Int, limit: Int) throws -> [DueItem] {
        try check(); return try real.dueItems(planners: planners, rule: rule, on: today, settings: settings, offset: offset, limit: limit)
    }
    func dueCounts(planners: [String]?, rule: ClockRule?, on today: Day,
                   settings: ClockSettings) throws -> (total: Int, overdue: Int, dueSoon: Int) {
        try check(); return try real.dueCounts(planners: planners, rule: rule, on: today, settings: settings)
    }
    func participantFacts(from: Day, to: Day, planner: String?, by user: Staff?) throws -> [CaseClockFacts] {
        try check(); return try real.participantFacts(from: from, to: to, planner: planner, by: user)
    }
    func caseFile(_ id: CustomerID, readBy user: Staff?, on day: Day) throws -> CaseFile? {
        try check(); return try real.caseFile(id, readBy: user, on: day)
    }
    func caseWork(_ id: CustomerID) throws -> CaseWork { try check(); return try real.caseWork(id) }
    func clockFacts(for id: CustomerID) throws -> CaseClockFacts? { try check(); return try real.clockFacts(for: id) }
    func duplicateDecisions(for id: CustomerID) throws -> [DuplicateDecision] { try check(); return try real.duplicateDecisions(for: id) }
    func plan(for id: CustomerID) throws -> PlanVersion? { try check(); return try real.plan(for: id) }
    func planVersions(for id: CustomerID) throws -> [PlanVersion] { try check(); return try real.planVersions(for: id) }
    func qualityFacts(for id: CustomerID, matrix: ServicesMatrix) throws -> QualityFacts? {
        try check(); return try real.qualityFacts(for: id, matrix: matrix)
    }
    func signingStates(for id: CustomerID, today: Day) throws -> (plan: PlanVersion, states: [(role: SignerRole, state: Signing.State)])? {
        try check(); return try real.signingStates(for: id, today: today)
    }
    func dismissals(for id: CustomerID) throws -> [Dismissal] { try check(); return try real.dismissals(for: id) }
    func audit(customer id: CustomerID, by user: Staff?) throws -> [AuditEntry] { try check(); return try real.audit(customer: id, by: user) }
    func customerCopy(for id: CustomerID, today: Day, language: CopyLanguage?, matrix: ServicesMatrix) throws -> CustomerCopy? {
        try check()
        return try real.customerCopy(for: id, today: today, language: language, matrix: matrix)
    }
}
