/// The career pathway of an Individual Service Strategy (youth, 001): the
/// occupation the services lead to, with its SOC code, the industry with its
/// NAICS code, and the credentials along the way, as data a report and the
/// customer's copy can use rather than one line of words.
public struct CareerPathway: Hashable, Codable, Sendable {
    /// The target occupation in words ("Registered nurse").
    public var occupation: String
    /// Its SOC code, 00-0000.
    public var occupationCode: String?
    public var industry: String?
    /// The industry's NAICS code, 2 to 6 digits.
    public var naics: String?
    /// The credentials along the way, in order ("CNA → LPN → RN").
    public var credentialPath: String?
    /// More in the planner's words; a pathway written before it had fields
    /// is kept here, as written, until the planner fills the fields in.
    public var note: String?

    public init(occupation: String = "", occupationCode: String? = nil, industry: String? = nil, naics: String? = nil,
                credentialPath: String? = nil, note: String? = nil) {
        self.occupation = occupation
        self.occupationCode = occupationCode
        self.industry = industry
        self.naics = naics
        self.credentialPath = credentialPath
        self.note = note
    }

    /// Only the words of a pathway written before it had fields.
    public var isOnlyNote: Bool {
        occupation.isEmpty && occupationCode == nil && industry == nil && naics == nil && credentialPath == nil
    }

    /// "Registered nurse (29-1141) · Health care (6221) · CNA → LPN → RN", or the note alone.
    public var summary: String {
        guard !isOnlyNote else { return note ?? "" }
        return [occupation + (occupationCode.map { " (\($0))" } ?? ""),
                industry.map { $0 + (naics.map { " (\($0))" } ?? "") } ?? naics.map { "NAICS \($0)" },
                credentialPath].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    // MARK: The form

    public static let fields: [FormField] = [
        FormField("occupation", "Target occupation", hint: "the job the pathway leads to, e.g. Registered nurse", required: true),
        FormField("occupationCode", "SOC code", hint: "the occupation's code, 00-0000, e.g. 29-1141 (O*NET OnLine finds it)"),
        FormField("industry", "Industry", hint: "e.g. Hospitals, Construction"),
        FormField("naics", "NAICS code", hint: "the industry's code, 2 to 6 digits, e.g. 622"),
        FormField("credentialPath", "Credential path", .paragraph,
                  hint: "the credentials along the way, in order, e.g. CNA → LPN → RN", required: true),
        FormField("note", "Notes", .paragraph, hint: "anything else about the pathway"),
    ]

    public static func problems(_ v: [String: String]) -> [String: String] {
        var found = requiredProblems(fields, v)
        Job.codeProblems(v, into: &found)
        return found
    }

    /// The pathway the form's answers describe, or what is wrong with them.
    public static func checked(_ v: [String: String]) -> Result<CareerPathway, FieldProblems> {
        let found = problems(v)
        guard found.isEmpty else { return .failure(FieldProblems(found, fields: fields)) }
        return .success(CareerPathway(occupation: (v["occupation"] ?? "").trimmingSpaces,
                                      occupationCode: optionalText(v["occupationCode"]), industry: optionalText(v["industry"]),
                                      naics: optionalText(v["naics"]), credentialPath: optionalText(v["credentialPath"]),
                                      note: optionalText(v["note"])))
    }

    public var values: [String: String] {
        ["occupation": occupation, "occupationCode": occupationCode ?? "", "industry": industry ?? "", "naics": naics ?? "",
         "credentialPath": credentialPath ?? "", "note": note ?? ""]
    }
}
