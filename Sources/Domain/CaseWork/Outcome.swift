/// A result the program reports (POLICY.md section 6): a job, a credential
/// or a measurable skill gain. Entered more than 10 days after the planner
/// learned of it, it is flagged late (001).
public struct Outcome: Hashable, Codable, Sendable {
    public var id: Int64
    public var customer: CustomerID
    public var kind: OutcomeKind
    /// The day it happened: hire date, date attained, date achieved.
    public var on: Day
    /// When the planner learned of it.
    public var knownOn: Day
    public var enteredOn: Day
    public var recordedBy: String
    public var answers: [String: String]
    /// Every correction since it was entered, oldest first (nil: none).
    public var corrections: [Correction]? = nil

    public init(id: Int64, customer: CustomerID, kind: OutcomeKind, on: Day, knownOn: Day, enteredOn: Day,
                recordedBy: String, answers: [String: String] = [:]) {
        self.id = id
        self.customer = customer
        self.kind = kind
        self.on = on
        self.knownOn = knownOn
        self.enteredOn = enteredOn
        self.recordedBy = recordedBy
        self.answers = answers
    }

    public var isLate: Bool { knownOn.days(until: enteredOn) > ClockRule.outcomeEntry10.limit }

    public var indicators: [Indicator] { kind.indicators }

    /// "Employment: Lakeview Hospital, 32 h/week at $17.50".
    public var summary: String {
        let a = answers
        switch kind {
        case .employment:
            return "Employment: \(a["employer"] ?? "?"), \(a["occupation"] ?? "?"), \(a["hours"] ?? "?") h/week at $\(a["wage"] ?? "?")"
                + (a["related"] == FormField.yes ? ", related to training" : "")
        case .credential:
            return "Credential: " + (Outcome.credentialTypes.first { $0.value == a["type"] }?.label ?? a["type"] ?? "?")
                + (a["name"].map { " (\($0))" } ?? "")
        case .skillGain:
            return "Skill gain: " + (Outcome.skillGainTypes.first { $0.value == a["type"] }?.label ?? a["type"] ?? "?")
        }
    }

    public static let credentialTypes = [
        FormChoice("diploma", "secondary school diploma or equivalent"), FormChoice("degree", "associate or higher degree"),
        FormChoice("certificate", "industry-recognized certificate"), FormChoice("licence", "occupational license"),
        FormChoice("apprenticeship", "registered apprenticeship certificate"),
    ]

    /// The five kinds of measurable skill gain.
    public static let skillGainTypes = [
        FormChoice("efl", "educational functioning level gain"), FormChoice("diploma", "secondary diploma attained"),
        FormChoice("transcript", "postsecondary transcript or report card"),
        FormChoice("milestone", "training milestone (OJT or apprenticeship)"),
        FormChoice("skills", "skills progression (exam passed)"),
    ]

    public static func fields(for kind: OutcomeKind) -> [FormField] {
        let known = FormField("knownOn", "Learned of it on", .date, hint: "when you found out; " + Day.acceptedFormats,
                              required: true)
        switch kind {
        case .employment: return [
            FormField("employer", "Employer", required: true),
            FormField("on", "Hire date", .date, hint: "the first day of employment; " + Day.acceptedFormats, required: true),
            FormField("hours", "Weekly hours", hint: "e.g. 32", required: true),
            FormField("wage", "Hourly wage", hint: "dollars, e.g. 17.50", required: true),
            FormField("occupation", "Occupation", hint: "job title, in words", required: true),
            FormField("occupationCode", "Occupation code", hint: "SOC code, e.g. 31-1131 (nursing assistants); optional"),
            FormField("naics", "Industry (NAICS)", hint: "2 to 6 digits, e.g. 6221 (hospitals); optional"),
            FormField("related", "Related to training", .toggle),
            known,
        ]
        case .credential: return [
            FormField("type", "Credential type", .choice(credentialTypes), hint: "Space or ←/→", required: true),
            FormField("name", "Name", hint: "e.g. CNA, CDL Class A"),
            FormField("on", "Attained on", .date, hint: Day.acceptedFormats, required: true),
            known,
        ]
        case .skillGain: return [
            FormField("type", "Skill gain type", .choice(skillGainTypes), hint: "Space or ←/→", required: true),
            FormField("on", "Achieved on", .date, hint: Day.acceptedFormats, required: true),
            known,
        ]
        }
    }

    /// An outcome counts only from participation: nothing dated before
    /// enrollment (a skill gain from last year's class is not the program's).
    public static func enrollmentProblem(_ on: Day, enrolledOn: Day?) -> String? {
        guard let enrolledOn else { return "the customer is not enrolled: outcomes count from enrollment" }
        return on < enrolledOn ? "is before enrollment on \(enrolledOn): only outcomes during participation count" : nil
    }

    public static func problems(_ v: [String: String], kind: OutcomeKind, today: Day, enrolledOn: Day?) -> [String: String] {
        var found = requiredProblems(fields(for: kind), v)
        dateProblem("on", v, today: today, into: &found)
        if found["on"] == nil, let on = Day(parsing: v["on"] ?? ""), let problem = enrollmentProblem(on, enrolledOn: enrolledOn) {
            found["on"] = problem
        }
        dateProblem("knownOn", v, today: today, into: &found)
        if let on = Day(parsing: v["on"] ?? ""), let known = Day(parsing: v["knownOn"] ?? ""), known < on,
           found["knownOn"] == nil {
            found["knownOn"] = "is before it happened (\(on))"
        }
        for key in ["hours", "wage"] where kind == .employment && found[key] == nil {
            guard let n = Double((v[key] ?? "").trimmingSpaces.replacingDollar), n > 0 else {
                found[key] = "not a number above 0"
                continue
            }
            if key == "hours", n > 80 { found[key] = "more than 80 hours a week" }
        }
        if kind == .employment { Job.codeProblems(v, into: &found) }
        return found
    }

    /// The outcome a form describes, or what is wrong with it.
    public static func checked(_ v: [String: String], kind: OutcomeKind, customer: CustomerID, by login: String,
                               today: Day, enrolledOn: Day?) -> Result<Outcome, FieldProblems> {
        FieldProblems.check(problems(v, kind: kind, today: today, enrolledOn: enrolledOn), fields(for: kind)) {
            made(v, kind: kind, customer: customer, by: login, today: today)
        }
    }

    private static func made(_ v: [String: String], kind: OutcomeKind, customer: CustomerID, by login: String,
                             today: Day) -> Outcome? {
        guard let on = Day(parsing: v["on"] ?? ""), let known = Day(parsing: v["knownOn"] ?? "") else { return nil }
        var answers: [String: String] = [:]
        for f in fields(for: kind) where !["on", "knownOn"].contains(f.key) {
            if let t = optionalText(v[f.key]) { answers[f.key] = ["hours", "wage"].contains(f.key) ? t.replacingDollar : t }
        }
        return Outcome(id: 0, customer: customer, kind: kind, on: on, knownOn: known, enteredOn: today,
                       recordedBy: login, answers: answers)
    }
}

public enum OutcomeKind: String, Codable, CaseIterable, Sendable, Labeled {
    case employment, credential, skillGain = "skill-gain"

    public var label: String {
        switch self {
        case .employment: "Employment"
        case .credential: "Credential"
        case .skillGain: "Measurable skill gain"
        }
    }

    /// The performance indicators it supports (POLICY.md section 6).
    public var indicators: [Indicator] {
        switch self {
        case .employment: [.employmentQ2, .employmentQ4, .medianEarnings]
        case .credential: [.credential]
        case .skillGain: [.skillGains]
        }
    }
}
