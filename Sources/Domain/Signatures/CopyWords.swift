/// careerplan's own words on the customer's copy, one table per language,
/// written for the customer rather than the case file: no rule numbers, no
/// codes, no "recommended because". docs/spanish.md says why each Spanish
/// term was chosen. Text a planner typed is never passed through here.
public struct CopyWords: Sendable {
    public var language: CopyLanguage
    var title: String
    var planName: @Sendable (_ youth: Bool) -> String
    var law: @Sendable (_ program: Program?) -> String
    var forCustomer: @Sendable (_ name: String, _ id: CustomerID) -> String
    var versionPrinted: @Sendable (_ version: Int, _ on: String) -> String
    var planner: @Sendable (_ name: String, _ contact: String) -> String
    var inTouchBy: @Sendable (_ day: String) -> String
    var signedPlan: String
    var unsignedPlan: String
    var goal: @Sendable (_ number: Int, _ text: String) -> String
    var timeFrame: @Sendable (Horizon) -> String
    var reachBy: @Sendable (_ day: String) -> String
    var goalStatus: @Sendable (GoalStatus) -> String
    var stepStatus: @Sendable (GoalStatus) -> String
    var whyGoal: String
    var step: @Sendable (_ number: String, _ text: String) -> String
    var stepBy: @Sendable (_ day: String) -> String
    var service: String
    var providedBy: String
    var provider: @Sendable (ProviderKind, _ partner: String?) -> String
    var when: String
    var dates: @Sendable (_ start: String?, _ end: String?) -> String
    var hoursAWeek: @Sendable (_ hours: String, _ one: Bool) -> String
    var status: String
    var serviceStatus: @Sendable (ServiceStatus) -> String
    var credential: String
    var noGoals: String
    var pathwayHeading: String
    var leadsTo: String
    var occupationCode: String
    var industry: String
    var industryCode: String
    var credentialsAlong: String
    var pathwayNotWritten: String
    var elementsHeading: String
    var element: @Sendable (ElementDecision?, _ on: String?, _ until: String?, _ by: String?, _ note: String?) -> String
    var elementName: @Sendable (Int) -> String
    var barriersHeading: String
    var barrierName: @Sendable (_ kind: String) -> String?
    var ourPlan: String
    var servicesThatHelp: String
    var stepsThatHelp: String
    var noServiceYet: String
    var signaturesHeading: String
    var role: @Sendable (SignerRole) -> String
    var signedBy: @Sendable (_ name: String, _ on: String, _ how: String) -> String
    var method: @Sendable (SignatureMethod, _ returned: String) -> String
    var notSignedYet: String
    var sentToGuardian: @Sendable (_ name: String, _ relationship: String, _ on: String) -> String
    var signAgain: @Sendable (_ name: String, _ signed: String, _ changed: String?) -> String
    var signHere: String
    var date: String
    var attestation: @Sendable (SignerRole, _ customer: String) -> String
    var keepThisCopy: String
    /// "page 1 of 2", as the printed page's foot puts it together.
    var page: (word: String, of: String)
    var acronyms: [(acronym: String, meaning: String)]

    public static func of(_ language: CopyLanguage) -> CopyWords {
        language == .spanish ? .spanish : .english
    }
}

extension CopyWords {
    static let english = CopyWords(
        language: .english,
        title: "Your Career Plan",
        planName: { $0 ? "Individual Service Strategy (ISS)" : "Individual Employment Plan (IEP)" },
        law: { p in
            let program = switch p {
            case .adult?: "Adult program"
            case .dislocatedWorker?: "Dislocated Worker program"
            case .youth?: "Youth program"
            case nil: "program"
            }
            return "Workforce Innovation and Opportunity Act (WIOA), \(program)"
        },
        forCustomer: { "For: \($0), customer number \($1)" },
        versionPrinted: { "Plan version \($0), printed \($1)" },
        planner: { "Your career planner: \($0)" + ($1.isEmpty ? "" : " (\($1))") },
        inTouchBy: { "Your career planner will be in touch with you by \($0)." },
        signedPlan: "This is a copy of your SIGNED plan.",
        unsignedPlan: "This plan is not final until everyone named under Signatures has signed it.",
        goal: { "Goal \($0): \($1)" },
        timeFrame: { h in
            let frame = switch h {
            case .immediate: "right away (about 90 days)"
            case .oneYear: "1 year"
            case .fiveYear: "5 years"
            case .tenYear: "10 years"
            }
            return "Time frame: " + frame
        },
        reachBy: { "aim to reach it by \($0)" },
        goalStatus: englishStatus,
        stepStatus: englishStatus,
        whyGoal: "Why this goal",
        step: { "Step \($0): \($1)" },
        stepBy: { "by \($0)" },
        service: "Service",
        providedBy: "Provided by",
        provider: { kind, partner in
            switch kind {
            case .inHouse: "your career center"
            case .partner: partner ?? "a partner organization"
            case .selfAccessed: "you, on your own"
            }
        },
        when: "When",
        dates: { s, e in
            switch (s, e) {
            case let (s?, e?): "\(s) to \(e)"
            case let (s?, nil): "from \(s)"
            case let (nil, e?): "until \(e)"
            case (nil, nil): "dates to be set"
            }
        },
        hoursAWeek: { "about \($0) \($1 ? "hour" : "hours") a week" },
        status: "Status",
        serviceStatus: { s in
            switch s {
            case .notStarted: "not started yet"
            case .open: "under way"
            case .complete: "finished"
            case .didNotComplete: "not finished"
            }
        },
        credential: "credential",
        noGoals: "No goals have been written yet.",
        pathwayHeading: "Your career pathway",
        leadsTo: "Where it leads",
        occupationCode: "occupation code",
        industry: "Industry",
        industryCode: "industry code",
        credentialsAlong: "Credentials along the way",
        pathwayNotWritten: "Not written yet: you and your career planner will choose it together.",
        elementsHeading: "The youth program's fourteen services, and yours",
        element: { decision, on, until, by, note in
            switch decision {
            case .provided?: "you receive it from \(on ?? "")" + (until.map { " to \($0)" } ?? "") + (by.map { " (\($0))" } ?? "")
            case .considered?: "we talked about it on \(on ?? "")" + (by.map { "; planned: \($0)" } ?? "")
            case .notNeeded?: "not needed for now" + (note.map { " (\($0))" } ?? "")
            case nil: "not talked about yet"
            }
        },
        elementName: { YouthElement.fullName($0) },
        barriersHeading: "What may get in your way, and how we will handle it",
        barrierName: { englishBarriers[$0] },
        ourPlan: "Our plan",
        servicesThatHelp: "Services on your plan that help",
        stepsThatHelp: "Steps on your plan for it",
        noServiceYet: "No service on your plan helps with this yet. We will look for one together at your next meeting.",
        signaturesHeading: "Signatures",
        role: { r in
            switch r {
            case .customer: "Customer"
            case .planner: "Career planner"
            case .guardian: "Parent or guardian"
            }
        },
        signedBy: { "\($0), signed \($1) \($2)" },
        method: { m, returned in
            switch m {
            case .terminal: "on screen at the career center"
            case .phone: "by phone, with the career planner as witness"
            case .paper: "on a printed copy returned \(returned)"
            }
        },
        notSignedYet: "not signed yet",
        sentToGuardian: { "sent to \($0) (\($1)) on \($2), not signed yet" },
        signAgain: { "\($0) signed on \($1), but the plan changed" + ($2.map { " on \($0)" } ?? "") + ": please sign again" },
        signHere: "To sign this copy by hand",
        date: "Date",
        attestation: { role, customer in
            switch role {
            case .customer: "I took part in writing this Career Plan, I understand it, and I agree to work toward its goals."
            case .planner: "I developed this plan with \(customer) and will provide or arrange the services in it."
            case .guardian: "I am the parent or guardian of \(customer); I have read this plan and agree to it."
            }
        },
        keepThisCopy: "Keep this copy. Call your career planner with any question or change.",
        page: ("page", "of"),
        acronyms: Acronyms.legend)

    @Sendable static func englishStatus(_ s: GoalStatus) -> String {
        switch s {
        case .open: "in progress"
        case .achieved: "done"
        case .notAchieved: "not reached"
        case .withdrawn: "stopped"
        }
    }

    /// Each barrier kind as a customer would say it, not as a form labels it.
    static let englishBarriers: [String: String] = [
        "homeless": "Finding a stable place to live",
        "ex-offender": "A past arrest or conviction record",
        "english-learner": "Learning English",
        "basic-skills-deficient": "Reading, writing or math skills",
        "single-parent": "Raising children on your own",
        "displaced-homemaker": "Going back to work after years of caring for your family",
        "disability": "A health condition or disability",
        "foster-care": "Leaving foster care",
        "long-term-unemployed": "Being out of work for a long time",
        "cultural": "Getting used to how things are done at work here",
        "farmworker": "Moving with seasonal farm work",
        "transportation": "Getting to work or training",
        "child-care": "Child care",
        "housing": "Housing",
        "work-clothing": "Work clothing and tools",
        "health": "Health or medical needs",
        "legal": "Legal matters",
        "digital": "No computer or internet at home",
        "financial": "Money to live on while you get ready for work",
    ]
}
