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

    /// Every cover still running on `day` or starting later (every cover for nil), soonest first, optionally of one planner.
    public func coverings(from day: Day?, login: String? = nil) throws -> [Covering] {
        try read { db in try Self.coverings(db, from: day, login: login) }
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
        return try read { db in try Self.reach(of: user, on: day, db) }
    }

    static func reach(of user: Staff, on day: Day, _ db: Database) throws -> CaseloadReach {
        guard user.role == .planner else { return .everyone }
        return .of(user, coverings: try coverings(db, from: day, login: user.login), on: day)
    }

}

extension Day {
    /// Today in the area's time zone (the process's: set TZ per center). The C library's clock where it
    /// reads the same zone as Foundation (the system's zone, or a TZ named in the system's zone files):
    /// Foundation's calendar takes a millisecond of start-up to make, the C library 0.05 ms. A TZ the zone
    /// files do not have (none installed) is left to Foundation, which carries its own.
    public static func localToday() -> Day {
        if cLibraryReadsTheZone {
            var now = time(nil)
            var parts = tm()
            tzset()
            if localtime_r(&now, &parts) != nil,
               let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) {
                return day
            }
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// No TZ (both read /etc/localtime), or a TZ that names one of the system's zone files.
    static var cLibraryReadsTheZone: Bool {
        guard getenv("TZDIR") == nil else { return false }
        guard let tz = getenv("TZ").map({ String(cString: $0) }), !tz.isEmpty else { return true }
        let name = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
        guard !name.contains(".."), !name.hasPrefix("/") else { return false }
        return access("/usr/share/zoneinfo/" + name, R_OK) == 0
    }
}
