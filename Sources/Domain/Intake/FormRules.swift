/// Checks shared by the record forms (jobs, schooling, barriers, assessments).
func optionalText(_ text: String?) -> String? {
    let t = (text ?? "").trimmingSpaces
    return t.isEmpty ? nil : t
}

public func requiredProblems(_ fields: [FormField], _ v: [String: String]) -> [String: String] {
    var found: [String: String] = [:]
    for f in fields where f.isRequired && (v[f.key] ?? "").trimmingSpaces.isEmpty {
        found[f.key] = "\(f.label.trimmingSpaces) is required"
    }
    return found
}

func dateFormatProblem(_ text: String?) -> String? {
    let t = (text ?? "").trimmingSpaces
    return t.isEmpty || Day(parsing: t) != nil ? nil : "not a date; type " + Day.acceptedFormats
}

/// A date that must be well-formed and not in the future.
func dateProblem(_ key: String, _ v: [String: String], today: Day, into found: inout [String: String]) {
    if let bad = dateFormatProblem(v[key]) { found[key] = bad; return }
    if let d = Day(parsing: v[key] ?? ""), d > today { found[key] = "is in the future" }
}
