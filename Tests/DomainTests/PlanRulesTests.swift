import Domain
import Foundation
import Testing

/// A small matrix in the resource file's format, for rules that read it.
let testMatrix: ServicesMatrix = {
    let json = """
    {"format": "careerplan-services-matrix", "version": 1, "placeholders": ["target occupation"], "services": [
      {"id": "career-planning", "name": "Career Planning", "category": "individualized", "indicators": [],
       "triggersEnrollment": true, "keepsExitClockOpen": true, "goals": []},
      {"id": "ost", "name": "Occupational Skills Training", "category": "training", "indicators": ["credential"],
       "triggersEnrollment": true, "keepsExitClockOpen": true, "requiresAssessment": "training-education", "goals": []},
      {"id": "ojt", "name": "On-the-Job Training", "category": "training", "indicators": [],
       "triggersEnrollment": true, "keepsExitClockOpen": true, "requiresAssessment": "work-based-learning", "goals": []},
      {"id": "bus", "name": "Transportation Assistance", "category": "supportive", "indicators": [],
       "triggersEnrollment": false, "keepsExitClockOpen": true, "addresses": ["transportation"], "goals": []}
    ]}
    """
    return try! ServicesMatrix(data: Data(json.utf8))
}()

@Suite struct PlanRulesTests {
    let participant = Customer(id: CustomerID(4), legalName: "Kim Min-jun", zip: "60625", birthDate: day("1990-01-01"),
                               program: .adult, enteredOn: day("2026-01-02"), appliedOn: day("2026-01-05"),
                               eligibleOn: day("2026-01-20"), enrolledOn: day("2026-02-01"))

    func plan(goalStatus: GoalStatus = .open, stepStatus: GoalStatus = .open) -> CareerPlan {
        CareerPlan(customer: CustomerID(4), goals: [
            PlanGoal(id: 1, text: "Get a job as a welder", horizon: .oneYear, kind: .employment, status: goalStatus,
                     steps: [PlanStep(id: 2, text: "Finish the welding course by 2026-12-15", status: stepStatus)]),
        ], nextID: 3)
    }

    @Test func closingTheLastOpenStepOfAParticipantIsRefused() {
        let before = plan()
        #expect(PlanRules.openGoalProblem(before: before, after: plan(stepStatus: .achieved), customer: participant)
                == "an enrolled participant's plan keeps at least one open goal with an open step; add one first, or write the exit note (N) if they are leaving")
        #expect(PlanRules.openGoalProblem(before: before, after: plan(goalStatus: .withdrawn), customer: participant) != nil)
        #expect(PlanRules.openGoalProblem(before: before, after: plan(stepStatus: .achieved), customer: participant,
                                          exiting: true) == nil)
        var notEnrolled = participant
        notEnrolled.enrolledOn = nil
        #expect(PlanRules.openGoalProblem(before: before, after: plan(stepStatus: .achieved), customer: notEnrolled) == nil)
        var another = plan(stepStatus: .achieved)
        another.goals.append(PlanGoal(id: 3, text: "Earn a CDL", horizon: .immediate, kind: .education,
                                      steps: [PlanStep(id: 4, text: "Pass the permit test")]))
        #expect(PlanRules.openGoalProblem(before: before, after: another, customer: participant) == nil)
    }

    func assessment(_ instrument: AssessmentRecord.Instrument, _ subject: AssessmentRecord.Subject,
                    given: String = "2026-11-01") -> AssessmentRecord {
        AssessmentRecord(id: 1, customer: CustomerID(4), instrument: instrument, subject: subject,
                         administeredOn: day(given), result: "done", givenBy: "mrivera", recordedBy: "mrivera")
    }

    @Test func trainingStartsOnlyAfterItsAssessmentAndReadingAndMath() {
        let started = PlanService(id: 5, serviceID: "ost", name: "Occupational Skills Training", status: .open,
                                  actualStart: day("2026-11-23"))
        let entry = testMatrix.service("ost")
        #expect(PlanRules.startProblem(started, entry: entry, assessments: [], on: day("2026-11-23"))
                == "start needs the Training & Education Assessment first (Assessments, t)")
        let tea = assessment(.trainingEducation, .training)
        #expect(PlanRules.startProblem(started, entry: entry, assessments: [tea], on: day("2026-11-23"))
                == "start needs reading and math scores first (Assessments, t)")
        let all = [tea, assessment(.tabe, .reading), assessment(.tabe, .math)]
        #expect(PlanRules.startProblem(started, entry: entry, assessments: all, on: day("2026-11-23")) == nil)
        var notStarted = started
        notStarted.actualStart = nil
        #expect(PlanRules.startProblem(notStarted, entry: entry, assessments: [], on: day("2026-11-23")) == nil)
    }

    @Test func workBasedLearningNeedsItsOwnAssessmentOnly() {
        let ojt = PlanService(id: 5, serviceID: "ojt", name: "OJT", status: .open, actualStart: day("2026-11-23"))
        #expect(PlanRules.startProblem(ojt, entry: testMatrix.service("ojt"), assessments: [assessment(.trainingEducation, .training)],
                                       on: day("2026-11-23"))?.contains("Work-Based Learning Assessment") == true)
        #expect(PlanRules.startProblem(ojt, entry: testMatrix.service("ojt"), assessments: [assessment(.workBasedLearning, .workBasedLearning)],
                                       on: day("2026-11-23")) == nil)
        var notDone = assessment(.workBasedLearning, .workBasedLearning)
        notDone.notCompletedReason = "no show"
        #expect(PlanRules.startProblem(ojt, entry: testMatrix.service("ojt"), assessments: [notDone], on: day("2026-11-23")) != nil)
    }

    @Test func servicesAreNotDatedBeforeCertification() {
        let s = PlanService(id: 5, serviceID: "career-planning", name: "Career Planning", plannedStart: day("2026-01-19"),
                            plannedEnd: day("2026-01-20"), status: .open, actualStart: day("2026-01-19"))
        let early = PlanRules.datesBeforeCertification(s, certifiedOn: day("2026-01-20"))
        #expect(early.map(\.label) == ["planned start", "actual start"])
        #expect(PlanRules.datesBeforeCertification(s, certifiedOn: day("2026-01-19")).isEmpty)
        let moved = PlanRules.recordedOnCertification(s, certifiedOn: day("2026-01-20"))
        #expect(moved.actualStart == day("2026-01-20") && moved.plannedStart == day("2026-01-20"))
        #expect(moved.notes == ["planned start was 2026-01-19, before certification; recorded on 2026-01-20",
                                "actual start was 2026-01-19, before certification; recorded on 2026-01-20"])
    }

    @Test func closingMoreThanTenDaysAfterLearningIsLate() {
        var s = PlanService(id: 5, serviceID: "career-planning", name: "Career Planning", status: .complete,
                            actualStart: day("2026-10-01"), completedOn: day("2026-11-01"),
                            completionKnownOn: day("2026-11-02"), closedRecordedOn: day("2026-11-12"))
        #expect(PlanRules.lateClosing(s) == nil)
        s.closedRecordedOn = day("2026-11-13")
        #expect(PlanRules.lateClosing(s) == "closed 11 days after it became known (limit 10)")
    }

    @Test func closingNeedsItsCompletionStatusAndDates() {
        let base = ["provider": "in-house", "plannedStart": "2026-10-01", "plannedEnd": "2026-12-01", "weeklyHours": "6",
                    "status": "open", "actualStart": "2026-10-01"]
        var ended = base
        ended["completedOn"] = "2026-11-20"
        #expect(PlanForms.serviceProblems(ended, today: day("2026-11-23"))
                == ["status": "it ended: choose Complete or Did Not Complete"])
        ended["status"] = "complete"
        #expect(PlanForms.serviceProblems(ended, today: day("2026-11-23"))
                == ["completionKnownOn": "when did you learn it ended?"])
        ended["completionKnownOn"] = "2026-11-21"
        #expect(PlanForms.serviceProblems(ended, today: day("2026-11-23")).isEmpty)
        let closed = PlanForms.apply(ended, to: PlanService(id: 5, serviceID: "career-planning", name: "CP", status: .open),
                                     today: day("2026-11-23"))
        #expect(closed.closedRecordedOn == day("2026-11-23") && closed.status == .complete)
        var partner = base
        partner["provider"] = "partner"
        partner["weeklyHours"] = "90"
        #expect(PlanForms.serviceProblems(partner, today: day("2026-11-23"))
                == ["partnerName": "name the partner", "weeklyHours": "a number of hours, 0 to 80"])
    }

    @Test func significantChangesAreNamed() {
        let old = plan()
        var new = old
        new.goals[0].text = "Get a job as a pipe welder"
        new.goals[0].horizon = .fiveYear
        new.goals[0].steps[0].services = [PlanService(id: 9, serviceID: "bus", name: "Transportation Assistance")]
        #expect(PlanRules.significantChanges(from: old, to: new, matrix: testMatrix)
                == ["goal changed: Get a job as a pipe welder", "goal horizon: 1 year → 5 years", "supportive services changed"])
        var training = old
        training.goals[0].steps[0].services = [PlanService(id: 9, serviceID: "ost", name: "OST")]
        #expect(PlanRules.significantChanges(from: old, to: training, matrix: testMatrix) == ["type of training changed"])
        var stepOnly = old
        stepOnly.goals[0].steps[0].text = "Finish the course by 2027-01-15"
        #expect(PlanRules.significantChanges(from: old, to: stepOnly, matrix: testMatrix).isEmpty)
    }

    @Test func barriersAreAddressedByAServiceOrAStepThatNamesThem() {
        let bus = BarrierRecord(id: 1, customer: CustomerID(4), kind: "transportation", description: "no car", plan: "bus",
                                identifiedOn: day("2026-01-05"), recordedBy: "mrivera")
        let housing = BarrierRecord(id: 2, customer: CustomerID(4), kind: "housing", description: "couch surfing",
                                    plan: "referral", identifiedOn: day("2026-01-05"), recordedBy: "mrivera")
        var p = plan()
        p.goals[0].steps[0].services = [PlanService(id: 9, serviceID: "bus", name: "Transportation Assistance")]
        var coverage = PlanRules.barrierCoverage(p, barriers: [bus, housing], matrix: testMatrix)
        #expect(coverage.map(\.addressedBy) == ["Transportation Assistance", nil])
        p.goals[0].steps.append(PlanStep(id: 10, text: "Apply for unstable housing help at the Salvation Army by 12/01"))
        coverage = PlanRules.barrierCoverage(p, barriers: [bus, housing], matrix: testMatrix)
        #expect(coverage[1].addressedBy?.hasPrefix("step: ") == true)
    }
}

@Suite struct ServicesMatrixTests {
    func matrix(_ services: String, placeholders: String = "[\"target occupation\"]") throws -> ServicesMatrix {
        try ServicesMatrix(data: Data("""
            {"format": "careerplan-services-matrix", "version": 1, "placeholders": \(placeholders), "services": [\(services)]}
            """.utf8))
    }

    @Test func aMissingFieldNamesTheEntryAndField() {
        #expect(throws: ServicesMatrix.Problem(message: "services[0] (bus).category: missing")) {
            try matrix(#"{"id": "bus", "name": "Bus", "indicators": [], "triggersEnrollment": false, "keepsExitClockOpen": true, "goals": []}"#)
        }
    }

    @Test func aBadValueNamesTheEntryAndField() throws {
        do {
            _ = try matrix(#"{"id": "x", "name": "X", "category": "magic", "indicators": [], "triggersEnrollment": false, "keepsExitClockOpen": true, "goals": []}"#)
            Issue.record("accepted a bad category")
        } catch let p as ServicesMatrix.Problem {
            #expect(p.message.hasPrefix("services[0] (x).category: "))
        }
    }

    @Test func semanticProblemsAreNamedToo() {
        #expect(throws: ServicesMatrix.Problem(message: "services[0] (y).youthElement: a youth program element needs a number from 1 to 14")) {
            try matrix(#"{"id": "y", "name": "Y", "category": "youth-element", "indicators": [], "triggersEnrollment": true, "keepsExitClockOpen": true, "goals": []}"#)
        }
        #expect(throws: ServicesMatrix.Problem(message: "services[0] (g).goals[0].steps[0]: unknown placeholder [target job]")) {
            try matrix(#"{"id": "g", "name": "G", "category": "basic", "indicators": [], "triggersEnrollment": false, "keepsExitClockOpen": true, "goals": [{"text": "Work as a [target occupation]", "horizon": "1-year", "kind": "employment", "steps": ["Apply for [target job] jobs"]}]}"#)
        }
        #expect(throws: ServicesMatrix.Problem(message: "services[0] (s).addresses: unknown barrier kind \"dragons\"")) {
            try matrix(#"{"id": "s", "name": "S", "category": "supportive", "indicators": [], "triggersEnrollment": false, "keepsExitClockOpen": true, "addresses": ["dragons"], "goals": []}"#)
        }
    }

    @Test func placeholdersAreFilledOrLeftVisible() {
        #expect(Placeholder.fill("Work as a [target occupation] in [target career field]", ["target occupation": "welder"])
                == "Work as a welder in [target career field]")
        #expect(Placeholder.names(in: "a [b] c [d e]") == ["b", "d e"])
    }

    @Test func youthElementsAreNamed() {
        #expect(YouthElement.list([3, 7, 9]) == "3 work experience, 7 supportive services, 9 follow-up")
        #expect((1...14).allSatisfy { !YouthElement.name($0).hasPrefix("element") })
    }

    @Test func theArticleBeforeAPlaceholderAgreesWithItsValue() {
        let goal = "Get a job as a [target occupation] within 90 days"
        #expect(Placeholder.fill(goal, ["target occupation": "electrician apprentice"]) == "Get a job as an electrician apprentice within 90 days")
        #expect(Placeholder.fill(goal, ["target occupation": "welder"]) == "Get a job as a welder within 90 days")
        #expect(Placeholder.fill(goal, ["target occupation": "union electrician"]) == "Get a job as a union electrician within 90 days")
        #expect(Placeholder.fill("Work as an [x]", ["x": "plumber"]) == "Work as a plumber")
        #expect(Placeholder.fill("A [x] today", ["x": "hourly aide"]) == "An hourly aide today")
        #expect(Placeholder.fill("Visit a [x]", [:]) == "Visit a [x]")
        // Only a whole word "a" changes: "Bring a [x]" yes, "Samoa [x]" no.
        #expect(Placeholder.fill("Samoa [x]", ["x": "office"]) == "Samoa office")
    }

    @Test func searchMatchesEveryWordOfTheName() {
        #expect(testMatrix.search("training job").map(\.id) == ["ojt"])
        #expect(testMatrix.search("").count == 4)
    }
}
