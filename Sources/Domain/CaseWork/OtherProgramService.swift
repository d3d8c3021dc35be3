/// A staff-assisted service the customer received, or has scheduled, in
/// another DOL-funded program they are co-enrolled in (003): the automatic
/// exit waits for 90 days without service across all of them, and the exit
/// date is the last day of service in any program.
public struct OtherProgramService: Hashable, Codable, Sendable {
    public var id: Int64
    public var customer: CustomerID
    public var program: OtherProgram
    /// The program's name when it is "other".
    public var otherName: String?
    public var service: String
    public var on: Day
    /// A service planned for `on`; otherwise delivered on `on`.
    public var scheduled: Bool
    public var recordedBy: String
    public var recordedOn: Day

    public init(id: Int64, customer: CustomerID, program: OtherProgram, otherName: String? = nil, service: String, on: Day,
                scheduled: Bool, recordedBy: String, recordedOn: Day) {
        self.id = id
        self.customer = customer
        self.program = program
        self.otherName = otherName
        self.service = service
        self.on = on
        self.scheduled = scheduled
        self.recordedBy = recordedBy
        self.recordedOn = recordedOn
    }

    public var programName: String { program == .other ? (otherName ?? "other DOL-funded program") : program.label }

    public static let fields = [
        FormField("program", "Program", .choice(OtherProgram.choices), hint: "Space or ←/→", required: true),
        FormField("otherName", "If other, which", hint: "name the DOL-funded program"),
        FormField("service", "Service", hint: "e.g. job search assistance with the employment service", required: true),
        FormField("on", "Date", .date, hint: "a past date: delivered; a future date: scheduled · " + Day.acceptedFormats,
                  required: true),
    ]

    public static func problems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(fields, v)
        if let bad = dateFormatProblem(v["on"]) { found["on"] = bad }
        if v["program"] == OtherProgram.other.rawValue, (v["otherName"] ?? "").trimmingSpaces.isEmpty {
            found["otherName"] = "name the program"
        }
        if let day = Day(parsing: v["on"] ?? ""), today.days(until: day) > 366 { found["on"] = "is more than a year ahead" }
        return found
    }

    /// Delivered when dated today or earlier, scheduled when later.
    public static func checked(_ v: [String: String], customer: CustomerID, by login: String,
                               today: Day) -> Result<OtherProgramService, FieldProblems> {
        FieldProblems.check(problems(v, today: today), fields) {
            guard let program = OtherProgram(rawValue: v["program"] ?? ""), let on = Day(parsing: v["on"] ?? "") else { return nil }
            let other = (v["otherName"] ?? "").trimmingSpaces
            return OtherProgramService(id: 0, customer: customer, program: program,
                                       otherName: program == .other ? other : nil, service: (v["service"] ?? "").trimmingSpaces,
                                       on: on, scheduled: on > today, recordedBy: login, recordedOn: today)
        }
    }
}

extension [OtherProgramService] {
    /// The last day of service delivered in another program.
    public var lastDelivered: Day? { filter { !$0.scheduled }.map(\.on).max() }
    /// The last day a service is scheduled in another program.
    public var lastScheduled: Day? { filter(\.scheduled).map(\.on).max() }
}

/// The DOL-funded programs a WIOA customer is commonly co-enrolled in.
public enum OtherProgram: String, Codable, CaseIterable, Sendable, Labeled {
    case wagnerPeyser = "wagner-peyser", trade = "taa", jvsg, dislocatedWorkerGrant = "ndwg", other

    public var label: String {
        switch self {
        case .wagnerPeyser: "Wagner-Peyser Employment Service"
        case .trade: "Trade Adjustment Assistance"
        case .jvsg: "Jobs for Veterans State Grants"
        case .dislocatedWorkerGrant: "National Dislocated Worker Grant"
        case .other: "other DOL-funded program"
        }
    }
}
