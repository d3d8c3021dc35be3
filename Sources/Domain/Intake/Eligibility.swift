/// A title a customer may be certified in. Youth is split in two because
/// in-school and out-of-school youth have different rules.
public enum Title: String, CaseIterable, Codable, Sendable {
    case adult, dislocatedWorker = "dislocated-worker"
    case youthOutOfSchool = "youth-out-of-school", youthInSchool = "youth-in-school"

    public var name: String {
        switch self {
        case .adult: "Adult"
        case .dislocatedWorker: "Dislocated Worker"
        case .youthOutOfSchool: "Youth, out of school"
        case .youthInSchool: "Youth, in school"
        }
    }

    public var program: Program {
        switch self {
        case .adult: .adult
        case .dislocatedWorker: .dislocatedWorker
        case .youthOutOfSchool, .youthInSchool: .youth
        }
    }
}

/// One rule of one title, met or not, in plain words.
public struct Finding: Hashable, Sendable {
    public var met: Bool
    public var text: String

    public init(_ met: Bool, _ text: String) {
        self.met = met
        self.text = text
    }
}

public struct TitleResult: Hashable, Sendable {
    public var title: Title
    public var findings: [Finding]
    public var eligible: Bool { findings.allSatisfy(\.met) }
}

/// Evaluates every title from the application (POLICY.md section 1, step 2;
/// WIOA sections 3(2), 3(15), 129(a)). Age counts on the application date,
/// exact to the birthday.
public enum Eligibility {
    public static func evaluate(_ a: Application, birthDate: Day,
                                screening: BasicSkillsScreening? = nil) -> [TitleResult] {
        let age = birthDate.age(on: a.appliedOn)
        let common = [rightToWork(a), selectiveService(a, birthDate: birthDate, age: age)]
        let deficient = isBasicSkillsDeficient(a, screening: screening)
        return [
            TitleResult(title: .adult, findings: [ageFinding(age, 18...Int.max, birthDate, "adults are 18 or older")] + common),
            TitleResult(title: .dislocatedWorker, findings: dislocation(a) + common),
            TitleResult(title: .youthOutOfSchool, findings: [
                ageFinding(age, 16...24, birthDate, "out-of-school youth are 16 to 24"),
                school(a, attending: false),
                youthBarrier(outOfSchoolBarriers(a, deficient: deficient), "dropout, homeless, ex-offender, foster care, parenting, disability, or a diploma with low income and basic skills deficient or English learner"),
            ] + common),
            TitleResult(title: .youthInSchool, findings: [
                ageFinding(age, 14...21, birthDate, "in-school youth are 14 to 21"),
                school(a, attending: true),
                a.lowIncome ? Finding(true, "low income") : Finding(false, "not low income; in-school youth must be"),
                youthBarrier(inSchoolBarriers(a, deficient: deficient), "basic skills deficient, English learner, ex-offender, homeless, foster care, parenting, or disability"),
            ] + common),
        ]
    }

    /// Basic skills deficient by the application or by a screening (001).
    public static func isBasicSkillsDeficient(_ a: Application, screening: BasicSkillsScreening?) -> Bool {
        a.barriers.contains(.basicSkillsDeficient) || screening?.result == .deficient
    }

    static func ageFinding(_ age: Int, _ range: ClosedRange<Int>, _ birth: Day, _ rule: String) -> Finding {
        if range.contains(age) { return Finding(true, "age \(age) on the application date") }
        if age < range.lowerBound {
            return Finding(false, "age \(age) on the application date (\(rule); \(range.lowerBound) on \(birth.adding(months: 12 * range.lowerBound)))")
        }
        return Finding(false, "age \(age) on the application date (\(rule))")
    }

    static func rightToWork(_ a: Application) -> Finding {
        switch a.rightToWork {
        case .notAsked: Finding(false, "right to work not recorded")
        case .notAuthorized: Finding(false, "not authorized to work in the U.S.")
        default: Finding(true, "right to work: \(a.rightToWork.label)")
        }
    }

    /// Selective service applies to men born on or after 1960-01-01 who are
    /// 18 or older; an unknown sex cannot rule it out.
    static func selectiveService(_ a: Application, birthDate: Day, age: Int) -> Finding {
        switch a.selectiveService {
        case .registered: return Finding(true, "registered with selective service")
        case .notWillful: return Finding(true, "selective service: failure to register found not knowing and willful")
        case .notRequired: return Finding(true, "selective service: not required to register")
        case .notAsked, .notRegistered: break
        }
        if a.sex == .female { return Finding(true, "selective service: does not apply (female)") }
        if age < 18 { return Finding(true, "selective service: does not apply (under 18)") }
        if birthDate < Day(year: 1960, month: 1, day: 1)! {
            return Finding(true, "selective service: does not apply (born before 1960)")
        }
        if a.selectiveService == .notAsked {
            return Finding(false, a.sex == .male ? "selective service registration not recorded"
                                                 : "selective service not recorded (sex not disclosed)")
        }
        return Finding(false, age < 26 ? "not registered with selective service: register first (under 26)"
                                       : "not registered with selective service: needs a finding that it was not knowing and willful")
    }

    static func dislocation(_ a: Application) -> [Finding] {
        if a.barriers.contains(.displacedHomemaker) && a.dislocation == .none {
            return [Finding(true, "displaced homemaker")]
        }
        switch a.dislocation {
        case .none:
            return [Finding(false, "no dislocation recorded (layoff, notice, plant closure, self-employment lost, displaced homemaker, military spouse)")]
        case .laidOff, .notice:
            let when = a.dislocatedOn.map { " on \($0)" } ?? ""
            let ui: Finding = switch a.unemploymentInsurance {
            case .claimant, .exhausted, .eligibleNotFiled: Finding(true, "unemployment insurance: \(a.unemploymentInsurance.label)")
            default: Finding(true, "not eligible for unemployment insurance: document attachment to the workforce")
            }
            return [
                Finding(true, "\(a.dislocation.label)\(when)"),
                a.unlikelyToReturn ? Finding(true, "unlikely to return to the previous industry or occupation")
                    : Finding(false, "not marked unlikely to return to the previous industry or occupation"),
                ui,
            ]
        case .plantClosure, .selfEmployed, .displacedHomemaker, .militarySpouse:
            return [Finding(true, a.dislocation.label + (a.dislocatedOn.map { " (\($0))" } ?? ""))]
        }
    }

    static func school(_ a: Application, attending: Bool) -> Finding {
        if a.school == .notAsked { return Finding(false, "school status not recorded") }
        return a.school.attending == attending ? Finding(true, a.school.label)
            : Finding(false, a.school.label + (attending ? "; must be attending school" : "; must not be attending school"))
    }

    static func outOfSchoolBarriers(_ a: Application, deficient: Bool) -> [String] {
        var found: [String] = []
        if a.school == .dropout { found.append("school dropout") }
        for b in [Barrier.homeless, .exOffender, .fosterCare, .singleParent, .disability] where a.barriers.contains(b) {
            found.append(b.label)
        }
        if a.education.hasSecondaryCredential && a.lowIncome {
            if deficient { found.append("diploma, low income and basic skills deficient") }
            if a.barriers.contains(.englishLearner) { found.append("diploma, low income and English learner") }
        }
        return found
    }

    static func inSchoolBarriers(_ a: Application, deficient: Bool) -> [String] {
        var found: [String] = deficient ? [Barrier.basicSkillsDeficient.label] : []
        for b in [Barrier.englishLearner, .exOffender, .homeless, .fosterCare, .singleParent, .disability]
        where a.barriers.contains(b) {
            found.append(b.label)
        }
        return found
    }

    static func youthBarrier(_ found: [String], _ accepted: String) -> Finding {
        found.isEmpty ? Finding(false, "no qualifying barrier (\(accepted))")
            : Finding(true, "qualifying barrier: " + found.joined(separator: ", "))
    }
}
