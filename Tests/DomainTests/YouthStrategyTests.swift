import Domain
import Foundation
import Testing

/// The Individual Service Strategy: the career pathway as data, and each
/// youth program element considered, provided by a service on the plan, or
/// not needed, with its dates.
struct YouthStrategyTests {
    func day(_ s: String) -> Day { Day(parsing: s)! }
    let today = Day(parsing: "2026-11-23")!

    let matrix = try! ServicesMatrix(data: Data("""
        {"format": "careerplan-services-matrix", "version": 1, "placeholders": [], "services": [
          {"id": "youth-work-experience", "name": "Paid and Unpaid Work Experience", "category": "youth-element",
           "youthElement": 3, "indicators": [], "triggersEnrollment": true, "keepsExitClockOpen": true, "goals": []},
          {"id": "occupational-skills-training", "name": "Occupational Skills Training", "category": "training",
           "indicators": [], "triggersEnrollment": true, "keepsExitClockOpen": true, "goals": []},
          {"id": "bus", "name": "Bus pass", "category": "supportive", "indicators": [],
           "triggersEnrollment": false, "keepsExitClockOpen": true, "goals": []}]}
        """.utf8))

    var plan: CareerPlan {
        let work = PlanService(id: 3, serviceID: "youth-work-experience", name: "Paid and Unpaid Work Experience",
                               plannedStart: day("2026-10-01"), status: .open, actualStart: day("2026-10-05"))
        let training = PlanService(id: 4, serviceID: "occupational-skills-training", name: "Occupational Skills Training")
        let bus = PlanService(id: 5, serviceID: "bus", name: "Bus pass")
        let step = PlanStep(id: 2, text: "Work 12 hours a week at the clinic", services: [work, training, bus])
        return CareerPlan(customer: CustomerID(12), goals: [PlanGoal(id: 1, text: "Become a nurse", horizon: .fiveYear,
                                                                           kind: .employment, steps: [step])], nextID: 6)
    }

    func problems(_ v: [String: String], element: Int) -> [String: String] {
        guard case .failure(let p) = YouthElementMark.checked(v, element: element, plan: plan, matrix: matrix, today: today)
        else { return [:] }
        return p.byField
    }

    @Test func servicesProvideTheirElementAndTrainingSupportiveAndFollowUpTheirs() {
        #expect(plan.youthElements(matrix) == [3, 4, 7])
        #expect(plan.services(providing: 4, matrix).map(\.id) == [4])
        #expect(plan.services(providing: 8, matrix).isEmpty)
    }

    @Test func aProvidedElementNamesAServiceOfThePlanThatProvidesIt() {
        let provided = ["decision": "provided", "on": "2026-10-05", "service": "3"]
        let mark = try? YouthElementMark.checked(provided, element: 3, plan: plan, matrix: matrix, today: today).get()
        #expect(mark == YouthElementMark(element: 3, decision: .provided, on: day("2026-10-05"), service: 3))
        #expect(mark?.describe(in: plan) == "provided from 2026-10-05 by Paid and Unpaid Work Experience")
        #expect(problems(["decision": "provided", "on": "2026-10-05"], element: 3) == ["service": "which service provides it?"])
        #expect(problems(["decision": "provided", "on": "2026-10-05"], element: 8)
                == ["service": "add a service that provides it to the plan first (v on a step)"])
        // A crafted value naming a service of another element, or one not on the plan.
        #expect(problems(["decision": "provided", "on": "2026-10-05", "service": "5"], element: 3)
                == ["service": "Bus pass does not provide element 3 (work experience)"])
        #expect(problems(["decision": "provided", "on": "2026-10-05", "service": "99"], element: 3)
                == ["service": "element 3 (work experience) names a service no longer on the plan"])
    }

    @Test func datesAreCheckedAgainstTodayAndEachOther() {
        #expect(problems(["decision": "considered", "on": "2026-11-24"], element: 8) == ["on": "is in the future"])
        #expect(problems(["decision": "considered", "on": "2026-11-23"], element: 8).isEmpty)
        #expect(problems(["decision": "considered", "on": ""], element: 8)["on"] != nil)
        #expect(problems(["decision": "provided", "on": "2026-10-05", "until": "2026-10-04", "service": "3"], element: 3)
                == ["until": "is before 2026-10-05"])
        #expect(problems(["decision": "provided", "on": "2026-10-05", "until": "2026-10-05", "service": "3"], element: 3).isEmpty)
        #expect(problems(["decision": "considered", "on": "2026-10-05", "until": "2026-10-09"], element: 8)
                == ["until": "only for a provided element"])
    }

    @Test func notNeededSaysWhyAndKeepsNoService() {
        #expect(problems(["decision": "not-needed", "on": "2026-11-02"], element: 11) == ["note": "say why it is not needed"])
        let mark = try? YouthElementMark.checked(["decision": "not-needed", "on": "2026-11-02", "service": "3",
                                                  "note": "keeps a budget already"], element: 3, plan: plan, matrix: matrix,
                                                 today: today).get()
        #expect(mark?.service == nil && mark?.note == "keeps a budget already")
    }

    @Test func thePlansMarksAreCheckedAsTheStoreChecksThem() {
        var p = plan
        p.youthElements = [YouthElementMark(element: 3, decision: .provided, on: day("2026-10-05"), service: 3)]
        #expect(YouthElementMark.problem(in: p, matrix: matrix) == nil)
        p.youthElements.append(YouthElementMark(element: 3, decision: .considered, on: day("2026-10-01")))
        #expect(YouthElementMark.problem(in: p, matrix: matrix) == "youth program element 3 is marked twice")
        p.youthElements = [YouthElementMark(element: 15, decision: .considered, on: day("2026-10-01"))]
        #expect(YouthElementMark.problem(in: p, matrix: matrix) == "youth program element 15 does not exist (1 to 14)")
        p.youthElements = [YouthElementMark(element: 3, decision: .provided, on: day("2026-10-05"), service: 3)]
        p.goals[0].steps[0].services.removeFirst()
        #expect(YouthElementMark.problem(in: p, matrix: matrix)
                == "element 3 (work experience) names a service no longer on the plan")
    }

    @Test func thePathwayIsAnOccupationWithCodesAndACredentialPath() {
        let v = ["occupation": "Registered nurse", "occupationCode": "29-1141", "industry": "Hospitals", "naics": "622",
                 "credentialPath": "CNA → LPN → RN"]
        let p = try? CareerPathway.checked(v).get()
        #expect(p?.summary == "Registered nurse (29-1141) · Hospitals (622) · CNA → LPN → RN")
        #expect(p?.values["naics"] == "622")
        #expect(CareerPathway.problems(v.merging(["occupationCode": "291141"]) { $1 }) == ["occupationCode": "six digits as 43-4051"])
        #expect(CareerPathway.problems(v.merging(["naics": "6"]) { $1 }) == ["naics": "2 to 6 digits"])
        #expect(CareerPathway.problems(["occupation": "Registered nurse"]).keys.sorted() == ["credentialPath"])
        #expect(CareerPathway(note: "Health care: CNA → LPN → RN").summary == "Health care: CNA → LPN → RN")
    }

    @Test func theCustomerCopyOfAYouthPlanHoldsThePathwayAndEveryElement() {
        var p = plan
        p.pathway = CareerPathway(occupation: "Registered nurse", occupationCode: "29-1141", credentialPath: "CNA → LPN → RN")
        p.youthElements = [YouthElementMark(element: 3, decision: .provided, on: day("2026-10-05"), service: 3),
                           YouthElementMark(element: 11, decision: .notNeeded, on: day("2026-10-01"), note: "keeps a budget")]
        let youth = Customer(id: CustomerID(12), legalName: "Ana Díaz", zip: "60601", birthDate: day("2007-03-02"),
                             program: .youth, enteredOn: day("2026-09-20"))
        let copy = CustomerCopy(customer: youth, plan: p, version: 1, planner: nil,
                                signatures: [(.customer, .notSigned)], printedOn: today).markdown
        #expect(copy.contains("Where it leads: Registered nurse (occupation code 29-1141)"))
        #expect(copy.contains("Credentials along the way: Certified Nursing Assistant (CNA) → LPN → RN"))
        #expect(copy.contains("Paid and unpaid work experience: you receive it from October 5, 2026 (Paid and Unpaid Work Experience)"))
        #expect(copy.contains("Financial literacy education: not needed for now (keeps a budget)"))
        #expect(copy.contains("Adult mentoring: not talked about yet"))
        var adult = youth
        adult.program = Program.adult
        #expect(!CustomerCopy(customer: adult, plan: p, version: 1, planner: nil, signatures: [], printedOn: today).markdown
            .contains("career pathway"))
    }
}
