/// A referral to a partner program, tracked until it is completed or
/// declined. Open referrals show on the customer.
public struct Referral: Hashable, Codable, Sendable {
    public var id: Int64
    public var customer: CustomerID
    public var partner: PartnerProgram
    /// For partner "other": its name.
    public var otherName: String?
    public var sentOn: Day
    public var reason: String
    /// The barrier ("barrier:ID") or plan step ("step:ID") it serves.
    public var serves: String?
    public var status: ReferralStatus
    /// Every status with its date, oldest first (the first is "sent").
    public var history: [ReferralChange]
    public var recordedBy: String
    public var version: Int

    public init(id: Int64, customer: CustomerID, partner: PartnerProgram, otherName: String? = nil, sentOn: Day,
                reason: String, serves: String? = nil, status: ReferralStatus = .sent, history: [ReferralChange] = [],
                recordedBy: String, version: Int = 1) {
        self.id = id
        self.customer = customer
        self.partner = partner
        self.otherName = otherName
        self.sentOn = sentOn
        self.reason = reason
        self.serves = serves
        self.status = status
        self.history = history.isEmpty ? [ReferralChange(status: .sent, on: sentOn, by: recordedBy)] : history
        self.recordedBy = recordedBy
        self.version = version
    }

    public var partnerName: String {
        partner == .other ? (otherName ?? "other partner") : partner.label
    }

    public var isOpen: Bool { status.isOpen }

    /// The day of the latest status.
    public var statusOn: Day { history.last?.on ?? sentOn }

    public static func fields(serves: [FormChoice]) -> [FormField] {
        var all = [
            FormField("partner", "Partner program", .choice(PartnerProgram.choices), hint: "Space or ←/→; a letter jumps",
                      required: true),
            FormField("otherName", "If other, which", hint: "the partner's name when \"other\""),
            FormField("sentOn", "Referred on", .date, hint: Day.acceptedFormats, required: true),
            FormField("reason", "Reason", hint: "what the customer needs from the partner", required: true),
        ]
        if serves.count > 1 {
            all.append(FormField("serves", "Serves", .choice(serves), hint: "the barrier or plan step it addresses"))
        }
        return all
    }

    public static let statusFields = [
        FormField("status", "Status", .choice(ReferralStatus.choices), hint: "Space or ←/→", required: true),
        FormField("on", "On", .date, hint: Day.acceptedFormats, required: true),
        FormField("why", "Why declined", hint: "asked when declined: by whom and why (the partner's words)"),
    ]

    public static func problems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(fields(serves: []), v)
        dateProblem("sentOn", v, today: today, into: &found)
        if v["partner"] == PartnerProgram.other.rawValue, optionalText(v["otherName"]) == nil {
            found["otherName"] = "name the partner"
        }
        return found
    }

    /// The referral a form describes, or what is wrong with it.
    public static func checked(_ v: [String: String], customer: CustomerID, by login: String, today: Day) -> Result<Referral, FieldProblems> {
        FieldProblems.check(problems(v, today: today), fields(serves: [])) {
            guard let partner = PartnerProgram(rawValue: v["partner"] ?? ""), let sent = Day(parsing: v["sentOn"] ?? "") else { return nil }
            return Referral(id: 0, customer: customer, partner: partner,
                        otherName: partner == .other ? optionalText(v["otherName"]) : nil, sentOn: sent,
                            reason: (v["reason"] ?? "").trimmingSpaces, serves: optionalText(v["serves"]), recordedBy: login)
        }
    }

    public func statusProblems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(Self.statusFields, v)
        dateProblem("on", v, today: today, into: &found)
        if let d = Day(parsing: v["on"] ?? ""), d < statusOn, found["on"] == nil {
            found["on"] = "is before the last status (\(status.label) on \(statusOn))"
        }
        if !isOpen { found["status"] = "already \(status.label) on \(statusOn): a closed referral stays closed" }
        if let s = ReferralStatus(rawValue: v["status"] ?? ""), s == status, found["status"] == nil {
            found["status"] = "is already \(s.label)"
        }
        if v["status"] == ReferralStatus.declined.rawValue, optionalText(v["why"]) == nil {
            found["why"] = "say why it was declined"
        }
        return found
    }

    /// The referral moved to a new status, or what is wrong with the form.
    public func moving(_ v: [String: String], by login: String, today: Day) -> Result<Referral, FieldProblems> {
        FieldProblems.check(statusProblems(v, today: today), Self.statusFields) { moved(v, by: login) }
    }

    private func moved(_ v: [String: String], by login: String) -> Referral? {
        guard let s = ReferralStatus(rawValue: v["status"] ?? ""), let on = Day(parsing: v["on"] ?? "") else { return nil }
        var r = self
        r.status = s
        var change = ReferralChange(status: s, on: on, by: login)
        if s == .declined { change.why = optionalText(v["why"]) }
        r.history.append(change)
        return r
    }
}

public struct ReferralChange: Hashable, Codable, Sendable {
    public var status: ReferralStatus
    public var on: Day
    public var by: String
    /// Why a referral was declined (by the partner or the customer).
    public var why: String? = nil

    public init(status: ReferralStatus, on: Day, by: String) {
        self.status = status
        self.on = on
        self.by = by
    }
}

public enum ReferralStatus: String, Codable, CaseIterable, Sendable, Labeled {
    case sent, accepted, completed, declined
    public var label: String { rawValue }
    public var isOpen: Bool { self == .sent || self == .accepted }
}

public enum PartnerProgram: String, Codable, CaseIterable, Sendable, Labeled {
    case adultEducation = "adult-education", childCare = "child-care", housing, snap, tanf
    case vocationalRehabilitation = "vocational-rehabilitation", other

    public var label: String {
        switch self {
        case .adultEducation: "Adult education (WIOA Title II)"
        case .childCare: "Child care assistance"
        case .housing: "Housing assistance"
        case .snap: "SNAP (food assistance)"
        case .tanf: "TANF (cash assistance)"
        case .vocationalRehabilitation: "Vocational rehabilitation"
        case .other: "other (name it)"
        }
    }
}
