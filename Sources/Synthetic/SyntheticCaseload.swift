import Domain

/// A deterministic, realistic caseload for the demo and for benchmarks:
/// every stage, every program, several planners, names with accents and CJK
/// characters. Customer `n` depends only on the seed, `n` and `today`, so a
/// caseload of any size can be streamed without holding it in memory.
public struct SyntheticCaseload: Sendable {
    public let seed: UInt64
    public let today: Day

    public init(seed: UInt64 = 1, today: Day) {
        self.seed = seed
        self.today = today
    }

    public var staff: [Staff] {
        [
            Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner,
                  phone: "312-555-0141", email: "mrivera@center.example.org"),
            Staff(login: "tnguyen", name: "Thanh Nguyễn", initials: "TN", role: .planner,
                  phone: "312-555-0142", email: "tnguyen@center.example.org"),
            Staff(login: "jokafor", name: "James Okafor", initials: "JO", role: .planner,
                  phone: "312-555-0143", email: "jokafor@center.example.org"),
            Staff(login: "wchen", name: "陈伟 Wei Chen", initials: "WC", role: .planner,
                  phone: "312-555-0144", email: "wchen@center.example.org"),
            Staff(login: "dbrooks", name: "Dana Brooks", initials: "DB", role: .frontDesk,
                  phone: "312-555-0100", email: "frontdesk@center.example.org"),
            Staff(login: "asantos", name: "Ana Santos", initials: "AS", role: .supervisor,
                  phone: "312-555-0150", email: "asantos@center.example.org"),
            Staff(login: "rdiaz", name: "Rosa Díaz", initials: "RD", role: .planner,
                  phone: "312-555-0145", email: "rdiaz@center.example.org",
                  leftOn: today.adding(days: -60), leftReason: "moved to the state office; caseload handed to María Rivera"),
        ]
    }

    /// Thanh covers James's caseload while he is on leave.
    public var coverings: [Covering] {
        [Covering(login: "tnguyen", forLogin: "jokafor", from: today.adding(days: -3), until: today.adding(days: 11),
                  reason: "James on leave", grantedBy: "asantos")]
    }

    private var planners: [String] { staff.filter { $0.role == .planner && $0.isActive }.map(\.login) }

    /// Customer number `index` (1-based), as stored: the journey with the
    /// last contact and last service derived from their notes and plan,
    /// exactly as the Store would derive them (CaseActivity).
    public func customer(_ index: Int) -> Customer { intake(index).customer }

    /// Customer number `index`'s journey dates, all before `today`.
    func journey(_ index: Int) -> Customer {
        var rng = SplitMix(seed: seed &* 0x100_0000_01B3 ^ UInt64(index) &* 0x9E37_79B9)
        let stage = Stage.allCases[(index - 1) % Stage.allCases.count]
        let program = Program.allCases[((index - 1) / Stage.allCases.count) % Program.allCases.count]
        let person = Names.person(&rng)
        let isYouth = stage != .reportable && program == .youth
        let age = isYouth ? Int.random(in: 16...24, using: &rng) : Int.random(in: 25...63, using: &rng)
        let birth = today.adding(days: -(age * 365 + Int.random(in: 0...364, using: &rng)))
        let id = CustomerID(Int64(index))
        var c = Customer(
            id: id, legalName: person.legal, preferredName: person.preferred,
            email: person.emailLocal.map { "\($0)\(index % 97)@example.org" },
            zip: Names.zips[Int.random(in: 0..<Names.zips.count, using: &rng)],
            birthDate: birth,
            phone: rng.next() % 4 == 0 ? nil : "312-555-\(1000 + Int(rng.next() % 9000))",
            isVeteran: rng.next() % 12 == 0,
            enteredOn: today)
        // Every other cycle's walk-in waits for a planner to take them on.
        c.planner = stage == .reportable && (index - 1) / Stage.allCases.count % 2 == 1 ? nil
            : planners[Int(rng.next() % UInt64(planners.count))]

        func back(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        switch stage {
        case .reportable:
            c.enteredOn = today.adding(days: -back(0...20))
        case .applied:
            c.appliedOn = today.adding(days: -back(0...40))
        case .eligible:
            c.eligibleOn = today.adding(days: -back(0...100))
            c.appliedOn = c.eligibleOn!.adding(days: -back(1...29))
        case .enrolled:
            c.enrolledOn = today.adding(days: -back(5...400))
            c.eligibleOn = c.enrolledOn!.adding(days: -back(0...60))
            c.appliedOn = c.eligibleOn!.adding(days: -back(1...25))
            c.lastContactOn = today.adding(days: -back(0...45))
            c.lastServiceOn = today.adding(days: -back(0...85))
        case .exited, .followUp:
            let exit = today.adding(days: -back(stage == .followUp ? 10...300 : 400...900))
            c.exitedOn = exit
            c.lastServiceOn = exit
            c.lastContactOn = exit.adding(days: back(0...30))
            c.enrolledOn = exit.adding(days: -back(90...400))
            c.eligibleOn = c.enrolledOn!.adding(days: -back(0...60))
            c.appliedOn = c.eligibleOn!.adding(days: -back(1...25))
            if stage == .followUp || rng.next() % 2 == 0 {
                c.employedOn = exit.adding(days: -back(0...20))
            }
        }
        if stage != .reportable {
            c.program = program
            c.enteredOn = min(c.appliedOn!, today).adding(days: -back(0...3))
        }
        c.lastContactOn = c.lastContactOn.map { min($0, today) }
        if let original = duplicated(by: index) {
            // Came back as a walk-in: same name and birth date, entered again.
            let first = journey(original)
            c.legalName = first.legalName
            c.preferredName = first.preferredName
            c.birthDate = first.birthDate
            c.email = nil
        }
        return c
    }

    /// Every 24th customer was entered a second time by the front desk,
    /// who saw the match and created the record anyway.
    func duplicated(by index: Int) -> Int? { index % 24 == 0 ? index - 12 : nil }

    /// The front desk's recorded decision for customer `index`, if any.
    public func duplicateDecision(_ index: Int) -> DuplicateDecision? {
        guard let original = duplicated(by: index) else { return nil }
        return DuplicateDecision(customer: CustomerID(Int64(index)), matched: [CustomerID(Int64(original))],
                                 decidedBy: "dbrooks", decidedAt: "\(journey(index).enteredOn)T15:30:00Z")
    }

    public func customers(_ count: Int) -> [Customer] { (0..<count).map { customer($0 + 1) } }

    public func duplicateDecisions(_ range: ClosedRange<Int>) -> [DuplicateDecision] {
        range.compactMap(duplicateDecision)
    }
}
