import Domain
import GRDB

/// Staff records and caseload hand-offs: administrators manage staff,
/// supervisors and administrators hand caseloads over, with the reason kept.
extension CaseloadStore {
    @discardableResult
    public func addStaff(_ s: Staff, by user: Staff?) throws -> Staff {
        try Self.permit(.manageStaff, by: user)
        if let problem = Staff.problem(login: s.login, name: s.name) { throw StoreError.invalid(problem) }
        return try write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM staff WHERE login = ?", arguments: [s.login]) != nil {
                throw StoreError.invalid("\(s.login) is already on the staff list")
            }
            try Self.insert(staff: [s], db)
            return s
        }
    }

    public func setRole(_ login: String, to role: Role, by user: Staff?) throws {
        let user = try Self.permit(.manageStaff, by: user)
        try write { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM staff WHERE login = ?", arguments: [login]) != nil else {
                throw StoreError.notFound("staff member \(login)")
            }
            if login == user.login, role != .administrator {
                let admins = try Int.fetchOne(db, sql: "SELECT count(*) FROM staff WHERE role = ?",
                                              arguments: [Role.administrator.rawValue]) ?? 0
                guard admins > 1 else { throw StoreError.invalid("you are the only administrator; make someone else one first") }
            }
            try db.cached(sql: "UPDATE staff SET role = ? WHERE login = ?", arguments: [role.rawValue, login])
        }
    }

    /// Every customer of planner `from` goes to planner `to`; returns how many.
    @discardableResult
    public func handOff(from: String, to: String, reason: String, by user: Staff?, today: Day) throws -> Int {
        let user = try Self.permit(.reassign, by: user)
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.invalid("say why (--reason \"...\")") }
        return try write { db in
            try Self.requireStaff(from, db)
            try Self.requirePlanner(to, db)
            try db.cached(sql: "UPDATE customer SET planner = ?, version = version + 1 WHERE planner = ?", arguments: [to, from])
            let moved = db.changesCount
            try db.cached(sql: """
                INSERT INTO caseload_handoff (from_login, to_login, reason, customers, by_login, on_day, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [from, to, reason, moved, user.login, today.description, Self.timestamp()])
            return moved
        }
    }

    /// Who may add an account to the staff list: for the message an unknown account gets.
    public func administrators() throws -> [Staff] {
        try staff().filter { $0.role == .administrator }
    }

    /// The staff member's role, or why they cannot be named here.
    @discardableResult
    static func requireStaff(_ login: String, _ db: Database) throws -> String {
        guard let role = try String.fetchOne(db, sql: "SELECT role FROM staff WHERE login = ?", arguments: [login]) else {
            throw StoreError.notFound("staff member \(login)")
        }
        return role
    }

    static func requirePlanner(_ login: String, _ db: Database) throws {
        if try requireStaff(login, db) != Role.planner.rawValue { throw StoreError.invalid("\(login) is not a career planner") }
    }
}
