/// A person served by the program, from customer entry (a reportable
/// individual) to the end of follow-up. The journey dates decide the stage.
public struct Customer: Hashable, Codable, Sendable {
    public var id: CustomerID
    /// The name on their documents.
    public var legalName: String
    /// The name they use; shown first when it differs from the legal name.
    public var preferredName: String?
    public var email: String?
    public var zip: String
    public var birthDate: Day
    public var phone: String?
    public var isVeteran: Bool
    /// Nil until an application names a program.
    public var program: Program?
    /// The planner's login; nil while unassigned.
    public var planner: String?

    /// Customer entry: became a reportable individual.
    public var enteredOn: Day
    public var appliedOn: Day?
    /// Eligibility determination (certification).
    public var eligibleOn: Day?
    /// Program entry: became a participant.
    public var enrolledOn: Day?
    /// Most recent two-way contact.
    public var lastContactOn: Day?
    /// Most recent service activity.
    public var lastServiceOn: Day?
    /// Program exit (retroactive to the last date of service).
    public var exitedOn: Day?
    /// First day of employment after placement; starts the follow-up window.
    public var employedOn: Day?

    /// Optimistic-concurrency version: bumped by every saved change.
    public var version: Int

    public init(id: CustomerID, legalName: String, preferredName: String? = nil,
                email: String? = nil, zip: String, birthDate: Day, phone: String? = nil,
                isVeteran: Bool = false, program: Program? = nil, planner: String? = nil,
                enteredOn: Day, appliedOn: Day? = nil, eligibleOn: Day? = nil,
                enrolledOn: Day? = nil, lastContactOn: Day? = nil, lastServiceOn: Day? = nil,
                exitedOn: Day? = nil, employedOn: Day? = nil, version: Int = 1) {
        self.id = id
        self.legalName = legalName
        self.preferredName = preferredName
        self.email = email
        self.zip = zip
        self.birthDate = birthDate
        self.phone = phone
        self.isVeteran = isVeteran
        self.program = program
        self.planner = planner
        self.enteredOn = enteredOn
        self.appliedOn = appliedOn
        self.eligibleOn = eligibleOn
        self.enrolledOn = enrolledOn
        self.lastContactOn = lastContactOn
        self.lastServiceOn = lastServiceOn
        self.exitedOn = exitedOn
        self.employedOn = employedOn
        self.version = version
    }

    /// "Preferred (Legal)" when they differ, else the legal name.
    public var displayName: String {
        guard let p = preferredName, !p.isEmpty, p != legalName else { return legalName }
        return "\(p) (\(legalName))"
    }

    public func stage(on today: Day) -> Stage {
        if let exitedOn {
            if let end = followUpEnds, exitedOn <= today, today <= end { return .followUp }
            return .exited
        }
        if enrolledOn != nil { return .enrolled }
        if eligibleOn != nil { return .eligible }
        if appliedOn != nil { return .applied }
        return .reportable
    }

    /// Follow-up runs 12 months after exit, or after the first day of
    /// employment for adults and dislocated workers placed in a job (002).
    public var followUpEnds: Day? { FollowUp(for: self)?.endsOn }
}
