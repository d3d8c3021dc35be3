/// The eligibility determination: the titles a planner certified, on which
/// day, and why when it came more than 30 days after the application (001).
public struct Certification: Hashable, Codable, Sendable {
    public var customer: CustomerID
    public var certifiedOn: Day
    public var titles: [Title]
    public var certifiedBy: String
    public var lateReason: String?
    /// ISO 8601 timestamp in UTC of when it was recorded.
    public var recordedAt: String
    /// Why it was certified before every checklist document was seen (001
    /// asks for the documentation first): recorded, never silent.
    public var undocumentedReason: String? = nil

    public init(customer: CustomerID, certifiedOn: Day, titles: [Title], certifiedBy: String,
                lateReason: String? = nil, recordedAt: String) {
        self.customer = customer
        self.certifiedOn = certifiedOn
        self.titles = titles
        self.certifiedBy = certifiedBy
        self.lateReason = lateReason
        self.recordedAt = recordedAt
    }

    /// Determination within 30 days of the application date (001).
    public static let limitDays = 30

    /// "3 of 5 documents not verified (d): say why you certify without them".
    public static func undocumentedProblem(unverified: Int, of total: Int) -> String {
        "\(unverified) of \(total) documents not verified (d): say why you certify without them"
    }

    /// Later than this needs a recorded reason.
    public static func isLate(_ certifiedOn: Day, appliedOn: Day) -> Bool {
        appliedOn.days(until: certifiedOn) > limitDays
    }

    /// Why certifying these titles on this day is refused; empty when allowed.
    /// `unverified` names the checklist items with no document seen yet;
    /// certifying without them needs `undocumentedReason`.
    public static func problems(titles: [Title], on day: Day, lateReason: String, application: Application,
                                results: [TitleResult], today: Day, unverified: [String] = [], checklistCount: Int = 0,
                                undocumentedReason: String = "") -> [String] {
        var found: [String] = []
        if !unverified.isEmpty, undocumentedReason.trimmingSpaces.isEmpty {
            found.append(undocumentedProblem(unverified: unverified.count, of: checklistCount))
        }
        if titles.isEmpty { found.append("choose at least one title to certify (Space)") }
        for t in titles {
            if let r = results.first(where: { $0.title == t }), !r.eligible {
                found.append("not eligible for \(t.name): " + (r.findings.first { !$0.met }?.text ?? ""))
            }
        }
        if titles.contains(.youthInSchool) && titles.contains(.youthOutOfSchool) {
            found.append("a youth is either in school or out of school, not both")
        }
        if day < application.appliedOn { found.append("certification date is before the application date \(application.appliedOn)") }
        if day > today { found.append("certification date is in the future") }
        if isLate(day, appliedOn: application.appliedOn), lateReason.trimmingSpaces.isEmpty {
            found.append("\(application.appliedOn.days(until: day)) days after the application (limit \(limitDays)): give the reason it is late")
        }
        return found
    }
}
