/// How long a typed or imported text may be (docs/export-format.md): a
/// name or other one-line field 200 characters, any longer text (a note,
/// an answer, a plan's wording) 20,000. A 10 MB name would make the file
/// and every screen that shows the customer slow for everyone.
public enum TextLimits {
    public static let short = 200
    public static let long = 20_000

    /// The limit for a field by its key: keys naming a name, a login, an
    /// e-mail, a phone or an address line are short; everything else long.
    public static func limit(forKey key: String) -> Int {
        let last = key.split(separator: ".").last.map { String($0.split(separator: "[").first ?? "") } ?? key
        let lower = last.lowercased()
        let shortWords = ["name", "login", "email", "phone", "street", "city", "state", "zip", "initials"]
        return shortWords.contains { lower.hasSuffix($0) } ? short : long
    }

    /// What a form shows under a field over its limit; nil when it fits.
    public static func problem(_ text: String, key: String) -> String? {
        let limit = limit(forKey: key)
        guard text.count > limit else { return nil }
        return "at most \(limit) characters (this has \(text.count))"
    }

    /// The first string in a JSON value over its limit, as a path.
    public static func firstTooLong(inJSON value: Any, path: String = "") -> (path: String, problem: String)? {
        switch value {
        case let d as [String: Any]:
            for key in d.keys.sorted() {
                if let found = firstTooLong(inJSON: d[key]!, path: path.isEmpty ? key : path + "." + key) { return found }
            }
        case let a as [Any]:
            for (i, x) in a.enumerated() {
                if let found = firstTooLong(inJSON: x, path: path + "[\(i)]") { return found }
            }
        case let s as String:
            // A JSON body held as text (a plan, answers) is checked inside, field by field.
            if (s.hasPrefix("{") || s.hasPrefix("[")) { return nil }
            return problem(s, key: path).map { (path, $0) }
        default: break
        }
        return nil
    }
}

/// What no stored text may be, whatever path brings it: a full SSN, or
/// longer than its limit. The Store's write path and imports both ask here.
public enum StoredText {
    /// The first string in a JSON value that breaks either rule, as a path and what is wrong.
    public static func firstProblem(inJSON value: Any) -> (path: String, problem: String)? {
        if let path = SSN.firstFull(inJSON: value) { return (path, SSN.problem) }
        return TextLimits.firstTooLong(inJSON: value)
    }
}
