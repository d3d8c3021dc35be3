/// What a staff member may do (POLICY.md section 7).
public enum Role: String, CaseIterable, Codable, Sendable {
    case frontDesk = "front-desk"
    case planner = "planner"
    case supervisor = "supervisor"
    case administrator = "administrator"

    public var name: String {
        switch self {
        case .frontDesk: "Front desk"
        case .planner: "Career planner"
        case .supervisor: "Supervisor"
        case .administrator: "Administrator"
        }
    }
}
