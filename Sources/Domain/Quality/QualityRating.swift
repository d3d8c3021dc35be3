/// The Illinois workNet Career Plan rubric (004, POLICY.md section 5): six
/// categories, each Exceeds, Meets or Below standards.
public enum QualityCategory: String, CaseIterable, Codable, Sendable {
    case information = "quality-of-information", contact = "contact-information", assessment, goals
    case services = "holistic-services", timeliness

    public var label: String {
        switch self {
        case .information: "Quality of information"
        case .contact: "Contact information"
        case .assessment: "Assessment"
        case .goals: "Goals"
        case .services: "Customer-centered holistic services"
        case .timeliness: "Timeliness"
        }
    }

    /// For a narrow panel: the label without "Customer-centered".
    public var panelLabel: String { self == .services ? "Holistic services" : label }

    public var short: String {
        switch self {
        case .information: "Info"
        case .contact: "Contact"
        case .assessment: "Assess"
        case .goals: "Goals"
        case .services: "Services"
        case .timeliness: "Timely"
        }
    }
}

public enum QualityRating: String, CaseIterable, Codable, Sendable, Comparable {
    case below, meets, exceeds

    public var label: String {
        switch self {
        case .exceeds: "Exceeds"
        case .meets: "Meets"
        case .below: "Below"
        }
    }

    /// Meaning carried by a marker, never by color alone.
    public var marker: String {
        switch self {
        case .exceeds: "▲"
        case .meets: "●"
        case .below: "▼"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// One category's rating and exactly what is missing for the next level.
public struct CategoryRating: Hashable, Sendable {
    public var category: QualityCategory
    public var rating: QualityRating
    /// Below: what Meets needs. Meets: what to add to exceed. Exceeds: nothing.
    public var reasons: [String]

    /// Rates from two lists of (met, what is missing) checks.
    init(_ category: QualityCategory, meets: [(Bool, String)], exceeds: [(Bool, String)]) {
        self.category = category
        let missing = meets.filter { !$0.0 }.map(\.1)
        if !missing.isEmpty {
            rating = .below
            reasons = missing
        } else {
            let toExceed = exceeds.filter { !$0.0 }.map(\.1)
            rating = toExceed.isEmpty ? .exceeds : .meets
            reasons = toExceed.map { "\($0) to exceed" }
        }
    }

    /// "Contact information: Below: no additional contact person".
    public var line: String {
        "\(category.label): \(rating.label)" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
    }
}
