import Domain
import Foundation

/// Entries made after policy's 10 days (001), in a period, for a supervisor:
/// case notes, service starts, service closures and outcomes, per planner
/// (`careerplan report deadlines --late --from DATE --to DATE`). An entry
/// belongs to the period by the day it was entered.
public struct LateEntryReport: Sendable {
    public struct Item: Hashable, Codable, Sendable {
        public var customerID: CustomerID
        public var customerName: String
        public var planner: String?
        /// "note", "service start", "service closure", "outcome".
        public var kind: String
        public var what: String
        /// The day it happened (or became known).
        public var happenedOn: Day
        public var enteredOn: Day
        public var daysLate: Int

        enum CodingKeys: String, CodingKey {
            case customerID = "customer_id", customerName = "customer_name", planner, kind, what
            case happenedOn = "happened_on", enteredOn = "entered_on", daysLate = "days_after"
        }
    }

    public var from: Day
    public var to: Day
    public var items: [Item]

    public init(facts: [CaseClockFacts], from: Day, to: Day) {
        self.from = from
        self.to = to
        var out: [Item] = []
        for f in facts {
            let c = f.customer
            for e in LateEntry.entries(of: f) where from <= e.enteredOn && e.enteredOn <= to {
                out.append(Item(customerID: c.id, customerName: c.displayName, planner: c.planner, kind: e.kind.rawValue,
                                what: e.what, happenedOn: e.happenedOn, enteredOn: e.enteredOn, daysLate: e.daysLate))
            }
        }
        items = out.sorted { ($0.planner ?? "", $0.enteredOn, $0.customerID, $0.kind) < ($1.planner ?? "", $1.enteredOn, $1.customerID, $1.kind) }
    }

    public var json: String { ReportFormat.json(items, empty: "[]") }

    public var csv: String {
        ReportFormat.csv(header: "customer_id,customer_name,planner,kind,what,happened_on,entered_on,days_after", rows: items.map { i in
            [i.customerID.description, i.customerName, i.planner ?? "", i.kind, i.what, i.happenedOn.description,
             i.enteredOn.description, String(i.daysLate)]
        })
    }

    /// Per planner, oldest entry first.
    public var text: String {
        var out = "Late entries (more than 10 days after the event) entered \(from) to \(to): \(items.count)\n"
        for planner in Array(Set(items.map { $0.planner ?? "" })).sorted() {
            let list = items.filter { ($0.planner ?? "") == planner }
            out += "\n\(planner.isEmpty ? "unassigned" : planner): \(list.count)\n"
            for i in list {
                out += "  entered \(i.enteredOn)  \(i.daysLate) days after \(i.happenedOn)  \(i.customerID)  "
                    + "\(i.customerName.terminalSafeForReport)  \(i.kind): \(i.what.terminalSafeForReport)\n"
            }
        }
        return out
    }
}
