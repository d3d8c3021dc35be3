/// What the front desk types for a walk-in customer, as typed. Checking it
/// gives either a reportable individual or a message for each wrong field;
/// the typed text itself is never thrown away.
public struct CustomerEntry: Hashable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case legalName, preferredName, email, zip, birthDate, phone

        public var label: String {
            switch self {
            case .legalName: "Legal name"
            case .preferredName: "Name they use"
            case .email: "Email"
            case .zip: "ZIP"
            case .birthDate: "Date of birth"
            case .phone: "Phone"
            }
        }

        public var isRequired: Bool { self == .legalName || self == .zip || self == .birthDate }

        /// Shown under the field while it has focus.
        public var hint: String {
            switch self {
            case .birthDate: "YYYY-MM-DD or MM/DD/YYYY"
            case .zip: "60623 or 60623-1234"
            case .phone: "optional, e.g. 312-555-0142"
            case .preferredName: "if different from the legal name"
            case .email: "optional"
            case .legalName: "as on their documents"
            }
        }
    }

    /// The entry as a form: one field per `Field`, keyed by its raw value.
    public static let fields: [FormField] = Field.allCases.map {
        FormField($0.rawValue, $0.label, hint: $0.hint, required: $0.isRequired)
    }

    /// The entry a form's values describe.
    public init(values: [String: String]) {
        self.init(Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, values[$0.rawValue] ?? "") }))
    }

    public var values: [Field: String] = [:]

    public init(_ values: [Field: String] = [:]) { self.values = values }

    public subscript(field: Field) -> String {
        get { values[field] ?? "" }
        set { values[field] = newValue }
    }

    /// WIOA serves youth from 14; older than this is almost surely a typo.
    public static let ages = 14...110

    /// A message per field that is wrong, for `today`.
    public func problems(today: Day) -> [Field: String] {
        var found: [Field: String] = [:]
        for field in Field.allCases where field.isRequired && self[field].trimmingSpaces.isEmpty {
            found[field] = "\(field.label) is required"
        }
        let email = self[.email].trimmingSpaces
        if !email.isEmpty, !Customer.isEmail(email) {
            found[.email] = "must look like name@example.org"
        }
        let zip = self[.zip].trimmingSpaces
        if !zip.isEmpty, !Customer.isZIP(zip) {
            found[.zip] = "5 digits or 5+4, e.g. 60623 or 60623-1234"
        }
        let birth = self[.birthDate].trimmingSpaces
        if !birth.isEmpty {
            if let day = Day(parsing: birth) {
                if day > today {
                    found[.birthDate] = "is in the future"
                } else if !Self.ages.contains(day.age(on: today)) {
                    found[.birthDate] = "gives age \(day.age(on: today)); expected \(Self.ages.lowerBound) to \(Self.ages.upperBound)"
                }
            } else {
                found[.birthDate] = "not a date; type 1990-05-31 or 05/31/1990"
            }
        }
        let phone = self[.phone].trimmingSpaces
        if !phone.isEmpty, Self.normalizedPhone(phone) == nil {
            found[.phone] = "10 digits, e.g. 312-555-0142"
        }
        for field in [Field.legalName, .preferredName, .email] where SSN.containsFull(self[field]) {
            found[field] = "looks like a full SSN; never type one"
        }
        for field in Field.allCases where found[field] == nil {
            if let long = TextLimits.problem(self[field], key: field.rawValue) { found[field] = long }
        }
        return found
    }

    /// The reportable individual this entry describes, or nil while any
    /// field is wrong.
    public func customer(id: CustomerID, today: Day) -> Customer? {
        guard problems(today: today).isEmpty, let birth = Day(parsing: self[.birthDate]) else { return nil }
        func optional(_ f: Field) -> String? {
            let v = self[f].trimmingSpaces
            return v.isEmpty ? nil : v
        }
        return Customer(id: id, legalName: self[.legalName].trimmingSpaces,
                        preferredName: optional(.preferredName), email: optional(.email),
                        zip: self[.zip].trimmingSpaces, birthDate: birth,
                        phone: optional(.phone).flatMap(Self.normalizedPhone), enteredOn: today)
    }

    /// "(312) 555 0142", "3125550142", "+1 312.555.0142" -> "312-555-0142".
    public static func normalizedPhone(_ text: String) -> String? {
        var digits = text.filter { $0.isASCII && $0.isNumber }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || " ()-.+".contains($0)) }) else { return nil }
        if digits.count == 11, digits.first == "1" { digits.removeFirst() }
        guard digits.count == 10 else { return nil }
        let d = Array(digits)
        return String(d[0..<3]) + "-" + String(d[3..<6]) + "-" + String(d[6...])
    }
}
