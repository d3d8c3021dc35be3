/// One participant's standing on each measure, read from what the center
/// recorded: employment outcomes (hire dates), the coded status of
/// follow-up contacts, credentials and skill gains, the training services
/// of the plan, the closure note's exclusion. States compute the official
/// figures from wage records the center never sees; this is the early
/// reading, and every "not known" is someone to call.
public struct ParticipantPerformance: Sendable {
    public let customer: Customer
    /// The measures this participant is counted in, with where they stand.
    public let readings: [PerformanceMeasure: MeasureReading]
    /// Estimated earnings in the 2nd quarter after exit (hourly wage × weekly
    /// hours × 13 weeks) when they were employed then and both are recorded.
    public let earningsQ2: Double?

    /// Training services that count for credential attainment: on-the-job
    /// and customized training do not (TEGL 10-16, Change 3).
    static let trainingExcludedFromCredentials: Set<String> = ["on-the-job-training", "customized-training"]

    public init(_ facts: CaseClockFacts, from: Day, to: Day, asOf: Day, matrix: ServicesMatrix) {
        customer = facts.customer
        var readings: [PerformanceMeasure: MeasureReading] = [:]
        var earnings: Double?
        let evidence = Evidence(facts)
        if let exit = facts.customer.exitedOn, from <= exit, exit <= to, !evidence.excludedFromPerformance {
            let youth = facts.customer.program == .youth
            let q2 = Quarter(containing: exit).adding(2), q4 = Quarter(containing: exit).adding(4)
            let placedQ2 = evidence.placement(in: q2, youth: youth, asOf: asOf)
            readings[.employmentQ2] = placedQ2
            readings[.employmentQ4] = evidence.placement(in: q4, youth: youth, asOf: asOf)
            // Median earnings counts those employed in the quarter (for a youth, employment only); their earnings are known or not.
            if (youth ? evidence.placement(in: q2, youth: false, asOf: asOf) : placedQ2) == .met {
                earnings = evidence.quarterlyEarnings(in: q2)
                readings[.medianEarningsQ2] = earnings == nil ? .notKnown : .met
            }
            if evidence.trained(matrix: matrix, from: facts.customer.enrolledOn, to: exit, countingOJT: false) {
                readings[.credential] = evidence.credential(exit: exit, asOf: asOf)
            }
        }
        if let enrolled = facts.customer.enrolledOn, enrolled <= to, (facts.customer.exitedOn ?? to) >= from,
           evidence.trained(matrix: matrix, from: from, to: to, countingOJT: true, asOf: asOf) {
            readings[.skillGains] = evidence.skillGain(from: from, to: to, asOf: asOf)
        }
        self.readings = readings
        earningsQ2 = earnings
    }
}

/// The records that tell what happened to a participant, and when.
struct Evidence {
    let facts: CaseClockFacts
    let followUps: [CaseNote]

    init(_ facts: CaseClockFacts) {
        self.facts = facts
        followUps = facts.work.notes.filter { $0.kind == .followUp && $0.amends == nil }
    }

    /// The closure note names a reason that takes the exit out of performance.
    var excludedFromPerformance: Bool {
        facts.work.notes.contains { $0.kind == .closure && !($0.answers["exclusion"] ?? "").isEmpty }
    }

    var jobs: [Outcome] { facts.work.outcomes.filter { $0.kind == .employment } }

    /// Employed (or, for a youth, also in education or training) at some
    /// point of the quarter: met on a hire date or a follow-up contact in it
    /// that says so; not met when the quarter is over and its contacts say
    /// otherwise; not known when nothing recorded in it says either way.
    func placement(in q: Quarter, youth: Bool, asOf: Day) -> MeasureReading {
        let counts: Set<FollowUpStatus> = youth ? [.employed, .education] : [.employed]
        let contacts = followUps.filter { q.contains($0.eventOn) && $0.eventOn <= asOf }
        if jobs.contains(where: { q.contains($0.on) && $0.on <= asOf })
            || contacts.contains(where: { FollowUpStatus(note: $0).map(counts.contains) == true }) {
            return .met
        }
        let saidNo = contacts.contains { FollowUpStatus(note: $0).map { !counts.contains($0) && $0 != .unknown } == true }
        return saidNo && q.lastDay <= asOf ? .notMet : .notKnown
    }

    /// Hourly wage × weekly hours × 13 from the latest job begun by the quarter's end.
    func quarterlyEarnings(in q: Quarter) -> Double? {
        guard let job = jobs.filter({ $0.on <= q.lastDay }).max(by: { $0.on < $1.on }),
              let wage = Double(job.answers["wage"] ?? ""), let hours = Double(job.answers["hours"] ?? "") else { return nil }
        return (wage * hours * 13 * 100).rounded() / 100
    }

    /// In education or training between the two days: a training service of
    /// the plan that ran then (begun, not ended before `from`). One not
    /// closed yet is taken to run to its planned end, or to `asOf` if that
    /// is later: nobody is counted in training in a year still to come.
    func trained(matrix: ServicesMatrix, from: Day?, to: Day, countingOJT: Bool, asOf: Day? = nil) -> Bool {
        (facts.plan?.allServices ?? []).contains { s in
            // Training, or a youth's occupational skills training (program element 4).
            guard let entry = matrix.service(s.serviceID), entry.category == .training || entry.youthElement == 4,
                  let start = s.actualStart, start <= to else { return false }
            if !countingOJT, ParticipantPerformance.trainingExcludedFromCredentials.contains(s.serviceID) { return false }
            let runsTo = s.completedOn ?? asOf.map { max($0, s.plannedEnd ?? $0) } ?? to
            return from.map { runsTo >= $0 } ?? true
        }
    }

    /// A credential during participation or within a year of exit; a
    /// secondary diploma only with employment or education in that year too.
    func credential(exit: Day, asOf: Day) -> MeasureReading {
        let windowEnd = exit.adding(days: 365)
        let enrolled = facts.customer.enrolledOn ?? exit
        let inWindow = facts.work.outcomes.filter { $0.kind == .credential && enrolled <= $0.on && $0.on <= windowEnd && $0.on <= asOf }
        if inWindow.contains(where: { $0.answers["type"] != "diploma" }) { return .met }
        if !inWindow.isEmpty {
            let placed = jobs.contains { $0.on <= windowEnd && $0.on <= asOf }
                || followUps.contains { $0.eventOn <= windowEnd && [.employed, .education].contains(FollowUpStatus(note: $0)) }
            return placed ? .met : .notKnown
        }
        return windowEnd < asOf ? .notMet : .notKnown
    }

    /// A skill gain dated in the period; none yet while the period runs is not known.
    func skillGain(from: Day, to: Day, asOf: Day) -> MeasureReading {
        if facts.work.outcomes.contains(where: { $0.kind == .skillGain && from <= $0.on && $0.on <= to && $0.on <= asOf }) {
            return .met
        }
        return to <= asOf ? .notMet : .notKnown
    }
}
