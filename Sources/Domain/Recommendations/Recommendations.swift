/// Proposes assessments, goals with their steps and services, and
/// supportive services from what is known of a customer, by the conditions
/// written in the services matrix (003: recommendations are a starting
/// point; the planner chooses).
public enum Recommendations {
    public static func propose(facts: CustomerFacts, placeholders: [String: String], assessments: [AssessmentRecord],
                               matrix: ServicesMatrix, on day: Day) -> [Recommendation] {
        var out: [Recommendation] = []
        for rule in matrix.assessmentRules {
            guard let why = facts.firstMatch(rule.when) else { continue }
            let done = assessments.contains { $0.instrument == rule.instrument && $0.subject == rule.subject && $0.isUsable(on: day) }
            if done { continue }
            out.append(Recommendation(key: "assessment:\(rule.instrument.rawValue):\(rule.subject.rawValue)",
                                      kind: .assessment(rule.instrument, rule.subject),
                                      text: "\(rule.instrument.label): \(rule.subject.label)", reasons: why, missing: [],
                                      serviceID: nil, steps: []))
        }
        for entry in matrix.services {
            let conditions = (entry.recommendWhen ?? []) + (entry.addresses ?? []).map { ["barrier:" + $0] }
            guard let why = facts.firstMatch(conditions) else { continue }
            if let goal = entry.goals.first {
                let text = Placeholder.fill(goal.text, placeholders)
                let steps = goal.steps.map { Placeholder.fill($0, placeholders) }
                let missing = Array(Set(([text] + steps).flatMap(Placeholder.names(in:)))).sorted()
                    .map { "collect: \($0) (\(Self.source($0)))" }
                out.append(Recommendation(key: "goal:\(entry.id)", kind: .goal(goal), text: text, reasons: why,
                                          missing: missing, serviceID: entry.id, steps: steps))
            } else {
                out.append(Recommendation(key: "service:\(entry.id)", kind: .service, text: entry.name, reasons: why,
                                          missing: [], serviceID: entry.id, steps: []))
            }
        }
        return out
    }

    /// Where the data for a placeholder is collected.
    static func source(_ placeholder: String) -> String {
        switch placeholder {
        case "target career field": "a job in the GSA's employment history"
        default: "the GSA's goals: target occupation"
        }
    }
}
