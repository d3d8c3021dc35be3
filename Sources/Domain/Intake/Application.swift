/// A WIOA application (POLICY.md section 1, step 2): the answers that
/// eligibility, priority of service and the plan are worked out from.
/// The SSN is never here: the last four digits at most.
public struct Application: Hashable, Codable, Sendable {
    public struct Contact: Hashable, Codable, Sendable {
        public var name: String
        public var relationship: String
        public var phone: String?

        public init(name: String, relationship: String, phone: String? = nil) {
            self.name = name
            self.relationship = relationship
            self.phone = phone
        }
    }

    public var appliedOn: Day
    public var program: Program
    public var street: String
    public var city: String
    public var state: String
    public var acceptsTexts: Bool
    public var socialMedia: String?
    public var contacts: [Contact]
    public var ssnLast4: String?
    public var veteran: VeteranStatus
    public var sex: Sex
    public var selectiveService: SelectiveService
    public var rightToWork: RightToWork
    public var employment: EmploymentStatus
    /// Highest school grade completed, 0 to 12.
    public var highestGrade: Int?
    public var education: EducationLevel
    public var lowIncome: Bool
    /// In the order of `PublicAssistance.allCases`, so exports are stable.
    public var assistance: [PublicAssistance]
    /// In the order of `Barrier.allCases`.
    public var barriers: [Barrier]
    public var dislocation: DislocationReason
    /// Date of layoff, or of the notice of layoff.
    public var dislocatedOn: Day?
    public var lastEmployer: String?
    public var unlikelyToReturn: Bool
    public var unemploymentInsurance: UIStatus
    public var school: SchoolStatus
    /// Asked for the participant record, optional to answer; nil on an
    /// application taken before they were asked.
    public var hispanic: SelfIdentified?
    /// The races that apply; empty with `raceDeclined` when not given.
    public var races: [Race]?
    public var raceDeclined: Bool?
    /// A disability, as the customer identifies it (beyond the barrier).
    public var disability: SelfIdentified?
    /// English language learner, as the customer identifies it (beyond the barrier).
    public var englishLearner: SelfIdentified?
    /// The language the customer wants their papers in (the plan's copy); nil: English.
    public var copyLanguage: CopyLanguage?

    public init(appliedOn: Day, program: Program, street: String = "", city: String = "", state: String = "IL",
                acceptsTexts: Bool = false, socialMedia: String? = nil, contacts: [Contact] = [],
                ssnLast4: String? = nil, veteran: VeteranStatus = .no, sex: Sex = .notGiven,
                selectiveService: SelectiveService = .notAsked, rightToWork: RightToWork = .citizen,
                employment: EmploymentStatus = .notEmployed, highestGrade: Int? = nil,
                education: EducationLevel = .diploma, lowIncome: Bool = false,
                assistance: [PublicAssistance] = [], barriers: [Barrier] = [],
                dislocation: DislocationReason = .none, dislocatedOn: Day? = nil, lastEmployer: String? = nil,
                unlikelyToReturn: Bool = false, unemploymentInsurance: UIStatus = .notApplicable,
                school: SchoolStatus = .notAsked) {
        self.appliedOn = appliedOn
        self.program = program
        self.street = street
        self.city = city
        self.state = state
        self.acceptsTexts = acceptsTexts
        self.socialMedia = socialMedia
        self.contacts = contacts
        self.ssnLast4 = ssnLast4
        self.veteran = veteran
        self.sex = sex
        self.selectiveService = selectiveService
        self.rightToWork = rightToWork
        self.employment = employment
        self.highestGrade = highestGrade
        self.education = education
        self.lowIncome = lowIncome
        self.assistance = PublicAssistance.allCases.filter(assistance.contains)
        self.barriers = Barrier.allCases.filter(barriers.contains)
        self.dislocation = dislocation
        self.dislocatedOn = dislocatedOn
        self.lastEmployer = lastEmployer
        self.unlikelyToReturn = unlikelyToReturn
        self.unemploymentInsurance = unemploymentInsurance
        self.school = school
    }

    /// This application with the demographics answered.
    public func withDemographics(hispanic: SelfIdentified, races: [Race], raceDeclined: Bool,
                                 disability: SelfIdentified, englishLearner: SelfIdentified = .notAsked) -> Application {
        var a = self
        a.setDemographics(hispanic: hispanic, races: races, raceDeclined: raceDeclined, disability: disability,
                          englishLearner: englishLearner)
        return a
    }

    /// The answers of the participant record's demographics, set together.
    public mutating func setDemographics(hispanic: SelfIdentified, races: [Race], raceDeclined: Bool, disability: SelfIdentified,
                                         englishLearner: SelfIdentified = .notAsked) {
        let asked = hispanic != .notAsked || !races.isEmpty || raceDeclined || disability != .notAsked || englishLearner != .notAsked
        self.hispanic = asked ? hispanic : nil
        self.races = asked ? Race.allCases.filter(races.contains) : nil
        self.raceDeclined = asked ? raceDeclined : nil
        self.disability = asked ? disability : nil
        self.englishLearner = asked && englishLearner != .notAsked ? englishLearner : nil
    }

    /// This application with the language of the customer's papers (English stored as none).
    public func papers(in language: CopyLanguage) -> Application {
        var a = self
        a.copyLanguage = language == .english ? nil : language
        return a
    }

    public var isVeteranOrSpouse: Bool { veteran != .no }
    public var receivesAssistance: Bool { !assistance.isEmpty }
}
