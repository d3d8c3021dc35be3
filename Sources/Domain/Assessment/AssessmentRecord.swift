/// An assessment in the customer's register (POLICY.md section 1, step 5):
/// the instrument and version, when, the score, the analysis, who gave it;
/// or, when not completed, why (002).
public struct AssessmentRecord: Hashable, Codable, Sendable {
    public enum Instrument: String, Labeled, Codable {
        case tabe, casasGoals = "casas-goals", bestLiteracy = "best-literacy", bestPlus = "best-plus"
        case casasLifeWork = "casas-life-work", interests, aptitudes, trainingEducation = "training-education"
        case workBasedLearning = "work-based-learning", other
        public var label: String {
            switch self {
            case .tabe: "TABE 11&12"
            case .casasGoals: "CASAS GOALS"
            case .bestLiteracy: "BEST Literacy"
            case .bestPlus: "BEST Plus 2.0"
            case .casasLifeWork: "CASAS Life and Work Reading"
            case .interests: "interest inventory"
            case .aptitudes: "aptitude inventory"
            case .trainingEducation: "Training & Education Assessment"
            case .workBasedLearning: "Work-Based Learning Assessment"
            case .other: "other (name it)"
            }
        }
    }

    public enum Subject: String, Labeled, Codable {
        case reading, math, language, interests, aptitudes, training, workBasedLearning = "work-based-learning", other
        public var label: String {
            switch self {
            case .reading: "reading"
            case .math: "math"
            case .language: "English language"
            case .interests: "interests"
            case .aptitudes: "aptitudes"
            case .training: "training readiness"
            case .workBasedLearning: "work-based learning"
            case .other: "other"
            }
        }
    }

    public enum Source: String, Labeled, Codable {
        case inHouse = "in-house", partner, customer
        public var label: String {
            switch self {
            case .inHouse: "given here"
            case .partner: "from a partner program"
            case .customer: "brought by the customer"
            }
        }
    }

    public var id: Int64
    public var customer: CustomerID
    public var instrument: Instrument
    public var otherName: String?
    public var version: String?
    public var subject: Subject
    public var source: Source
    public var administeredOn: Day?
    public var result: String?
    public var analysis: String?
    /// Staff login, or the partner's name.
    public var givenBy: String
    public var notCompletedReason: String?
    public var recordedBy: String
    /// Every correction since it was recorded, oldest first (nil: none).
    public var corrections: [Correction]? = nil

    public init(id: Int64, customer: CustomerID, instrument: Instrument, otherName: String? = nil, version: String? = nil,
                subject: Subject, source: Source = .inHouse, administeredOn: Day?, result: String?, analysis: String? = nil,
                givenBy: String, notCompletedReason: String? = nil, recordedBy: String,
                corrections: [Correction]? = nil) {
        self.corrections = corrections
        self.id = id
        self.customer = customer
        self.instrument = instrument
        self.otherName = otherName
        self.version = version
        self.subject = subject
        self.source = source
        self.administeredOn = administeredOn
        self.result = result
        self.analysis = analysis
        self.givenBy = givenBy
        self.notCompletedReason = notCompletedReason
        self.recordedBy = recordedBy
    }

    public var name: String {
        instrument == .other ? (otherName ?? "other") : instrument.label
    }

    public var isCompleted: Bool { notCompletedReason == nil }

    /// A formal assessment from a partner or the customer may be used when at
    /// most 6 months old on the day it is used (001); ours are always current.
    public static let reuseMonths = 6

    public func isUsable(on day: Day) -> Bool {
        guard isCompleted, let given = administeredOn else { return false }
        return source == .inHouse || day <= given.adding(months: Self.reuseMonths)
    }

    /// Why an assessment cannot be used on `day`, or nil.
    public func staleness(on day: Day) -> String? {
        guard source != .inHouse, isCompleted, let given = administeredOn, !isUsable(on: day) else { return nil }
        return "older than \(Self.reuseMonths) months (given \(given), usable through \(given.adding(months: Self.reuseMonths)))"
    }

    /// Reading and math scores that may be used on `day`: training cannot be
    /// planned without both (checked by the plan editor).
    public static func hasReadingAndMath(_ all: [AssessmentRecord], on day: Day) -> Bool {
        let usable = all.filter { $0.isUsable(on: day) }
        return usable.contains { $0.subject == .reading } && usable.contains { $0.subject == .math }
    }

    // MARK: The form

    public static let fields: [FormField] = [
        FormField("instrument", "Instrument", .choice(Instrument.choices), hint: "Space or ←/→ to choose", required: true),
        FormField("otherName", "If other, its name"),
        FormField("version", "Version or form", hint: "e.g. Form 11 Level M"),
        FormField("subject", "Measures", .choice(Subject.choices), required: true),
        FormField("source", "Source", .choice(Source.choices), hint: "partner and customer results count for 6 months"),
        FormField("administeredOn", "Date given", .date, hint: Day.acceptedFormats),
        FormField("result", "Score or result", hint: "e.g. scale score 512, NRS level 3"),
        FormField("analysis", "Analysis", .paragraph, hint: "what the result means for the plan"),
        FormField("givenBy", "Given by", hint: "staff member or partner", required: true),
        FormField("notCompletedReason", "Not completed: why", hint: "only when it was not completed; then no date or score"),
    ]

    public static func problems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(fields, v)
        dateProblem("administeredOn", v, today: today, into: &found)
        if v["instrument"] == Instrument.other.rawValue, optionalText(v["otherName"]) == nil {
            found["otherName"] = "name the instrument"
        }
        if optionalText(v["notCompletedReason"]) == nil {
            if optionalText(v["administeredOn"]) == nil { found["administeredOn"] = found["administeredOn"] ?? "the date it was given" }
            if optionalText(v["result"]) == nil { found["result"] = "the score, or say why it was not completed" }
        }
        return found
    }

    /// The assessment a form describes, or what is wrong with it.
    public static func checked(_ v: [String: String], id: Int64 = 0, customer: CustomerID, recordedBy: String,
                               today: Day) -> Result<AssessmentRecord, FieldProblems> {
        FieldProblems.check(problems(v, today: today), fields) { made(v, id: id, customer: customer, recordedBy: recordedBy) }
    }

    /// The record of values already checked.
    private static func made(_ v: [String: String], id: Int64, customer: CustomerID, recordedBy: String) -> AssessmentRecord? {
        guard let instrument = Instrument(rawValue: v["instrument"] ?? ""), let subject = Subject(rawValue: v["subject"] ?? "")
        else { return nil }
        return AssessmentRecord(id: id, customer: customer, instrument: instrument,
                  otherName: instrument == .other ? optionalText(v["otherName"]) : nil, version: optionalText(v["version"]),
                  subject: subject, source: Source(rawValue: v["source"] ?? "") ?? .inHouse,
                  administeredOn: optionalText(v["administeredOn"]).flatMap { Day(parsing: $0) },
                  result: optionalText(v["result"]), analysis: optionalText(v["analysis"]),
                  givenBy: (v["givenBy"] ?? "").trimmingSpaces, notCompletedReason: optionalText(v["notCompletedReason"]),
                  recordedBy: recordedBy)
    }
}
