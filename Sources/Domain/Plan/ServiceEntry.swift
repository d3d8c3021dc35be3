/// WIOA service categories (002) and the youth program elements (POLICY.md 8).
public enum ServiceCategory: String, Codable, CaseIterable, Sendable {
    case basic, individualized, training, supportive, followUp = "follow-up", youthElement = "youth-element"

    public var label: String {
        switch self {
        case .basic: "basic career service"
        case .individualized: "individualized career service"
        case .training: "training service"
        case .supportive: "supportive service"
        case .followUp: "follow-up service"
        case .youthElement: "youth program element"
        }
    }
}

/// The performance indicators a plan links to (POLICY.md section 6).
public enum Indicator: String, Codable, CaseIterable, Sendable {
    case employmentQ2 = "employment-q2", employmentQ4 = "employment-q4", medianEarnings = "median-earnings"
    case credential, skillGains = "skill-gains"

    public var label: String {
        switch self {
        case .employmentQ2: "employment 2nd quarter after exit"
        case .employmentQ4: "employment 4th quarter after exit"
        case .medianEarnings: "median earnings"
        case .credential: "credential attainment"
        case .skillGains: "measurable skill gains"
        }
    }
}

/// The assessment a service needs complete before it may start (003).
public enum RequiredAssessment: String, Codable, Sendable {
    case trainingEducation = "training-education", workBasedLearning = "work-based-learning"

    public var instrument: AssessmentRecord.Instrument {
        self == .trainingEducation ? .trainingEducation : .workBasedLearning
    }
}

/// A goal the matrix maps a service to, with its steps. Text may hold
/// placeholders such as [target occupation].
public struct GoalTemplate: Hashable, Codable, Sendable {
    public var text: String
    /// The same goal in Spanish, for the customer's copy; an area corrects it in the file.
    public var textEs: String?
    public var horizon: Horizon
    public var kind: GoalKind
    public var steps: [String]
    /// The steps in Spanish, one for each English step, in the same order.
    public var stepsEs: [String]?
}

/// One service of the WIOA Title IB Services Matrix.
public struct ServiceEntry: Hashable, Codable, Sendable {
    public var id: String
    public var name: String
    /// The name in Spanish, for the customer's copy.
    public var nameEs: String?
    public var category: ServiceCategory
    /// 1 to 14, for youth program elements.
    public var youthElement: Int?
    public var indicators: [Indicator]
    public var triggersEnrollment: Bool
    /// Follow-up services do not keep the exit clock open (002).
    public var keepsExitClockOpen: Bool
    public var requiresAssessment: RequiredAssessment?
    /// Barrier kinds a supportive service addresses.
    public var addresses: [String]?
    /// When to recommend it: any of these lists of customer facts, all of
    /// whose facts hold (`CustomerFacts`). Supportive services are also
    /// recommended for each open barrier they address.
    public var recommendWhen: [[String]]?
    public var goals: [GoalTemplate]

    /// The youth program element a service on an ISS provides: its own
    /// number, or occupational training (4), supportive services (7) and
    /// follow-up (9) for the services of those categories.
    public var providesYouthElement: Int? {
        youthElement ?? (category == .training ? 4 : category == .supportive ? 7 : category == .followUp ? 9 : nil)
    }

    /// "Occupational Skills Training (Youth) · youth program element 4".
    public var categoryLabel: String {
        youthElement.map { "youth program element \($0)" } ?? category.label
    }
}

/// When the matrix recommends an assessment.
public struct AssessmentRule: Hashable, Codable, Sendable {
    public var instrument: AssessmentRecord.Instrument
    public var subject: AssessmentRecord.Subject
    public var when: [[String]]
}
