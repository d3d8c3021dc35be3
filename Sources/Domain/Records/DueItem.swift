/// One running clock of one customer, as the dashboard lists it.
public struct DueItem: Sendable {
    public var customer: Customer
    public var clock: Clock

    public init(customer: Customer, clock: Clock) {
        self.customer = customer
        self.clock = clock
    }
}

/// The dashboard's figures: how many items run, how many are overdue or due
/// soon, per planner, and which rules appear.
public struct DueSummary: Equatable, Sendable {
    public var total = 0
    public var overdue = 0
    public var dueSoon = 0
    /// Overdue or due soon per planner login ("" for unassigned).
    public var urgentByPlanner: [String: Int] = [:]
    /// Every rule with a running item, whatever rule is filtered: what `f` cycles through.
    public var rules: [ClockRule] = []

    public init() {}
}
