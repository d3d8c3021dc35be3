import Domain

/// The whole data file as JSON (docs/export-format.md). Export then import
/// then export gives the same bytes: keys are sorted, records ordered.
public struct DataExport: Codable, Equatable, Sendable {
    public static let formatName = "careerplan-export"
    public static let currentVersion = 11

    public var format: String
    public var version: Int
    public var settings: [String: String]
    public var staff: [Staff]
    public var customers: [Customer]
    /// Since version 2; absent in version 1 files.
    public var duplicateDecisions: [DuplicateDecision]
    /// Since version 3; absent in older files.
    public var applications: [StoredApplication]
    public var certifications: [Certification]
    public var amendments: [ApplicationAmendment]
    public var documents: [EligibilityDocument]
    public var screenings: [BasicSkillsScreening]
    /// Since version 4.
    public var gsas: [GettingStartedAssessment]
    public var assessments: [AssessmentRecord]
    public var barriers: [BarrierRecord]
    public var barrierCorrections: [BarrierCorrection]
    /// Since version 5: every saved version of every plan; the last is current.
    public var planVersions: [PlanVersion]
    /// Since version 6: recommendations dismissed, with why.
    public var dismissals: [Dismissal]
    /// Since version 7: case work.
    public var notes: [CaseNote]
    public var referrals: [Referral]
    public var outcomes: [Outcome]
    public var pauses: [Pause]
    public var exits: [ExitRecord]
    public var followUpDeclines: [FollowUpDecline]
    /// Since version 8: plan signatures and plans sent to a guardian.
    public var signatures: [Signature]
    public var guardianRequests: [GuardianRequest]
    /// Since version 9: copies of plans made for customers.
    public var planCopies: [PlanCopyRecord]
    /// Since version 10: planners covering others' caseloads.
    public var coverings: [Covering]
    /// Since version 11: services in other DOL-funded programs (co-enrollment).
    public var otherProgramServices: [OtherProgramService]

    public init(settings: [String: String], staff: [Staff], customers: [Customer],
                duplicateDecisions: [DuplicateDecision] = [], applications: [StoredApplication] = [],
                certifications: [Certification] = [], amendments: [ApplicationAmendment] = [],
                documents: [EligibilityDocument] = [], screenings: [BasicSkillsScreening] = [],
                gsas: [GettingStartedAssessment] = [], assessments: [AssessmentRecord] = [],
                barriers: [BarrierRecord] = [], barrierCorrections: [BarrierCorrection] = [],
                planVersions: [PlanVersion] = [], dismissals: [Dismissal] = [], notes: [CaseNote] = [],
                referrals: [Referral] = [], outcomes: [Outcome] = [], pauses: [Pause] = [], exits: [ExitRecord] = [],
                followUpDeclines: [FollowUpDecline] = [], signatures: [Signature] = [],
                guardianRequests: [GuardianRequest] = [], planCopies: [PlanCopyRecord] = [],
                coverings: [Covering] = [], otherProgramServices: [OtherProgramService] = []) {
        format = Self.formatName
        version = Self.currentVersion
        self.settings = settings
        self.staff = staff
        self.customers = customers
        self.duplicateDecisions = duplicateDecisions
        self.applications = applications
        self.certifications = certifications
        self.amendments = amendments
        self.documents = documents
        self.screenings = screenings
        self.gsas = gsas
        self.assessments = assessments
        self.barriers = barriers
        self.barrierCorrections = barrierCorrections
        self.planVersions = planVersions
        self.dismissals = dismissals
        self.notes = notes
        self.referrals = referrals
        self.outcomes = outcomes
        self.pauses = pauses
        self.exits = exits
        self.followUpDeclines = followUpDeclines
        self.signatures = signatures
        self.guardianRequests = guardianRequests
        self.planCopies = planCopies
        self.coverings = coverings
        self.otherProgramServices = otherProgramServices
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        settings = try c.decode([String: String].self, forKey: .settings)
        staff = try c.decode([Staff].self, forKey: .staff)
        customers = try c.decode([Customer].self, forKey: .customers)
        duplicateDecisions = try c.decodeIfPresent([DuplicateDecision].self, forKey: .duplicateDecisions) ?? []
        applications = try c.decodeIfPresent([StoredApplication].self, forKey: .applications) ?? []
        certifications = try c.decodeIfPresent([Certification].self, forKey: .certifications) ?? []
        amendments = try c.decodeIfPresent([ApplicationAmendment].self, forKey: .amendments) ?? []
        documents = try c.decodeIfPresent([EligibilityDocument].self, forKey: .documents) ?? []
        screenings = try c.decodeIfPresent([BasicSkillsScreening].self, forKey: .screenings) ?? []
        gsas = try c.decodeIfPresent([GettingStartedAssessment].self, forKey: .gsas) ?? []
        assessments = try c.decodeIfPresent([AssessmentRecord].self, forKey: .assessments) ?? []
        barriers = try c.decodeIfPresent([BarrierRecord].self, forKey: .barriers) ?? []
        barrierCorrections = try c.decodeIfPresent([BarrierCorrection].self, forKey: .barrierCorrections) ?? []
        planVersions = try c.decodeIfPresent([PlanVersion].self, forKey: .planVersions) ?? []
        dismissals = try c.decodeIfPresent([Dismissal].self, forKey: .dismissals) ?? []
        notes = try c.decodeIfPresent([CaseNote].self, forKey: .notes) ?? []
        referrals = try c.decodeIfPresent([Referral].self, forKey: .referrals) ?? []
        outcomes = try c.decodeIfPresent([Outcome].self, forKey: .outcomes) ?? []
        pauses = try c.decodeIfPresent([Pause].self, forKey: .pauses) ?? []
        exits = try c.decodeIfPresent([ExitRecord].self, forKey: .exits) ?? []
        followUpDeclines = try c.decodeIfPresent([FollowUpDecline].self, forKey: .followUpDeclines) ?? []
        signatures = try c.decodeIfPresent([Signature].self, forKey: .signatures) ?? []
        guardianRequests = try c.decodeIfPresent([GuardianRequest].self, forKey: .guardianRequests) ?? []
        planCopies = try c.decodeIfPresent([PlanCopyRecord].self, forKey: .planCopies) ?? []
        coverings = try c.decodeIfPresent([Covering].self, forKey: .coverings) ?? []
        otherProgramServices = try c.decodeIfPresent([OtherProgramService].self, forKey: .otherProgramServices) ?? []
    }
}
