/// One audited write: who, when, which record, and each field's old and new value.
public struct AuditEntry: Hashable, Codable, Sendable {
    public var at: String
    public var login: String
    public var entity: String
    public var key: String?
    public var action: String
    public var changes: [FieldChange]
    /// What the write did in the record's own words, where its fields would
    /// not say it plainly: a plan save's changes as the plan's history lists
    /// them ("added goal: …"), not the body's JSON paths. Empty otherwise.
    public var summary: [String] = []

    /// "2026-11-23 09:04 CST mrivera changed customer C000004", in the area's time.
    public var line: String {
        let verb = action == "insert" ? "added" : action == "delete" ? "deleted" : action == "update" ? "changed" : action
        let shownKey = entity == "customer" ? key.flatMap(Int64.init).map { CustomerID($0).description } ?? key : key
        return "\(AreaTime.shown(at, in: .current)) \(login) \(verb) \(entity.replacingOccurrences(of: "_", with: " "))"
            + (shownKey.map { " \($0)" } ?? "")
    }

    /// The lines under `line`: the summary when there is one, else each
    /// field's old and new value.
    public var details: [String] {
        summary.isEmpty ? changes.map { "\($0.field): \($0.old) → \($0.new)" } : summary
    }

    public init(at: String, login: String, entity: String, key: String?, action: String, changes: [FieldChange],
                summary: [String] = []) {
        self.at = at
        self.login = login
        self.entity = entity
        self.key = key
        self.action = action
        self.changes = changes
        self.summary = summary
    }
}
