/// Priority of service for the Adult program (001, "Service Priorities";
/// TEGL 10-09 and 7-20): veterans and eligible spouses first, then
/// recipients of public assistance, low-income people and the basic skills
/// deficient.
public struct PriorityOfService: Hashable, Sendable {
    /// 1 is served first, 4 last.
    public var rank: Int
    public var reasons: [String]

    public var summary: String {
        let why = reasons.isEmpty ? "no priority group" : reasons.joined(separator: ", ")
        return "\(rank) of 4: \(why)"
    }

    public static func of(_ a: Application, screening: BasicSkillsScreening?) -> PriorityOfService {
        var groups: [String] = []
        if a.receivesAssistance { groups.append("public assistance") }
        if a.lowIncome { groups.append("low income") }
        if Eligibility.isBasicSkillsDeficient(a, screening: screening) { groups.append("basic skills deficient") }
        let covered = a.veteran == .veteran ? ["veteran"] : a.veteran == .eligibleSpouse ? ["eligible spouse"] : []
        let rank = switch (covered.isEmpty, groups.isEmpty) {
        case (false, false): 1
        case (true, false): 2
        case (false, true): 3
        case (true, true): 4
        }
        return PriorityOfService(rank: rank, reasons: covered + groups)
    }
}
