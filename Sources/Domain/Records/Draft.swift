/// What a user had typed into a form and not saved, kept in the data file
/// every few seconds and when the connection drops, until they save it or
/// throw it away. Only its own user ever sees a draft: the Store reads and
/// writes the drafts of the account it writes as (its audit actor), never
/// of a login a caller names, and only careerplan opens the file.
public struct Draft: Hashable, Sendable {
    public var values: [String: String]
    /// ISO 8601, UTC.
    public var savedAt: String

    public init(values: [String: String], savedAt: String) {
        self.values = values
        self.savedAt = savedAt
    }
}
