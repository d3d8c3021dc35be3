import Domain
import Foundation
import GRDB

/// Whose customers each user may open and work: a planner their own, the
/// unassigned, and the caseloads they cover (`CaseloadReach`). Checked here,
/// inside each write's transaction, not only by what the caseload lists.
extension CaseloadStore {
    /// Lets `login` cover `forLogin`'s caseload for a while; supervisors and administrators.
    @discardableResult
    public func cover(_ covering: Covering, by user: Staff?) throws -> Covering {
        let user = try Self.permit(.reassign, by: user)
        var c = covering
        c.grantedBy = user.login
        c.reason = c.reason.trimmingCharacters(in: .whitespaces)
        if let problem = c.problem { throw StoreError.invalid(problem) }
        return try write { db in
            for login in [c.login, c.forLogin] { try Self.requirePlanner(login, db) }
            try Self.insert(c, at: timestamp(), db)
            return c
        }
    }

    /// Ends `login`'s cover of `forLogin` on `day` (the last day it runs); returns how many were cut short.
    @discardableResult
    public func endCover(_ login: String, for forLogin: String, on day: Day, by user: Staff?) throws -> Int {
        try Self.permit(.reassign, by: user)
        return try write { db in
            try db.cached(sql: """
                UPDATE covering SET until_day = ? WHERE login = ? AND for_login = ? AND until_day > ?
                """, arguments: [day.description, login, forLogin, day.description])
            return db.changesCount
        }
    }

    /// Every cover still running on `day` or starting later, soonest first.
    public func coverings(from day: Day) throws -> [Covering] {
        try pool.read { db in try Self.coverings(db, from: day) }
    }

    static func insert(_ c: Covering, at stamp: String, _ db: Database) throws {
        try db.cached(sql: """
            INSERT INTO covering (login, for_login, from_day, until_day, reason, granted_by, granted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [c.login, c.forLogin, c.from.description, c.until.description, c.reason, c.grantedBy,
                             stamp])
    }

    /// Covers running on `day` or later (every cover when nil), optionally of one planner.
    static func coverings(_ db: Database, from day: Day?, login: String? = nil) throws -> [Covering] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM covering WHERE (? IS NULL OR until_day >= ?) AND (? IS NULL OR login = ?)
            ORDER BY from_day, login, id
            """, arguments: [day?.description, day?.description, login, login])
        return rows.compactMap { r in
            guard let from = Day(parsing: r["from_day"]), let until = Day(parsing: r["until_day"]) else { return nil }
            return Covering(login: r["login"], forLogin: r["for_login"], from: from, until: until,
                            reason: r["reason"], grantedBy: r["granted_by"])
        }
    }

    /// Whose customers `user` may open and work on `day`.
    public func reach(of user: Staff?, on day: Day) throws -> CaseloadReach {
        guard let user else { return .planners([]) }
        return try pool.read { db in try Self.reach(of: user, on: day, db) }
    }

    static func reach(of user: Staff, on day: Day, _ db: Database) throws -> CaseloadReach {
        guard user.role == .planner else { return .everyone }
        return .of(user, coverings: try coverings(db, from: day, login: user.login), on: day)
    }

    /// Refuses a planner a customer of another planner they do not cover; a
    /// planner who works a customer nobody has taken on yet takes them on.
    /// Called inside every write to a customer's case, in its transaction.
    func workOn(_ customer: CustomerID, by user: Staff, _ db: Database) throws {
        guard user.role == .planner else { return }
        guard let row = try Row.fetchOne(db, sql: "SELECT planner FROM customer WHERE id = ?", arguments: [customer.number]) else {
            throw StoreError.notFound("customer \(customer)")
        }
        let planner: String? = row["planner"]
        guard try Self.reach(of: user, on: today(), db).includes(planner: planner) else {
            let name = try planner.flatMap { try String.fetchOne(db, sql: "SELECT name FROM staff WHERE login = ?", arguments: [$0]) }
            throw StoreError.notPermitted(login: user.login, role: user.role.name,
                                          action: "work \(name ?? planner ?? "another planner")'s customers unless covering for them")
        }
        if planner == nil {
            // The planner field is not edited by any form, so no version bump: open forms still save.
            try db.cached(sql: "UPDATE customer SET planner = ? WHERE id = ? AND planner IS NULL",
                          arguments: [user.login, customer.number])
        }
    }
}

extension Day {
    /// Today in the area's time zone (the process's: set TZ per center).
    public static func localToday() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
