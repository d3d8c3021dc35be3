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

    /// Chosen together: the assessment is a step of its own first, the
    /// supportive service sits under the support step, any other service
    /// under a step of its own; never under the assessment's step. A goal
    /// added in the planner's wording is known as added whatever its words.
    @Test func chosenItemsLandUnderStepsThatFitThem() throws {
        let a = Application(appliedOn: day("2026-10-02"), program: .adult, employment: .notEmployed, education: .noDiploma)
        let bus = BarrierRecord(id: 1, customer: CustomerID(9), kind: "transportation", description: "no car", plan: "",
                                identifiedOn: day("2026-10-02"), recordedBy: "mrivera")
        let recs = recommend(.adult, a, gsa: gsa(target: "welder"), barriers: [bus])
        let goal = try #require(recs.first { $0.key == "goal:adult-education-with-training" })
        let training = try #require(recs.first { $0.key == "goal:occupational-skills-training" })
        let reading = try #require(recs.first { if case .assessment = $0.kind { true } else { false } })
        let support = try #require(recs.first { $0.key == "service:supportive-transportation" })
        let choices = [RecommendationChoice(recommendation: training, text: training.text, steps: training.steps, includeService: true),
                       RecommendationChoice(recommendation: goal, text: "Get my GED and weld", steps: [goal.steps[0]]),
                       RecommendationChoice(recommendation: reading, text: reading.text),
                       RecommendationChoice(recommendation: support, text: support.text)]
        let plan = try AddToPlan.apply(choices, to: CareerPlan(customer: CustomerID(9)), matrix: shippedMatrix, on: today)
        let steps = plan.goals[0].steps
        #expect(steps.map(\.text) == ["TABE 11&12: reading", training.steps[0], training.steps[1],
                                      "Arrange the support needed to take part in the plan"])
        // Training under choosing and enrolling, not under its assessment; the bus pass under the support step.
        #expect(steps[0].services.isEmpty && steps[1].services.isEmpty)
        #expect(steps[2].services.map(\.serviceID) == ["occupational-skills-training"])
        #expect(steps[3].services.map(\.serviceID) == ["supportive-transportation"])
        // Only the assessment step chosen: the doing step comes with the service.
        let alone = try AddToPlan.apply([RecommendationChoice(recommendation: training, text: training.text, steps: [training.steps[0]],
                                                              includeService: true)],
                                        to: CareerPlan(customer: CustomerID(9)), matrix: shippedMatrix, on: today)
        #expect(alone.goals[0].steps.map(\.services.count) == [0, 1])
        // In the plan under the planner's words: not offered again.
        #expect(AddToPlan.isInPlan(goal, text: goal.text, plan: plan))
        #expect(plan.goals[1].text == "Get my GED and weld")
        #expect(AddToPlan.isInPlan(reading, text: "Take the reading test", plan: plan))
    }

    /// K and J move a service within its step, then into the next or previous step.
    @Test func aServiceMovesAcrossStepsAndGoals() {
        func service(_ id: Int) -> PlanService { PlanService(id: id, serviceID: "s\(id)", name: "S\(id)") }
        var plan = CareerPlan(customer: CustomerID(9), goals: [
            PlanGoal(id: 1, text: "A", horizon: .oneYear, kind: .employment, steps: [
                PlanStep(id: 2, text: "a1", services: [service(10), service(11)]),
                PlanStep(id: 3, text: "a2")]),
            PlanGoal(id: 4, text: "B", horizon: .oneYear, kind: .employment, steps: [PlanStep(id: 5, text: "b1", services: [service(12)])]),
        ])
        func layout() -> [[Int]] { plan.allSteps.map { $0.services.map(\.id) } }
        for (id, by, after) in [(10, 1, [[11, 10], [], [12]]), (10, 1, [[11], [10], [12]]), (10, 1, [[11], [], [10, 12]]),
                                (10, -1, [[11], [10], [12]]), (11, 1, [[], [11, 10], [12]])] {
            let moved = plan.moveService(id: id, by: by)
            #expect(moved, "moving \(id) by \(by)")
            #expect(layout() == after, "moving \(id) by \(by)")
        }
        let back = plan.moveService(id: 11, by: -1)   // into the empty first step
        #expect(back && layout() == [[11], [10], [12]])
        // Already first in the whole plan, or last: nothing moves.
        let first = plan.moveService(id: 11, by: -1), last = plan.moveService(id: 12, by: 1)
        #expect(!first && !last)
        #expect(layout() == [[11], [10], [12]])
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
