/// An outcome recorded wrong (the hire date, the wage) is corrected, not
/// entered again: its kind stays, the day it was entered stays (a late entry
/// stays late), and each correction keeps who, when, why and the old values.
extension Outcome {
    /// The outcome as form values, to correct it.
    public var values: [String: String] {
        answers.merging(["on": on.description, "knownOn": knownOn.description]) { _, date in date }
    }

    public static func correctionFields(for kind: OutcomeKind) -> [FormField] {
        fields(for: kind) + [Correction.whyField(hint: "e.g. the pay stub shows $18.25, not $17.50")]
    }

    public func correctionProblems(_ v: [String: String], today: Day, enrolledOn: Day?) -> [String: String] {
        var found = Self.problems(v, kind: kind, today: today, enrolledOn: enrolledOn)
            .merging(requiredProblems(Self.correctionFields(for: kind), v)) { a, _ in a }
        if found.isEmpty, changes(to: v, today: today, enrolledOn: enrolledOn).isEmpty {
            found[Self.fields(for: kind)[0].key] = "nothing changed"
        }
        return found
    }

    func changes(to v: [String: String], today: Day, enrolledOn: Day?) -> [FieldChange] {
        guard case .success(let next) = Self.checked(v, kind: kind, customer: customer, by: recordedBy, today: today,
                                                     enrolledOn: enrolledOn)
        else { return [] }
        return Correction.changes(Self.fields(for: kind), from: values, to: next.values)
    }

    /// The corrected outcome, its history grown by one (the Store stamps who
    /// and when as it saves), or what is wrong with the form.
    public func correcting(_ v: [String: String], today: Day, enrolledOn: Day?) -> Result<Outcome, FieldProblems> {
        FieldProblems.check(correctionProblems(v, today: today, enrolledOn: enrolledOn), Self.correctionFields(for: kind)) {
            guard case .success(let made) = Self.checked(v, kind: kind, customer: customer, by: recordedBy, today: today,
                                                         enrolledOn: enrolledOn)
            else { return nil }
            var next = self
            next.on = made.on
            next.knownOn = made.knownOn
            next.answers = made.answers
            next.corrections = Correction.appended(to: corrections, v, changes: changes(to: v, today: today, enrolledOn: enrolledOn))
            return next
        }
    }
}
