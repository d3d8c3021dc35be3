/// What is wrong with a form's values: a message per field, named by the
/// field's label. A Domain constructor returns the value or these, so a
/// record is checked once, where it is made, and the Store takes values.
public struct FieldProblems: Error, Equatable, CustomStringConvertible {
    public var byField: [String: String]
    public let fields: [FormField]

    public init(_ byField: [String: String], fields: [FormField]) {
        self.byField = byField
        self.fields = fields
    }

    /// "not saved: Date given: is in the future; …", as the Store words a refusal.
    public var description: String { "not saved: " + summary }

    /// "Date given: is in the future; Score or result: the score, or say why it was not completed".
    public var summary: String {
        byField.map { key, text in
            let label = fields.first { $0.key == key }?.label.trimmingSpaces ?? key
            // "Why corrected is required" names its field already.
            return text.hasPrefix(label) ? text : "\(label): \(text)"
        }
        .sorted().joined(separator: "; ")
    }

    /// The value `make` builds when nothing was found wrong.
    static func check<T>(_ found: [String: String], _ fields: [FormField], _ make: () -> T?) -> Result<T, FieldProblems> {
        guard found.isEmpty, let value = make() else {
            // Nothing found wrong yet nothing made: a value the checks missed, said rather than dropped.
            return .failure(FieldProblems(found.isEmpty ? ["": "the form's values could not be read"] : found, fields: fields))
        }
        return .success(value)
    }
}

extension Result where Failure == FieldProblems {
    /// The problems by field; empty when the value was made.
    public var problems: [String: String] {
        if case .failure(let p) = self { return p.byField }
        return [:]
    }
}
