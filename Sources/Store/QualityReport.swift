import Domain
import Foundation

/// The plan quality rubric across a caseload (`careerplan report quality`):
/// counts per category and rating, then every plan's ratings and reasons.
public struct QualityReport: Sendable {
    public struct Item: Hashable, Codable, Sendable {
        public var customerID: CustomerID
        public var customerName: String
        public var planner: String?
        public var category: QualityCategory
        public var rating: QualityRating
        public var reasons: [String]

        enum CodingKeys: String, CodingKey {
            case customerID = "customer_id", customerName = "customer_name", planner, category, rating, reasons
        }
    }

    public var asOf: Day
    public var items: [Item]
    public var plans: Int

    public init(facts: [QualityFacts], asOf: Day) {
        self.asOf = asOf
        plans = facts.count
        items = facts.flatMap { f in
            PlanQuality.rate(f, on: asOf).map { r in
                Item(customerID: f.customer.id, customerName: f.customer.displayName, planner: f.customer.planner,
                     category: r.category, rating: r.rating, reasons: r.reasons)
            }
        }
    }

    public func count(_ category: QualityCategory, _ rating: QualityRating) -> Int {
        items.filter { $0.category == category && $0.rating == rating }.count
    }

    public var json: String {
        struct Counts: Encodable { var category: QualityCategory; var exceeds: Int; var meets: Int; var below: Int }
        struct Body: Encodable { var asOf: String; var plans: Int; var counts: [Counts]; var items: [Item]
            enum CodingKeys: String, CodingKey { case asOf = "as_of", plans, counts, items } }
        let body = Body(asOf: asOf.description, plans: plans, counts: QualityCategory.allCases.map {
            Counts(category: $0, exceeds: count($0, .exceeds), meets: count($0, .meets), below: count($0, .below))
        }, items: items)
        return ReportFormat.json(body, empty: "{}")
    }

    /// One row per plan and category.
    public var csv: String {
        ReportFormat.csv(header: "customer_id,customer_name,planner,category,rating,reasons", rows: items.map { i in
            [i.customerID.description, i.customerName, i.planner ?? "", i.category.rawValue, i.rating.rawValue,
             i.reasons.joined(separator: "; ")]
        })
    }

    public var text: String {
        let width = QualityCategory.allCases.map(\.label.count).max() ?? 20
        var out = "Plan quality as of \(asOf): \(plans) plans\n\n"
        out += "Category".padding(toLength: width, withPad: " ", startingAt: 0) + "  Exceeds    Meets    Below\n"
        for c in QualityCategory.allCases {
            out += c.label.padding(toLength: width, withPad: " ", startingAt: 0)
                + [QualityRating.exceeds, .meets, .below].map { String(count(c, $0)).leftPadded(9) }.joined() + "\n"
        }
        let byCustomer = Dictionary(grouping: items, by: \.customerID)
        for id in byCustomer.keys.sorted() {
            guard let first = byCustomer[id]?.first else { continue }
            out += "\n\(id)  \(first.customerName.terminalSafeForReport)  [\(first.planner ?? "unassigned")]\n"
            for i in byCustomer[id] ?? [] {
                out += "  \(i.rating.marker) \(i.category.label): \(i.rating.label)"
                    + (i.reasons.isEmpty ? "" : ": " + i.reasons.joined(separator: "; ").terminalSafeForReport) + "\n"
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
