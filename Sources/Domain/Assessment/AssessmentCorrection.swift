/// A recorded assessment corrected (a score typed wrong, the wrong date):
/// the record shows the corrected values and keeps every correction with
/// who, when, why and each field's old and new value, like the barrier
/// register. Nothing is overwritten silently.
public struct AssessmentCorrection: Hashable, Codable, Sendable {
    public var at: String
    public var by: String
    public var reason: String
    public var changes: [FieldChange]

    public init(at: String, by: String, reason: String, changes: [FieldChange]) {
        self.at = at
        self.by = by
        self.reason = reason
        self.changes = changes
    }
}

extension AssessmentRecord {
    /// The record as form values, to correct it.
    public var values: [String: String] {
        ["instrument": instrument.rawValue, "otherName": otherName ?? "", "version": version ?? "", "subject": subject.rawValue,
         "source": source.rawValue, "administeredOn": administeredOn?.description ?? "", "result": result ?? "",
         "analysis": analysis ?? "", "givenBy": givenBy, "notCompletedReason": notCompletedReason ?? ""]
    }

    public static let correctionFields = fields + [
        FormField("why", "Why corrected", hint: "e.g. score typed wrong; the report says 512", required: true),
    ]

    public func correctionProblems(_ v: [String: String], today: Day) -> [String: String] {
        var found = Self.problems(v, today: today).merging(requiredProblems(Self.correctionFields, v)) { a, _ in a }
        if found.isEmpty, changes(to: v, today: today).isEmpty { found["result"] = "nothing changed" }
        return found
    }

    /// Each field whose value the correction changes, by its label.
    func changes(to v: [String: String], today: Day) -> [FieldChange] {
        guard let next = AssessmentRecord(v, id: id, customer: customer, recordedBy: recordedBy, today: today) else { return [] }
        let before = values, after = next.values
        return Self.fields.compactMap { f in
            before[f.key] == after[f.key] ? nil : FieldChange(field: f.label, old: before[f.key] ?? "", new: after[f.key] ?? "")
        }
    }

    /// The corrected record, its history grown by one; nil while the form is wrong.
    public func correcting(_ v: [String: String], by login: String, at time: String, today: Day) -> AssessmentRecord? {
        guard correctionProblems(v, today: today).isEmpty,
              var next = AssessmentRecord(v, id: id, customer: customer, recordedBy: recordedBy, today: today) else { return nil }
        next.corrections = (corrections ?? []) + [AssessmentCorrection(at: time, by: login, reason: (v["why"] ?? "").trimmingSpaces,
                                                                      changes: changes(to: v, today: today))]
        return next
    }
}
