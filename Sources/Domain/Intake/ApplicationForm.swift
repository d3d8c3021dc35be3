/// The application as a form: every answer as typed text, checked in place.
/// Turning it into an `Application` happens only when nothing is wrong, and
/// a stored application turns back into the same text for editing.
public struct ApplicationForm: Hashable, Sendable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public subscript(key: String) -> String {
        get { values[key] ?? Self.defaultValue(key) }
        set { values[key] = newValue }
    }

    static func defaultValue(_ key: String) -> String {
        guard let field = fields.first(where: { $0.key == key }), case .choice(let options) = field.kind else { return "" }
        return options.first?.value ?? ""
    }

    /// Slots for additional contact persons (the rubric's "exceeds" asks two).
    public static let contactSlots = 2

    public static let fields: [FormField] = {
        var f: [FormField] = [
            FormField("program", "Program", .choice(Program.allCases.map { FormChoice($0.rawValue, $0.name) }),
                      hint: "Space or ←/→ to choose; every title is still evaluated", section: "Application",
                      required: true),
            FormField("appliedOn", "Application date", .date, hint: Day.acceptedFormats, required: true),
            FormField("street", "Street address", hint: "e.g. 1234 W Cermak Rd Apt 2", section: "Contact",
                      required: true),
            FormField("city", "City", required: true),
            FormField("state", "State", hint: "two letters, e.g. IL", required: true),
            FormField("phone", "Phone", hint: "the customer's own phone, e.g. 312-555-0142"),
            FormField("acceptsTexts", "Accepts texts", .toggle, hint: "may we text this phone?"),
            FormField("copyLanguage", "Papers in", .choice(CopyLanguage.choices),
                      hint: "the language of the customer's copy of their plan; w on the plan asks again"),
            FormField("socialMedia", "Social media", hint: "optional, e.g. LinkedIn profile"),
        ]
        for n in 1...contactSlots {
            f += [
                FormField("contact\(n)Name", "Contact \(n) name", hint: "an additional contact person",
                          section: n == 1 ? "Additional contacts" : nil),
                FormField("contact\(n)Relationship", "Contact \(n) relation", hint: "e.g. mother, case worker"),
                FormField("contact\(n)Phone", "Contact \(n) phone", hint: "optional, e.g. 312-555-0142"),
            ]
        }
        f += [
            FormField("ssnLast4", "SSN, last 4", hint: "last four digits only; a full SSN is never kept",
                      section: "Identity and eligibility"),
            FormField("veteran", "Veteran status", .choice(VeteranStatus.choices)),
            FormField("sex", "Sex", .choice(Sex.choices), hint: "decides whether selective service applies"),
            FormField("selectiveService", "Selective service", .choice(SelectiveService.choices),
                      hint: "men born 1960 or later, 18 or older"),
            FormField("rightToWork", "Right to work", .choice(RightToWork.choices)),

            FormField("employment", "Employment", .choice(EmploymentStatus.choices), hint: "status at entry",
                      section: "Employment and education"),
            FormField("highestGrade", "Highest grade", hint: "highest school grade completed, 0 to 12"),
            FormField("education", "Education level", .choice(EducationLevel.choices)),
            FormField("lowIncome", "Low income", .toggle, section: "Income and public assistance"),
        ]
        f += PublicAssistance.allCases.map { FormField("assist-" + $0.rawValue, $0.label, .toggle) }
        f += Barrier.allCases.enumerated().map { i, b in
            FormField("barrier-" + b.rawValue, b.label, .toggle, section: i == 0 ? "Barriers" : nil)
        }
        f += [
            FormField("dislocation", "Dislocation", .choice(DislocationReason.choices), section: "Dislocation"),
            FormField("dislocatedOn", "Layoff/notice date", .date, hint: "date of layoff or of the notice; " + Day.acceptedFormats),
            FormField("lastEmployer", "Employer", hint: "the employer that laid them off"),
            FormField("unlikelyToReturn", "Unlikely to return", .toggle, hint: "unlikely to return to the previous industry or occupation"),
            FormField("unemploymentInsurance", "Unemployment ins.", .choice(UIStatus.choices)),
            FormField("school", "School status", .choice(SchoolStatus.choices), hint: "asked of youth applicants",
                      section: "Youth"),
        ]
        // Last: optional, and never in the way of the answers eligibility needs.
        f += [FormField("hispanic", "Hispanic or Latino", .choice(SelfIdentified.choices),
                        hint: "optional: the customer may decline to say", section: "For the participant record (optional)")]
        f += Race.allCases.map { FormField("race-" + $0.rawValue, "Race: " + $0.label, .toggle) }
        f += [
            FormField("raceDeclined", "Race: did not self-identify", .toggle),
            FormField("disabilityStatus", "Disability", .choice(SelfIdentified.choices), hint: "as the customer identifies it; optional"),
            FormField("englishLearnerStatus", "English learner", .choice(SelfIdentified.choices),
                      hint: "an English language learner, as the customer identifies it; optional"),
        ]
        return f
    }()

    public static func field(_ key: String) -> FormField? { fields.first { $0.key == key } }

    // MARK: Checking

    /// A message per wrong field, keyed by field key.
    public func problems(customer: Customer, today: Day) -> [String: String] {
        var found: [String: String] = [:]
        for field in Self.fields where field.isRequired && self[field.key].trimmingSpaces.isEmpty {
            found[field.key] = "\(field.label) is required"
        }
        for field in Self.fields {
            let text = self[field.key].trimmingSpaces
            guard !text.isEmpty else { continue }
            if field.kind == .date, Day(parsing: text) == nil {
                found[field.key] = "not a date; type " + Day.acceptedFormats
            } else if field.isTyped, field.key != "ssnLast4", SSN.containsFull(text) {
                found[field.key] = "looks like a full SSN; never type one here"
            }
        }
        if let applied = Day(parsing: self["appliedOn"]) {
            if applied > today { found["appliedOn"] = "is in the future" }
            else if applied < customer.enteredOn { found["appliedOn"] = "is before customer entry on \(customer.enteredOn)" }
        }
        let state = self["state"].trimmingSpaces
        if !state.isEmpty, !(state.count == 2 && state.allSatisfy { $0.isASCII && $0.isLetter }) {
            found["state"] = "two letters, e.g. IL"
        }
        let ssn = self["ssnLast4"].trimmingSpaces
        if !ssn.isEmpty, !SSN.isLast4(ssn) {
            found["ssnLast4"] = SSN.containsFull(ssn) || ssn.filter(\.isNumber).count >= 9
                ? "a full SSN is never stored; it was cleared. Type the last 4 digits only"
                : "exactly 4 digits, e.g. 6789"
        }
        let phone = self["phone"].trimmingSpaces
        if !phone.isEmpty, CustomerEntry.normalizedPhone(phone) == nil { found["phone"] = "10 digits, e.g. 312-555-0142" }
        if self["acceptsTexts"] == FormField.yes, phone.isEmpty { found["acceptsTexts"] = "there is no phone to text" }
        let grade = self["highestGrade"].trimmingSpaces
        if !grade.isEmpty, Int(digits: Substring(grade)).map({ (0...12).contains($0) }) != true {
            found["highestGrade"] = "a grade from 0 to 12"
        }
        for n in 1...Self.contactSlots {
            let name = self["contact\(n)Name"].trimmingSpaces
            let relation = self["contact\(n)Relationship"].trimmingSpaces
            let phone = self["contact\(n)Phone"].trimmingSpaces
            if name.isEmpty, !(relation.isEmpty && phone.isEmpty) {
                found["contact\(n)Name"] = "name the contact person"
            }
            if !name.isEmpty, relation.isEmpty { found["contact\(n)Relationship"] = "how are they related?" }
            if !phone.isEmpty, CustomerEntry.normalizedPhone(phone) == nil {
                found["contact\(n)Phone"] = "10 digits, e.g. 312-555-0142"
            }
        }
        let dislocation = DislocationReason(rawValue: self["dislocation"]) ?? .none
        if [.laidOff, .notice, .plantClosure].contains(dislocation), self["dislocatedOn"].trimmingSpaces.isEmpty {
            found["dislocatedOn"] = "required for \(dislocation.label)"
        }
        if let d = Day(parsing: self["dislocatedOn"]), d > today.adding(days: 366) {
            found["dislocatedOn"] = "more than a year ahead"
        }
        if self["raceDeclined"] == FormField.yes, Race.allCases.contains(where: { self["race-" + $0.rawValue] == FormField.yes }) {
            found["raceDeclined"] = "either races that apply or \"did not self-identify\", not both"
        }
        if Sex(rawValue: self["sex"]) == .female,
           [.registered, .notRegistered, .notWillful].contains(SelectiveService(rawValue: self["selectiveService"])) {
            found["selectiveService"] = "applies to men only; choose \"not required\""
        }
        return found
    }

    /// Whether the value typed in `key` holds a full SSN and must not be kept
    /// even on screen.
    public static func mustClear(_ key: String, _ text: String) -> Bool {
        key == "ssnLast4" ? (SSN.containsFull(text) || text.filter(\.isNumber).count >= 9) : false
    }

    // MARK: Converting

    /// The application these answers describe, or nil while any is wrong.
    public func application(customer: Customer, today: Day) -> Application? {
        guard problems(customer: customer, today: today).isEmpty,
              let applied = Day(parsing: self["appliedOn"]),
              let program = Program(rawValue: self["program"]) else { return nil }
        func text(_ key: String) -> String? {
            let v = self[key].trimmingSpaces
            return v.isEmpty ? nil : v
        }
        func flag(_ key: String) -> Bool { self[key] == FormField.yes }
        func pick<T: Labeled>(_ key: String, _ fallback: T) -> T { T(rawValue: self[key]) ?? fallback }
        let contacts = (1...Self.contactSlots).compactMap { n -> Application.Contact? in
            guard let name = text("contact\(n)Name") else { return nil }
            return Application.Contact(name: name, relationship: text("contact\(n)Relationship") ?? "",
                                       phone: text("contact\(n)Phone").flatMap(CustomerEntry.normalizedPhone))
        }
        return Application(
            appliedOn: applied, program: program, street: self["street"].trimmingSpaces,
            city: self["city"].trimmingSpaces, state: self["state"].trimmingSpaces.uppercased(),
            acceptsTexts: flag("acceptsTexts"), socialMedia: text("socialMedia"), contacts: contacts,
            ssnLast4: text("ssnLast4"), veteran: pick("veteran", VeteranStatus.no), sex: pick("sex", Sex.notGiven),
            selectiveService: pick("selectiveService", SelectiveService.notAsked),
            rightToWork: pick("rightToWork", RightToWork.notAsked),
            employment: pick("employment", EmploymentStatus.notEmployed),
            highestGrade: text("highestGrade").flatMap { Int($0) },
            education: pick("education", EducationLevel.noDiploma), lowIncome: flag("lowIncome"),
            assistance: PublicAssistance.allCases.filter { flag("assist-" + $0.rawValue) },
            barriers: Barrier.allCases.filter { flag("barrier-" + $0.rawValue) },
            dislocation: pick("dislocation", DislocationReason.none),
            dislocatedOn: text("dislocatedOn").flatMap { Day(parsing: $0) }, lastEmployer: text("lastEmployer"),
            unlikelyToReturn: flag("unlikelyToReturn"),
            unemploymentInsurance: pick("unemploymentInsurance", UIStatus.notApplicable),
            school: pick("school", SchoolStatus.notAsked))
            .withDemographics(hispanic: pick("hispanic", SelfIdentified.notAsked),
                              races: Race.allCases.filter { flag("race-" + $0.rawValue) }, raceDeclined: flag("raceDeclined"),
                              disability: pick("disabilityStatus", SelfIdentified.notAsked),
                              englishLearner: pick("englishLearnerStatus", SelfIdentified.notAsked))
            .papers(in: pick("copyLanguage", CopyLanguage.english))
    }

    /// The customer's phone as the form gives it: normalized, nil when empty.
    public var phone: String? { CustomerEntry.normalizedPhone(self["phone"].trimmingSpaces) }

    /// The form for a stored application and the customer's phone.
    public init(_ a: Application, phone: String?) {
        self.init(a)
        self["phone"] = phone ?? ""
    }

    /// The form for a stored application, every answer as text.
    public init(_ a: Application) {
        var v: [String: String] = [
            "appliedOn": a.appliedOn.description, "program": a.program.rawValue, "street": a.street,
            "city": a.city, "state": a.state, "socialMedia": a.socialMedia ?? "", "ssnLast4": a.ssnLast4 ?? "",
            "veteran": a.veteran.rawValue, "sex": a.sex.rawValue, "selectiveService": a.selectiveService.rawValue,
            "rightToWork": a.rightToWork.rawValue, "employment": a.employment.rawValue,
            "highestGrade": a.highestGrade.map(String.init) ?? "", "education": a.education.rawValue,
            "dislocation": a.dislocation.rawValue, "dislocatedOn": a.dislocatedOn?.description ?? "",
            "lastEmployer": a.lastEmployer ?? "", "unemploymentInsurance": a.unemploymentInsurance.rawValue,
            "school": a.school.rawValue,
        ]
        func set(_ key: String, _ on: Bool) { v[key] = on ? FormField.yes : "" }
        set("acceptsTexts", a.acceptsTexts)
        set("lowIncome", a.lowIncome)
        set("unlikelyToReturn", a.unlikelyToReturn)
        for p in PublicAssistance.allCases { set("assist-" + p.rawValue, a.assistance.contains(p)) }
        v["copyLanguage"] = (a.copyLanguage ?? .english).rawValue
        v["hispanic"] = (a.hispanic ?? .notAsked).rawValue
        v["disabilityStatus"] = (a.disability ?? .notAsked).rawValue
        v["englishLearnerStatus"] = (a.englishLearner ?? .notAsked).rawValue
        for r in Race.allCases { set("race-" + r.rawValue, a.races?.contains(r) == true) }
        set("raceDeclined", a.raceDeclined == true)
        for b in Barrier.allCases { set("barrier-" + b.rawValue, a.barriers.contains(b)) }
        for (i, c) in a.contacts.prefix(Self.contactSlots).enumerated() {
            v["contact\(i + 1)Name"] = c.name
            v["contact\(i + 1)Relationship"] = c.relationship
            v["contact\(i + 1)Phone"] = c.phone ?? ""
        }
        self.init(v)
    }

    /// A new application for a customer: today's date, the phone on file.
    public static func new(for customer: Customer, today: Day) -> ApplicationForm {
        var form = ApplicationForm(["appliedOn": today.description, "state": "IL",
                                    "rightToWork": RightToWork.citizen.rawValue,
                                    "education": EducationLevel.diploma.rawValue])
        if customer.isVeteran { form["veteran"] = VeteranStatus.veteran.rawValue }
        form["phone"] = customer.phone ?? ""
        return form
    }

    /// What changed from `old`, in the form's own words: for the amendment history.
    public func changes(from old: ApplicationForm) -> [FieldChange] {
        Self.fields.compactMap { f in
            func shown(_ v: String) -> String { v.isEmpty && f.kind != .toggle ? "—" : f.display(v) }
            let before = shown(old[f.key].trimmingSpaces), after = shown(self[f.key].trimmingSpaces)
            return before == after ? nil : FieldChange(field: f.label, old: before, new: after)
        }
    }
}

/// One answer changed by an amendment.
public struct FieldChange: Hashable, Codable, Sendable {
    public var field: String
    public var old: String
    public var new: String

    public init(field: String, old: String, new: String) {
        self.field = field
        self.old = old
        self.new = new
    }
}
