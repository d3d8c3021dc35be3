/// One saved version of a customer's plan: kept forever, viewable read-only.
public struct PlanVersion: Hashable, Codable, Sendable {
    public var customer: CustomerID
    public var version: Int
    public var plan: CareerPlan
    public var savedBy: String
    /// ISO 8601, UTC.
    public var savedAt: String
    /// What changed from the version before, in words.
    public var changes: [String]

    public init(customer: CustomerID, version: Int, plan: CareerPlan, savedBy: String, savedAt: String, changes: [String]) {
        self.customer = customer
        self.version = version
        self.plan = plan
        self.savedBy = savedBy
        self.savedAt = savedAt
        self.changes = changes
    }
}
