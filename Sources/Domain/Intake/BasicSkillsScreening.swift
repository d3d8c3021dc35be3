/// The Basic Skills Screening Tool (001): given before any assessment, not
/// itself an assessment, never the sole basis of one. A deficient result
/// gives Adults priority of service, counts as basic skills deficiency for
/// Youth eligibility, and suggests a referral to adult basic education.
public struct BasicSkillsScreening: Hashable, Codable, Sendable {
    public enum Result: String, Labeled, Codable {
        case deficient, notDeficient = "not-deficient"
        public var label: String { self == .deficient ? "basic skills deficient" : "not deficient" }
    }

    public var customer: CustomerID
    public var screenedOn: Day
    public var result: Result
    public var notes: String?
    public var recordedBy: String

    public init(customer: CustomerID, screenedOn: Day, result: Result, notes: String? = nil, recordedBy: String) {
        self.customer = customer
        self.screenedOn = screenedOn
        self.result = result
        self.notes = notes
        self.recordedBy = recordedBy
    }

    /// What a result means for this customer, in a planner's words.
    public func consequences(program: Program?) -> [String] {
        guard result == .deficient else { return ["no basic skills deficiency found by screening"] }
        var out: [String] = []
        if program != .youth { out.append("priority of service (Adult)") }
        if program == .youth || program == nil { out.append("counts as basic skills deficient for Youth eligibility") }
        if program != .youth { out.append("suggested: refer to adult basic education (Title II)") }
        return out
    }

    /// Checks a screening as typed: the date and the result.
    public static func problems(date: String, result: String, customer: Customer, today: Day) -> [String: String] {
        var found: [String: String] = [:]
        if let day = Day(parsing: date) {
            if day > today { found["date"] = "is in the future" }
            else if day < customer.enteredOn { found["date"] = "is before customer entry on \(customer.enteredOn)" }
        } else {
            found["date"] = date.trimmingSpaces.isEmpty ? "Screening date is required" : "not a date; type " + Day.acceptedFormats
        }
        if Result(rawValue: result) == nil { found["result"] = "choose a result" }
        return found
    }
}
