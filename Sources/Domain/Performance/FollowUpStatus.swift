/// What a follow-up contact learned, coded so that performance can count
/// it: the planner still writes the details in words.
public enum FollowUpStatus: String, CaseIterable, Codable, Sendable {
    case employed
    /// In education or training (counts for a youth's placement).
    case education
    case notEmployed = "not-employed"
    /// The contact did not learn it.
    case unknown

    public var label: String {
        switch self {
        case .employed: "employed"
        case .education: "in education or training"
        case .notEmployed: "not employed, not in education or training"
        case .unknown: "not known"
        }
    }

    public static var choices: [FormChoice] { allCases.map { FormChoice($0.rawValue, $0.label) } }

    /// The status a follow-up note records; nil for notes written before it was asked.
    public init?(note: CaseNote) {
        guard let raw = note.answers["status"], let status = FollowUpStatus(rawValue: raw) else { return nil }
        self = status
    }
}
