/// A workforce area's choices where the seeds differ (POLICY.md section 3),
/// with the Illinois values as defaults.
public struct ClockSettings: Hashable, Codable, Sendable {
    /// Two-way contact interval (Illinois 30; Massachusetts 60).
    public var contactIntervalDays: Int
    /// Two-way contact interval for veterans (Massachusetts 30).
    public var veteranContactIntervalDays: Int
    /// Plan review interval (Illinois policy 90; the rubric asks 30).
    public var reviewIntervalDays: Int
    /// A clock this close to its due date is "due soon".
    public var warningWindowDays: Int
    /// The area's additions to the acronym legend: "ABC=Meaning; XYZ=Meaning".
    public var acronymLegend: String

    public init(contactIntervalDays: Int = ClockRule.contact30.limit, veteranContactIntervalDays: Int = ClockRule.contact30.limit,
                reviewIntervalDays: Int = ClockRule.review90.limit, warningWindowDays: Int = 7, acronymLegend: String = "") {
        self.contactIntervalDays = contactIntervalDays
        self.veteranContactIntervalDays = veteranContactIntervalDays
        self.reviewIntervalDays = reviewIntervalDays
        self.warningWindowDays = warningWindowDays
        self.acronymLegend = acronymLegend
    }

    public var extraAcronyms: [(acronym: String, meaning: String)] { Acronyms.parse(acronymLegend) }

    public static let illinois = ClockSettings()
}

extension ClockSettings {
    /// The settings as stored: key, and the field that edits it.
    public static let fields: [FormField] = [
        FormField("contact-interval-days", "Contact interval", hint: "days between two-way contacts (Illinois 30; MA 60)",
                  required: true),
        FormField("veteran-contact-interval-days", "Veteran contact", hint: "days between contacts for veterans (MA 30)",
                  required: true),
        FormField("review-interval-days", "Plan review", hint: "days between plan reviews (policy 90; the rubric asks 30)",
                  required: true),
        FormField("warning-window-days", "Warning window", hint: "days before a due date that an item shows as due soon",
                  required: true),
        FormField("acronym-legend", "Extra acronyms", hint: "ABC=Meaning; XYZ=Meaning: added to the legend the plan quality check uses"),
    ]

    static let dayKeys = ["contact-interval-days", "veteran-contact-interval-days", "review-interval-days", "warning-window-days"]

    public var values: [String: String] {
        ["contact-interval-days": String(contactIntervalDays), "veteran-contact-interval-days": String(veteranContactIntervalDays),
         "review-interval-days": String(reviewIntervalDays), "warning-window-days": String(warningWindowDays),
         "acronym-legend": acronymLegend]
    }

    public static func problems(_ v: [String: String]) -> [String: String] {
        var found = requiredProblems(fields, v)
        let legend = (v["acronym-legend"] ?? "").trimmingSpaces
        let entries = legend.split(separator: ";").filter { !String($0).trimmingSpaces.isEmpty }
        if entries.count != Acronyms.parse(legend).count { found["acronym-legend"] = "write each as ABC=Meaning, separated by ;" }
        for f in fields where found[f.key] == nil && dayKeys.contains(f.key) {
            guard let n = Int((v[f.key] ?? "").trimmingSpaces), (1...365).contains(n) else {
                found[f.key] = "a number of days, 1 to 365"
                continue
            }
            _ = n
        }
        return found
    }

    /// The settings a form describes, or what is wrong with them.
    public static func checked(_ v: [String: String]) -> Result<ClockSettings, FieldProblems> {
        FieldProblems.check(problems(v), fields) {
            func n(_ k: String) -> Int { Int((v[k] ?? "").trimmingSpaces) ?? 0 }
            return ClockSettings(contactIntervalDays: n("contact-interval-days"),
                                 veteranContactIntervalDays: n("veteran-contact-interval-days"),
                                 reviewIntervalDays: n("review-interval-days"), warningWindowDays: n("warning-window-days"),
                                 acronymLegend: (v["acronym-legend"] ?? "").trimmingSpaces)
        }
    }
}

extension ClockSettings {
    /// The settings as a store keeps them (key and text value); Illinois
    /// defaults for any not set, and for a value that is not a number.
    public init(stored pairs: [String: String]) {
        var s = ClockSettings.illinois
        for (key, value) in pairs {
            if key == "acronym-legend" { s.acronymLegend = value; continue }
            guard let v = Int(value) else { continue }
            switch key {
            case "contact-interval-days": s.contactIntervalDays = v
            case "veteran-contact-interval-days": s.veteranContactIntervalDays = v
            case "review-interval-days": s.reviewIntervalDays = v
            case "warning-window-days": s.warningWindowDays = v
            default: break
            }
        }
        self = s
    }
}
