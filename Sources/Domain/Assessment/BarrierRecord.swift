/// A barrier in the customer's register (002): never deleted. When it is
/// overcome the planner records how, the date and their initials; any
/// correction keeps the earlier text in the history.
public struct BarrierRecord: Hashable, Codable, Sendable {
    public var id: Int64
    public var customer: CustomerID
    /// A `BarrierKind` key: an application barrier or a supportive need.
    public var kind: String
    /// For kind "other": what it is.
    public var otherName: String?
    public var description: String
    public var plan: String
    public var identifiedOn: Day
    public var recordedBy: String
    public var overcomeOn: Day?
    public var overcomeHow: String?
    public var overcomeBy: String?
    public var version: Int

    public init(id: Int64, customer: CustomerID, kind: String, otherName: String? = nil, description: String,
                plan: String, identifiedOn: Day, recordedBy: String, overcomeOn: Day? = nil, overcomeHow: String? = nil,
                overcomeBy: String? = nil, version: Int = 1) {
        self.id = id
        self.customer = customer
        self.kind = kind
        self.otherName = otherName
        self.description = description
        self.plan = plan
        self.identifiedOn = identifiedOn
        self.recordedBy = recordedBy
        self.overcomeOn = overcomeOn
        self.overcomeHow = overcomeHow
        self.overcomeBy = overcomeBy
        self.version = version
    }

    public var isOpen: Bool { overcomeOn == nil }

    public var name: String {
        if kind == BarrierKind.other, let otherName, !otherName.isEmpty { return otherName }
        return BarrierKind.label(kind)
    }

    // MARK: The form

    public static let fields: [FormField] = [
        FormField("kind", "Barrier", .choice(BarrierKind.choices), hint: "Space or ←/→; type a letter to jump", required: true),
        FormField("otherName", "If other, what", hint: "name the barrier when the kind is \"other\""),
        FormField("description", "Description", .paragraph, hint: "what it is, in the customer's words", required: true),
        FormField("plan", "Plan to address it", .paragraph, hint: "a service, referral or step; e.g. bus pass until first paycheck",
                  required: true),
        FormField("identifiedOn", "Identified on", .date, hint: Day.acceptedFormats, required: true),
    ]

    public static let overcomeFields: [FormField] = [
        FormField("overcomeOn", "Overcome on", .date, hint: Day.acceptedFormats, required: true),
        FormField("overcomeHow", "How", .paragraph, hint: "what resolved it, e.g. moved into stable housing", required: true),
    ]

    public static func problems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(fields, v)
        dateProblem("identifiedOn", v, today: today, into: &found)
        if v["kind"] == BarrierKind.other, (v["otherName"] ?? "").trimmingSpaces.isEmpty {
            found["otherName"] = "name the barrier"
        }
        return found
    }

    public func overcomeProblems(_ v: [String: String], today: Day) -> [String: String] {
        var found = requiredProblems(Self.overcomeFields, v)
        dateProblem("overcomeOn", v, today: today, into: &found)
        if let d = Day(parsing: v["overcomeOn"] ?? ""), d < identifiedOn {
            found["overcomeOn"] = "is before it was identified (\(identifiedOn))"
        }
        return found
    }

    public var values: [String: String] {
        ["kind": kind, "otherName": otherName ?? "", "description": description, "plan": plan,
         "identifiedOn": identifiedOn.description]
    }

    /// This barrier with the form's answers (a correction), or what is wrong with them.
    public func applying(_ v: [String: String], today: Day) -> Result<BarrierRecord, FieldProblems> {
        FieldProblems.check(Self.problems(v, today: today), Self.fields) {
            guard let day = Day(parsing: v["identifiedOn"] ?? "") else { return nil }
            var b = self
            b.kind = v["kind"] ?? kind
            b.otherName = b.kind == BarrierKind.other ? optionalText(v["otherName"]) : nil
            b.description = (v["description"] ?? "").trimmingSpaces
            b.plan = (v["plan"] ?? "").trimmingSpaces
            b.identifiedOn = day
            return b
        }
    }

    /// A new barrier as the form describes it, or what is wrong with it.
    public static func checked(_ v: [String: String], customer: CustomerID, recordedBy: String,
                               today: Day) -> Result<BarrierRecord, FieldProblems> {
        BarrierRecord(id: 0, customer: customer, kind: "", description: "", plan: "", identifiedOn: today, recordedBy: recordedBy)
            .applying(v, today: today)
    }

    /// This barrier overcome as the form says (by the staff member with
    /// `initials`), or what is wrong with the form.
    public func overcoming(_ v: [String: String], by initials: String, today: Day) -> Result<BarrierRecord, FieldProblems> {
        FieldProblems.check(overcomeProblems(v, today: today), Self.overcomeFields) {
            guard let day = Day(parsing: v["overcomeOn"] ?? "") else { return nil }
            var done = self
            done.overcomeOn = day
            done.overcomeHow = optionalText(v["overcomeHow"])
            done.overcomeBy = initials
            return done
        }
    }

    /// What a correction changed, in the form's words.
    public func changes(to new: BarrierRecord) -> [FieldChange] {
        let pairs: [(String, String, String)] = [
            ("Barrier", name, new.name), ("Description", description, new.description), ("Plan", plan, new.plan),
            ("Identified on", identifiedOn.description, new.identifiedOn.description),
            ("Overcome on", overcomeOn?.description ?? "—", new.overcomeOn?.description ?? "—"),
            ("How", overcomeHow ?? "—", new.overcomeHow ?? "—"),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { FieldChange(field: $0.0, old: $0.1, new: $0.2) }
    }
}

/// A correction to a barrier: who, when, what changed. Kept forever.
public struct BarrierCorrection: Hashable, Codable, Sendable {
    public var barrier: Int64
    public var customer: CustomerID
    public var changedAt: String
    public var changedBy: String
    public var changes: [FieldChange]

    public init(barrier: Int64, customer: CustomerID, changedAt: String, changedBy: String, changes: [FieldChange]) {
        self.barrier = barrier
        self.customer = customer
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.changes = changes
    }
}

/// The kinds of barrier the register knows: the application's barriers and
/// the needs a supportive service addresses.
public enum BarrierKind {
    public static let other = "other"

    static let needs: [(String, String)] = [
        ("transportation", "transportation"), ("child-care", "child care"), ("housing", "unstable housing"),
        ("work-clothing", "work clothing and tools"), ("health", "health or medical needs"),
        ("legal", "legal issues"), ("digital", "no computer or internet access"), ("financial", "financial hardship"),
    ]

    public static var all: [(key: String, label: String)] {
        Barrier.allCases.map { ($0.rawValue, $0.label) } + needs + [(other, "other")]
    }

    public static var choices: [FormChoice] { all.map { FormChoice($0.key, $0.label) } }

    public static func label(_ key: String) -> String { all.first { $0.key == key }?.label ?? key }
}

extension BarrierRecord {
    /// The barrier as saved now, marked overcome as `overcome` says, by the
    /// initials of who records it; refused without the day.
    public func marking(overcome: BarrierRecord, by user: Staff) throws -> BarrierRecord {
        guard let day = overcome.overcomeOn else {
            throw FieldProblems(["overcomeOn": "Overcome on is required"], fields: BarrierRecord.overcomeFields)
        }
        var done = self
        done.overcomeOn = day
        done.overcomeHow = overcome.overcomeHow
        done.overcomeBy = user.initials
        return done
    }
}
