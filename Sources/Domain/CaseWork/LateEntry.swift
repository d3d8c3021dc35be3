/// An entry made more than 10 days after what it records (001, 003): a case
/// note, a service's start or closure, an outcome. Late entries are kept,
/// never refused, and marked wherever they show: the timeline, the plan,
/// the customer's overview and `report deadlines --late`.
public struct LateEntry: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case note, serviceStart = "service start", serviceClosure = "service closure", outcome
    }

    public var kind: Kind
    /// The note's kind, the service's or the outcome's name.
    public var what: String
    /// The day it happened (or became known).
    public var happenedOn: Day
    public var enteredOn: Day

    public var daysLate: Int { happenedOn.days(until: enteredOn) }

    /// Every late entry of one case, oldest entry first.
    public static func entries(of f: CaseClockFacts) -> [LateEntry] {
        var out: [LateEntry] = []
        for n in f.work.notes where n.isLate { out.append(LateEntry(kind: .note, what: n.kind.label, happenedOn: n.eventOn, enteredOn: n.enteredOn)) }
        for o in f.work.outcomes where o.isLate {
            out.append(LateEntry(kind: .outcome, what: o.kind.label, happenedOn: o.knownOn, enteredOn: o.enteredOn))
        }
        for s in f.plan?.allServices ?? [] {
            if PlanRules.lateStart(s) != nil, let started = s.actualStart, let entered = s.startRecordedOn {
                out.append(LateEntry(kind: .serviceStart, what: s.name, happenedOn: started, enteredOn: entered))
            }
            if PlanRules.lateClosing(s) != nil, let known = s.completionKnownOn, let entered = s.closedRecordedOn {
                out.append(LateEntry(kind: .serviceClosure, what: s.name, happenedOn: known, enteredOn: entered))
            }
        }
        return out.sorted { ($0.enteredOn, $0.kind.rawValue, $0.what) < ($1.enteredOn, $1.kind.rawValue, $1.what) }
    }
}
