/// One signature on a Career Plan (003): who signed, in which role, how,
/// when, who captured it, and the digest of the plan as it was signed.
public struct Signature: Hashable, Codable, Sendable {
    public var id: Int64
    public var customer: CustomerID
    public var role: SignerRole
    /// The name as typed; it matched the name on record.
    public var signerName: String
    /// A guardian's relationship to the customer.
    public var relationship: String?
    public var method: SignatureMethod
    /// On a printed copy: the day the paper came back.
    public var paperReturnedOn: Day?
    /// The day it counts from (the paper's return day for a printed copy).
    public var signedOn: Day
    /// ISO 8601 time in UTC of the capture.
    public var capturedAt: String
    public var capturedBy: String
    /// The plan version and its digest when signed.
    public var planVersion: Int
    public var digest: String
    /// A planner's signature given by someone else (covering, a supervisor):
    /// the login of the customer's career planner they signed for.
    public var forPlanner: String? = nil

    public init(id: Int64, customer: CustomerID, role: SignerRole, signerName: String, relationship: String? = nil,
                method: SignatureMethod, paperReturnedOn: Day? = nil, signedOn: Day, capturedAt: String,
                capturedBy: String, planVersion: Int, digest: String) {
        self.id = id
        self.customer = customer
        self.role = role
        self.signerName = signerName
        self.relationship = relationship
        self.method = method
        self.paperReturnedOn = paperReturnedOn
        self.signedOn = signedOn
        self.capturedAt = capturedAt
        self.capturedBy = capturedBy
        self.planVersion = planVersion
        self.digest = digest
    }

    /// "signed 2026-11-23 at this terminal".
    public var summary: String {
        "signed \(signedOn) " + (method == .paper ? "on a printed copy returned \(paperReturnedOn ?? signedOn)" : method.label)
            + (forPlanner.map { " by \(signerName) for \($0)" } ?? "")
    }
}

public enum SignerRole: String, Codable, CaseIterable, Sendable {
    case customer, planner, guardian

    public var label: String {
        switch self {
        case .customer: "Customer"
        case .planner: "Career planner"
        case .guardian: "Parent or guardian"
        }
    }
}

public enum SignatureMethod: String, Codable, CaseIterable, Sendable, Labeled {
    case terminal, phone, paper

    public var label: String {
        switch self {
        case .terminal: "at this terminal"
        case .phone: "by phone, the planner as witness"
        case .paper: "on a printed copy"
        }
    }
}

/// A plan sent to a youth's parent or guardian to sign later: the plan shows
/// "sent to guardian" until the signature arrives.
public struct GuardianRequest: Hashable, Codable, Sendable {
    public var customer: CustomerID
    public var name: String
    public var relationship: String
    public var sentOn: Day
    public var sentBy: String

    public init(customer: CustomerID, name: String, relationship: String, sentOn: Day, sentBy: String) {
        self.customer = customer
        self.name = name
        self.relationship = relationship
        self.sentOn = sentOn
        self.sentBy = sentBy
    }

    public static let fields = [
        FormField("name", "Guardian's full name", hint: "as it will be signed", required: true),
        FormField("relationship", "Relationship", hint: "e.g. mother, legal guardian", required: true),
        FormField("sentOn", "Sent on", .date, hint: Day.acceptedFormats, required: true),
    ]

    public static func problems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(fields, v)
        dateProblem("sentOn", v, today: today, into: &found)
        return found
    }

    /// The request a form describes, or what is wrong with it.
    public static func checked(_ v: [String: String], customer: CustomerID, by login: String,
                               today: Day) -> Result<GuardianRequest, FieldProblems> {
        FieldProblems.check(problems(v, today: today), fields) {
            Day(parsing: v["sentOn"] ?? "").map {
                GuardianRequest(customer: customer, name: (v["name"] ?? "").trimmingSpaces,
                                relationship: (v["relationship"] ?? "").trimmingSpaces, sentOn: $0, sentBy: login)
            }
        }
    }
}
