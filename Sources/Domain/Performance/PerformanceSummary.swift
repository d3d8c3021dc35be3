/// The measures for a group of participants (a program, a planner): each
/// as met / counted with its rate, the "not known" counted apart, and who
/// is behind every number.
public struct PerformanceLine: Sendable {
    public let measure: PerformanceMeasure
    public let met: [Customer]
    public let notMet: [Customer]
    public let notKnown: [Customer]
    /// The median of the known quarterly earnings (median earnings only).
    public let median: Double?

    public init(measure: PerformanceMeasure, participants: [ParticipantPerformance]) {
        self.measure = measure
        let counted = participants.filter { $0.readings[measure] != nil }
        func with(_ r: MeasureReading) -> [Customer] { counted.filter { $0.readings[measure] == r }.map(\.customer) }
        met = with(.met)
        notMet = with(.notMet)
        notKnown = with(.notKnown)
        median = measure == .medianEarningsQ2 ? Self.median(counted.compactMap(\.earningsQ2)) : nil
    }

    /// Met and not met: the "not known" are no part of the rate.
    public var counted: Int { met.count + notMet.count }
    /// Met over counted, nil when nobody is counted.
    public var rate: Double? { counted == 0 ? nil : Double(met.count) / Double(counted) }
    public var isEmpty: Bool { met.isEmpty && notMet.isEmpty && notKnown.isEmpty }

    /// "3 of 5   60% · 2 not known", "$7,800 from 3 with earnings · 1 not known", "nobody counted".
    public var summary: String {
        if isEmpty { return "nobody counted" }
        let unknown = notKnown.isEmpty ? "" : " · \(notKnown.count) not known"
        if measure == .medianEarningsQ2 {
            guard let median else { return "no earnings recorded" + unknown }
            return "\(Self.dollars(median)) from \(met.count) with earnings" + unknown
        }
        let percent = rate.map { String(Int(($0 * 100).rounded())) + "%" } ?? "—"
        let counts = "\(met.count) of \(counted)"
        return counts + String(repeating: " ", count: max(1, 10 - counts.count)) + String(repeating: " ", count: max(0, 4 - percent.count))
            + percent + unknown
    }

    /// "$8,541": whole dollars with thousands marked.
    static func dollars(_ value: Double) -> String {
        var digits = String(Int(value.rounded()))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return "$" + ([digits] + groups).joined(separator: ",")
    }

    static func median(_ values: [Double]) -> Double? {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// Every measure for one group.
public struct PerformanceGroup: Sendable {
    /// "Adult", "Youth", a planner's login.
    public let name: String
    public let youth: Bool
    public let lines: [PerformanceLine]

    public init(name: String, youth: Bool, participants: [ParticipantPerformance]) {
        self.name = name
        self.youth = youth
        lines = PerformanceMeasure.allCases.map { PerformanceLine(measure: $0, participants: participants) }
    }
}

extension [ParticipantPerformance] {
    /// One group per program that has anyone counted, Adult, Dislocated Worker, Youth.
    public var byProgram: [PerformanceGroup] {
        Program.allCases.compactMap { p in
            let mine = filter { $0.customer.program == p && !$0.readings.isEmpty }
            return mine.isEmpty ? nil : PerformanceGroup(name: p.name, youth: p == .youth, participants: mine)
        }
    }

    /// One group per planner (unassigned last), every program together.
    public var byPlanner: [PerformanceGroup] {
        let counted = filter { !$0.readings.isEmpty }
        let planners = Set(counted.map { $0.customer.planner ?? "" }).sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }
        return planners.map { login in
            PerformanceGroup(name: login.isEmpty ? "unassigned" : login, youth: false,
                             participants: counted.filter { ($0.customer.planner ?? "") == login })
        }
    }
}
