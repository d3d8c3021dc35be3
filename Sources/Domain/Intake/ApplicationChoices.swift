/// The closed lists an application picks from (POLICY.md sections 1 and 7;
/// WIOA eligibility categories).

public enum VeteranStatus: String, Labeled, Codable {
    case no, veteran, eligibleSpouse = "eligible-spouse"
    public var label: String {
        switch self {
        case .no: "not a veteran"
        case .veteran: "veteran"
        case .eligibleSpouse: "eligible spouse of a veteran"
        }
    }
}

public enum Sex: String, Labeled, Codable {
    case notGiven = "not-given", female, male
    public var label: String {
        switch self {
        case .notGiven: "not disclosed"
        case .female: "female"
        case .male: "male"
        }
    }
}

public enum SelectiveService: String, Labeled, Codable {
    case notAsked = "not-asked", registered, notRequired = "not-required", notRegistered = "not-registered"
    case notWillful = "not-willful"
    public var label: String {
        switch self {
        case .notAsked: "not recorded"
        case .registered: "registered"
        case .notRequired: "not required to register"
        case .notRegistered: "not registered"
        case .notWillful: "not registered; failure found not knowing and willful"
        }
    }
}

public enum RightToWork: String, Labeled, Codable {
    case notAsked = "not-asked", citizen, permanentResident = "permanent-resident"
    case authorized, notAuthorized = "not-authorized"
    public var label: String {
        switch self {
        case .notAsked: "not recorded"
        case .citizen: "U.S. citizen"
        case .permanentResident: "lawful permanent resident"
        case .authorized: "other: authorized to work in the U.S."
        case .notAuthorized: "not authorized to work in the U.S."
        }
    }

    public var mayWork: Bool { self == .citizen || self == .permanentResident || self == .authorized }
}

public enum EmploymentStatus: String, Labeled, Codable {
    case notEmployed = "not-employed", employed, employedWithNotice = "employed-with-notice"
    public var label: String {
        switch self {
        case .notEmployed: "not employed"
        case .employed: "employed"
        case .employedWithNotice: "employed, with notice of layoff"
        }
    }
}

public enum EducationLevel: String, Labeled, Codable {
    case noDiploma = "no-diploma", diploma, equivalency, somePostsecondary = "some-postsecondary"
    case certificate, associate, bachelor, advanced
    public var label: String {
        switch self {
        case .noDiploma: "no high school diploma"
        case .diploma: "high school diploma"
        case .equivalency: "high school equivalency (GED/HiSET)"
        case .somePostsecondary: "some college, no degree"
        case .certificate: "postsecondary certificate"
        case .associate: "associate degree"
        case .bachelor: "bachelor's degree"
        case .advanced: "graduate degree"
        }
    }

    public var hasSecondaryCredential: Bool { self != .noDiploma }
}

public enum PublicAssistance: String, Labeled, Codable {
    case snap, tanf, ssi, other
    public var label: String {
        switch self {
        case .snap: "SNAP (food assistance)"
        case .tanf: "TANF (cash assistance)"
        case .ssi: "SSI (Supplemental Security Income)"
        case .other: "other public assistance"
        }
    }
}

/// Barriers to employment recorded on the application.
public enum Barrier: String, Labeled, Codable {
    case homeless, exOffender = "ex-offender", englishLearner = "english-learner"
    case basicSkillsDeficient = "basic-skills-deficient", singleParent = "single-parent"
    case displacedHomemaker = "displaced-homemaker", disability, fosterCare = "foster-care"
    case longTermUnemployed = "long-term-unemployed", cultural, farmworker
    public var label: String {
        switch self {
        case .homeless: "homeless"
        case .exOffender: "ex-offender"
        case .englishLearner: "English language learner"
        case .basicSkillsDeficient: "basic skills deficient"
        case .singleParent: "single parent (incl. pregnant)"
        case .displacedHomemaker: "displaced homemaker"
        case .disability: "individual with a disability"
        case .fosterCare: "foster care youth"
        case .longTermUnemployed: "long-term unemployed (27+ weeks)"
        case .cultural: "cultural barriers"
        case .farmworker: "migrant or seasonal farm worker"
        }
    }
}

public enum DislocationReason: String, Labeled, Codable {
    case none, laidOff = "laid-off", notice, plantClosure = "plant-closure"
    case selfEmployed = "self-employed", displacedHomemaker = "displaced-homemaker"
    case militarySpouse = "military-spouse"
    public var label: String {
        switch self {
        case .none: "none"
        case .laidOff: "laid off"
        case .notice: "received notice of layoff"
        case .plantClosure: "plant closure or substantial layoff"
        case .selfEmployed: "self-employed, out of work (economic conditions)"
        case .displacedHomemaker: "displaced homemaker"
        case .militarySpouse: "military spouse (lost job, relocation)"
        }
    }
}

public enum UIStatus: String, Labeled, Codable {
    case notApplicable = "not-applicable", claimant, exhausted, eligibleNotFiled = "eligible-not-filed"
    case notEligible = "not-eligible"
    public var label: String {
        switch self {
        case .notApplicable: "not applicable"
        case .claimant: "claimant"
        case .exhausted: "exhausted benefits"
        case .eligibleNotFiled: "eligible, not filed"
        case .notEligible: "not eligible"
        }
    }
}

public enum SchoolStatus: String, Labeled, Codable {
    case notAsked = "not-asked", secondary, postsecondary, dropout, graduate
    public var label: String {
        switch self {
        case .notAsked: "not recorded"
        case .secondary: "attending secondary school"
        case .postsecondary: "attending postsecondary school"
        case .dropout: "not attending: dropped out"
        case .graduate: "not attending: graduated"
        }
    }

    public var attending: Bool { self == .secondary || self == .postsecondary }
}

/// An answer the customer may decline to give (ethnicity, disability): PIRL
/// codes 1 yes, 0 no, 9 did not self-identify.
public enum SelfIdentified: String, Labeled, Codable {
    case notAsked = "", yes, no, declined
    public var label: String {
        switch self {
        case .notAsked: "—"
        case .yes: "yes"
        case .no: "no"
        case .declined: "did not self-identify"
        }
    }
}

/// PIRL's race categories (elements 211 to 215): any that apply.
public enum Race: String, Labeled, Codable {
    case americanIndian = "american-indian", asian, black, pacificIslander = "pacific-islander", white
    public var label: String {
        switch self {
        case .americanIndian: "American Indian or Alaska Native"
        case .asian: "Asian"
        case .black: "Black or African American"
        case .pacificIslander: "Native Hawaiian or Pacific Islander"
        case .white: "White"
        }
    }
}
