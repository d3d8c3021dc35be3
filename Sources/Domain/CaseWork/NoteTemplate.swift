/// The note form for each kind: the common fields (date of the event, the
/// contact's channel, what it is about, the text) around the fields a
/// required note must hold (POLICY.md section 4).
public enum NoteTemplate {
    static let yesNo = [FormChoice("", "—"), FormChoice("yes", "yes"), FormChoice("no", "no")]

    /// WIOA exclusions from performance: an exit for one of these reasons.
    public static let exclusions = [
        FormChoice("", "none"), FormChoice("institutionalized", "institutionalized"),
        FormChoice("health", "health or medical condition"), FormChoice("deceased", "deceased"),
        FormChoice("reserve-duty", "reservist called to active duty"),
        FormChoice("foster-care", "youth in foster care moved"),
    ]

    public static let credentialStatuses = [
        FormChoice("", "—"), FormChoice("attained", "attained"), FormChoice("pending", "pending (exam or license)"),
        FormChoice("none", "none"),
    ]

    /// The fields only this kind of note has.
    public static func fields(for kind: NoteKind) -> [FormField] {
        switch kind {
        case .general, .contact: []
        case .introduction: [
            FormField("status", "Status at participation", .paragraph, hint: "employed or not, schooling, situation", required: true),
            FormField("need", "Need for services", .paragraph, hint: "why the program's services are needed", required: true),
        ]
        case .trainingNeed: [
            FormField("suitability", "Suitability", .paragraph, hint: "skills and qualifications to succeed", required: true),
            FormField("laborMarket", "Labor market", .paragraph, hint: "the occupation's outlook, with the source", required: true),
            FormField("demand", "Employer demand", .paragraph, hint: "openings or employers hiring", required: true),
            FormField("prerequisites", "Prerequisites", .paragraph, hint: "met, or how they will be", required: true),
        ]
        case .trainingBegin: [
            FormField("beginOn", "Begin date", .date, hint: Day.acceptedFormats, required: true),
            FormField("program", "Program", hint: "e.g. Certified Nursing Assistant", required: true),
            FormField("provider", "Provider", hint: "the training provider", required: true),
            FormField("cost", "Approximate cost", hint: "dollars, e.g. 1450", required: true),
            FormField("plannedEnd", "Planned end", .date, hint: Day.acceptedFormats, required: true),
        ]
        case .trainingEnd: [
            FormField("endOn", "End date", .date, hint: Day.acceptedFormats, required: true),
            FormField("program", "Program", required: true),
            FormField("completed", "Completed", .choice(yesNo), hint: "Space or ←/→", required: true),
            FormField("credential", "Credential or license", .choice(credentialStatuses), hint: "Space or ←/→",
                      required: true),
        ]
        case .closure: [
            FormField("employed", "Employed", .choice(yesNo), hint: "Space or ←/→", required: true),
            FormField("employer", "Employer", hint: "when employed"),
            FormField("hireDate", "Hire date", .date, hint: Day.acceptedFormats),
            FormField("hours", "Weekly hours", hint: "e.g. 32"),
            FormField("wage", "Hourly wage", hint: "dollars, e.g. 17.50"),
            FormField("exclusion", "Exclusion", .choice(exclusions), hint: "an exit excluded from performance"),
        ]
        case .followUp: [
            FormField("service", "Follow-up service", hint: "e.g. work-related peer support; blank if none"),
            // Coded, so the center's performance reading can count it; the details stay in words.
            FormField("status", "Employment status", .choice([FormChoice("", "—")] + FollowUpStatus.choices),
                      hint: "Space or ←/→: what the contact learned", required: true),
            FormField("employment", "Details", hint: "e.g. still at Harbor Foods, new employer, looking"),
        ]
        }
    }

    /// The whole form: `links` are the choices of what the note is about.
    public static func form(for kind: NoteKind, links: [FormChoice]) -> [FormField] {
        var all = [FormField("eventOn", "Date", .date, hint: Day.acceptedFormats, required: true)]
        if kind.isContact {
            all.append(FormField("channel", "Channel", .choice(ContactChannel.choices), hint: "Space or ←/→", required: true))
            all.append(FormField("twoWay", "Two-way", .toggle,
                                 hint: "the customer answered: only two-way contact resets the contact clock"))
        }
        if links.count > 1 {
            all.append(FormField("link", "About", .choice(links), hint: "the service, goal or referral it documents"))
        }
        all += fields(for: kind)
        all.append(FormField("text", "Note", .paragraph, hint: "what happened, detailed enough for anyone to follow",
                             required: kind == .general || kind == .contact))
        return all
    }

    /// The fields an amendment asks: the corrected text, and why.
    public static let amendmentFields = [
        FormField("text", "Correction", .paragraph, hint: "the corrected or added information", required: true),
        FormField("reason", "Reason", .paragraph, hint: "why the original needs correcting", required: true),
    ]

    public static func amendmentProblems(_ v: [String: String]) -> [String: String] {
        var found = requiredProblems(amendmentFields, v)
        for (key, value) in v where SSN.containsFull(value) { found[key] = "holds a full Social Security number" }
        return found
    }

    public static func problems(_ v: [String: String], kind: NoteKind, links: [FormChoice], today: Day,
                                enteredOn: Day? = nil) -> [String: String] {
        var found = requiredProblems(form(for: kind, links: links), v)
        dateProblem("eventOn", v, today: today, into: &found)
        if let entered = enteredOn, let d = Day(parsing: v["eventOn"] ?? ""), d < entered, found["eventOn"] == nil {
            found["eventOn"] = "is before the customer was entered (\(entered))"
        }
        for key in ["beginOn", "endOn", "hireDate"] { if let bad = dateFormatProblem(v[key]) { found[key] = bad } }
        if let bad = dateFormatProblem(v["plannedEnd"]) { found["plannedEnd"] = bad }
        if let begin = Day(parsing: v["beginOn"] ?? ""), let end = Day(parsing: v["plannedEnd"] ?? ""), end < begin {
            found["plannedEnd"] = "is before the begin date"
        }
        for key in ["cost", "hours", "wage"] where !(v[key] ?? "").trimmingSpaces.isEmpty {
            if Double((v[key] ?? "").trimmingSpaces.replacingDollar) == nil { found[key] = "not a number" }
        }
        for (key, value) in v where SSN.containsFull(value) {
            found[key] = "holds a full Social Security number: never record more than the last 4 digits"
        }
        if kind == .closure, v["employed"] == "yes" {
            for (key, label) in [("employer", "Employer"), ("hireDate", "Hire date"), ("hours", "Weekly hours"),
                                 ("wage", "Hourly wage")] where (v[key] ?? "").trimmingSpaces.isEmpty {
                found[key] = found[key] ?? "\(label) is required when employed"
            }
        }
        return found
    }

    /// The note the form describes; nil while anything is wrong.
    public static func note(_ v: [String: String], kind: NoteKind, links: [FormChoice], customer: CustomerID,
                            author: String, today: Day) -> CaseNote? {
        guard problems(v, kind: kind, links: links, today: today).isEmpty,
              let eventOn = Day(parsing: v["eventOn"] ?? "") else { return nil }
        var answers: [String: String] = [:]
        for f in fields(for: kind) {
            let value = (v[f.key] ?? "").trimmingSpaces
            guard !value.isEmpty else { continue }
            answers[f.key] = f.kind == .date ? Day(parsing: value)?.description ?? value : value
        }
        return CaseNote(id: 0, customer: customer, kind: kind, eventOn: eventOn, enteredOn: today, author: author,
                        text: (v["text"] ?? "").trimmingSpaces, answers: answers,
                        channel: kind.isContact ? ContactChannel(rawValue: v["channel"] ?? "") : nil,
                        twoWay: kind.isContact && v["twoWay"] == FormField.yes,
                        link: NoteLink(v["link"] ?? ""))
    }
}

extension String {
    /// "$1,450.00" → "1450.00": money as typed.
    var replacingDollar: String { filter { $0 != "$" && $0 != "," } }
}
