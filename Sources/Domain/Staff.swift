/// A staff member, identified by the operating-system login they run the program as.
public struct Staff: Hashable, Codable, Sendable {
    public var login: String
    public var name: String
    public var initials: String
    public var role: Role
    public var phone: String?
    public var email: String?

    /// "María Rivera" -> "MR": first letters of up to three words.
    public static func initials(of name: String) -> String {
        let letters = String(name.split(separator: " ").compactMap(\.first).prefix(3)).uppercased()
        return letters.isEmpty ? "?" : letters
    }

    public init(login: String, name: String, initials: String, role: Role,
                phone: String? = nil, email: String? = nil) {
        self.login = login
        self.name = name
        self.initials = initials
        self.role = role
        self.phone = phone
        self.email = email
    }
}
