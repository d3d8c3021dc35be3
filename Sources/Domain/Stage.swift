/// Where a customer is in the journey of POLICY.md section 1.
public enum Stage: String, CaseIterable, Codable, Sendable {
    case reportable, applied, eligible, enrolled, exited, followUp = "follow-up"

    public var name: String {
        switch self {
        case .reportable: "Reportable"
        case .applied: "Applied"
        case .eligible: "Eligible"
        case .enrolled: "Enrolled"
        case .exited: "Exited"
        case .followUp: "Follow-up"
        }
    }

    public var explanation: String {
        switch self {
        case .reportable: "reportable individual: basic identifying data only"
        case .applied: "application taken, eligibility not yet determined"
        case .eligible: "determined eligible, not yet enrolled"
        case .enrolled: "participant: enrolled and receiving services"
        case .exited: "exited from the program"
        case .followUp: "exited: in the 12-month follow-up window"
        }
    }
}
