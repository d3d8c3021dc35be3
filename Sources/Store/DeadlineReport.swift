import Domain
import Foundation

/// The deadline report for cron and e-mail: every running clock of a
/// caseload as of a day, as text, JSON or CSV (`careerplan report deadlines`).
public struct DeadlineReport: Sendable {
    public struct Item: Hashable, Codable, Sendable {
        public var customerID: CustomerID
        public var customerName: String
        public var planner: String?
        public var rule: ClockRule
        public var subject: String?
        public var dueDate: Day
        public var state: ClockState
        /// Days left; negative when late.
        public var days: Int

        enum CodingKeys: String, CodingKey {
            case customerID = "customer_id", customerName = "customer_name", planner, rule, subject, dueDate = "due_date"
            case state, days
        }
    }

    public var asOf: Day
    public var items: [Item]

    public init(facts: [CaseClockFacts], asOf: Day, settings: ClockSettings) {
        self.asOf = asOf
        items = facts.flatMap { f in
            Deadlines.running(for: f, on: asOf, settings: settings).map { clock in
                Item(customerID: f.customer.id, customerName: f.customer.displayName, planner: f.customer.planner,
                     rule: clock.rule, subject: clock.subject, dueDate: clock.due, state: clock.state,
                     days: asOf.days(until: clock.due))
            }
        }.sorted { ($0.dueDate, $0.customerID, $0.rule.rawValue) < ($1.dueDate, $1.customerID, $1.rule.rawValue) }
    }

    public var json: String { ReportFormat.json(items, empty: "[]") }

    public var csv: String {
        ReportFormat.csv(header: "customer_id,customer_name,planner,rule,subject,due_date,state,days", rows: items.map { i in
            [i.customerID.description, i.customerName, i.planner ?? "", i.rule.rawValue, i.subject ?? "",
             i.dueDate.description, i.state.rawValue, String(i.days)]
        })
    }

    /// A plain table for e-mail: overdue first, then due soon, then upcoming.
    public var text: String {
        var out = "Deadlines as of \(asOf): \(count(.overdue)) overdue, \(count(.dueSoon)) due within the warning window, "
            + "\(count(.upcoming)) upcoming\n"
        for state in [ClockState.overdue, .dueSoon, .upcoming] {
            let list = items.filter { $0.state == state }
            guard !list.isEmpty else { continue }
            out += "\n\(state.name.uppercased())\n"
            for i in list {
                let when = Clock.when(due: i.dueDate, today: asOf)
                let task = Clock(rule: i.rule, due: i.dueDate, state: i.state, subject: i.subject).label
                out += "  \(i.dueDate)  \(when.padding(toLength: 16, withPad: " ", startingAt: 0)) \(i.customerID)  "
                    + "\(i.customerName.terminalSafeForReport)  [\(i.planner ?? "unassigned")]  \(task)\n"
            }
        }
        return out
    }

    func count(_ state: ClockState) -> Int { items.filter { $0.state == state }.count }
}

extension String {
    /// Names from the data file never carry control characters into a report.
    var terminalSafeForReport: String {
        String(unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }
}
