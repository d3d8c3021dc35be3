import Foundation

/// A record corrected (an assessment score typed wrong, an outcome's wrong
/// hire date): the record shows the corrected values and keeps every
/// correction with who, when, why and each field's old and new value, like
/// the barrier register. Nothing is overwritten silently.
public struct Correction: Hashable, Codable, Sendable {
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

    /// "2026-12-01 mrivera: Score or result "152" → "512" (digits swapped)",
    /// dated by the area's day.
    public func line(in zone: TimeZone) -> String {
        Self.line(at: at, by: by, changes: changes, in: zone) + " (\(reason))"
    }

    public static func line(at time: String, by login: String, changes: [FieldChange], in zone: TimeZone) -> String {
        let day = AreaTime.day(of: time, in: zone)?.description ?? String(time.prefix(10))
        return "\(day) \(login): " + changes.map { "\($0.field) \"\($0.old)\" → \"\($0.new)\"" }.joined(separator: "; ")
    }

    /// The reason every correction form asks for.
    public static func whyField(hint: String) -> FormField {
        FormField("why", "Why corrected", .paragraph, hint: hint, required: true)
    }

    /// Each field of `fields` whose value differs, by its label.
    public static func changes(_ fields: [FormField], from before: [String: String], to after: [String: String]) -> [FieldChange] {
        fields.compactMap { f in
            before[f.key] ?? "" == after[f.key] ?? "" ? nil : FieldChange(field: f.label, old: before[f.key] ?? "", new: after[f.key] ?? "")
        }
    }

    /// The record's history grown by this correction, not yet stamped:
    /// the Store writes who and when (`stamped`) as it saves.
    static func appended(to history: [Correction]?, _ v: [String: String], changes: [FieldChange]) -> [Correction] {
        (history ?? []) + [Correction(at: "", by: "", reason: (v["why"] ?? "").trimmingSpaces, changes: changes)]
    }

    /// The history with its newest correction stamped: by whom, at what time.
    public static func stamped(_ history: [Correction]?, by login: String, at time: String) -> [Correction]? {
        guard var all = history, !all.isEmpty else { return history }
        all[all.count - 1].by = login
        all[all.count - 1].at = time
        return all
    }
}
