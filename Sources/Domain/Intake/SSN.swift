/// Full Social Security numbers are never stored (POLICY.md section 5;
/// PIRL 100): at most the last four digits.
public enum SSN {
    /// True when the text holds nine digits that read as one number:
    /// "123456789", "123-45-6789", "123.45.6789", "123 45 6789". Longer digit
    /// runs (a phone number with its area code is ten) are not SSNs, nor are
    /// digits inside a hex digest (a signature's SHA-256).
    public static func containsFull(_ text: String) -> Bool {
        guard !isDigest(text) else { return false }
        var run = 0
        var separators = 0
        var previous: Character = " "
        for ch in text + " " {
            if ch.isASCII && ch.isNumber {
                run += 1
            } else if (ch == "-" || ch == " " || ch == ".") && run > 0 && previous.isNumber && separators < 2
                        && (run == 3 || run == 5) {
                separators += 1
            } else {
                if run == 9 && (separators == 0 || separators == 2) { return true }
                run = 0
                separators = 0
            }
            previous = ch
        }
        return false
    }

    /// A hash written in hex (32 characters or more, hex digits only).
    static func isDigest(_ text: String) -> Bool {
        text.utf8.count >= 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }
    }

    /// Four digits exactly.
    public static func isLast4(_ text: String) -> Bool {
        text.count == 4 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// What a form shows under a field holding one.
    public static let problem = "looks like a full SSN; never type one (the last 4 digits at most)"

    /// A string in a JSON value (a record as the audit trail holds it, a
    /// whole export) that holds a full SSN, as a path: "body.goals[0].text";
    /// of several, the shortest path (what was typed, not a log quoting it).
    public static func firstFull(inJSON value: Any) -> String? {
        var found: [String] = []
        collect(value, path: "", into: &found)
        return found.min { ($0.count, $0) < ($1.count, $1) }
    }

    private static func collect(_ value: Any, path: String, into found: inout [String]) {
        switch value {
        case let d as [String: Any]:
            for (key, x) in d { collect(x, path: path.isEmpty ? key : path + "." + key, into: &found) }
        case let a as [Any]:
            for (i, x) in a.enumerated() { collect(x, path: path + "[\(i)]", into: &found) }
        case let s as String:
            if containsFull(s) { found.append(path) }
        default: break
        }
    }
}
