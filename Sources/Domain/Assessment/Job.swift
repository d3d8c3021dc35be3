/// A job in the employment history (002: best practice, the last five years).
public struct Job: Hashable, Codable, Sendable {
    public var employer: String
    public var title: String
    /// Standard Occupational Classification, e.g. 43-4051.
    public var occupationCode: String?
    /// A month ("2019-03") is enough; a day when the customer knows it.
    public var startedOn: HistoryDate
    public var endedOn: HistoryDate?
    public var duties: String?
    public var wage: String?
    public var benefits: String?
    public var reasonForLeaving: String?
    /// Industry (NAICS), 2 to 6 digits.
    public var naics: String?

    public static let fields: [FormField] = [
        FormField("employer", "Employer", required: true),
        FormField("title", "Job title", required: true),
        FormField("occupationCode", "Occupation code", hint: "SOC code, e.g. 43-4051 (customer service)"),
        FormField("startedOn", "Started", .date, hint: HistoryDate.acceptedFormats, required: true),
        FormField("endedOn", "Ended", .date, hint: "empty if they still work there; " + HistoryDate.acceptedFormats),
        FormField("duties", "Main duties"),
        FormField("wage", "Wage", hint: "e.g. $17.50/hour or $42,000/year"),
        FormField("benefits", "Benefits", hint: "e.g. health insurance, paid leave"),
        FormField("reasonForLeaving", "Reason for leaving"),
        FormField("naics", "Industry (NAICS)", hint: "2 to 6 digits, e.g. 6221 (hospitals)"),
    ]

    public static func problems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(fields, v)
        let start = HistoryDate(parsing: v["startedOn"] ?? "")
        monthOrDayProblem("startedOn", v, today: today, into: &found)
        monthOrDayProblem("endedOn", v, today: today, into: &found)
        if let start, let end = HistoryDate(parsing: v["endedOn"] ?? ""), end.last < start.first {
            found["endedOn"] = "is before the start \(start)"
        }
        codeProblems(v, into: &found)
        return found
    }

    /// An occupation as a SOC code and an industry as a NAICS code, both optional.
    static func codeProblems(_ v: [String: String], into found: inout [String: String]) {
        let soc = (v["occupationCode"] ?? "").trimmingSpaces
        if !soc.isEmpty, !isSOC(soc) { found["occupationCode"] = "six digits as 43-4051" }
        let naics = (v["naics"] ?? "").trimmingSpaces
        if !naics.isEmpty, !((2...6).contains(naics.count) && naics.allSatisfy { $0.isASCII && $0.isNumber }) {
            found["naics"] = "2 to 6 digits"
        }
    }

    /// A month or a day, not in the future; empty is left to the required check.
    private static func monthOrDayProblem(_ key: String, _ v: [String: String], today: Day, into found: inout [String: String]) {
        let text = (v[key] ?? "").trimmingSpaces
        guard !text.isEmpty else { return }
        guard let date = HistoryDate(parsing: text) else { found[key] = "not a date: " + HistoryDate.acceptedFormats; return }
        if date.first > today { found[key] = "is in the future" }
    }

    static func isSOC(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 2 && parts[1].count == 4
            && (parts[0] + parts[1]).allSatisfy { $0.isASCII && $0.isNumber }
    }

    public init?(_ v: [String: String], today: Day) {
        guard Self.problems(v, today: today).isEmpty, let start = HistoryDate(parsing: v["startedOn"] ?? "") else { return nil }
        func text(_ k: String) -> String? { optionalText(v[k]) }
        self.init(employer: v["employer"]!.trimmingSpaces, title: v["title"]!.trimmingSpaces,
                  occupationCode: text("occupationCode"), startedOn: start, endedOn: text("endedOn").flatMap { HistoryDate(parsing: $0) },
                  duties: text("duties"), wage: text("wage"), benefits: text("benefits"),
                  reasonForLeaving: text("reasonForLeaving"), naics: text("naics"))
    }

    /// A job whose days are known.
    public init(employer: String, title: String, occupationCode: String? = nil, startedOn: Day, endedOn: Day? = nil,
                duties: String? = nil, wage: String? = nil, benefits: String? = nil, reasonForLeaving: String? = nil,
                naics: String? = nil) {
        self.init(employer: employer, title: title, occupationCode: occupationCode, startedOn: HistoryDate(startedOn),
                  endedOn: endedOn.map(HistoryDate.init), duties: duties, wage: wage, benefits: benefits,
                  reasonForLeaving: reasonForLeaving, naics: naics)
    }

    public init(employer: String, title: String, occupationCode: String? = nil, startedOn: HistoryDate, endedOn: HistoryDate? = nil,
                duties: String? = nil, wage: String? = nil, benefits: String? = nil, reasonForLeaving: String? = nil,
                naics: String? = nil) {
        self.employer = employer
        self.title = title
        self.occupationCode = occupationCode
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.duties = duties
        self.wage = wage
        self.benefits = benefits
        self.reasonForLeaving = reasonForLeaving
        self.naics = naics
    }

    public var values: [String: String] {
        ["employer": employer, "title": title, "occupationCode": occupationCode ?? "", "startedOn": startedOn.description,
         "endedOn": endedOn?.description ?? "", "duties": duties ?? "", "wage": wage ?? "", "benefits": benefits ?? "",
         "reasonForLeaving": reasonForLeaving ?? "", "naics": naics ?? ""]
    }

    /// "Warehouse associate, Midwest Freight, 2021-03 to 2026-09-17".
    public var summary: String {
        "\(title), \(employer), \(startedOn) to \(endedOn?.description ?? "now")"
    }
}
