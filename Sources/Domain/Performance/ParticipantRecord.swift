/// One row of the participant extract: the PIRL elements careerplan holds,
/// coded as the layout codes them (dates YYYYMMDD, yes/no 1/0, 9 for "did
/// not self-identify", blank where unknown). docs/pirl.md lists every
/// element with where its value comes from, and what careerplan does not
/// collect. Never the SSN: element 100 is careerplan's own customer ID.
public struct PIRLElement: Sendable {
    public let number: Int
    public let name: String
    let value: @Sendable (ParticipantRecord) -> String

    /// "100 Unique Individual Identifier": the extract's column name.
    public var column: String { "\(number) \(name)" }
}

public struct ParticipantRecord: Sendable {
    let file: ParticipantFile
    let matrix: ServicesMatrix
    let asOf: Day

    public init(_ file: ParticipantFile, matrix: ServicesMatrix, asOf: Day) {
        self.file = file
        self.matrix = matrix
        self.asOf = asOf
    }

    /// The row, in the order of `elements`.
    public var values: [String] { Self.elements.map { $0.value(self) } }

    // MARK: Reading the records

    var customer: Customer { file.facts.customer }
    var application: Application? { file.application }

    static func date(_ day: Day?) -> String { day.map { $0.description.replacingOccurrences(of: "-", with: "") } ?? "" }
    static func flag(_ on: Bool) -> String { on ? "1" : "0" }

    /// 1/0 from the application, blank without one.
    func answered(_ yes: (Application) -> Bool) -> String { application.map { Self.flag(yes($0)) } ?? "" }
    func barrier(_ b: Barrier) -> String { answered { $0.barriers.contains(b) } }

    static func selfIdentified(_ s: SelfIdentified?) -> String {
        switch s {
        case .yes?: "1"
        case .no?: "0"
        case .declined?: "9"
        case .notAsked?, nil: ""
        }
    }

    func race(_ r: Race) -> String {
        guard let a = application, let races = a.races else { return "" }
        return a.raceDeclined == true ? "9" : Self.flag(races.contains(r))
    }

    /// The plan's services of a category that began, in start order.
    func services(_ categories: Set<ServiceCategory>) -> [PlanService] {
        (file.facts.plan?.allServices ?? [])
            .filter { s in s.actualStart.map { $0 <= asOf } == true && matrix.service(s.serviceID).map { categories.contains($0.category) } == true }
            .sorted { ($0.actualStart!, $0.id) < ($1.actualStart!, $1.id) }
    }

    func first(_ categories: Set<ServiceCategory>) -> String { Self.date(services(categories).first?.actualStart) }

    /// The latest day a service of these categories was received: its end, or its start while it runs.
    func mostRecent(_ categories: Set<ServiceCategory>) -> String {
        Self.date(services(categories).map { min($0.completedOn ?? asOf, asOf) }.max())
    }

    /// The trainings begun, first first: training services, and a youth's
    /// occupational skills training (program element 4).
    var trainings: [PlanService] {
        (file.facts.plan?.allServices ?? [])
            .filter { s in
                guard let start = s.actualStart, start <= asOf, let entry = matrix.service(s.serviceID) else { return false }
                return entry.category == .training || entry.youthElement == 4
            }
            .sorted { ($0.actualStart!, $0.id) < ($1.actualStart!, $1.id) }
    }

    /// The `n`th training begun (1, 2 or 3).
    func training(_ n: Int) -> PlanService? { trainings.dropFirst(n - 1).first }

    /// Employed in the n-th quarter after the exit quarter: 1, 0, or blank when not known.
    func employed(quarter n: Int) -> String {
        guard let exit = customer.exitedOn else { return "" }
        switch Evidence(file.facts).placement(in: Quarter(containing: exit).adding(n), youth: false, asOf: asOf) {
        case .met: return "1"
        case .notMet: return "0"
        case .notKnown: return ""
        }
    }

    /// The first job begun after exit (or the one held at exit).
    var jobAfterExit: Outcome? {
        guard let exit = customer.exitedOn else { return nil }
        let jobs = file.facts.work.outcomes.filter { $0.kind == .employment }.sorted { $0.on < $1.on }
        return jobs.first { $0.on > exit } ?? jobs.last { $0.on <= exit }
    }

    /// The `n`th credential attained (1, 2 or 3).
    func credential(_ n: Int) -> Outcome? {
        file.facts.work.outcomes.filter { $0.kind == .credential && $0.on <= asOf }
            .sorted { ($0.on, $0.id) < ($1.on, $1.id) }.dropFirst(n - 1).first
    }

    func latestSkillGain(_ type: String) -> String {
        Self.date(file.facts.work.outcomes.filter { $0.kind == .skillGain && $0.answers["type"] == type && $0.on <= asOf }
            .map(\.on).max())
    }

    var exitReason: String {
        guard customer.exitedOn != nil else { return "" }
        let exclusion = file.facts.work.notes.last { $0.kind == .closure }?.answers["exclusion"] ?? ""
        return Self.exitReasonCodes[exclusion] ?? "00"
    }

    // MARK: Codes (docs/pirl.md says which were checked against the layout)

    static let exitReasonCodes = ["institutionalized": "01", "health": "02", "deceased": "03", "reserve-duty": "05",
                                  "foster-care": "06"]
    static let educationCodes: [EducationLevel: String] = [
        .noDiploma: "0", .diploma: "1", .equivalency: "2", .somePostsecondary: "4", .certificate: "5", .associate: "6",
        .bachelor: "7", .advanced: "8",
    ]
    static let trainingCodes = ["on-the-job-training": "01", "skill-upgrading": "02", "entrepreneurial-training": "03",
                                "adult-education-with-training": "04", "customized-training": "05",
                                "occupational-skills-training": "06", "occupational-skills-training-youth": "06",
                                "registered-apprenticeship": "08"]
    static let credentialCodes = ["diploma": "1", "degree": "2", "licence": "4", "certificate": "5", "apprenticeship": "7"]

    // MARK: The elements

    public static let elements: [PIRLElement] = identityAndServices + trainingElements + followUpAndEmployment
        + credentialElements + skillGains

    private static let identityAndServices: [PIRLElement] = [
        PIRLElement(number: 100, name: "Unique Individual Identifier") { $0.customer.id.description },
        PIRLElement(number: 101, name: "State Code of Residence") { $0.application?.state ?? "" },
        PIRLElement(number: 103, name: "Zip Code of Residence") { String($0.customer.zip.prefix(5)) },
        PIRLElement(number: 200, name: "Date of Birth") { date($0.customer.birthDate) },
        PIRLElement(number: 201, name: "Sex") { r in
            r.application.map { a in a.sex == .male ? "1" : a.sex == .female ? "2" : "9" } ?? ""
        },
        PIRLElement(number: 202, name: "Individual with a Disability") { r in
            r.application?.disability.map(selfIdentified) ?? r.barrier(.disability)
        },
        PIRLElement(number: 210, name: "Ethnicity Hispanic/Latino") { selfIdentified($0.application?.hispanic) },
        PIRLElement(number: 211, name: "American Indian/Alaska Native") { $0.race(.americanIndian) },
        PIRLElement(number: 212, name: "Asian") { $0.race(.asian) },
        PIRLElement(number: 213, name: "Black/African American") { $0.race(.black) },
        PIRLElement(number: 214, name: "Native Hawaiian/Other Pacific Islander") { $0.race(.pacificIslander) },
        PIRLElement(number: 215, name: "White") { $0.race(.white) },
        PIRLElement(number: 400, name: "Employment Status at Program Entry") { r in
            r.application.map { a in a.employment == .employed ? "1" : a.employment == .employedWithNotice ? "2" : "0" } ?? ""
        },
        PIRLElement(number: 402, name: "Long-Term Unemployed at Program Entry") { $0.barrier(.longTermUnemployed) },
        PIRLElement(number: 407, name: "Highest School Grade Completed at Program Entry") { r in
            r.application?.highestGrade.map(String.init) ?? ""
        },
        PIRLElement(number: 408, name: "Highest Educational Level Completed at Program Entry") { r in
            r.application.map { educationCodes[$0.education] ?? "" } ?? ""
        },
        PIRLElement(number: 410, name: "Date of Actual Dislocation") { r in
            r.application.flatMap { [.laidOff, .plantClosure].contains($0.dislocation) ? date($0.dislocatedOn) : nil } ?? ""
        },
        PIRLElement(number: 603, name: "SNAP at Program Entry") { $0.answered { $0.assistance.contains(.snap) } },
        PIRLElement(number: 604, name: "Other Public Assistance Recipient") { r in
            r.answered { !$0.assistance.filter { $0 != .snap }.isEmpty }
        },
        PIRLElement(number: 704, name: "Foster Care Youth Status at Program Entry") { $0.barrier(.fosterCare) },
        PIRLElement(number: 800, name: "Homeless Participant, Homeless Children and Youths, or Runaway Youth at Program Entry") {
            $0.barrier(.homeless)
        },
        PIRLElement(number: 801, name: "Ex-Offender Status at Program Entry") { $0.barrier(.exOffender) },
        PIRLElement(number: 802, name: "Low Income Status at Program Entry") { $0.answered(\.lowIncome) },
        PIRLElement(number: 803, name: "English Language Learner at Program Entry") { r in
            r.application?.englishLearner.map(selfIdentified) ?? r.barrier(.englishLearner)
        },
        PIRLElement(number: 804, name: "Basic Skills Deficient/Low Levels of Literacy at Program Entry") { r in
            guard r.application != nil else { return "" }
            return flag(r.application!.barriers.contains(.basicSkillsDeficient) || r.file.screenings.contains { $0.result == .deficient })
        },
        PIRLElement(number: 805, name: "Cultural Barriers at Program Entry") { $0.barrier(.cultural) },
        PIRLElement(number: 806, name: "Single Parent at Program Entry") { $0.barrier(.singleParent) },
        PIRLElement(number: 807, name: "Displaced Homemaker at Program Entry") { $0.barrier(.displacedHomemaker) },
        PIRLElement(number: 808, name: "Eligible Migrant and Seasonal Farmworker Status") { $0.barrier(.farmworker) },
        PIRLElement(number: 900, name: "Date of Program Entry (WIOA)") { date($0.customer.enrolledOn) },
        PIRLElement(number: 901, name: "Date of Program Exit (WIOA)") { date($0.customer.exitedOn) },
        PIRLElement(number: 903, name: "Adult (WIOA)") { flag($0.customer.program == .adult) },
        PIRLElement(number: 904, name: "Dislocated Worker (WIOA)") { flag($0.customer.program == .dislocatedWorker) },
        PIRLElement(number: 905, name: "Youth (WIOA)") { flag($0.customer.program == .youth) },
        PIRLElement(number: 923, name: "Other Reasons for Exit (WIOA)") { $0.exitReason },
        PIRLElement(number: 1001, name: "Date of First Basic Career Service (Staff-Assisted)") { $0.first([.basic]) },
        PIRLElement(number: 1004, name: "Date of Most Recent Career Service (WIOA)") { $0.mostRecent([.basic, .individualized]) },
        PIRLElement(number: 1200, name: "Date of First Individualized Career Service") { $0.first([.individualized]) },
        PIRLElement(number: 1201, name: "Most Recent Date Received Individualized Career Service") { $0.mostRecent([.individualized]) },
        PIRLElement(number: 1300, name: "Received Training (WIOA)") { flag($0.training(1) != nil) },
    ]

    /// Trainings #1 to #3: entered, type, completed.
    private static let trainingElements: [PIRLElement] = [(1, 1302, 1303, 1308), (2, 1309, 1311, 1313), (3, 1314, 1316, 1318)]
        .flatMap { (n: Int, entered: Int, type: Int, completed: Int) -> [PIRLElement] in
        [PIRLElement(number: entered, name: "Date Entered Training #\(n)") { date($0.training(n)?.actualStart) },
         PIRLElement(number: type, name: "Type of Training Service #\(n)") { r in
             r.training(n).map { trainingCodes[$0.serviceID] ?? "10" } ?? "00"
         },
         PIRLElement(number: completed, name: "Date Completed, or Withdrew from, Training #\(n)") { r in
             date(r.training(n)?.completedOn.flatMap { $0 <= r.asOf ? $0 : nil })
         }]
    }

    private static let followUpAndEmployment: [PIRLElement] = [
        PIRLElement(number: 1409, name: "Most Recent Date Received Supportive Services") { $0.mostRecent([.supportive]) },
        PIRLElement(number: 1503, name: "Most Recent Date Received Follow-up Service") { r in
            let notes = r.file.facts.work.notes.filter {
                $0.kind == .followUp && $0.amends == nil && !($0.answers["service"] ?? "").trimmingSpaces.isEmpty && $0.eventOn <= r.asOf
            }
            return date(notes.map(\.eventOn).max())
        },
        PIRLElement(number: 1600, name: "Employed in 1st Quarter After Exit Quarter") { $0.employed(quarter: 1) },
        PIRLElement(number: 1602, name: "Employed in 2nd Quarter After Exit Quarter") { $0.employed(quarter: 2) },
        PIRLElement(number: 1604, name: "Employed in 3rd Quarter After Exit Quarter") { $0.employed(quarter: 3) },
        PIRLElement(number: 1606, name: "Employed in 4th Quarter After Exit Quarter") { $0.employed(quarter: 4) },
        PIRLElement(number: 1610, name: "Occupational Code (if known)") { $0.jobAfterExit?.answers["occupationCode"] ?? "" },
        PIRLElement(number: 1614, name: "Industry Code of Employment") { $0.jobAfterExit?.answers["naics"] ?? "" },
    ]

    /// Credentials #1 to #3: type and date.
    private static let credentialElements: [PIRLElement] = [(1, 1800, 1801), (2, 1802, 1803), (3, 1804, 1805)]
        .flatMap { (n: Int, type: Int, attained: Int) -> [PIRLElement] in
        [PIRLElement(number: type, name: "Type of Recognized Credential #\(n)") { r in
             r.credential(n).map { credentialCodes[$0.answers["type"] ?? ""] ?? "7" } ?? "0"
         },
         PIRLElement(number: attained, name: "Date Attained Recognized Credential #\(n)") { date($0.credential(n)?.on) }]
    }

    private static let skillGains: [PIRLElement] = [
        PIRLElement(number: 1806, name: "Date of Most Recent Measurable Skill Gains: Educational Functioning Level") {
            $0.latestSkillGain("efl")
        },
        PIRLElement(number: 1807, name: "Date of Most Recent Measurable Skill Gains: Postsecondary Transcript/Report Card") {
            $0.latestSkillGain("transcript")
        },
        PIRLElement(number: 1808, name: "Date of Most Recent Measurable Skill Gains: Secondary Transcript/Report Card") {
            $0.latestSkillGain("diploma")
        },
        PIRLElement(number: 1809, name: "Date of Most Recent Measurable Skill Gains: Training Milestone") {
            $0.latestSkillGain("milestone")
        },
        PIRLElement(number: 1810, name: "Date of Most Recent Measurable Skill Gains: Skills Progression") {
            $0.latestSkillGain("skills")
        },
    ]
}
