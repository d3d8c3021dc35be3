/// One planner covering another's caseload for a while (leave, a vacancy):
/// from `from` to `until`, both included, they open and work those
/// customers as their own.
public struct Covering: Hashable, Codable, Sendable {
    public var login: String
    public var forLogin: String
    public var from: Day
    public var until: Day
    public var reason: String
    public var grantedBy: String

    public init(login: String, forLogin: String, from: Day, until: Day, reason: String, grantedBy: String) {
        self.login = login
        self.forLogin = forLogin
        self.from = from
        self.until = until
        self.reason = reason
        self.grantedBy = grantedBy
    }

    public func runs(on day: Day) -> Bool { from <= day && day <= until }

    /// What is wrong with it, in words; nil when it is fine.
    public var problem: String? {
        if login == forLogin { return "a planner cannot cover their own caseload" }
        if until < from { return "it ends (\(until)) before it starts (\(from))" }
        if from.adding(days: 366) < until { return "cover for at most a year; hand the caseload over instead" }
        if reason.trimmingSpaces.isEmpty { return "say why (--reason \"...\")" }
        return nil
    }
}

/// Whose customers a staff member may open and work (POLICY.md section 7):
/// a career planner their own, those no planner has taken on yet, and the
/// caseloads they cover; every other role every customer (what each role
/// may do to them is `Role.may`).
public enum CaseloadReach: Hashable, Sendable {
    case everyone
    case planners(Set<String>)

    public static func of(_ user: Staff, coverings: [Covering], on day: Day) -> CaseloadReach {
        guard user.role == .planner else { return .everyone }
        let covered = coverings.filter { $0.login == user.login && $0.runs(on: day) }.map(\.forLogin)
        return .planners(Set([user.login] + covered))
    }

    /// Whether a customer assigned to `planner` (nil: nobody yet) is in reach.
    public func includes(planner: String?) -> Bool {
        switch self {
        case .everyone: true
        case .planners(let logins): planner.map(logins.contains) ?? true
        }
    }
}

extension CaseloadReach {
    /// Refuses `user` the customers of `planner` outside this reach, naming
    /// whose they are ("work María Rivera's customers unless covering for
    /// them"); `name` is asked only when refusing.
    public func require(_ planner: String?, by user: Staff, to verb: String, name: () throws -> String? = { nil }) throws {
        guard !includes(planner: planner) else { return }
        throw StoreError.notPermitted(login: user.login, role: user.role.name,
                                      action: "\(verb) \(try name() ?? planner ?? "another planner")'s customers unless covering for them")
    }
}
