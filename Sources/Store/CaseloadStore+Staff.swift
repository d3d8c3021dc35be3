import Domain
import GRDB

extension CaseloadStore {
    public func staff() throws -> [Staff] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY login").map(Staff.init(row:)) }
    }

    public func staff(login: String) throws -> Staff? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE login = ?", arguments: [login]).map(Staff.init(row:))
        }
    }

    public func insert(staff: [Staff]) throws {
        try write { db in try Self.insert(staff: staff, db) }
    }

    static func insert(staff: [Staff], _ db: Database) throws {
        for s in staff {
            try db.cached(sql: "INSERT INTO staff (login, name, initials, role, phone, email) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [s.login, s.name, s.initials, s.role.rawValue, s.phone, s.email])
        }
    }

    /// The first user to open a new data file becomes its administrator.
    /// Returns the signed-in user's staff record, if any.
    public func signIn(login: String, fullName: String) throws -> Staff? {
        try write { db in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") ?? 0
            if count == 0 {
                try Self.insert(staff: [Staff(login: login, name: fullName, initials: Staff.initials(of: fullName),
                                              role: .administrator)], db)
            }
            return try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE login = ?", arguments: [login]).map(Staff.init(row:))
        }
    }
}

extension Staff {
    init(row: Row) throws {
        let roleText: String = row["role"]
        guard let role = Role(rawValue: roleText) else { throw StoreError.notFound("role \(roleText)") }
        self.init(login: row["login"], name: row["name"], initials: row["initials"], role: role,
                  phone: row["phone"], email: row["email"])
    }
}
