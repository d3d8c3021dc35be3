import Crypto

/// One link of the audit trail's hash chain: the SHA-256 of the previous
/// row's link and this row's fields. Editing, deleting, inserting or
/// reordering a row breaks every link after it; a head kept elsewhere (the
/// nightly backup's e-mail) also catches rows cut off the end.
public enum AuditLink {
    /// The link before the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// Hex SHA-256 over the previous link and the fields, each written with
    /// its length (and nil apart from ""), so no two different rows encode alike.
    public static func hash(previous: String, fields: [String?]) -> String {
        var bytes = Array("careerplan-audit-v1\n\(previous)\n".utf8)
        for field in fields {
            guard let field else { bytes += Array("-\n".utf8); continue }
            let utf8 = Array(field.utf8)
            bytes += Array("\(utf8.count):".utf8) + utf8 + [0x0A]
        }
        return SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
