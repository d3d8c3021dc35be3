import Domain
import Foundation

/// The WIOA primary indicators as the center recorded them
/// (`careerplan report performance`): per program and per planner, each
/// measure as met of counted with its rate, the "not known" apart, and who
/// is behind every number (the CSV has a row per participant and measure).
public struct PerformanceReport: Sendable {
    public let from: Day
    public let to: Day
    public let asOf: Day
    public let participants: [ParticipantPerformance]

    public init(facts: [CaseClockFacts], from: Day, to: Day, asOf: Day, program: Program?, matrix: ServicesMatrix) {
        self.from = from
        self.to = to
        self.asOf = asOf
        participants = facts.filter { program == nil || $0.customer.program == program }
            .map { ParticipantPerformance($0, from: from, to: to, asOf: asOf, matrix: matrix) }
            .filter { !$0.readings.isEmpty }
            .sorted { $0.customer.id < $1.customer.id }
    }

    static let source = """
        An early reading from the center's own records (employment outcomes, follow-up contacts, credentials,
        skill gains, closure notes). The state computes the official figures from wage records; "not known"
        is counted apart, never as met or not met.
        """

    // MARK: Text

    public var text: String {
        var out = "Performance as the center recorded it: exits \(from) to \(to) (skill gains: in training then), as of \(asOf)\n"
        out += Self.source + "\n"
        if participants.isEmpty { return out + "\nNobody is counted: no exits in the period and nobody in training then.\n" }
        for group in participants.byProgram { out += "\n" + Self.text(group) }
        out += "\nPer planner\n"
        for group in participants.byPlanner { out += "\n" + Self.text(group) }
        out += "\nNot known: whom to call\n"
        for measure in PerformanceMeasure.allCases {
            let line = PerformanceLine(measure: measure, participants: participants)
            guard !line.notKnown.isEmpty else { continue }
            out += "\n  \(measure.label()): \(line.notKnown.count)\n"
            for c in line.notKnown {
                out += "    \(c.id)  \(c.displayName.terminalSafeForReport)  \(c.program?.name ?? "")  \(c.planner ?? "unassigned")"
                    + "  exited \(c.exitedOn?.description ?? "—")\n"
            }
        }
        return out
    }

    static func text(_ group: PerformanceGroup) -> String {
        var out = "\(group.name.terminalSafeForReport)\n"
        for line in group.lines {
            out += "  " + line.measure.label(youth: group.youth).padding(toLength: 60, withPad: " ", startingAt: 0)
                + " " + line.summary + "\n"
        }
        return out
    }

    // MARK: JSON

    struct Group: Encodable {
        let name: String
        let measures: [Measure]
    }

    struct Measure: Encodable {
        let measure: String
        let label: String
        let met: [String]
        let notMet: [String]
        let notKnown: [String]
        let rate: Double?
        let medianEarnings: Double?

        enum CodingKeys: String, CodingKey {
            case measure, label, met, notMet = "not_met", notKnown = "not_known", rate, medianEarnings = "median_earnings"
        }
    }

    struct Document: Encodable {
        let from: Day
        let to: Day
        let asOf: Day
        let source: String
        let programs: [Group]
        let planners: [Group]

        enum CodingKeys: String, CodingKey { case from, to, asOf = "as_of", source, programs, planners }
    }

    static func group(_ g: PerformanceGroup) -> Group {
        Group(name: g.name, measures: g.lines.map { line in
            Measure(measure: line.measure.rawValue, label: line.measure.label(youth: g.youth),
                    met: line.met.map(\.id.description), notMet: line.notMet.map(\.id.description),
                    notKnown: line.notKnown.map(\.id.description), rate: line.rate.map { ($0 * 1000).rounded() / 1000 },
                    medianEarnings: line.median)
        })
    }

    public var json: String {
        ReportFormat.json(Document(from: from, to: to, asOf: asOf, source: Self.source.replacingOccurrences(of: "\n", with: " "),
                                   programs: participants.byProgram.map(Self.group),
                                   planners: participants.byPlanner.map(Self.group)), empty: "{}")
    }

    // MARK: CSV

    /// A row per participant and measure they are counted in.
    public var csv: String {
        ReportFormat.csv(header: "measure,program,planner,customer_id,customer_name,reading,exit_date,earnings_q2",
                         rows: participants.flatMap { p in
            PerformanceMeasure.allCases.compactMap { m -> [String]? in
                guard let reading = p.readings[m] else { return nil }
                let c = p.customer
                return [m.rawValue, c.program?.rawValue ?? "", c.planner ?? "", c.id.description, c.displayName, reading.rawValue,
                        c.exitedOn?.description ?? "", m == .medianEarningsQ2 ? p.earningsQ2.map { String(format: "%.2f", $0) } ?? "" : ""]
            }
        })
    }
}
