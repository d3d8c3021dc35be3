import Domain

/// The synthetic caseload's Getting Started Assessments, assessments and
/// barriers: complete for participants, half done for some who are only
/// certified (so the demo shows progress and resuming), none before.
extension SyntheticCaseload {
    func addAssessment(to out: inout CaseRecords, rng: inout SplitMix) {
        let c = out.customer
        guard let a = out.application, let planner = c.planner, let certified = c.eligibleOn else { return }
        let start = certified
        let target = Self.targets[Int(rng.next() % UInt64(Self.targets.count))]
        var answers: [String: String] = [
            "goals": "a steady full-time job with benefits: \(target)",
            "expectations": "help choosing training and with interviews",
            "targetOccupation": target,
        ]
        var gsa = GettingStartedAssessment(customer: c.id, answers: answers, lastPart: .employment, startedOn: start)
        if c.enrolledOn == nil {
            if rng.next() % 2 == 0 { out.gsa = gsa }
            return
        }
        let enrolled = c.enrolledOn!
        if let employer = a.lastEmployer {
            gsa.jobs = [Job(employer: employer, title: "production worker", occupationCode: "51-9198",
                            startedOn: a.appliedOn.adding(days: -1500), endedOn: a.dislocatedOn, duties: "machine operation",
                            wage: "$18.25/hour", benefits: "health insurance", reasonForLeaving: "laid off")]
        } else {
            answers["noWorkHistory"] = a.employment == .notEmployed && rng.next() % 3 == 0 ? FormField.yes : ""
            if answers["noWorkHistory"] != FormField.yes {
                // Remembered only by the month, as many customers remember an old job.
                let started = a.appliedOn.adding(days: -900)
                gsa.jobs = [Job(employer: "Jewel-Osco", title: "cashier", occupationCode: "41-2011",
                                startedOn: HistoryDate(year: started.year, month: started.month)!, wage: "$15.80/hour")]
            }
        }
        gsa.education = a.education == .noDiploma ? [] : [EducationEntry(kind: .degree, name: a.education.label,
                                                                          institution: "Chicago Public Schools")]
        answers["noEducationHistory"] = gsa.education.isEmpty ? FormField.yes : ""
        answers.merge([
            "skills": "reliable, good with people", "interests": "helping others, hands-on work",
            "barriersReviewed": FormField.yes, "household": "lives with family", "support": "mother helps with child care",
            "jobSkills": "forklift, Spanish", "employabilitySkills": "needs an updated resume",
            "lmiPriorJob": "declining locally, median $17.90/hour", "lmiPriorJobSource": "IDES occupational projections, 2026",
            "lmiGoal": "growing 8% a year, median $20.40/hour", "lmiGoalSource": "O*NET OnLine, 2026",
        ]) { _, new in new }
        gsa.answers = answers
        gsa.submittedOn = enrolled
        gsa.lastPart = .labor
        out.gsa = gsa
        let exited = c.exitedOn
        for b in a.barriers {
            out.barriers.append(BarrierRecord(id: 0, customer: c.id, kind: b.rawValue, description: "recorded on the application",
                                              plan: Self.plans[b] ?? "referral to a partner program", identifiedOn: a.appliedOn,
                                              recordedBy: planner, overcomeOn: exited,
                                              overcomeHow: exited == nil ? nil : "resolved before exit",
                                              overcomeBy: exited == nil ? nil : String(planner.prefix(2)).uppercased()))
        }
        if rng.next() % 3 == 0 {
            out.barriers.append(BarrierRecord(id: 0, customer: c.id, kind: "transportation",
                                              description: "no car; the bus takes 90 minutes",
                                              plan: "CTA pass until the first paycheck", identifiedOn: enrolled,
                                              recordedBy: planner))
        }
        for subject in [AssessmentRecord.Subject.reading, .math] {
            out.assessments.append(AssessmentRecord(id: 0, customer: c.id, instrument: .tabe, version: "11&12 Level M",
                                                    subject: subject, administeredOn: enrolled,
                                                    result: "scale score \(480 + Int(rng.next() % 90))",
                                                    analysis: "ready for most certificate programs", givenBy: planner,
                                                    recordedBy: planner))
        }
        if let training = trainingAssessment(for: c, target: target, planner: planner) { out.assessments.append(training) }
        if rng.next() % 4 == 0 {
            out.assessments.append(AssessmentRecord(id: 0, customer: c.id, instrument: .casasGoals, subject: .reading,
                                                    source: .partner, administeredOn: a.appliedOn.adding(days: -200),
                                                    result: "NRS level 4", givenBy: "City Colleges adult education",
                                                    recordedBy: planner))
        }
    }

    static let targets = ["medical assistant", "CDL truck driver", "welder", "IT support specialist", "pharmacy technician",
                          "electrician apprentice", "bookkeeper"]

    static let plans: [Barrier: String] = [
        .homeless: "referral to housing partner; shelter address for mail",
        .exOffender: "second-chance employers list; record-sealing clinic",
        .englishLearner: "ESL class at the community college (Title II)",
        .basicSkillsDeficient: "adult basic education referral (Title II)",
        .singleParent: "child care assistance referral",
        .disability: "vocational rehabilitation referral",
        .longTermUnemployed: "weekly job club",
    ]
}
