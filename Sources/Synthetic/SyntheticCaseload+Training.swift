import Domain

/// Training, credentials and skill gains in the synthetic caseload, and the
/// youth's Individual Service Strategy: every third participant takes an
/// occupational skills course toward their target job (after the training
/// assessment), most earn its credential and pass a skills exam on the way,
/// some do not, so every performance measure has participants met, not met
/// and not known. Each youth has a career pathway and decisions on the
/// program elements.
extension SyntheticCaseload {
    /// What a target occupation leads to: its codes, industry and credentials.
    struct Pathway {
        let soc: String, naics: String, industry: String, credentials: String, credential: String, type: String
    }

    static let pathways: [String: Pathway] = [
        "medical assistant": Pathway(soc: "31-9092", naics: "6211", industry: "Offices of physicians",
                                     credentials: "first aid → Certified Medical Assistant",
                                     credential: "Certified Medical Assistant", type: "certificate"),
        "CDL truck driver": Pathway(soc: "53-3032", naics: "484", industry: "Truck transportation",
                                    credentials: "commercial learner's permit → CDL class A", credential: "CDL class A",
                                    type: "licence"),
        "welder": Pathway(soc: "51-4121", naics: "332", industry: "Fabricated metal manufacturing",
                          credentials: "entry-level welder → certified welder (American Welding Society)",
                          credential: "certified welder (American Welding Society)",
                          type: "certificate"),
        "IT support specialist": Pathway(soc: "15-1232", naics: "5415", industry: "Computer systems design",
                                         credentials: "CompTIA A+ → CompTIA Network+", credential: "CompTIA A+",
                                         type: "certificate"),
        "pharmacy technician": Pathway(soc: "29-2052", naics: "4561", industry: "Pharmacies and drug stores",
                                       credentials: "Illinois technician registration → national pharmacy technician certification",
                                       credential: "certified pharmacy technician", type: "certificate"),
        "electrician apprentice": Pathway(soc: "47-2111", naics: "23821", industry: "Electrical contractors",
                                          credentials: "10-hour safety card → apprenticeship → journeyman licence",
                                          credential: "pre-apprenticeship certificate", type: "certificate"),
        "bookkeeper": Pathway(soc: "43-3031", naics: "5412", industry: "Accounting and bookkeeping services",
                              credentials: "QuickBooks certified user → certified bookkeeper",
                              credential: "QuickBooks Certified User", type: "certificate"),
    ]

    /// Half of the active participants from the 25th on train, and half of
    /// those who left (so credentials after exit are counted). The first
    /// two dozen active ones, which the tests drive, do not.
    static func trains(_ c: Customer) -> Bool {
        let n = c.id.number
        return c.enrolledOn != nil && ((n % 3 == 1 && n >= 25) || n % 6 == 0 || n % 12 == 5)
    }

    /// The training's dates: it starts three weeks after enrolment and runs twenty weeks.
    static func trainingDays(_ c: Customer) -> (start: Day, end: Day)? {
        guard trains(c), let enrolled = c.enrolledOn else { return nil }
        let start = enrolled.adding(days: 21), end = enrolled.adding(days: 161)
        if let exit = c.exitedOn, exit < start { return nil }
        return (start, c.exitedOn.map { min($0, end) } ?? end)
    }

    /// The training assessment that must come before the course starts.
    func trainingAssessment(for c: Customer, target: String, planner: String) -> AssessmentRecord? {
        guard let days = Self.trainingDays(c) else { return nil }
        return AssessmentRecord(id: 0, customer: c.id, instrument: .trainingEducation, subject: .training,
                                administeredOn: min(today, days.start.adding(days: -7)),
                                result: "suited to the \(target) course", analysis: "scores, interests and schedule fit the course",
                                givenBy: planner, recordedBy: planner)
    }

    /// The course as a step of the plan, closed when its days are over.
    func trainingStep(for c: Customer, target: String, in p: inout CareerPlan) -> PlanStep? {
        guard let days = Self.trainingDays(c), let path = Self.pathways[target] else { return nil }
        let youth = c.program == .youth
        var s = PlanService(id: p.newID(), serviceID: youth ? "occupational-skills-training-youth" : "occupational-skills-training",
                            name: youth ? "Occupational Skills Training (Youth)" : "Occupational Skills Training",
                            provider: .partner, partnerName: "City Colleges of Chicago", plannedStart: days.start,
                            plannedEnd: days.start.adding(days: 140), weeklyHours: 15)
        if days.start <= today { s.status = .open; s.actualStart = days.start }
        if days.end <= today {
            let earned = Self.earnsCredential(c)
            s.status = earned ? .complete : .didNotComplete
            s.completedOn = days.end
            s.completionKnownOn = days.end
            s.closedRecordedOn = days.end.adding(days: 2)
            s.credential = earned ? path.credential : nil
        }
        return PlanStep(id: p.newID(), text: "Complete the \(target) course and earn the \(path.credential) credential.",
                        targetDate: days.start.adding(days: 140),
                        status: days.end > today ? .open : Self.earnsCredential(c) ? .achieved : .notAchieved, services: [s])
    }

    /// Most trainees earn the credential; about one in three does not.
    static func earnsCredential(_ c: Customer) -> Bool {
        let n = c.id.number
        return !(n % 4 == 0 || n % 24 == 17 || [4, 7].contains(n % 9))
    }

    /// A credential on the course's last day and a skills exam passed on the
    /// way, as outcomes (all but one in nine pass the exam).
    func trainingOutcomes(for c: Customer, target: String, planner: String) -> [Outcome] {
        guard let days = Self.trainingDays(c), let path = Self.pathways[target] else { return [] }
        var out: [Outcome] = []
        let exam = days.start.adding(days: 70)
        if exam <= today, exam <= days.end, c.id.number % 9 != 1 {
            out.append(Outcome(id: 0, customer: c.id, kind: .skillGain, on: exam, knownOn: exam, enteredOn: exam.adding(days: 3),
                               recordedBy: planner, answers: ["type": "skills"]))
        }
        if days.end <= today, Self.earnsCredential(c) {
            out.append(Outcome(id: 0, customer: c.id, kind: .credential, on: days.end, knownOn: days.end,
                               enteredOn: days.end.adding(days: 3), recordedBy: planner,
                               answers: ["type": path.type, "name": path.credential]))
        }
        return out
    }

    // MARK: The youth's ISS

    func pathway(for target: String) -> CareerPathway? {
        guard let p = Self.pathways[target] else { return nil }
        return CareerPathway(occupation: target.prefix(1).uppercased() + target.dropFirst(), occupationCode: p.soc,
                             industry: p.industry, naics: p.naics, credentialPath: p.credentials)
    }

    /// The decisions taken on the program elements at enrolment and since:
    /// labor market information, supportive services and training provided
    /// by their services; counseling considered; financial literacy not
    /// needed for some, work experience considered for the others.
    func elementMarks(for c: Customer, plan: CareerPlan) -> [YouthElementMark] {
        guard let enrolled = c.enrolledOn else { return [] }
        let byElement = Dictionary(plan.allServices.compactMap { s -> (Int, PlanService)? in
            switch s.serviceID {
            case "youth-labor-market": (13, s)
            case "occupational-skills-training-youth": (4, s)
            case let id where id.hasPrefix("supportive-"): (7, s)
            default: nil
            }
        }, uniquingKeysWith: { a, _ in a })
        var marks = byElement.compactMap { e, s -> YouthElementMark? in
            guard let start = s.actualStart else {
                return YouthElementMark(element: e, decision: .considered, on: enrolled, service: s.id)
            }
            return YouthElementMark(element: e, decision: .provided, on: start, until: s.completedOn, service: s.id)
        }
        marks.append(YouthElementMark(element: 10, decision: .considered, on: enrolled))
        marks.append(c.id.number % 2 == 0
            ? YouthElementMark(element: 11, decision: .notNeeded, on: enrolled, note: "keeps a budget and a bank account already")
            : YouthElementMark(element: 3, decision: .considered, on: enrolled, note: "a summer placement once the course ends"))
        return marks.sorted { $0.element < $1.element }
    }
}
