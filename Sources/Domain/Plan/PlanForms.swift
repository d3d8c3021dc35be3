/// The forms for a goal, a step and a service: fields as data, checks on the
/// typed text, and conversion both ways.
public enum PlanForms {
    // MARK: Goal

    public static let goalFields: [FormField] = [
        FormField("text", "Goal", .paragraph, hint: "the desired employment or education outcome, in plain words", required: true),
        FormField("horizon", "Horizon", .choice(Horizon.choices)),
        FormField("kind", "Employment or edu.", .choice(GoalKind.choices)),
        FormField("targetDate", "Target date", .date, hint: Day.acceptedFormats, required: true),
        FormField("justification", "Why it fits", .paragraph, hint: "from the assessment, the interview, prior jobs", required: true),
        FormField("status", "Status", .choice(GoalStatus.choices)),
        FormField("withdrawnReason", "Withdrawn because", .paragraph, hint: "required when the goal is withdrawn"),
    ] + Indicator.allCases.enumerated().map { i, ind in
        FormField("ind-" + ind.rawValue, ind.label, .toggle, section: i == 0 ? "Performance indicators it links to" : nil)
    }

    public static func goalProblems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(goalFields, v)
        if let bad = dateFormatProblem(v["targetDate"]) { found["targetDate"] = bad }
        if v["status"] == GoalStatus.withdrawn.rawValue, optionalText(v["withdrawnReason"]) == nil {
            found["withdrawnReason"] = "say why the goal is withdrawn"
        }
        return found
    }

    public static func values(_ g: PlanGoal) -> [String: String] {
        var v = ["text": g.text, "horizon": g.horizon.rawValue, "kind": g.kind.rawValue,
                 "targetDate": g.targetDate?.description ?? "", "justification": g.justification,
                 "status": g.status.rawValue, "withdrawnReason": g.withdrawnReason ?? ""]
        for ind in Indicator.allCases { v["ind-" + ind.rawValue] = g.indicators.contains(ind) ? FormField.yes : "" }
        return v
    }

    public static func apply(_ v: [String: String], to g: PlanGoal) -> PlanGoal {
        var out = g
        out.text = (v["text"] ?? "").trimmingSpaces
        out.horizon = Horizon(rawValue: v["horizon"] ?? "") ?? g.horizon
        out.kind = GoalKind(rawValue: v["kind"] ?? "") ?? g.kind
        out.targetDate = optionalText(v["targetDate"]).flatMap { Day(parsing: $0) }
        out.justification = (v["justification"] ?? "").trimmingSpaces
        out.status = GoalStatus(rawValue: v["status"] ?? "") ?? g.status
        out.withdrawnReason = out.status == .withdrawn ? optionalText(v["withdrawnReason"]) : nil
        out.indicators = Indicator.allCases.filter { v["ind-" + $0.rawValue] == FormField.yes }
        return out
    }

    // MARK: Step

    public static let stepFields: [FormField] = [
        FormField("text", "Step", .paragraph, hint: "specific and measurable: what, how much, by when", required: true),
        FormField("targetDate", "Target date", .date, hint: Day.acceptedFormats, required: true),
        FormField("status", "Status", .choice(GoalStatus.choices)),
    ]

    public static func stepProblems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(stepFields, v)
        if let bad = dateFormatProblem(v["targetDate"]) { found["targetDate"] = bad }
        return found
    }

    public static func values(_ s: PlanStep) -> [String: String] {
        ["text": s.text, "targetDate": s.targetDate?.description ?? "", "status": s.status.rawValue]
    }

    public static func apply(_ v: [String: String], to s: PlanStep) -> PlanStep {
        var out = s
        out.text = (v["text"] ?? "").trimmingSpaces
        out.targetDate = optionalText(v["targetDate"]).flatMap { Day(parsing: $0) }
        out.status = GoalStatus(rawValue: v["status"] ?? "") ?? s.status
        return out
    }

    // MARK: Service

    public static let serviceFields: [FormField] = [
        FormField("provider", "Provider", .choice(ProviderKind.choices)),
        FormField("partnerName", "Partner's name", hint: "the partner organization, when the provider is a partner"),
        FormField("plannedStart", "Planned start", .date, hint: Day.acceptedFormats, required: true),
        FormField("plannedEnd", "Planned end", .date, hint: Day.acceptedFormats, required: true),
        FormField("weeklyHours", "Hours per week", hint: "projected, e.g. 6 or 12.5", required: true),
        FormField("status", "Status", .choice(ServiceStatus.choices)),
        FormField("actualStart", "Actual start", .date, hint: "the day it really started; " + Day.acceptedFormats),
        FormField("completedOn", "Completed on", .date, hint: "when it ended, complete or not"),
        FormField("completionKnownOn", "Learned of it on", .date, hint: "when you learned it ended (10 days to record it)"),
        FormField("credential", "Credential earned", hint: "e.g. CNA certificate, CDL class A"),
    ]

    public static func serviceProblems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(serviceFields, v)
        for key in ["plannedStart", "plannedEnd"] { if let bad = dateFormatProblem(v[key]) { found[key] = bad } }
        for key in ["actualStart", "completedOn", "completionKnownOn"] { dateProblem(key, v, today: today, into: &found) }
        if let s = Day(parsing: v["plannedStart"] ?? ""), let e = Day(parsing: v["plannedEnd"] ?? ""), e < s {
            found["plannedEnd"] = "is before the planned start \(s)"
        }
        let hours = (v["weeklyHours"] ?? "").trimmingSpaces
        if !hours.isEmpty, Double(hours).map({ (0...80).contains($0) }) != true { found["weeklyHours"] = "a number of hours, 0 to 80" }
        if v["provider"] == ProviderKind.partner.rawValue, optionalText(v["partnerName"]) == nil {
            found["partnerName"] = "name the partner"
        }
        let status = ServiceStatus(rawValue: v["status"] ?? "") ?? .notStarted
        let started = optionalText(v["actualStart"]) != nil
        if status != .notStarted, !started { found["actualStart"] = "a started service has an actual start date" }
        if status == .notStarted, started { found["status"] = "it started: set the status to Open" }
        if status.isClosed {
            if optionalText(v["completedOn"]) == nil { found["completedOn"] = "when did it end?" }
            if optionalText(v["completionKnownOn"]) == nil { found["completionKnownOn"] = "when did you learn it ended?" }
        } else if optionalText(v["completedOn"]) != nil {
            found["status"] = "it ended: choose Complete or Did Not Complete"
        }
        if let a = Day(parsing: v["actualStart"] ?? ""), let c = Day(parsing: v["completedOn"] ?? ""), c < a {
            found["completedOn"] = "is before the actual start \(a)"
        }
        if let c = Day(parsing: v["completedOn"] ?? ""), let k = Day(parsing: v["completionKnownOn"] ?? ""), k < c {
            found["completionKnownOn"] = "is before it ended (\(c))"
        }
        return found
    }

    public static func values(_ s: PlanService) -> [String: String] {
        ["provider": s.provider.rawValue, "partnerName": s.partnerName ?? "", "plannedStart": s.plannedStart?.description ?? "",
         "plannedEnd": s.plannedEnd?.description ?? "",
         "weeklyHours": s.weeklyHours.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "",
         "status": s.status.rawValue, "actualStart": s.actualStart?.description ?? "",
         "completedOn": s.completedOn?.description ?? "", "completionKnownOn": s.completionKnownOn?.description ?? "",
         "credential": s.credential ?? ""]
    }

    /// The service with the form's answers; `today` stamps a newly recorded closing.
    public static func apply(_ v: [String: String], to s: PlanService, today: Day) -> PlanService {
        var out = s
        func day(_ k: String) -> Day? { optionalText(v[k]).flatMap { Day(parsing: $0) } }
        out.provider = ProviderKind(rawValue: v["provider"] ?? "") ?? s.provider
        out.partnerName = out.provider == .partner ? optionalText(v["partnerName"]) : nil
        out.plannedStart = day("plannedStart")
        out.plannedEnd = day("plannedEnd")
        out.weeklyHours = optionalText(v["weeklyHours"]).flatMap { Double($0) }
        out.status = ServiceStatus(rawValue: v["status"] ?? "") ?? s.status
        out.actualStart = day("actualStart")
        out.completedOn = day("completedOn")
        out.completionKnownOn = day("completionKnownOn")
        out.credential = optionalText(v["credential"])
        if out.status.isClosed && !s.status.isClosed { out.closedRecordedOn = today }
        if !out.status.isClosed { out.closedRecordedOn = nil }
        return out
    }
}
