/// A front-desk worker saw possible duplicates and created the customer
/// anyway: who decided, when, and which records they were shown.
public struct DuplicateDecision: Hashable, Codable, Sendable {
    public var customer: CustomerID
    public var matched: [CustomerID]
    public var decidedBy: String
    /// ISO 8601 timestamp in UTC.
    public var decidedAt: String

    public init(customer: CustomerID, matched: [CustomerID], decidedBy: String, decidedAt: String) {
        self.customer = customer
        self.matched = matched
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}
