/// The Career Plan (POLICY.md section 2): Goals, their Steps, and each
/// step's Services. An IEP for Adults and Dislocated Workers, an ISS for
/// Youth (which also records a career pathway).
public struct CareerPlan: Hashable, Codable, Sendable {
    public var customer: CustomerID
    public var goals: [PlanGoal]
    /// ISS only: the career pathway the services lead along.
    public var pathway: CareerPathway?
    /// ISS only: what was decided for each youth program element.
    public var youthElements: [YouthElementMark]
    /// Each "Development of IEP/ISS": the first plan and every significant change.
    public var episodes: [PlanEpisode]
    /// The next id for a goal, step or service: ids never repeat in a plan.
    public var nextID: Int

    public init(customer: CustomerID, goals: [PlanGoal] = [], pathway: CareerPathway? = nil,
                youthElements: [YouthElementMark] = [], episodes: [PlanEpisode] = [], nextID: Int = 1) {
        self.customer = customer
        self.goals = goals
        self.pathway = pathway
        self.youthElements = youthElements
        self.episodes = episodes
        self.nextID = nextID
    }

    enum CodingKeys: String, CodingKey { case customer, goals, pathway, youthElements, episodes, nextID }
    /// Plans saved before the pathway had fields held it as words.
    private enum EarlierKeys: String, CodingKey { case careerPathway }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        customer = try c.decode(CustomerID.self, forKey: .customer)
        goals = try c.decode([PlanGoal].self, forKey: .goals)
        pathway = try c.decodeIfPresent(CareerPathway.self, forKey: .pathway)
        if pathway == nil, let words = try decoder.container(keyedBy: EarlierKeys.self)
            .decodeIfPresent(String.self, forKey: .careerPathway) {
            pathway = CareerPathway(note: words)
        }
        youthElements = try c.decodeIfPresent([YouthElementMark].self, forKey: .youthElements) ?? []
        episodes = try c.decode([PlanEpisode].self, forKey: .episodes)
        nextID = try c.decode(Int.self, forKey: .nextID)
    }

    /// The decision recorded for a youth program element, if any.
    public func mark(_ element: Int) -> YouthElementMark? { youthElements.first { $0.element == element } }

    public mutating func newID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    public var allServices: [PlanService] { goals.flatMap { $0.steps.flatMap(\.services) } }
    public var allSteps: [PlanStep] { goals.flatMap(\.steps) }

    /// At least one open goal with at least one open step (001).
    public var hasOpenGoalWithOpenStep: Bool {
        goals.contains { $0.status == .open && $0.steps.contains { $0.status == .open } }
    }

    /// Youth program elements the plan's services provide (ISS).
    public func youthElements(_ matrix: ServicesMatrix) -> [Int] {
        Array(Set(allServices.compactMap { matrix.service($0.serviceID)?.providesYouthElement })).sorted()
    }

    /// The services on the plan that provide a youth program element.
    public func services(providing element: Int, _ matrix: ServicesMatrix) -> [PlanService] {
        allServices.filter { matrix.service($0.serviceID)?.providesYouthElement == element }
    }
}

public enum Horizon: String, Codable, CaseIterable, Sendable, Labeled {
    case immediate, oneYear = "1-year", fiveYear = "5-year", tenYear = "10-year"
    public var label: String {
        switch self {
        case .immediate: "immediate (about 90 days)"
        case .oneYear: "1 year"
        case .fiveYear: "5 years"
        case .tenYear: "10 years"
        }
    }
    public var short: String {
        switch self {
        case .immediate: "90d"
        case .oneYear: "1y"
        case .fiveYear: "5y"
        case .tenYear: "10y"
        }
    }
}

public enum GoalKind: String, Codable, CaseIterable, Sendable, Labeled {
    case employment, education
    public var label: String { rawValue }
}

public enum GoalStatus: String, Codable, CaseIterable, Sendable, Labeled {
    case open, achieved, notAchieved = "not-achieved", withdrawn
    public var label: String {
        switch self {
        case .open: "open"
        case .achieved: "achieved"
        case .notAchieved: "not achieved"
        case .withdrawn: "withdrawn"
        }
    }
}

public struct PlanGoal: Hashable, Codable, Sendable {
    public var id: Int
    public var text: String
    public var horizon: Horizon
    public var kind: GoalKind
    public var targetDate: Day?
    /// Why it fits the customer: assessment, interview, prior jobs (001).
    public var justification: String
    public var indicators: [Indicator]
    public var status: GoalStatus
    public var withdrawnReason: String?
    public var steps: [PlanStep]
    /// The recommendation it was added from (its key), whatever it is worded
    /// now: the Recommendations page never offers it again.
    public var recommendation: String? = nil

    public init(id: Int, text: String, horizon: Horizon, kind: GoalKind, targetDate: Day? = nil, justification: String = "",
                indicators: [Indicator] = [], status: GoalStatus = .open, withdrawnReason: String? = nil,
                steps: [PlanStep] = []) {
        self.id = id
        self.text = text
        self.horizon = horizon
        self.kind = kind
        self.targetDate = targetDate
        self.justification = justification
        self.indicators = indicators
        self.status = status
        self.withdrawnReason = withdrawnReason
        self.steps = steps
    }
}

public struct PlanStep: Hashable, Codable, Sendable {
    public var id: Int
    /// Specific, measurable and dated (S.M.A.R.T.E.R., 001).
    public var text: String
    public var targetDate: Day?
    public var status: GoalStatus
    public var services: [PlanService]
    /// The recommendation it was added from (an assessment, or the step that
    /// holds supportive services), whatever it is worded now.
    public var recommendation: String? = nil

    public init(id: Int, text: String, targetDate: Day? = nil, status: GoalStatus = .open, services: [PlanService] = []) {
        self.id = id
        self.text = text
        self.targetDate = targetDate
        self.status = status
        self.services = services
    }
}

public enum ServiceStatus: String, Codable, CaseIterable, Sendable, Labeled {
    case notStarted = "not-started", open, complete, didNotComplete = "did-not-complete"
    public var label: String {
        switch self {
        case .notStarted: "Not Started"
        case .open: "Open"
        case .complete: "Complete"
        case .didNotComplete: "Did Not Complete"
        }
    }
    public var isClosed: Bool { self == .complete || self == .didNotComplete }
}

public enum ProviderKind: String, Codable, CaseIterable, Sendable, Labeled {
    case inHouse = "in-house", partner, selfAccessed = "self"
    public var label: String {
        switch self {
        case .inHouse: "in-house"
        case .partner: "partner (name it)"
        case .selfAccessed: "self-accessed"
        }
    }
}

public struct PlanService: Hashable, Codable, Sendable {
    public var id: Int
    /// The services-matrix entry.
    public var serviceID: String
    public var name: String
    public var provider: ProviderKind
    public var partnerName: String?
    public var plannedStart: Day?
    public var plannedEnd: Day?
    public var weeklyHours: Double?
    public var status: ServiceStatus
    public var actualStart: Day?
    /// The day the start was entered (the save day): an entry more than 10
    /// days after the start is late (001), as a note's would be.
    public var startRecordedOn: Day?
    public var completedOn: Day?
    /// When the planner learned the service was complete (or not).
    public var completionKnownOn: Day?
    /// When the completion status was recorded (the save day).
    public var closedRecordedOn: Day?
    public var credential: String?
    /// Notes such as the real date of a service recorded on the certification date.
    public var notes: [String]

    public init(id: Int, serviceID: String, name: String, provider: ProviderKind = .inHouse, partnerName: String? = nil,
                plannedStart: Day? = nil, plannedEnd: Day? = nil, weeklyHours: Double? = nil,
                status: ServiceStatus = .notStarted, actualStart: Day? = nil, completedOn: Day? = nil,
                completionKnownOn: Day? = nil, closedRecordedOn: Day? = nil, credential: String? = nil,
                notes: [String] = [], startRecordedOn: Day? = nil) {
        self.id = id
        self.serviceID = serviceID
        self.name = name
        self.provider = provider
        self.partnerName = partnerName
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.weeklyHours = weeklyHours
        self.status = status
        self.actualStart = actualStart
        self.completedOn = completedOn
        self.completionKnownOn = completionKnownOn
        self.closedRecordedOn = closedRecordedOn
        self.credential = credential
        self.notes = notes
        self.startRecordedOn = startRecordedOn
    }

    public var providerLabel: String {
        provider == .partner ? (partnerName ?? "partner") : provider.label
    }
}

/// A "Development of IEP/ISS" episode: the first plan, or a significant
/// change made with the participant's consent (001).
public struct PlanEpisode: Hashable, Codable, Sendable {
    public var on: Day
    public var reason: String
    public var by: String
    public var changes: [String]

    public init(on: Day, reason: String, by: String, changes: [String]) {
        self.on = on
        self.reason = reason
        self.by = by
        self.changes = changes
    }

    /// The reason of a review with the customer that changed nothing.
    public static let reviewedUnchanged = "reviewed with the customer; nothing changed"

    public var isReviewWithoutChanges: Bool { reason == Self.reviewedUnchanged && changes.isEmpty }
}
