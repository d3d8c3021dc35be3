import Domain
import Foundation
import Testing
@testable import Store
import Synthetic

@Suite struct BundledMatrixTests {
    let matrix = try! ServicesMatrix.bundled()

    /// Start-up reads the matrix beside the program without Foundation's Bundle: the very file
    /// `Bundle.module` finds, read the same.
    @Test func theFileBesideTheProgramIsTheBundlesOwn() throws {
        let url = try #require(Bundle.module.url(forResource: "services-matrix", withExtension: "json"))
        #expect(URL(fileURLWithPath: ServicesMatrix.besideProgram).standardizedFileURL.path == url.standardizedFileURL.path)
        #expect(try ServicesMatrix(data: Data(contentsOf: url)).services.map(\.id) == matrix.services.map(\.id))
    }

    /// "resume" finds the service whose step says resume though its name
    /// does not; services named with the words come first.
    @Test func searchFindsAServiceByItsGoalsAndStepsAfterTheNames() throws {
        func named(_ s: ServiceEntry, _ word: String) -> Bool { (s.name + " " + s.categoryLabel).folded.contains(word) }
        let resume = matrix.search("resume")
        #expect(resume.contains { !named($0, "resume") })
        #expect(matrix.search("résumé COVER letter").map(\.id) == matrix.search("resume cover letter").map(\.id))
        #expect(matrix.search("interviewing").contains { $0.id == "job-search-placement" })
        let job = matrix.search("job")
        let lastNamed = try #require(job.lastIndex { named($0, "job") })
        let firstWording = try #require(job.firstIndex { !named($0, "job") })
        #expect(lastNamed < firstWording)
    }

    @Test func itHoldsEveryRequiredService() throws {
        #expect(matrix.services.count >= 40)
        #expect(Set(matrix.services.compactMap(\.youthElement)) == Set(1...14))
        for kind in BarrierKind.all.map(\.key) {
            #expect(matrix.services.contains { $0.addresses?.contains(kind) == true }, "no supportive service for \(kind)")
        }
        for category in ServiceCategory.allCases {
            #expect(matrix.services.contains { $0.category == category }, "no \(category) service")
        }
        #expect(matrix.services.filter { $0.category == .followUp }.allSatisfy { !$0.keepsExitClockOpen })
    }

    @Test func theTwoSeedExamplesAreWordForWord() throws {
        let youth = try #require(matrix.services.first { $0.name == "Occupational Skills Training (Youth)" })
        #expect(youth.goals.first?.text == "Get ready for or complete an Associate Degree in [target occupation/industry] for career stability and growth")
        #expect(youth.goals.first?.steps == ["Sign up for and take part in the degree program that matches your training and job goals."])
        let planning = try #require(matrix.services.first { $0.name == "Career Planning (Individualized Career Service)" })
        #expect(planning.goals.first?.text == "Get a full-time job like you had before in [target career field] with similar or better pay and benefits")
        #expect(planning.goals.first?.steps == ["Create and adjust your resume and cover letter to match the job you want."])
    }

    @Test func theSyntheticPlansUseMatrixServices() {
        let caseload = SyntheticCaseload(seed: 1, today: testToday)
        for i in 1...96 {
            for s in caseload.intake(i).plan?.allServices ?? [] {
                #expect(matrix.service(s.serviceID)?.name == s.name, "customer \(i): \(s.serviceID)")
            }
        }
    }
}

@Suite final class PlanStoreTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }
    let matrix = try! ServicesMatrix.bundled()
    let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)

    /// Customer 4 is enrolled with a synthetic plan (version 1).
    func enrolled() throws -> (CaseloadStore, PlanVersion) {
        let store = try seededStore(at: dir + "/p.sqlite", customers: 6)
        let current = try #require(try store.plan(for: CustomerID(4)))
        #expect(current.version == 2 && current.plan.hasOpenGoalWithOpenStep)   // v2: the last review
        return (store, current)
    }

    @Test func savingMakesANewVersionWithWhatChanged() throws {
        let (store, current) = try enrolled()
        var plan = current.plan
        plan.goals[0].steps[1].text = "Apply for at least eight jobs each week"
        let saved = try store.savePlan(plan, over: 2, by: planner, today: testToday, matrix: matrix)
        #expect(saved.version == 3)
        let versions = try store.planVersions(for: CustomerID(4))
        #expect(versions.map(\.version) == [1, 2, 3])
        #expect(versions[2].changes == ["changed step: Apply for at least eight jobs each week"])
        // The audit trail reads the save as one entry in the plan's words, not the body's JSON paths.
        let supervisor = Staff(login: "asantos", name: "Ana Santos", initials: "AS", role: .supervisor)
        let trail = try store.audit(customer: CustomerID(4), by: supervisor)
        #expect(!trail.contains { $0.entity == "plan_version" })
        #expect(trail.first?.entity == "plan")
        #expect(trail.first?.details == ["saved as plan version 3:", "  changed step: Apply for at least eight jobs each week"])
        #expect(versions[1].plan == current.plan)
        #expect(throws: StoreError.self) { try store.savePlan(plan, over: 2, by: self.planner, today: testToday, matrix: self.matrix) }
    }

    @Test func theLastOpenStepCannotBeClosed() throws {
        let (store, current) = try enrolled()
        var plan = current.plan
        for i in plan.goals[0].steps.indices { plan.goals[0].steps[i].status = .achieved }
        #expect(throws: StoreError.invalid("an enrolled participant's plan keeps at least one open goal with an open step; add one first, or write the exit note (N) if they are leaving")) {
            try store.savePlan(plan, over: 2, by: self.planner, today: testToday, matrix: self.matrix)
        }
        try store.savePlan(plan, over: 2, by: planner, today: testToday, matrix: matrix, exiting: true)
    }

    @Test func aSignificantChangeNeedsAReasonAndRecordsAnEpisode() throws {
        let (store, current) = try enrolled()
        var plan = current.plan
        plan.goals[0].horizon = .fiveYear
        #expect(throws: StoreError.invalid("a significant change (goal horizon: 1 year → 5 years) needs a reason")) {
            try store.savePlan(plan, over: 2, by: self.planner, today: testToday, matrix: self.matrix)
        }
        let saved = try store.savePlan(plan, over: 2, by: planner, today: testToday, matrix: matrix,
                                       reason: "customer chose a longer path")
        #expect(saved.plan.episodes.last == PlanEpisode(on: testToday, reason: "customer chose a longer path", by: "mrivera",
                                                        changes: ["goal horizon: 1 year → 5 years"]))
    }

    @Test func trainingCannotStartWithoutItsAssessment() throws {
        let (store, current) = try enrolled()
        var plan = current.plan
        let training = PlanService(id: plan.newID(), serviceID: "occupational-skills-training", name: "Occupational Skills Training",
                                   plannedStart: testToday, plannedEnd: testToday.adding(days: 120), weeklyHours: 20,
                                   status: .open, actualStart: testToday)
        plan.goals[0].steps[1].services.append(training)
        #expect(throws: StoreError.invalid("Occupational Skills Training: start needs the Training & Education Assessment first (Assessments, t)")) {
            try store.savePlan(plan, over: 2, by: self.planner, today: testToday, matrix: self.matrix, reason: "training")
        }
        try store.addAssessment(["instrument": "training-education", "subject": "training", "source": "in-house",
                                 "administeredOn": testToday.description, "result": "ready", "givenBy": "mrivera"],
                                for: CustomerID(4), by: planner, today: testToday)
        let saved = try store.savePlan(plan, over: 2, by: planner, today: testToday, matrix: matrix, reason: "training")
        #expect(saved.plan.allServices.contains { $0.serviceID == "occupational-skills-training" })
        #expect(try store.customer(CustomerID(4))?.lastServiceOn == testToday)
    }

    @Test func aServiceDatedBeforeCertificationIsRefused() throws {
        let (store, current) = try enrolled()
        let certified = try #require(try store.customer(CustomerID(4))?.eligibleOn)
        var plan = current.plan
        plan.goals[0].steps[0].services[0].actualStart = certified.adding(days: -1)
        #expect(throws: StoreError.self) { try store.savePlan(plan, over: 2, by: self.planner, today: testToday, matrix: self.matrix) }
    }
}
