/// Which document verified an eligibility answer and when staff saw it
/// (001: documentation collected securely). The document itself is never
/// stored: only its type and the date it was seen.
public struct EligibilityDocument: Hashable, Codable, Sendable {
    public var customer: CustomerID
    /// `EligibilityItem.key`.
    public var item: String
    public var documentType: String
    public var seenOn: Day
    public var recordedBy: String

    public init(customer: CustomerID, item: String, documentType: String, seenOn: Day, recordedBy: String) {
        self.customer = customer
        self.item = item
        self.documentType = documentType
        self.seenOn = seenOn
        self.recordedBy = recordedBy
    }

    /// Document types whose wording changed, as first stored → as named now.
    /// Files written before the change keep the old words on disk (the row is
    /// the record of what staff saw, and the audit chain covers it); every
    /// reader shows, exports and checks them under today's name.
    static let renamed = ["driver's licence or state ID": "driver's license or state ID"]

    /// A stored document type as named today.
    public static func currentName(of stored: String) -> String { renamed[stored] ?? stored }
}

/// An answer on the application that needs a document, with the document
/// types that are accepted for it.
public struct EligibilityItem: Hashable, Sendable {
    public var key: String
    public var label: String
    public var documentTypes: [String]

    static let attestation = "applicant self-attestation"

    /// The items this application's answers call for, in checklist order.
    public static func items(for a: Application, screening: BasicSkillsScreening?) -> [EligibilityItem] {
        var items = [
            EligibilityItem(key: "age", label: "Date of birth / age", documentTypes: [
                "birth certificate", "driver's license or state ID", "passport", "school record", "DD-214"]),
            EligibilityItem(key: "right-to-work", label: "Right to work", documentTypes: [
                "U.S. passport", "birth certificate", "permanent resident card", "employment authorization document",
                "naturalization certificate"]),
        ]
        if a.sex != .female {
            items.append(EligibilityItem(key: "selective-service", label: "Selective service", documentTypes: [
                "SSS registration acknowledgement", "sss.gov verification printout", "status information letter",
                "DD-214", attestation]))
        }
        if a.veteran != .no {
            items.append(EligibilityItem(key: "veteran", label: a.veteran == .veteran ? "Veteran status" : "Eligible spouse",
                                         documentTypes: ["DD-214", "VA letter", "marriage certificate and DD-214"]))
        }
        if a.lowIncome {
            items.append(EligibilityItem(key: "low-income", label: "Low income", documentTypes: [
                "pay stubs", "benefit award letter", "tax return", "free or reduced lunch record", attestation]))
        }
        if a.receivesAssistance {
            let names = PublicAssistance.allCases.filter(a.assistance.contains).map(\.rawValue).joined(separator: ", ")
            items.append(EligibilityItem(key: "public-assistance", label: "Public assistance (\(names.uppercased()))",
                                         documentTypes: ["benefit award letter", "agency verification", "case record printout"]))
        }
        if a.dislocation != .none {
            items.append(EligibilityItem(key: "dislocation", label: "Dislocation: \(a.dislocation.label)", documentTypes: [
                "layoff notice", "employer letter", "UI claim record", "WARN notice", "news article on closure",
                attestation]))
        }
        if a.program == .youth || a.school != .notAsked {
            items.append(EligibilityItem(key: "school", label: "School status", documentTypes: [
                "school enrollment record", "transcript", "dropout letter", "diploma or equivalency", attestation]))
        }
        for b in Barrier.allCases where a.barriers.contains(b) {
            items.append(EligibilityItem(key: "barrier:" + b.rawValue, label: "Barrier: " + b.label, documentTypes: [
                "agency or shelter letter", "court or release record", "medical or VR record", "school record",
                "case note of staff observation", attestation]))
        }
        if screening?.result == .deficient, !a.barriers.contains(.basicSkillsDeficient) {
            items.append(EligibilityItem(key: "basic-skills", label: "Basic skills deficient (screening)",
                                         documentTypes: ["Basic Skills Screening Tool result", "TABE or CASAS score"]))
        }
        return items
    }
}

/// A change to eligibility answers after certification: never silent, always
/// with a reason, kept in the customer's history.
public struct ApplicationAmendment: Hashable, Codable, Sendable {
    public var customer: CustomerID
    public var amendedAt: String
    public var amendedBy: String
    public var reason: String
    public var changes: [FieldChange]

    public init(customer: CustomerID, amendedAt: String, amendedBy: String, reason: String, changes: [FieldChange]) {
        self.customer = customer
        self.amendedAt = amendedAt
        self.amendedBy = amendedBy
        self.reason = reason
        self.changes = changes
    }
}
