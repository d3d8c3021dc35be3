/// A diploma, degree, license, certification or course.
public struct EducationEntry: Hashable, Codable, Sendable {
    public enum Kind: String, Labeled, Codable {
        // "licence" is the stored code since the first data files (export-format.md).
        case degree
        case license = "licence"
        case course
        public var label: String {
            switch self {
            case .degree: "degree or diploma"
            case .license: "license or certification"
            case .course: "continuing education"
            }
        }
    }

    public var kind: Kind
    public var name: String
    public var institution: String?
    /// Completed, or for a license the issue date.
    public var completedOn: Day?
    /// Licenses and certifications only.
    public var expiresOn: Day?

    public static let fields: [FormField] = [
        FormField("kind", "Kind", .choice(Kind.choices), required: true),
        FormField("name", "Name", hint: "e.g. High school diploma, CNA certificate, forklift course", required: true),
        FormField("institution", "School or issuer"),
        FormField("completedOn", "Completed/issued", .date, hint: Day.acceptedFormats),
        FormField("expiresOn", "Expires", .date, hint: "licenses and certifications; " + Day.acceptedFormats),
    ]

    public static func problems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(fields, v)
        dateProblem("completedOn", v, today: today, into: &found)
        if let bad = dateFormatProblem(v["expiresOn"]) { found["expiresOn"] = bad }
        if let done = Day(parsing: v["completedOn"] ?? ""), let end = Day(parsing: v["expiresOn"] ?? ""), end < done {
            found["expiresOn"] = "is before the issue date \(done)"
        }
        if Kind(rawValue: v["kind"] ?? "") != .license, !(v["expiresOn"] ?? "").trimmingSpaces.isEmpty {
            found["expiresOn"] = "only licenses and certifications expire"
        }
        return found
    }

    public init?(_ v: [String: String], today: Day) {
        guard Self.problems(v, today: today).isEmpty, let kind = Kind(rawValue: v["kind"] ?? "") else { return nil }
        self.init(kind: kind, name: v["name"]!.trimmingSpaces, institution: optionalText(v["institution"]),
                  completedOn: optionalText(v["completedOn"]).flatMap { Day(parsing: $0) },
                  expiresOn: optionalText(v["expiresOn"]).flatMap { Day(parsing: $0) })
    }

    public init(kind: Kind, name: String, institution: String? = nil, completedOn: Day? = nil, expiresOn: Day? = nil) {
        self.kind = kind
        self.name = name
        self.institution = institution
        self.completedOn = completedOn
        self.expiresOn = expiresOn
    }

    public var values: [String: String] {
        ["kind": kind.rawValue, "name": name, "institution": institution ?? "", "completedOn": completedOn?.description ?? "",
         "expiresOn": expiresOn?.description ?? ""]
    }

    public func summary(on today: Day) -> String {
        var s = "\(name) (\(kind.label))"
        if let institution { s += ", \(institution)" }
        if let completedOn { s += ", \(completedOn)" }
        if let expiresOn { s += expiresOn < today ? ", EXPIRED \(expiresOn)" : ", expires \(expiresOn)" }
        return s
    }
}
