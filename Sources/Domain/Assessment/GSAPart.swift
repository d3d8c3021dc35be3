/// The parts of the Getting Started Assessment (POLICY.md sections 1 and 4;
/// seed 003). Section 1 is the conversation that, once submitted, enrolls
/// the customer; section 2, after enrollment, covers what the plan-quality
/// rubric asks beyond it (seed 004).
public enum GSAPart: String, CaseIterable, Codable, Sendable {
    case goals, employment, education, skills, barriers, family, employability, labor
    case aptitudes, lifeSkills = "life-skills", employer

    public static let section1: [GSAPart] = [.goals, .employment, .education, .skills, .barriers, .family,
                                             .employability, .labor]
    public static let section2: [GSAPart] = [.aptitudes, .lifeSkills, .employer]

    public var isSection1: Bool { Self.section1.contains(self) }

    public var title: String {
        switch self {
        case .goals: "Goals and expectations"
        case .employment: "Employment history"
        case .education: "Education history"
        case .skills: "Skills and interests"
        case .barriers: "Barriers"
        case .family: "Family and support system"
        case .employability: "Job and employability skills"
        case .labor: "Labor market information"
        case .aptitudes: "Aptitudes"
        case .lifeSkills: "Everyday life skills"
        case .employer: "Employer-specific requirements"
        }
    }

    /// The part's questions for this assessment: the prior job's outlook
    /// is required (and starred) once the job history lists a job.
    public func fields(for gsa: GettingStartedAssessment) -> [FormField] {
        guard self == .labor, !gsa.jobs.isEmpty else { return fields }
        return fields.map { f in
            var f = f
            if f.key.hasPrefix("lmiPriorJob") { f.isRequired = true }
            return f
        }
    }

    /// The part's own questions. Employment and education also hold a list
    /// (jobs, schooling); barriers are the barrier register.
    public var fields: [FormField] {
        switch self {
        case .goals: [
            FormField("goals", "Their goals", .paragraph, hint: "in the customer's words: what do they want to achieve?", required: true),
            FormField("expectations", "Expectations", .paragraph, hint: "what they expect from the program and from you", required: true),
            FormField("targetOccupation", "Target occupation", hint: "the job or field they aim for, e.g. medical assistant", required: true),
        ]
        case .employment: [
            FormField("noWorkHistory", "No work history to record", .toggle, hint: "mark only when they have never worked"),
        ]
        case .education: [
            FormField("noEducationHistory", "Nothing beyond school grades", .toggle,
                      hint: "mark when there is no diploma, license or course to record"),
        ]
        case .skills: [
            FormField("skills", "Skills", .paragraph, hint: "what they are good at, in their words", required: true),
            FormField("interests", "Interests", .paragraph, hint: "what they like doing; work they would enjoy", required: true),
        ]
        case .barriers: [
            FormField("barriersReviewed", "Barriers talked through", .toggle,
                      hint: "every barrier in the register was discussed (add any new ones with a)"),
        ]
        case .family: [
            FormField("household", "Household", .paragraph, hint: "who they live with; dependents", required: true),
            FormField("support", "Support system", .paragraph, hint: "who helps: family, friends, agencies", required: true),
        ]
        case .employability: [
            FormField("jobSkills", "Job skills", .paragraph, hint: "tools, software, trades, languages", required: true),
            FormField("employabilitySkills", "Employability", .paragraph, hint: "resume, interviewing, punctuality, teamwork", required: true),
        ]
        case .labor: [
            FormField("lmiPriorJob", "Prior job outlook", .paragraph, hint: "demand and wages for the prior occupation (required with a prior job)"),
            FormField("lmiPriorJobSource", "  source", hint: "cite it, e.g. Illinois Department of Employment Security, 2026"),
            FormField("lmiGoal", "Goal outlook", .paragraph, hint: "demand and wages for the target occupation", required: true),
            FormField("lmiGoalSource", "  source", hint: "cite it, e.g. O*NET OnLine, 2026", required: true),
        ]
        case .aptitudes: [
            FormField("aptitudes", "Aptitudes", .paragraph, hint: "what the customer learns easily; inventory results", required: true),
        ]
        case .lifeSkills: [
            FormField("lifeSkills", "Life skills", .paragraph, hint: "everyday life skills: budgeting, transport, time management", required: true),
        ]
        case .employer: [
            FormField("employerRequirements", "What employers ask", .paragraph, hint: "licenses, background checks, shifts, tools the target employers require",
                      required: true),
        ]
        }
    }
}
