import Crypto

/// What a signature binds to: the plan the customer agreed to, as a
/// canonical text and its SHA-256. The agreement is the pathway (its
/// occupation, codes, industry, credential path and notes), each goal
/// (words, horizon, kind, target date), each step (words, target date) and
/// each service (which service, name, provider, partner, planned dates,
/// weekly hours). Progress recorded on the plan is not the agreement: a
/// status, an actual start, a completion, a credential or a withdrawal
/// reason never outdates a signature, nor do display order, ids, episodes,
/// notes or the youth program elements' marks (a record of what was
/// considered and delivered; the services that deliver them are agreed).
/// Any change to what was agreed does (docs/design.md).
public enum PlanDigest {
    /// The agreement's canonical text (format v3: the pathway as fields).
    public static func canonical(_ plan: CareerPlan) -> String {
        text(plan, version: 3)
    }

    /// Lower-case hex SHA-256 of the canonical text: what a new signature stores.
    public static func digest(_ plan: CareerPlan) -> String { hash(canonical(plan)) }

    /// The plan still says what was signed. Signatures captured before
    /// format v2 hold a digest that also covered progress, and before v3 one
    /// of the pathway as words; they still match a plan unchanged since, and
    /// are never rewritten.
    public static func matches(_ plan: CareerPlan, _ signed: String) -> Bool {
        signed == digest(plan) || signed == formatTwoDigest(plan) || signed == formatOneDigest(plan)
    }

    /// The digest signatures stored before format v3 (the pathway was words).
    static func formatTwoDigest(_ plan: CareerPlan) -> String { hash(text(plan, version: 2)) }

    /// The digest signatures stored before format v2 (it covered progress too).
    static func formatOneDigest(_ plan: CareerPlan) -> String { hash(text(plan, version: 1)) }

    private static func text(_ plan: CareerPlan, version: Int) -> String {
        let progress = version == 1
        func field(_ s: String?) -> String { escaped(s ?? "") }
        func day(_ d: Day?) -> String { d?.description ?? "" }
        let goals = plan.goals.map { g -> String in
            let steps = g.steps.map { s -> String in
                let services = s.services.map { v in
                    (["service", field(v.serviceID), field(v.name), v.provider.rawValue, field(v.partnerName),
                      day(v.plannedStart), day(v.plannedEnd), v.weeklyHours.map { String($0) } ?? ""]
                     + (progress ? [v.status.rawValue, day(v.actualStart), day(v.completedOn), field(v.credential)] : []))
                        .joined(separator: "|")
                }.sorted()
                return ((["step", field(s.text), day(s.targetDate)] + (progress ? [s.status.rawValue] : [])).joined(separator: "|")
                        + "\n" + services.map { "    " + $0 }.joined(separator: "\n"))
            }.sorted()
            return ((["goal", field(g.text), g.horizon.rawValue, g.kind.rawValue, day(g.targetDate)]
                     + (progress ? [g.status.rawValue, field(g.withdrawnReason)] : [])).joined(separator: "|")
                    + "\n" + steps.map { "  " + replacing(newlinesIn: $0, with: "\n  ") }.joined(separator: "\n"))
        }.sorted()
        return "careerplan-plan-v\(version)|\(plan.customer)|pathway|\(pathway(plan.pathway, version: version, field))\n"
            + goals.joined(separator: "\n") + "\n"
    }

    /// The pathway's fields (v3). Before v3 it was words alone: a pathway
    /// that is still only those words reads as they did, so its earlier
    /// signatures match; one given fields reads as v3 does, so they do not.
    private static func pathway(_ p: CareerPathway?, version: Int, _ field: (String?) -> String) -> String {
        guard let p else { return version < 3 ? "" : "|||||" }
        if version < 3, p.isOnlyNote { return field(p.note) }
        return [p.occupation, p.occupationCode, p.industry, p.naics, p.credentialPath, p.note].map(field).joined(separator: "|")
    }

    /// A field with its separators escaped: `\` as `\\`, `|` as `\|`, a line feed as `\n` (byte by byte, as
    /// the first implementation's three replacements in turn: a line feed inside CR LF too).
    private static func escaped(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x7C || $0 == 0x0A }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 8)
        for b in s.utf8 {
            switch b {
            case 0x5C: out += [0x5C, 0x5C]
            case 0x7C: out += [0x5C, 0x7C]
            case 0x0A: out += [0x5C, 0x6E]
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every line feed byte of `s` replaced by `replacement`.
    private static func replacing(newlinesIn s: String, with replacement: String) -> String {
        guard s.utf8.contains(0x0A) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 { if b == 0x0A { out += replacement.utf8 } else { out.append(b) } }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hash(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
