import Domain

/// The synthetic caseload's Career Plans: every participant has one goal
/// from the services matrix with dated steps and services, and a supportive
/// service for each open barrier; exited customers' plans are closed out.
extension SyntheticCaseload {
    func plan(for out: CaseRecords, barriers: [BarrierRecord]) -> CareerPlan? {
        let c = out.customer
        guard let enrolled = c.enrolledOn, let gsa = out.gsa else { return nil }
        let target = gsa["targetOccupation"]
        let exited = c.exitedOn
        let done = exited != nil
        var p = CareerPlan(customer: c.id)
        func closed(_ s: inout PlanService) {
            guard let exited else { return }
            s.status = .complete
            s.completedOn = exited
            s.completionKnownOn = exited
            s.closedRecordedOn = exited.adding(days: 2)
        }
        // Active participants' services run into the future, as in a caseload that is kept up.
        func end(_ days: Int, _ ahead: Int) -> Day { done ? enrolled.adding(days: days) : max(enrolled.adding(days: days), today.adding(days: ahead)) }
        var planning = PlanService(id: p.newID(), serviceID: "career-planning", name: "Career Planning (Individualized Career Service)",
                                   plannedStart: enrolled, plannedEnd: end(180, 45), weeklyHours: 2,
                                   status: .open, actualStart: enrolled)
        closed(&planning)
        var supportive: [PlanService] = []
        for b in barriers where b.isOpen || done {
            guard let id = Self.supportiveServices[b.kind] else { continue }
            var s = PlanService(id: p.newID(), serviceID: id.0, name: id.1, provider: .partner, partnerName: "community partner",
                                plannedStart: enrolled, plannedEnd: end(90, 20), weeklyHours: 1,
                                status: .open, actualStart: enrolled)
            closed(&s)
            supportive.append(s)
        }
        var youth: [PlanService] = []
        if c.program == .youth {
            var lmi = PlanService(id: p.newID(), serviceID: "youth-labor-market",
                                  name: "Labor Market and Employment Information (career awareness, exploration, counseling)",
                                  plannedStart: enrolled, plannedEnd: end(60, 30), weeklyHours: 1, status: .open, actualStart: enrolled)
            closed(&lmi)
            youth.append(lmi)
        }
        let resume = PlanStep(id: p.newID(), text: "Create and adjust your resume and cover letter to match the job you want.",
                              targetDate: enrolled.adding(days: 30), status: enrolled.adding(days: 30) < today ? .achieved : .open,
                              services: [planning] + youth + supportive)
        var search = PlanService(id: p.newID(), serviceID: "job-search-placement", name: "Job Search and Placement Assistance",
                                 plannedStart: enrolled.adding(days: 30), plannedEnd: end(210, 60), weeklyHours: 3)
        if enrolled.adding(days: 30) <= today { search.status = .open; search.actualStart = enrolled.adding(days: 30) }
        if done { closed(&search) }
        let apply = PlanStep(id: p.newID(), text: "Apply for at least five \(target) jobs each week and keep a list of where you applied.",
                             targetDate: max(today, enrolled).adding(days: 30), status: done ? .achieved : .open, services: [search])
        let training = trainingStep(for: c, target: target, in: &p)
        let goal = Placeholder.fill("Get a full-time job as a [target occupation] with similar or better pay and benefits",
                                    ["target occupation": target])
        p.goals = [PlanGoal(id: p.newID(), text: goal,
                            horizon: .oneYear, kind: .employment, targetDate: enrolled.adding(days: 365),
                            justification: "interests and prior work from the Getting Started Assessment",
                            indicators: [.employmentQ2, .employmentQ4, .medianEarnings] + (training == nil ? [] : [.credential, .skillGains]),
                            status: done ? .achieved : .open, steps: [resume] + (training.map { [$0] } ?? []) + [apply])]
        if c.program == .youth {
            p.pathway = pathway(for: target)
            p.youthElements = elementMarks(for: c, plan: p)
        }
        p.episodes = [PlanEpisode(on: enrolled, reason: "initial plan", by: c.planner ?? "", changes: [])]
        return p
    }

    /// The last plan review: recent for most participants, overdue for a few.
    func planReview(for c: Customer) -> Day? {
        guard let enrolled = c.enrolledOn, c.exitedOn == nil, enrolled.days(until: today) > 30 else { return nil }
        return max(enrolled.adding(days: 1), today.adding(days: -Int(5 + c.id.number * 37 % 100)))
    }

    /// The supportive service for each barrier kind (ids of the services matrix).
    static let supportiveServices: [String: (String, String)] = [
        "transportation": ("supportive-transportation", "Transportation Assistance (bus pass, gas card)"),
        "homeless": ("supportive-housing", "Housing Assistance and Referral"),
        "housing": ("supportive-housing", "Housing Assistance and Referral"),
        "single-parent": ("supportive-child-care", "Child Care Assistance"),
        "ex-offender": ("supportive-legal", "Legal Aid and Record Sealing Referral"),
        "english-learner": ("supportive-interpretation", "Interpretation, Translation and Cultural Navigation"),
        "basic-skills-deficient": ("supportive-adult-basic-education", "Referral to Adult Basic Education (Title II)"),
        "disability": ("supportive-vocational-rehabilitation", "Referral to Vocational Rehabilitation"),
        "displaced-homemaker": ("supportive-displaced-homemaker", "Displaced Homemaker Career Transition Support"),
        "foster-care": ("supportive-foster-care", "Foster Care Transition Support"),
        "long-term-unemployed": ("needs-related-payments", "Needs-Related Payments"),
        "cultural": ("supportive-interpretation", "Interpretation, Translation and Cultural Navigation"),
        "farmworker": ("supportive-farmworker", "Referral to the National Farmworker Jobs Program"),
    ]
}
