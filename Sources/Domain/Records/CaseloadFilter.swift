/// What the caseload list shows: an optional search, an optional planner,
/// and only the customers in the user's reach.
public struct CaseloadFilter: Hashable, Sendable {
    public var search: String
    public var planner: String?
    public var reach: CaseloadReach

    public init(search: String = "", planner: String? = nil, reach: CaseloadReach = .everyone) {
        self.search = search
        self.planner = planner
        self.reach = reach
    }
}
