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

    /// Later than this needs a recorded reason.
    public static func isLate(_ certifiedOn: Day, appliedOn: Day) -> Bool {
        appliedOn.days(until: certifiedOn) > limitDays
    }

    /// Why certifying these titles on this day is refused; empty when allowed.
    public static func problems(titles: [Title], on day: Day, lateReason: String, application: Application,
                                results: [TitleResult], today: Day) -> [String] {
        var found: [String] = []
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
