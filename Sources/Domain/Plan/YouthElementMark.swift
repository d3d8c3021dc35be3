/// What the planner and the youth decided about one of the fourteen program
/// elements (ISS): considered, provided by a service on the plan, or not
/// needed, each with its date. An element with no mark has not been
/// considered yet.
public enum ElementDecision: String, Codable, CaseIterable, Sendable, Labeled {
    case considered, provided, notNeeded = "not-needed"
    public var label: String {
        switch self {
        case .considered: "considered"
        case .provided: "provided"
        case .notNeeded: "not needed"
        }
    }
}

public struct YouthElementMark: Hashable, Codable, Sendable {
    /// 1 to 14 (`YouthElement`).
    public var element: Int
    public var decision: ElementDecision
    /// The day it was considered or found not needed, or provision began.
    public var on: Day
    /// The last day it was provided, once over.
    public var until: Day?
    /// The plan service (its id on the plan) that provides it.
    public var service: Int?
    /// Why it is not needed, or how it is provided.
    public var note: String?

    public init(element: Int, decision: ElementDecision, on: Day, until: Day? = nil, service: Int? = nil, note: String? = nil) {
        self.element = element
        self.decision = decision
        self.on = on
        self.until = until
        self.service = service
        self.note = note
    }

    // MARK: The form

    /// The form for one element of this plan: its service choices are the
    /// plan's services that provide the element.
    public static func fields(element: Int, plan: CareerPlan, matrix: ServicesMatrix) -> [FormField] {
        let services = plan.services(providing: element, matrix)
        return [
            FormField("decision", "Decision", .choice(ElementDecision.choices)),
            FormField("on", "On", .date, hint: "the day it was considered or found not needed, or began; " + Day.acceptedFormats,
                      required: true),
            FormField("until", "Provided until", .date, hint: "the last day it was provided, once it is over"),
            FormField("service", "Provided by", .choice([FormChoice("", "— no service")]
                                                        + services.map { FormChoice(String($0.id), $0.name) }),
                      hint: services.isEmpty ? "no service on the plan provides it: add one (v on a step) first"
                                             : "the service on the plan that provides it"),
            FormField("note", "Notes", .paragraph, hint: "why it is not needed, or how it is provided"),
        ]
    }

    /// The mark the form's answers make, or what is wrong with them: a
    /// provided element names a service of the plan that provides it; a
    /// not-needed one says why; no date is in the future.
    public static func checked(_ v: [String: String], element: Int, plan: CareerPlan, matrix: ServicesMatrix,
                               today: Day) -> Result<YouthElementMark, FieldProblems> {
        let fields = fields(element: element, plan: plan, matrix: matrix)
        var found = requiredProblems(fields, v)
        dateProblem("on", v, today: today, into: &found)
        dateProblem("until", v, today: today, into: &found)
        let decision = ElementDecision(rawValue: v["decision"] ?? "") ?? .considered
        let on = Day(parsing: v["on"] ?? "")
        let until = optionalText(v["until"]).flatMap { Day(parsing: $0) }
        if let on, let until, until < on { found["until"] = "is before \(on)" }
        if until != nil, decision != .provided { found["until"] = "only for a provided element" }
        let service = optionalText(v["service"]).flatMap(Int.init)
        if decision == .provided, service == nil {
            found["service"] = plan.services(providing: element, matrix).isEmpty
                ? "add a service that provides it to the plan first (v on a step)" : "which service provides it?"
        }
        if decision == .notNeeded, optionalText(v["note"]) == nil { found["note"] = "say why it is not needed" }
        let mark = YouthElementMark(element: element, decision: decision, on: on ?? today, until: until,
                                    service: decision == .notNeeded ? nil : service, note: optionalText(v["note"]))
        if found.isEmpty, let problem = mark.problem(in: plan, matrix: matrix) { found["service"] = problem }
        guard found.isEmpty else { return .failure(FieldProblems(found, fields: fields)) }
        return .success(mark)
    }

    /// What makes the mark wrong for this plan, as the Store checks a saved
    /// plan: an element outside 1 to 14, or a service that is not on the
    /// plan or does not provide the element.
    public func problem(in plan: CareerPlan, matrix: ServicesMatrix) -> String? {
        guard (1...14).contains(element) else { return "youth program element \(element) does not exist (1 to 14)" }
        guard let service else { return nil }
        guard let s = plan.allServices.first(where: { $0.id == service }) else {
            return "element \(element) (\(YouthElement.name(element))) names a service no longer on the plan"
        }
        guard matrix.service(s.serviceID)?.providesYouthElement == element else {
            return "\(s.name) does not provide element \(element) (\(YouthElement.name(element)))"
        }
        return nil
    }

    /// The first thing wrong with a plan's marks (the Store refuses to save
    /// it): one mark's problem, or two marks for one element.
    public static func problem(in plan: CareerPlan, matrix: ServicesMatrix) -> String? {
        var seen: Set<Int> = []
        for mark in plan.youthElements {
            if let problem = mark.problem(in: plan, matrix: matrix) { return problem }
            if !seen.insert(mark.element).inserted { return "youth program element \(mark.element) is marked twice" }
        }
        return nil
    }

    public var values: [String: String] {
        ["decision": decision.rawValue, "on": on.description, "until": until?.description ?? "",
         "service": service.map(String.init) ?? "", "note": note ?? ""]
    }

    /// "provided from 2026-03-02 to 2026-05-29 by Paid Work Experience".
    public func describe(in plan: CareerPlan) -> String { decision.label + " " + details(in: plan) }

    /// What follows the decision: "from 2026-03-02 to 2026-05-29 by Paid Work Experience".
    public func details(in plan: CareerPlan) -> String {
        let by = service.flatMap { id in plan.allServices.first { $0.id == id }?.name }
        switch decision {
        case .considered: return on.description + (by.map { " · planned: \($0)" } ?? "")
        case .notNeeded: return "(\(on))" + (note.map { ": \($0)" } ?? "")
        case .provided: return "from \(on)" + (until.map { " to \($0)" } ?? "") + (by.map { " by \($0)" } ?? "")
        }
    }
}
