import Domain
import GRDB

extension CaseloadStore {
    public func staff() throws -> [Staff] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY login").map(Staff.init(row:)) }
    }

    public func staff(login: String) throws -> Staff? {
        try read { db in try Self.staff(db, login: login) }
    }

    static func staff(_ db: Database, login: String) throws -> Staff? {
        try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE login = ?", arguments: [login]).map(Staff.init(row:))
    }

    public func insert(staff: [Staff]) throws {
        try write { db in try Self.insert(staff: staff, db) }
    }

    static func insert(staff: [Staff], _ db: Database) throws {
        for s in staff {
            try db.cached(sql: """
                INSERT INTO staff (login, name, initials, role, phone, email, left_on, left_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [s.login, s.name, s.initials, s.role.rawValue, s.phone, s.email, s.leftOn?.description, s.leftReason])
        }
    }

    /// The signed-in user's staff record; nil for an account not on the
    /// staff list; refused for one who has left.
    public func signIn(login: String) throws -> Staff? {
        guard let s = try staff(login: login) else { return nil }
        if let on = s.leftOn { throw StoreError.leftStaff(login: login, on: on) }
        return s
    }

    /// Makes `login` the administrator of a file that has no staff yet
    /// (`careerplan init`, a new demo or seed file); refused once anyone is on
    /// the list, so no later command or import can make its caller one.
    @discardableResult
    public func claimAdministration(login: String, fullName: String) throws -> Staff {
        let admin = Staff(login: login, name: fullName, initials: Staff.initials(of: fullName), role: .administrator)
        return try write { db in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") ?? 0
            guard count == 0 else {
                throw StoreError.invalid("\(path) already has a staff list; its administrators add staff with careerplan staff add")
            }
            try Self.insert(staff: [admin], db)
            return admin
        }
    }

    /// Everyone on the staff list, for a staff member.
    public func staff(readBy user: Staff?) throws -> [Staff] {
        guard user != nil else { throw StoreError.notOnStaff }
        return try staff()
    }
}

extension Staff {
    init(row: Row) throws {
        let roleText: String = row["role"]
        guard let role = Role(rawValue: roleText) else { throw StoreError.notFound("role \(roleText)") }
        self.init(login: row["login"], name: row["name"], initials: row["initials"], role: role,
                  phone: row["phone"], email: row["email"])
        leftOn = (row["left_on"] as String?).flatMap(Day.init(parsing:))
        leftReason = row["left_reason"]
    }
}
