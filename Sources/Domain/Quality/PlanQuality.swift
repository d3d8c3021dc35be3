/// Everything the rubric reads about one customer's plan.
public struct QualityFacts: Sendable {
    public var customer: Customer
    public var application: Application?
    public var gsa: GettingStartedAssessment?
    public var screening: BasicSkillsScreening?
    public var assessments: [AssessmentRecord]
    public var barriers: [BarrierRecord]
    public var plan: CareerPlan
    public var firstPlanSaved: Day?
    public var lastPlanSaved: Day?
    public var work: CaseWork
    /// The assigned planner's staff record, for their contact details.
    public var planner: Staff?
    /// Which services address which barriers.
    public var matrix: ServicesMatrix
    /// The area's additions to the acronym legend.
    public var extraAcronyms: [(acronym: String, meaning: String)]
    public var settings: ClockSettings

    public init(customer: Customer, application: Application?, gsa: GettingStartedAssessment?,
                screening: BasicSkillsScreening?, assessments: [AssessmentRecord], barriers: [BarrierRecord],
                plan: CareerPlan, firstPlanSaved: Day?, lastPlanSaved: Day?, work: CaseWork, planner: Staff?,
                matrix: ServicesMatrix, extraAcronyms: [(acronym: String, meaning: String)] = [],
                settings: ClockSettings = .illinois) {
        self.customer = customer
        self.application = application
        self.gsa = gsa
        self.screening = screening
        self.assessments = assessments
        self.barriers = barriers
        self.plan = plan
        self.firstPlanSaved = firstPlanSaved
        self.lastPlanSaved = lastPlanSaved
        self.work = work
        self.planner = planner
        self.matrix = matrix
        self.extraAcronyms = extraAcronyms
        self.settings = settings
    }
}

/// The rubric applied (004): each category's checks for Meets, then for
/// Exceeds, in the words a planner would use to fix the plan.
public enum PlanQuality {
    public static func rate(_ f: QualityFacts, on today: Day) -> [CategoryRating] {
        [information(f, today), contact(f), assessment(f), goals(f), services(f, today), timeliness(f, today)]
    }

    /// The text the planner wrote into the plan, with where it is.
    static func texts(_ p: CareerPlan) -> [(where: String, text: String)] {
        var out: [(String, String)] = []
        if let pathway = p.pathway { out.append(("the pathway", pathway.summary + " " + (pathway.note ?? ""))) }
        for mark in p.youthElements { if let note = mark.note { out.append(("youth element \(mark.element)", note)) } }
        for (gi, g) in p.goals.enumerated() {
            out.append(("goal \(gi + 1)", g.text))
            out.append(("goal \(gi + 1)", g.justification))
            if let w = g.withdrawnReason { out.append(("goal \(gi + 1)", w)) }
            for (si, s) in g.steps.enumerated() {
                out.append(("step \(gi + 1).\(si + 1)", s.text))
                for v in s.services {
                    out.append(("step \(gi + 1).\(si + 1)", [v.partnerName, v.credential].compactMap { $0 }.joined(separator: " ")))
                }
            }
        }
        return out.filter { !$0.1.isEmpty }
    }

    static func information(_ f: QualityFacts, _ today: Day) -> CategoryRating {
        let texts = texts(f.plan)
        let ssnAt = texts.first { SSN.containsFull($0.text) }?.where
        let unexplained = Acronyms.unexplained(in: texts.map(\.text), extra: f.extraAcronyms)
        let current = f.lastPlanSaved.map { $0.days(until: today) <= 30 } ?? false
        let unjustified = f.plan.goals.indices.filter { f.plan.goals[$0].justification.trimmingSpaces.isEmpty }
        return CategoryRating(.information, meets: [
            (ssnAt == nil, "a full Social Security number in \(ssnAt ?? "")"),
            (unexplained.isEmpty, "acronyms not spelled out: " + unexplained.joined(separator: ", ")),
        ], exceeds: [
            (current, "update the plan (last saved \(f.lastPlanSaved?.description ?? "never"), over 30 days ago)"),
            (unjustified.isEmpty, "say why for goal " + unjustified.map { String($0 + 1) }.joined(separator: ", ")),
        ])
    }

    static func contact(_ f: QualityFacts) -> CategoryRating {
        let a = f.application
        let contacts = a?.contacts.filter { !$0.name.trimmingSpaces.isEmpty }.count ?? 0
        let plannerReach = [f.planner?.phone, f.planner?.email].compactMap { $0 }.filter { !$0.isEmpty }
        return CategoryRating(.contact, meets: [
            (!(a?.street ?? "").trimmingSpaces.isEmpty && !(a?.city ?? "").trimmingSpaces.isEmpty, "no address"),
            (!(f.customer.phone ?? "").trimmingSpaces.isEmpty, "no phone or text number"),
            (!(a?.socialMedia ?? "").trimmingSpaces.isEmpty, "no social media"),
            (contacts >= 1, "no additional contact person"),
            (!plannerReach.isEmpty, "no phone or e-mail for the career planner"),
        ], exceeds: [
            (contacts >= 2, "add a second additional contact person"),
        ])
    }

    static func assessment(_ f: QualityFacts) -> CategoryRating {
        func done(_ part: GSAPart) -> Bool { f.gsa?.isComplete(part, barriers: f.barriers) ?? false }
        let basicSkills = f.screening != nil || f.assessments.contains { $0.isCompleted && ($0.subject == .reading || $0.subject == .math) }
        return CategoryRating(.assessment, meets: [
            (done(.barriers), "barriers not assessed (GSA)"),
            (basicSkills, "no basic skills result (screening, reading or math)"),
            (done(.employment) && done(.education), "employment and education history incomplete"),
            (done(.family), "family and support system not assessed"),
            (done(.employability), "job and employability skills not assessed"),
            (done(.skills), "skills and interests not assessed"),
        ], exceeds: [
            (done(.aptitudes), "add aptitudes"),
            (done(.lifeSkills), "add everyday life skills"),
            (done(.employer), "add employer-specific requirements"),
        ])
    }

    static func goals(_ f: QualityFacts) -> CategoryRating {
        let p = f.plan
        func goals(_ h: Horizon) -> [PlanGoal] { p.goals.filter { $0.horizon == h } }
        func benchmarked(_ g: PlanGoal) -> Bool { g.steps.contains { $0.targetDate != nil } }
        let longTerm = goals(.fiveYear) + goals(.tenYear)
        let training = p.goals.contains { $0.kind == .education } || p.allServices.contains { s in
            s.serviceID.hasPrefix("training") || s.credential != nil
        }
        let coverage = PlanRules.barrierCoverage(p, barriers: f.barriers, matrix: f.matrix)
        return CategoryRating(.goals, meets: [
            (coverage.isEmpty || coverage.contains { $0.addressedBy != nil }, "no step or service addresses a barrier"),
            (training, "no education or training goal or credential"),
            (goals(.immediate).contains(where: benchmarked), "no immediate goal with a dated step (benchmark)"),
            (!goals(.oneYear).isEmpty, "no 1-year goal"),
            (!longTerm.isEmpty, "no 5-year or 10-year goal"),
        ], exceeds: [
            (!goals(.oneYear).isEmpty && goals(.oneYear).allSatisfy(benchmarked), "add benchmarks to the 1-year goal"),
            (!longTerm.isEmpty && longTerm.allSatisfy(benchmarked), "add benchmarks to the long-term goals"),
        ])
    }

    static func services(_ f: QualityFacts, _ today: Day) -> CategoryRating {
        let all = f.plan.allServices
        let incomplete = all.filter { s in
            s.plannedStart == nil || s.plannedEnd == nil || s.weeklyHours == nil || (s.provider == .partner && (s.partnerName ?? "").isEmpty)
        }.map(\.name)
        let unaddressed = PlanRules.barrierCoverage(f.plan, barriers: f.barriers, matrix: f.matrix)
            .filter { $0.addressedBy == nil }.map(\.barrier.name)
        let states = Signing.states(customer: f.customer, plan: f.plan, signatures: f.work.signatures,
                                    guardian: f.work.guardianRequest, on: today)
        let signedVersion = f.work.signatures.map(\.planVersion).max()
        let copied = signedVersion.map { v in f.work.copies.contains { $0.planVersion >= v } } ?? false
        let interval = f.customer.isVeteran ? f.settings.veteranContactIntervalDays : f.settings.contactIntervalDays
        let twoWay = f.work.notes.contains { $0.isTwoWayContact && $0.eventOn.days(until: today) <= interval }
        let clocks = Deadlines.running(for: CaseClockFacts(customer: f.customer, plan: f.plan, firstPlanSaved: f.firstPlanSaved,
                                                           lastPlanSaved: f.lastPlanSaved, work: f.work),
                                       on: today, settings: f.settings)
        return CategoryRating(.services, meets: [
            (!all.isEmpty, "no services"),
            (incomplete.isEmpty, "provider, planned start, planned end or weekly hours missing for: " + incomplete.joined(separator: ", ")),
            (unaddressed.isEmpty, "no supportive service or step for: " + unaddressed.joined(separator: ", ")),
            (Signing.isSigned(states), "not signed by everyone on the plan as it stands"),
            (copied, "no copy given to the customer (w on the plan)"),
        ], exceeds: [
            (twoWay, "document a two-way contact in the last \(interval) days"),
            (!clocks.contains { $0.state == .overdue }, "deal with the overdue deadlines"),
        ])
    }

    static func timeliness(_ f: QualityFacts, _ today: Day) -> CategoryRating {
        let days = f.customer.enrolledOn.flatMap { e in f.firstPlanSaved.map { e.days(until: $0) } }
        let reviewed = f.lastPlanSaved.map { $0.days(until: today) <= 30 } ?? false
        return CategoryRating(.timeliness, meets: [
            (days.map { $0 <= 5 } ?? false,
             days.map { "initial plan \($0) days after the assessment (at most 5)" } ?? "no initial plan after the assessment"),
            (reviewed, "not reviewed in the last 30 days"),
        ], exceeds: [
            (days.map { $0 < 5 } ?? false, "write the initial plan in fewer than 5 days"),
        ])
    }
}
