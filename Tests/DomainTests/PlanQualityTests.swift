import Domain
import Testing

/// The Illinois workNet Career Plan rubric (004): for each category a plan
/// at each of the three levels, built here, with the exact reasons listed.
@Suite struct PlanQualityTests {
    static let today = day("2026-11-23")
    let id = CustomerID(21)

    /// A plan and case file that exceed the standard in every category.
    func excellent() -> QualityFacts {
        let c = Customer(id: id, legalName: "Ana Ruiz", preferredName: "Anita", zip: "60608", birthDate: day("1985-03-03"),
                         phone: "312-555-0101", program: .adult, planner: "mrivera", enteredOn: day("2026-10-01"),
                         appliedOn: day("2026-10-02"), eligibleOn: day("2026-10-10"), enrolledOn: day("2026-11-01"),
                         lastContactOn: day("2026-11-20"), lastServiceOn: day("2026-11-20"))
        var a = Application(appliedOn: day("2026-10-02"), program: .adult, street: "100 W Main St", city: "Chicago",
                            acceptsTexts: true, socialMedia: "linkedin.com/in/anaruiz",
                            contacts: [.init(name: "Rosa Ruiz", relationship: "sister"), .init(name: "Luis Ortiz", relationship: "friend")])
        a.barriers = []
        let gsa = GettingStartedAssessment(customer: id, answers: [
            "goals": "a steady job", "expectations": "help", "targetOccupation": "medical assistant", "noWorkHistory": "yes",
            "noEducationHistory": "yes", "skills": "caring", "interests": "health", "barriersReviewed": "yes",
            "household": "two kids", "support": "sister", "jobSkills": "Spanish", "employabilitySkills": "punctual",
            "lmiGoal": "growing", "lmiGoalSource": "O*NET 2026", "aptitudes": "learns by doing", "lifeSkills": "budgets well",
            "employerRequirements": "background check",
        ], startedOn: day("2026-10-20"), submittedOn: day("2026-11-01"))
        func service(_ sid: Int, _ serviceID: String, _ name: String) -> PlanService {
            PlanService(id: sid, serviceID: serviceID, name: name, plannedStart: day("2026-11-03"), plannedEnd: day("2027-02-26"),
                        weeklyHours: 6, status: .open, actualStart: day("2026-11-03"))
        }
        let plan = CareerPlan(customer: id, goals: [
            PlanGoal(id: 1, text: "Finish the medical assistant certificate", horizon: .immediate, kind: .education,
                     justification: "likes caring for people", steps: [
                        PlanStep(id: 2, text: "Enroll at City Colleges", targetDate: day("2026-12-15"),
                                 services: [service(3, "training-occupational-skills", "Occupational Skills Training")])]),
            PlanGoal(id: 4, text: "Work as a medical assistant", horizon: .oneYear, kind: .employment,
                     justification: "strong local demand", steps: [PlanStep(id: 5, text: "Apply to three clinics", targetDate: day("2027-03-31"))]),
            PlanGoal(id: 6, text: "Become a registered nurse", horizon: .fiveYear, kind: .education,
                     justification: "wants to grow", steps: [PlanStep(id: 7, text: "Take prerequisites", targetDate: day("2028-05-31"))]),
        ], nextID: 8)
        let digest = PlanDigest.digest(plan)
        var work = CaseWork(notes: [CaseNote(id: 1, customer: id, kind: .contact, eventOn: day("2026-11-20"), enteredOn: day("2026-11-20"),
                                             author: "mrivera", text: "on track", channel: .phone, twoWay: true,
                                             link: NoteLink(.service, 3))])
        work.signatures = [SignerRole.customer, .planner].map { role in
            Signature(id: role == .customer ? 1 : 2, customer: id, role: role, signerName: "x", method: .terminal,
                      signedOn: day("2026-11-03"), capturedAt: "2026-11-03T16:00:00Z", capturedBy: "mrivera", planVersion: 2, digest: digest)
        }
        work.copies = [PlanCopyRecord(customer: id, planVersion: 2, on: day("2026-11-03"), by: "mrivera")]
        let assessments = [AssessmentRecord(id: 1, customer: id, instrument: .tabe, subject: .reading, administeredOn: day("2026-10-20"),
                                            result: "560", givenBy: "mrivera", recordedBy: "mrivera")]
        return QualityFacts(customer: c, application: a, gsa: gsa, screening: nil, assessments: assessments, barriers: [],
                            plan: plan, firstPlanSaved: day("2026-11-03"), lastPlanSaved: day("2026-11-03"), work: work,
                            planner: Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner, phone: "312-555-0141"),
                            matrix: shippedMatrix)
    }

    func rating(_ f: QualityFacts, _ c: QualityCategory) -> CategoryRating {
        PlanQuality.rate(f, on: Self.today).first { $0.category == c }!
    }

    @Test func anExcellentPlanExceedsInEveryCategory() {
        let ratings = PlanQuality.rate(excellent(), on: Self.today)
        #expect(ratings.map(\.category) == QualityCategory.allCases)
        #expect(ratings.filter { $0.rating != .exceeds }.map(\.line) == [])
    }

    @Test func qualityOfInformation() {
        var f = excellent()
        f.lastPlanSaved = day("2026-10-20")
        f.plan.goals[1].justification = ""
        #expect(rating(f, .information).line
                == "Quality of information: Meets: update the plan (last saved 2026-10-20, over 30 days ago) to exceed; say why for goal 2 to exceed")
        f.plan.goals[0].steps[0].text = "Enroll at City Colleges; bring SSN 123-45-6789 and the FAFSA form"
        #expect(rating(f, .information).line
                == "Quality of information: Below: a full Social Security number in step 1.1; acronyms not spelled out: FAFSA")
        // Spelled out in the plan, or in the area's legend: not flagged.
        f.plan.goals[0].steps[0].text = "Fill in the Free Application for Federal Student Aid (FAFSA)"
        #expect(rating(f, .information).rating == .meets)
        f.plan.goals[0].steps[0].text = "Bring the FAFSA form"
        f.extraAcronyms = [("FAFSA", "Free Application for Federal Student Aid")]
        #expect(rating(f, .information).rating == .meets)
    }

    @Test func contactInformation() {
        var f = excellent()
        f.application?.contacts.removeLast()
        #expect(rating(f, .contact).line == "Contact information: Meets: add a second additional contact person to exceed")
        f.application?.contacts = []
        f.application?.socialMedia = nil
        f.planner?.phone = nil
        #expect(rating(f, .contact).line
                == "Contact information: Below: no social media; no additional contact person; no phone or e-mail for the career planner")
    }

    @Test func assessment() {
        var f = excellent()
        f.gsa?.answers["aptitudes"] = ""
        #expect(rating(f, .assessment).line == "Assessment: Meets: add aptitudes to exceed")
        f.assessments = []
        f.gsa?.answers["household"] = ""
        #expect(rating(f, .assessment).line
                == "Assessment: Below: no basic skills result (screening, reading or math); family and support system not assessed")
        f.screening = BasicSkillsScreening(customer: id, screenedOn: day("2026-10-02"), result: .notDeficient, recordedBy: "dbrooks")
        #expect(rating(f, .assessment).line == "Assessment: Below: family and support system not assessed")
    }

    @Test func goals() {
        var f = excellent()
        f.plan.goals[1].steps[0].targetDate = nil
        #expect(rating(f, .goals).line == "Goals: Meets: add benchmarks to the 1-year goal to exceed")
        f.plan.goals.removeLast()
        f.plan.goals[0].steps[0].targetDate = nil
        #expect(rating(f, .goals).line
                == "Goals: Below: no immediate goal with a dated step (benchmark); no 5-year or 10-year goal")
        // An open barrier the plan does not address.
        f = excellent()
        f.barriers = [BarrierRecord(id: 1, customer: id, kind: "transportation", description: "no car", plan: "bus pass",
                                    identifiedOn: day("2026-10-02"), recordedBy: "mrivera")]
        #expect(rating(f, .goals).line == "Goals: Below: no step or service addresses a barrier")
    }

    @Test func holisticServices() {
        var f = excellent()
        // No notes: no two-way contact, and the started service's note is overdue.
        f.work.notes = []
        #expect(rating(f, .services).line == "Customer-centered holistic services: Meets: "
                + "document a two-way contact in the last 30 days to exceed; deal with the overdue deadlines to exceed")
        f.work.copies = []
        f.plan.goals[0].steps[0].services[0].weeklyHours = nil
        #expect(rating(f, .services).line == "Customer-centered holistic services: Below: "
                + "provider, planned start, planned end or weekly hours missing for: Occupational Skills Training; "
                + "not signed by everyone on the plan as it stands; no copy given to the customer (w on the plan)")
    }

    @Test func timeliness() {
        var f = excellent()
        f.firstPlanSaved = day("2026-11-06")   // 5 days after the assessment
        #expect(rating(f, .timeliness).line == "Timeliness: Meets: write the initial plan in fewer than 5 days to exceed")
        f.firstPlanSaved = day("2026-11-07")   // 6 days
        f.lastPlanSaved = day("2026-10-23")    // 31 days ago
        #expect(rating(f, .timeliness).line
                == "Timeliness: Below: initial plan 6 days after the assessment (at most 5); not reviewed in the last 30 days")
    }
}
