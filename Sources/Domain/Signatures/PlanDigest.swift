import Crypto

/// What a signature binds to: a canonical text of the plan's content (goals,
/// steps and services with their dates, providers and statuses) and its
/// SHA-256. Display order, ids, episodes and notes are not content, so
/// reordering or viewing a plan never outdates a signature; any change a
/// customer would see in what they agreed to does.
public enum PlanDigest {
    public static func canonical(_ plan: CareerPlan) -> String {
        func field(_ s: String?) -> String {
            (s ?? "").replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\n", with: "\\n")
        }
        func day(_ d: Day?) -> String { d?.description ?? "" }
        let goals = plan.goals.map { g -> String in
            let steps = g.steps.map { s -> String in
                let services = s.services.map { v in
                    ["service", field(v.serviceID), field(v.name), v.provider.rawValue, field(v.partnerName),
                     day(v.plannedStart), day(v.plannedEnd), v.weeklyHours.map { String($0) } ?? "", v.status.rawValue,
                     day(v.actualStart), day(v.completedOn), field(v.credential)].joined(separator: "|")
                }.sorted()
                return (["step", field(s.text), day(s.targetDate), s.status.rawValue].joined(separator: "|")
                        + "\n" + services.map { "    " + $0 }.joined(separator: "\n"))
            }.sorted()
            return (["goal", field(g.text), g.horizon.rawValue, g.kind.rawValue, day(g.targetDate), g.status.rawValue,
                     field(g.withdrawnReason)].joined(separator: "|")
                    + "\n" + steps.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n"))
        }.sorted()
        return "careerplan-plan-v1|\(plan.customer)|pathway|\(field(plan.careerPathway))\n" + goals.joined(separator: "\n") + "\n"
    }

    /// Lower-case hex SHA-256 of the canonical text.
    public static func digest(_ plan: CareerPlan) -> String {
        SHA256.hash(data: Array(canonical(plan).utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
