/// A field that fails a rule, with the message shown next to it.
public struct FieldProblem: Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

extension Customer {
    /// Rules every stored customer meets, whatever screen or file it came from.
    public var problems: [FieldProblem] {
        var found: [FieldProblem] = []
        if legalName.trimmingSpaces.isEmpty {
            found.append(.init(field: "legalName", message: "a legal name is required"))
        }
        if !Self.isZIP(zip) {
            found.append(.init(field: "zip", message: "ZIP must be 5 digits or 5+4 (60601 or 60601-1234), found \"\(zip)\""))
        }
        if let email, !email.isEmpty, !Self.isEmail(email) {
            found.append(.init(field: "email", message: "e-mail must look like name@example.org, found \"\(email)\""))
        }
        let journey: [(String, Day?)] = [("enteredOn", enteredOn), ("appliedOn", appliedOn), ("eligibleOn", eligibleOn),
                                         ("enrolledOn", enrolledOn)]
        let present = journey.compactMap { name, day in day.map { (name, $0) } }
        for (a, b) in Swift.zip(present, present.dropFirst()) where b.1 < a.1 {
            found.append(.init(field: b.0, message: "\(b.1) is before \(a.0) \(a.1)"))
        }
        if let exitedOn, let enrolledOn, exitedOn < enrolledOn {
            found.append(.init(field: "exitedOn", message: "\(exitedOn) is before enrolledOn \(enrolledOn)"))
        }
        if program == nil && appliedOn != nil {
            found.append(.init(field: "program", message: "an application names a program"))
        }
        return found
    }

    public static func isZIP(_ text: String) -> Bool {
        let digits = { (s: Substring) in s.allSatisfy { $0.isASCII && $0.isNumber } }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return (parts.count == 1 && parts[0].count == 5 && digits(parts[0]))
            || (parts.count == 2 && parts[0].count == 5 && parts[1].count == 4 && digits(parts[0]) && digits(parts[1]))
    }

    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}
