/// A staff member, identified by the operating-system login they run the program as.
public struct Staff: Hashable, Codable, Sendable {
    public var login: String
    public var name: String
    public var initials: String
    public var role: Role
    public var phone: String?
    public var email: String?
    /// The day they left the center (nil: they work here). Their records and
    /// history stay; they can no longer sign in or be given customers.
    public var leftOn: Day? = nil
    public var leftReason: String? = nil

    public var isActive: Bool { leftOn == nil }

    /// "María Rivera" -> "MR": first letters of up to three words.
    public static func initials(of name: String) -> String {
        let letters = String(name.split(separator: " ").compactMap(\.first).prefix(3)).uppercased()
        return letters.isEmpty ? "?" : letters
    }

    public init(login: String, name: String, initials: String, role: Role,
                phone: String? = nil, email: String? = nil, leftOn: Day? = nil, leftReason: String? = nil) {
        self.leftOn = leftOn
        self.leftReason = leftReason
        self.login = login
        self.name = name
        self.initials = initials
        self.role = role
        self.phone = phone
        self.email = email
    }
}

extension Staff {
    /// What is wrong with a new staff record, in words; nil when it is fine.
    /// Logins are operating-system account names.
    public static func problem(login: String, name: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        if login.isEmpty || login.count > 32 || !login.allSatisfy({ allowed.contains($0) }) || login.first == "-" {
            return "login \"\(login)\" must be an account name: lower-case letters, digits, . _ - (at most 32)"
        }
        if name.trimmingSpaces.isEmpty { return "the full name is required (--name \"...\")" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the name holds control characters"
        }
        return nil
    }
}
