import Domain
import Foundation
import Testing

/// The shipped services matrix, read from the source tree.
let shippedMatrix: ServicesMatrix = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Store/Resources/services-matrix.json")
    return try! ServicesMatrix(data: Data(contentsOf: url))
}()

@Suite struct RecommendationsTests {
    let today = day("2026-11-23")

    func customer(_ program: Program) -> Customer {
        Customer(id: CustomerID(9), legalName: "Test Person", zip: "60623", birthDate: day("1980-01-01"), program: program,
                 enteredOn: day("2026-10-01"), appliedOn: day("2026-10-02"), eligibleOn: day("2026-10-10"))
    }

    func recommend(_ program: Program, _ a: Application, gsa: GettingStartedAssessment? = nil,
                   barriers: [BarrierRecord] = [], plan: CareerPlan? = nil,
                   assessments: [AssessmentRecord] = []) -> [Recommendation] {
        let facts = CustomerFacts(customer: customer(program), application: a, gsa: gsa, screening: nil, barriers: barriers,
                                  plan: plan, matrix: shippedMatrix)
        return Recommendations.propose(facts: facts, placeholders: CustomerFacts.placeholders(gsa: gsa),
                                       assessments: assessments, matrix: shippedMatrix, on: today)
    }

    func gsa(target: String = "", jobs: [Job] = []) -> GettingStartedAssessment {
        GettingStartedAssessment(customer: CustomerID(9), answers: ["targetOccupation": target], jobs: jobs, startedOn: today)
    }

    let worker = Application(appliedOn: day("2026-10-02"), program: .dislocatedWorker, employment: .notEmployed,
                             dislocation: .laidOff, lastEmployer: "Midwest Freight")

    @Test func aDislocatedWorkerGetsTheSeedsFullTimeJobGoalFilledWithTheirField() throws {
        let job = Job(employer: "Midwest Freight", title: "warehouse supervisor", startedOn: day("2018-03-01"))
        let recs = recommend(.dislocatedWorker, worker, gsa: gsa(target: "logistics manager", jobs: [job]))
        let goal = try #require(recs.first { $0.key == "goal:career-planning" })
        #expect(goal.text == "Get a full-time job like you had before in warehouse supervisor with similar or better pay and benefits")
        #expect(goal.steps == ["Create and adjust your resume and cover letter to match the job you want."])
        #expect(goal.because == "because: dislocated worker, prior work as warehouse supervisor")
        #expect(goal.missing.isEmpty && goal.serviceID == "career-planning")
    }

    @Test func anOutOfSchoolYouthGetsTheSeedsAssociateDegreeGoal() throws {
        let a = Application(appliedOn: day("2026-10-02"), program: .youth, education: .diploma, barriers: [.homeless],
                            school: .graduate)
        let homeless = BarrierRecord(id: 1, customer: CustomerID(9), kind: "homeless", description: "", plan: "",
                                     identifiedOn: day("2026-10-02"), recordedBy: "mrivera")
        let recs = recommend(.youth, a, gsa: gsa(target: "medical assistant"), barriers: [homeless])
        let goal = try #require(recs.first { $0.key == "goal:occupational-skills-training-youth" })
        #expect(goal.text == "Get ready for or complete an Associate Degree in medical assistant for career stability and growth")
        #expect(goal.steps == ["Sign up for and take part in the degree program that matches your training and job goals."])
        #expect(goal.because == "because: youth out of school, aims to be a medical assistant")
        let keys = recs.map(\.key)
        #expect(keys.contains("service:youth-counseling") && keys.contains("service:youth-mentoring"))
        #expect(keys.contains("service:supportive-housing"))
    }

    @Test func missingDataLeavesThePlaceholderAndSaysWhatToCollect() throws {
        // Laid off by Midwest Freight (the application) but no job in the GSA yet.
        let recs = recommend(.dislocatedWorker, worker, gsa: gsa(target: "logistics manager"))
        let goal = try #require(recs.first { $0.key == "goal:career-planning" })
        #expect(goal.text == "Get a full-time job like you had before in [target career field] with similar or better pay and benefits")
        #expect(goal.missing == ["collect: target career field (a job in the GSA's employment history)"])
    }

    @Test func noDiplomaBringsBasicSkillsAssessmentsAndAnEducationGoal() throws {
        let a = Application(appliedOn: day("2026-10-02"), program: .adult, employment: .notEmployed, education: .noDiploma)
        let recs = recommend(.adult, a, gsa: gsa(target: "welder"))
        #expect(recs.filter { if case .assessment = $0.kind { true } else { false } }.map(\.text)
                == ["TABE 11&12: reading", "TABE 11&12: math"])
        #expect(recs.first?.because == "because: no high school diploma")
        let goal = try #require(recs.first { $0.key == "goal:adult-education-with-training" })
        #expect(goal.text == "Earn a high school equivalency while training for welder")
        // With usable scores on record, the assessments are no longer proposed.
        let scores = [AssessmentRecord.Subject.reading, .math].map {
            AssessmentRecord(id: 1, customer: CustomerID(9), instrument: .tabe, subject: $0, administeredOn: day("2026-11-01"),
                             result: "512", givenBy: "mrivera", recordedBy: "mrivera")
        }
        #expect(!recommend(.adult, a, gsa: gsa(target: "welder"), assessments: scores).contains { $0.key.hasPrefix("assessment:tabe") })
    }

    @Test func eachOpenBarrierBringsASupportiveService() {
        let a = Application(appliedOn: day("2026-10-02"), program: .adult, employment: .employed)
        let bus = BarrierRecord(id: 1, customer: CustomerID(9), kind: "transportation", description: "no car", plan: "",
                                identifiedOn: day("2026-10-02"), recordedBy: "mrivera")
        var overcome = BarrierRecord(id: 2, customer: CustomerID(9), kind: "child-care", description: "", plan: "",
                                     identifiedOn: day("2026-10-02"), recordedBy: "mrivera")
        overcome.overcomeOn = day("2026-11-01")
        let recs = recommend(.adult, a, gsa: gsa(target: "cook"), barriers: [bus, overcome])
        let bus1 = recs.first { $0.key == "service:supportive-transportation" }
        #expect(bus1?.because == "because: barrier: transportation")
        #expect(!recs.contains { $0.key == "service:supportive-child-care" })
    }

    @Test func trainingInThePlanBringsItsAssessmentUntilDone() {
        let a = Application(appliedOn: day("2026-10-02"), program: .adult, employment: .employed)
        var plan = CareerPlan(customer: CustomerID(9))
        plan.goals = [PlanGoal(id: 1, text: "Train", horizon: .oneYear, kind: .education, steps: [
            PlanStep(id: 2, text: "Enroll", services: [PlanService(id: 3, serviceID: "on-the-job-training", name: "On-the-Job Training")]),
        ])]
        let recs = recommend(.adult, a, gsa: gsa(target: "cook"), plan: plan)
        #expect(recs.first?.key == "assessment:work-based-learning:work-based-learning")
        #expect(recs.first?.because == "because: work-based learning in the plan: On-the-Job Training")
        let done = AssessmentRecord(id: 1, customer: CustomerID(9), instrument: .workBasedLearning, subject: .workBasedLearning,
                                    administeredOn: day("2026-11-01"), result: "ready", givenBy: "mrivera", recordedBy: "mrivera")
        #expect(recommend(.adult, a, gsa: gsa(target: "cook"), plan: plan, assessments: [done]).first?.key
                != "assessment:work-based-learning:work-based-learning")
    }

    @Test func noTargetOccupationBringsExploration() {
        let a = Application(appliedOn: day("2026-10-02"), program: .adult, employment: .employed)
        let keys = recommend(.adult, a, gsa: gsa()).map(\.key)
        #expect(keys.contains("assessment:interests:interests") && keys.contains("goal:labor-market-information"))
    }

    @Test func unknownFactsInTheMatrixAreNamed() {
        let json = #"{"format": "careerplan-services-matrix", "version": 2, "placeholders": [], "services": [{"id": "x", "name": "X", "category": "basic", "indicators": [], "triggersEnrollment": false, "keepsExitClockOpen": true, "recommendWhen": [["adult", "rich"]], "goals": []}]}"#
        #expect(throws: ServicesMatrix.Problem(message: "services[0] (x).recommendWhen: unknown fact \"rich\"")) {
            try ServicesMatrix(data: Data(json.utf8))
        }
    }
}
