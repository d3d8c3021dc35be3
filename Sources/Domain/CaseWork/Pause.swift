/// A planned break in service (003): while it runs the automatic-exit
/// clock stands still. At most 180 days, and never the first service.
public struct Pause: Hashable, Codable, Sendable {
    public var id: Int64
    public var customer: CustomerID
    public var reason: PauseReason
    public var detail: String
    public var startOn: Day
    public var endOn: Day
    public var recordedBy: String
    public var recordedOn: Day
    /// Ended before its planned end (the customer came back): the end as
    /// first planned, who ended it and why. `endOn` is then the real end.
    public var plannedEndOn: Day? = nil
    public var endedEarly: String? = nil

    public init(id: Int64, customer: CustomerID, reason: PauseReason, detail: String = "", startOn: Day, endOn: Day,
                recordedBy: String, recordedOn: Day) {
        self.id = id
        self.customer = customer
        self.reason = reason
        self.detail = detail
        self.startOn = startOn
        self.endOn = endOn
        self.recordedBy = recordedBy
        self.recordedOn = recordedOn
    }

    public static let longest = 180

    /// Days of the pause, both ends counted.
    public var length: Int { startOn.days(until: endOn) + 1 }

    public static let fields = [
        FormField("reason", "Reason", .choice(PauseReason.choices), hint: "Space or ←/→", required: true),
        FormField("detail", "Details", hint: "e.g. surgery on 3 Dec, back in January", required: true),
        FormField("startOn", "Starts", .date, hint: Day.acceptedFormats, required: true),
        FormField("endOn", "Ends", .date, hint: "at most \(longest) days; " + Day.acceptedFormats, required: true),
    ]

    /// `lastService` is the customer's last day of service; `others` their other pauses.
    public static func problems(_ v: [String: String], lastService: Day?, others: [Pause]) -> [String: String] {
        var found = requiredProblems(fields, v)
        for key in ["startOn", "endOn"] { if let bad = dateFormatProblem(v[key]) { found[key] = bad } }
        guard let start = Day(parsing: v["startOn"] ?? ""), let end = Day(parsing: v["endOn"] ?? "") else { return found }
        if end < start { found["endOn"] = "is before the start" }
        else if start.days(until: end) + 1 > longest {
            found["endOn"] = "makes the pause \(start.days(until: end) + 1) days; at most \(longest)"
        }
        if let last = lastService {
            if start < last { found["startOn"] = "is before the last service (\(last))" }
        } else {
            found["startOn"] = "a pause cannot be the first service: record a service first"
        }
        if let clash = others.first(where: { $0.startOn <= end && start <= $0.endOn }), found["startOn"] == nil {
            found["startOn"] = "overlaps the pause \(clash.startOn) to \(clash.endOn)"
        }
        return found
    }

    public static let endFields = [
        FormField("endOn", "Ended on", .date, hint: "the last day of the break; " + Day.acceptedFormats, required: true),
        FormField("why", "Why", .paragraph, hint: "e.g. back from surgery early, ready to start", required: true),
    ]

    /// Ending the pause early: on a day from its start to the day before its
    /// planned end, not after today.
    public func endProblems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(Self.endFields, v)
        if let bad = dateFormatProblem(v["endOn"]) { found["endOn"] = bad }
        guard let end = Day(parsing: v["endOn"] ?? ""), found["endOn"] == nil else { return found }
        if end < startOn { found["endOn"] = "is before the pause started (\(startOn))" }
        else if end >= endOn { found["endOn"] = "is not before its planned end (\(endOn))" }
        else if end > today { found["endOn"] = "is in the future: end it on the day the customer is back" }
        return found
    }

    /// The pause ended early, or what is wrong with the form.
    public func ending(_ v: [String: String], by login: String, today: Day) -> Result<Pause, FieldProblems> {
        FieldProblems.check(endProblems(v, today: today), Self.endFields) {
            guard let end = Day(parsing: v["endOn"] ?? "") else { return nil }
            var p = self
            p.plannedEndOn = endOn
            p.endOn = end
            p.endedEarly = "\((v["why"] ?? "").trimmingSpaces) (ended by \(login) on \(today))"
            return p
        }
    }

    /// "2026-11-01 to 2026-12-15 (health or medical condition)", with an early end.
    public var summary: String {
        "\(startOn) to \(endOn) (\(reason.label))" + (plannedEndOn.map { ", ended early, planned to \($0): \(endedEarly ?? "")" } ?? "")
    }

    /// The pause a form describes, or what is wrong with it, given the
    /// customer's last service and other pauses.
    public static func checked(_ v: [String: String], customer: CustomerID, lastService: Day?, others: [Pause],
                               by login: String, today: Day) -> Result<Pause, FieldProblems> {
        FieldProblems.check(problems(v, lastService: lastService, others: others), fields) {
            guard let reason = PauseReason(rawValue: v["reason"] ?? ""), let start = Day(parsing: v["startOn"] ?? ""),
                  let end = Day(parsing: v["endOn"] ?? "") else { return nil }
            return Pause(id: 0, customer: customer, reason: reason, detail: (v["detail"] ?? "").trimmingSpaces,
                         startOn: start, endOn: end, recordedBy: login, recordedOn: today)
        }
    }

    /// Its values as the form had them.
    public var values: [String: String] {
        ["reason": reason.rawValue, "detail": detail, "startOn": startOn.description, "endOn": endOn.description]
    }
}

/// The allowable reasons for a gap in service (TEGL 10-16 change 2).
public enum PauseReason: String, Codable, CaseIterable, Sendable, Labeled {
    case health, familyCare = "family-care", trainingDelay = "training-delay", reserveDuty = "reserve-duty"
    case disaster

    public var label: String {
        switch self {
        case .health: "health or medical condition"
        case .familyCare: "family care"
        case .trainingDelay: "delay before training starts"
        case .reserveDuty: "called to military duty"
        case .disaster: "disaster or other emergency"
        }
    }
}
