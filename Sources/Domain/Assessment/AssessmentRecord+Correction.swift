extension AssessmentRecord {
    /// The record as form values, to correct it.
    public var values: [String: String] {
        ["instrument": instrument.rawValue, "otherName": otherName ?? "", "version": version ?? "", "subject": subject.rawValue,
         "source": source.rawValue, "administeredOn": administeredOn?.description ?? "", "result": result ?? "",
         "analysis": analysis ?? "", "givenBy": givenBy, "notCompletedReason": notCompletedReason ?? ""]
    }

    public static let correctionFields = fields + [Correction.whyField(hint: "e.g. score typed wrong; the report says 512")]

    public func correctionProblems(_ v: [String: String], today: Day) -> [String: String] {
        var found = Self.problems(v, today: today).merging(requiredProblems(Self.correctionFields, v)) { a, _ in a }
        if found.isEmpty, changes(to: v, today: today).isEmpty { found["result"] = "nothing changed" }
        return found
    }

    /// Each field whose value the correction changes, by its label.
    func changes(to v: [String: String], today: Day) -> [FieldChange] {
        guard case .success(let next) = Self.checked(v, id: id, customer: customer, recordedBy: recordedBy, today: today)
        else { return [] }
        return Correction.changes(Self.fields, from: values, to: next.values)
    }

    /// The corrected record, its history grown by one (the Store stamps who
    /// and when as it saves), or what is wrong with the form.
    public func correcting(_ v: [String: String], today: Day) -> Result<AssessmentRecord, FieldProblems> {
        FieldProblems.check(correctionProblems(v, today: today), Self.correctionFields) {
            guard case .success(var next) = Self.checked(v, id: id, customer: customer, recordedBy: recordedBy, today: today)
            else { return nil }
            next.corrections = Correction.appended(to: corrections, v, changes: changes(to: v, today: today))
            return next
        }
    }
}
