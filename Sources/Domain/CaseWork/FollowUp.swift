/// Follow-up after exit (002): 12 months, from the exit or, for adults and
/// dislocated workers placed in employment, from the first day of that
/// employment. A contact is due each quarter. Follow-up never moves the
/// exit date; a customer may decline it, and the reason is kept.
public struct FollowUp: Hashable, Sendable {
    public var startsOn: Day
    public var endsOn: Day
    /// The quarterly contacts: 3, 6, 9 and 12 months after the start.
    public var contactsDue: [Day]

    public static let contactMonths = [3, 6, 9, 12]

    /// Nil before exit.
    public init?(for c: Customer) {
        guard let exit = c.exitedOn else { return nil }
        var start = exit
        if let employed = c.employedOn, c.program == .adult || c.program == .dislocatedWorker, employed > exit {
            start = employed
        }
        startsOn = start
        endsOn = start.adding(months: ClockRule.followUp12m.limit)
        contactsDue = Self.contactMonths.map { start.adding(months: $0) }
    }

    /// Each quarterly contact with the follow-up note that met it, if any: a
    /// quarter is met by a contact after the previous due date, up to its own.
    public func contacts(notes: [CaseNote]) -> [(due: Day, made: CaseNote?)] {
        let contacts = notes.filter { $0.kind == .followUp && $0.amends == nil }
        var from = startsOn
        return contactsDue.map { due in
            defer { from = due.adding(days: 1) }
            return (due, contacts.first { from <= $0.eventOn && $0.eventOn <= due })
        }
    }

    /// The first quarterly contact not yet made; nil when all four are.
    public func nextContact(notes: [CaseNote]) -> (number: Int, due: Day)? {
        guard let i = contacts(notes: notes).firstIndex(where: { $0.made == nil }) else { return nil }
        return (i + 1, contactsDue[i])
    }

    public func isRunning(on today: Day) -> Bool { startsOn <= today && today <= endsOn }
}

/// A customer's refusal of follow-up services, with their reason.
public struct FollowUpDecline: Hashable, Codable, Sendable {
    public var customer: CustomerID
    public var on: Day
    public var reason: String
    public var recordedBy: String

    public init(customer: CustomerID, on: Day, reason: String, recordedBy: String) {
        self.customer = customer
        self.on = on
        self.reason = reason
        self.recordedBy = recordedBy
    }

    public static let fields = [
        FormField("on", "Declined on", .date, hint: Day.acceptedFormats, required: true),
        FormField("reason", "Reason", .paragraph, hint: "in the customer's words", required: true),
    ]

    public static func problems(_ v: [String: String], exitedOn: Day?, today: Day) -> [String: String] {
        var found = requiredProblems(fields, v)
        dateProblem("on", v, today: today, into: &found)
        if exitedOn == nil { found["on"] = "follow-up starts at exit: the customer has not exited" }
        return found
    }

    /// The refusal a form describes, or what is wrong with it.
    public static func checked(_ v: [String: String], customer: CustomerID, exitedOn: Day?, by login: String,
                               today: Day) -> Result<FollowUpDecline, FieldProblems> {
        FieldProblems.check(problems(v, exitedOn: exitedOn, today: today), fields) {
            Day(parsing: v["on"] ?? "").map {
                FollowUpDecline(customer: customer, on: $0, reason: (v["reason"] ?? "").trimmingSpaces, recordedBy: login)
            }
        }
    }
}
