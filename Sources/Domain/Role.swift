/// What a staff member may do (POLICY.md section 7).
public enum Role: String, CaseIterable, Codable, Sendable {
    case frontDesk = "front-desk"
    case planner = "planner"
    case supervisor = "supervisor"
    case administrator = "administrator"

    /// As typed on the command line: "front-desk", "planner", "supervisor", "administrator".
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public var name: String {
        switch self {
        case .frontDesk: "Front desk"
        case .planner: "Career planner"
        case .supervisor: "Supervisor"
        case .administrator: "Administrator"
        }
    }
}

/// Things a role may or may not do; checked by the Store before it writes,
/// not only by hiding keys.
public enum Permission: String, Sendable {
    case enterCustomer = "enter customers"
    case takeApplication = "take applications"
    case certifyEligibility = "certify eligibility"
    case assess = "assess customers or enroll them"
    case editPlan = "edit career plans"
    case caseWork = "write case notes, referrals, outcomes and exits"
    case changeSettings = "change the area's settings"
    case manageStaff = "add staff or change their roles"
    case reassign = "hand a caseload to another planner"
    case readAudit = "read the audit trail"
    case runReports = "run reports"
    case exportData = "export, back up or import the data file"
    case runExits = "run the automatic exits"
}

extension Role {
    public func may(_ permission: Permission) -> Bool {
        switch permission {
        case .enterCustomer, .takeApplication: self != .supervisor
        case .certifyEligibility, .assess, .editPlan, .caseWork: self == .planner || self == .administrator
        case .changeSettings, .manageStaff: self == .administrator
        case .reassign, .readAudit: self == .supervisor || self == .administrator
        // A planner's reports hold their own reach only (CaseloadStore+Reports).
        case .runReports: self != .frontDesk
        case .exportData, .runExits: self == .administrator
        }
    }
}

extension Permission {
    /// The signed-in user when they may do this; the reason in words when
    /// they may not (not on staff, or a role without it). The Store asks
    /// before every write; screens ask only to explain early.
    @discardableResult
    public func check(by user: Staff?) throws -> Staff {
        guard let user else { throw StoreError.notOnStaff }
        guard user.role.may(self) else {
            throw StoreError.notPermitted(login: user.login, role: user.role.name, action: rawValue)
        }
        return user
    }
}
