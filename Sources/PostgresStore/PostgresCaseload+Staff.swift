import Domain
import Foundation
import Store

/// Handing a caseload over, covers ending early and staff who leave, on
/// PostgreSQL, refused in the file store's words. The server checks again:
/// only supervisors and administrators may change a customer's planner (a
/// trigger), the hand-off record is stamped with who signed in, and only an
/// administrator's call to `set_staff_left` takes a member's group and login away.
extension PostgresCaseload {
    /// Every customer of planner `from` goes to planner `to`, with why; returns how many.
    @discardableResult
    public func handOff(from: String, to: String, reason: String, by user: Staff?, today: Day) throws -> Int {
        try Permission.reassign.check(by: user)
        let why = try CaseloadStore.requireReason(reason)
        return try write {
            guard try staff(login: from) != nil else { throw StoreError.notFound("staff member \(from)") }
            try requirePlanner(to)
            return try moveCaseload(from: from, to: to, reason: why, on: today)
        }
    }

    /// Marks a staff member as gone from `day`; a planner's customers go to
    /// `handOffTo` in the same transaction. Returns how many moved.
    @discardableResult
    public func deactivate(_ login: String, on day: Day, reason: String, handOffTo: String?, by user: Staff?) throws -> Int {
        let user = try Permission.manageStaff.check(by: user)
        let why = try CaseloadStore.requireReason(reason)
        guard login != user.login else { throw StoreError.invalid("you cannot deactivate yourself; another administrator can") }
        return try write {
            guard let member = try staff(login: login) else { throw StoreError.notFound("staff member \(login)") }
            if let on = member.leftOn { throw StoreError.invalid("\(login) already left on \(on)") }
            var moved = 0
            if let to = handOffTo {
                try requirePlanner(to)
                guard to != login else { throw StoreError.invalid("hand \(login)'s customers to another planner") }
                moved = try moveCaseload(from: login, to: to, reason: why, on: day)
            } else if case let customers = try count(CaseloadFilter(planner: login)), customers > 0 {
                throw StoreError.invalid("\(login) still has \(customers == 1 ? "1 customer" : "\(customers) customers"); "
                                         + "give them to another planner (--hand-off-to LOGIN)")
            }
            try rows("SELECT careerplan.set_staff_left($1, $2::date, $3)", [login, day.description, why])
            return moved
        }
    }

    /// Brings back a staff member marked as left: their group and their login.
    public func reactivate(_ login: String, by user: Staff?) throws {
        try Permission.manageStaff.check(by: user)
        try write {
            guard let member = try staff(login: login) else { throw StoreError.notFound("staff member \(login)") }
            guard member.leftOn != nil else { throw StoreError.invalid("\(login) has not left") }
            try rows("SELECT careerplan.set_staff_left($1, NULL, NULL)", [login])
        }
    }

    /// Ends `login`'s cover of `forLogin` on `day` (kept as the record of
    /// it); returns how many covers changed.
    @discardableResult
    public func endCover(_ login: String, for forLogin: String, on day: Day, by user: Staff?) throws -> Int {
        try Permission.reassign.check(by: user)
        return try write {
            try rows("""
                UPDATE careerplan.covering SET until_day = $3::date, body = jsonb_set(body, '{until}', to_jsonb($3::text))
                WHERE login = $1 AND for_login = $2 AND until_day > $3::date RETURNING 1
                """, [login, forLogin, day.description]).count
        }
    }

    /// Every customer of `from` to `to` (each one's version moves on, so
    /// open forms see the change), and the record of it.
    private func moveCaseload(from: String, to: String, reason: String, on day: Day) throws -> Int {
        let moved = try rows("""
            UPDATE careerplan.customer
            SET planner = $2, body = jsonb_set(jsonb_set(body, '{planner}', to_jsonb($2::text)),
                                               '{version}', to_jsonb((body ->> 'version')::int + 1))
            WHERE planner = $1 RETURNING 1
            """, [from, to]).count
        try rows("""
            INSERT INTO careerplan.caseload_handoff (from_login, to_login, reason, customers, by_login, on_day, at)
            VALUES ($1, $2, $3, $4::int, session_user, $5::date, now())
            """, [from, to, reason, String(moved), day.description])
        return moved
    }

    private func requirePlanner(_ login: String) throws {
        try CaseloadStore.requirePlanner(login, member: try staff(login: login))
    }
}

/// Hand-offs, covers ended early and staff who leave, as both stores do them (Domain `StaffChanges`).
extension PostgresCaseload: StaffChanges {}
