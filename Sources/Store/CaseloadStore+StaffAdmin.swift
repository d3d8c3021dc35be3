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
        let reason = try Self.requireReason(reason)
        return try write { db in
            guard try Self.staff(db, login: from) != nil else { throw StoreError.notFound("staff member \(from)") }
            try Self.requirePlanner(to, db)
            try db.cached(sql: "UPDATE customer SET planner = ?, version = version + 1 WHERE planner = ?", arguments: [to, from])
            let moved = db.changesCount
            try db.cached(sql: """
                INSERT INTO caseload_handoff (from_login, to_login, reason, customers, by_login, on_day, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [from, to, reason, moved, user.login, today.description, timestamp()])
            return moved
        }
    }

    /// Marks a staff member as gone from `day`: they no longer sign in (a
    /// session still open is refused at its next save) and cannot be given
    /// customers; their notes, signatures and the audit keep their name. A
    /// planner's customers go to `handOffTo` in the same transaction (a
    /// planner who still has customers is refused without one); their covers
    /// end that day.
    @discardableResult
    public func deactivate(_ login: String, on day: Day, reason: String, handOffTo: String?, by user: Staff?) throws -> Int {
        let user = try Self.permit(.manageStaff, by: user)
        let why = try Self.requireReason(reason)
        guard login != user.login else { throw StoreError.invalid("you cannot deactivate yourself; another administrator can") }
        return try write { db in
            guard let member = try Self.staff(db, login: login) else { throw StoreError.notFound("staff member \(login)") }
            if let on = member.leftOn { throw StoreError.invalid("\(login) already left on \(on)") }
            let customers = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer WHERE planner = ?", arguments: [login]) ?? 0
            var moved = 0
            if let to = handOffTo {
                try Self.requirePlanner(to, db)
                guard to != login else { throw StoreError.invalid("hand \(login)'s customers to another planner") }
                try db.cached(sql: "UPDATE customer SET planner = ?, version = version + 1 WHERE planner = ?", arguments: [to, login])
                moved = db.changesCount
                try db.cached(sql: """
                    INSERT INTO caseload_handoff (from_login, to_login, reason, customers, by_login, on_day, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [login, to, why, moved, user.login, day.description, timestamp()])
            } else if customers > 0 {
                throw StoreError.invalid("\(login) still has \(customers == 1 ? "1 customer" : "\(customers) customers"); "
                                         + "give them to another planner (--hand-off-to LOGIN)")
            }
            try db.cached(sql: "DELETE FROM covering WHERE (login = ? OR for_login = ?) AND from_day > ?",
                          arguments: [login, login, day.description])
            try db.cached(sql: "UPDATE covering SET until_day = ? WHERE (login = ? OR for_login = ?) AND until_day > ?",
                          arguments: [day.description, login, login, day.description])
            try db.cached(sql: "UPDATE staff SET left_on = ?, left_reason = ? WHERE login = ?",
                          arguments: [day.description, why, login])
            return moved
        }
    }

    /// Brings back a staff member who left (they came back, or left by mistake).
    public func reactivate(_ login: String, by user: Staff?) throws {
        try Self.permit(.manageStaff, by: user)
        try write { db in
            guard let member = try Self.staff(db, login: login) else { throw StoreError.notFound("staff member \(login)") }
            guard member.leftOn != nil else { throw StoreError.invalid("\(login) has not left") }
            try db.cached(sql: "UPDATE staff SET left_on = NULL, left_reason = NULL WHERE login = ?", arguments: [login])
        }
    }

    /// A session opened before its user left is refused at its next write.
    static func refuseDeparted(_ login: String?, _ db: Database) throws {
        guard let login, let left = try String.fetchOne(db, sql: "SELECT left_on FROM staff WHERE login = ?", arguments: [login]),
              let on = Day(parsing: left) else { return }
        throw StoreError.leftStaff(login: login, on: on)
    }

    /// Who may add an account to the staff list: for the message an unknown account gets.
    public func administrators() throws -> [Staff] {
        try staff().filter { $0.role == .administrator }
    }

    /// The staff member's role, or why they cannot be named here.
    @discardableResult
    static func requireStaff(_ login: String, _ db: Database) throws -> String {
        try requireStaff(login, member: try staff(db, login: login)).role.rawValue
    }

    static func requirePlanner(_ login: String, _ db: Database) throws {
        try requirePlanner(login, member: try staff(db, login: login))
    }

    // The checks both stores make before a hand-off or a departure, in the same words.

    /// `member` (as read for `login`), refused when missing or gone.
    @discardableResult
    public static func requireStaff(_ login: String, member: Staff?) throws -> Staff {
        guard let member else { throw StoreError.notFound("staff member \(login)") }
        if let on = member.leftOn { throw StoreError.invalid("\(login) left the staff on \(on)") }
        return member
    }

    public static func requirePlanner(_ login: String, member: Staff?) throws {
        if try requireStaff(login, member: member).role != .planner { throw StoreError.invalid("\(login) is not a career planner") }
    }

    /// The reason given for a hand-off or a departure, trimmed; refused when empty.
    public static func requireReason(_ reason: String) throws -> String {
        let why = reason.trimmingCharacters(in: .whitespaces)
        guard !why.isEmpty else { throw StoreError.invalid("say why (--reason \"...\")") }
        return why
    }
}

/// Hand-offs, covers ended early and staff who leave, as both stores do them (Domain `StaffChanges`).
extension CaseloadStore: StaffChanges {}
