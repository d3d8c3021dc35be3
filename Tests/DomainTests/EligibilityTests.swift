import Domain
import Testing

@Suite struct EligibilityTests {
    /// A U.S. citizen woman with nothing else recorded, applying on `applied`.
    func application(_ applied: String = "2026-11-02", _ change: (inout Application) -> Void = { _ in }) -> Application {
        var a = Application(appliedOn: day(applied), program: .adult, street: "1 Main St", city: "Chicago",
                            sex: .female, rightToWork: .citizen)
        change(&a)
        return a
    }

    func result(_ title: Title, _ a: Application, born: String, screening: BasicSkillsScreening? = nil) -> TitleResult {
        Eligibility.evaluate(a, birthDate: day(born), screening: screening).first { $0.title == title }!
    }

    // MARK: Adult: 18 or older on the application date, to the day.

    @Test func adultTheDayBeforeThe18thBirthdayIsNotEligible() {
        let r = result(.adult, application("2026-11-22"), born: "2008-11-23")
        #expect(!r.eligible)
        #expect(r.findings[0].text == "age 17 on the application date (adults are 18 or older; 18 on 2026-11-23)")
    }

    @Test func adultOnThe18thBirthdayIsEligible() {
        let r = result(.adult, application("2026-11-23"), born: "2008-11-23")
        #expect(r.eligible)
        #expect(r.findings.map(\.text) == ["age 18 on the application date", "right to work: U.S. citizen",
                                           "selective service: does not apply (female)"])
    }

    @Test func adultTheDayAfterThe18thBirthdayIsEligible() {
        #expect(result(.adult, application("2026-11-24"), born: "2008-11-23").eligible)
    }

    @Test func aLeapDayBirthdayTurns18OnTheFirstOfMarch() {
        #expect(!result(.adult, application("2026-02-28"), born: "2008-02-29").eligible)
        #expect(result(.adult, application("2026-03-01"), born: "2008-02-29").eligible)
    }

    @Test func ageIsCountedOnTheApplicationDateNotToday() {
        // Applied at 17; turning 18 later does not change the determination.
        let r = result(.adult, application("2026-10-01"), born: "2008-11-23")
        #expect(!r.eligible)
    }

    @Test func rightToWorkIsRequired() {
        let r = result(.adult, application { $0.rightToWork = .notAuthorized }, born: "1990-01-01")
        #expect(r.findings.contains(Finding(false, "not authorized to work in the U.S.")))
        #expect(!result(.adult, application { $0.rightToWork = .notAsked }, born: "1990-01-01").eligible)
    }

    // MARK: Selective service: men born 1960 or later, 18 or older.

    @Test func selectiveServiceAppliesToMenFrom18() {
        let unregistered = application { $0.sex = .male; $0.selectiveService = .notRegistered }
        #expect(result(.adult, unregistered, born: "2000-01-01").findings.last
                == Finding(false, "not registered with selective service: needs a finding that it was not knowing and willful"))
        #expect(result(.adult, unregistered, born: "2005-01-01").findings.last
                == Finding(false, "not registered with selective service: register first (under 26)"))
        #expect(result(.youthInSchool, unregistered, born: "2009-06-01").findings.last
                == Finding(true, "selective service: does not apply (under 18)"))
        #expect(result(.adult, unregistered, born: "1959-12-31").findings.last
                == Finding(true, "selective service: does not apply (born before 1960)"))
        #expect(!result(.adult, unregistered, born: "1960-01-01").eligible)
        let notWillful = application { $0.sex = .male; $0.selectiveService = .notWillful }
        #expect(result(.adult, notWillful, born: "1990-01-01").eligible)
        let unknownSex = application { $0.sex = .notGiven }
        #expect(result(.adult, unknownSex, born: "1990-01-01").findings.last
                == Finding(false, "selective service not recorded (sex not disclosed)"))
    }

    @Test func selectiveServiceStartsOnThe18thBirthday() {
        // An out-of-school young man born 2008-11-23 who has not registered.
        func youth(_ applied: String) -> TitleResult {
            result(.youthOutOfSchool, application(applied) {
                $0.sex = .male; $0.selectiveService = .notRegistered; $0.school = .dropout
            }, born: "2008-11-23")
        }
        #expect(youth("2026-11-22").eligible)
        #expect(!youth("2026-11-23").eligible)
        #expect(youth("2026-11-23").findings.last == Finding(false, "not registered with selective service: register first (under 26)"))
        #expect(!youth("2026-11-24").eligible)
    }

    @Test func fromThe26thBirthdayOnlyANotWillfulFindingHelps() {
        func adult(_ applied: String) -> Finding? {
            result(.adult, application(applied) { $0.sex = .male; $0.selectiveService = .notRegistered },
                   born: "2000-06-15").findings.last
        }
        #expect(adult("2026-06-14")?.text == "not registered with selective service: register first (under 26)")
        #expect(adult("2026-06-15")?.text == "not registered with selective service: needs a finding that it was not knowing and willful")
    }

    // MARK: Dislocated Worker

    @Test func dislocatedWorkerNeedsADislocation() {
        let r = result(.dislocatedWorker, application(), born: "1980-03-03")
        #expect(!r.eligible)
        #expect(r.findings[0].text.hasPrefix("no dislocation recorded"))
    }

    @Test func laidOffAndUnlikelyToReturnIsEligible() {
        let a = application {
            $0.dislocation = .laidOff
            $0.dislocatedOn = day("2026-09-30")
            $0.unlikelyToReturn = true
            $0.unemploymentInsurance = .claimant
        }
        let r = result(.dislocatedWorker, a, born: "1980-03-03")
        #expect(r.eligible)
        #expect(r.findings[0].text == "laid off on 2026-09-30")
        var likely = a
        likely.unlikelyToReturn = false
        #expect(!result(.dislocatedWorker, likely, born: "1980-03-03").eligible)
    }

    @Test(arguments: [DislocationReason.plantClosure, .selfEmployed, .displacedHomemaker, .militarySpouse])
    func otherDislocationsQualify(reason: DislocationReason) {
        #expect(result(.dislocatedWorker, application { $0.dislocation = reason }, born: "1980-03-03").eligible)
    }

    @Test func aDisplacedHomemakerBarrierQualifiesForDislocatedWorker() {
        let a = application { $0.barriers = [.displacedHomemaker] }
        #expect(result(.dislocatedWorker, a, born: "1975-01-01").eligible)
    }

    // MARK: Youth, out of school: 16 to 24, not attending, a qualifying barrier.

    func outOfSchool(_ applied: String) -> Application {
        application(applied) { $0.program = .youth; $0.school = .dropout }
    }

    @Test func outOfSchoolYouthAgeEdges() {
        // Born 2010-06-15: 16 on 2026-06-15; 25 on 2035-06-15.
        #expect(!result(.youthOutOfSchool, outOfSchool("2026-06-14"), born: "2010-06-15").eligible)
        #expect(result(.youthOutOfSchool, outOfSchool("2026-06-15"), born: "2010-06-15").eligible)
        #expect(result(.youthOutOfSchool, outOfSchool("2026-06-16"), born: "2010-06-15").eligible)
        #expect(result(.youthOutOfSchool, outOfSchool("2035-06-14"), born: "2010-06-15").eligible)
        let at25 = result(.youthOutOfSchool, outOfSchool("2035-06-15"), born: "2010-06-15")
        #expect(!at25.eligible)
        #expect(!result(.youthOutOfSchool, outOfSchool("2035-06-16"), born: "2010-06-15").eligible)
        #expect(at25.findings[0].text == "age 25 on the application date (out-of-school youth are 16 to 24)")
    }

    @Test func outOfSchoolYouthNeedsABarrier() {
        let graduate = application { $0.school = .graduate }
        let none = result(.youthOutOfSchool, graduate, born: "2006-01-01")
        #expect(!none.eligible)
        #expect(none.findings[2].text.hasPrefix("no qualifying barrier"))
        #expect(result(.youthOutOfSchool, application { $0.school = .graduate; $0.barriers = [.homeless] },
                       born: "2006-01-01").findings[2] == Finding(true, "qualifying barrier: homeless"))
        // A diploma holder qualifies only when low income and basic skills deficient (or an English learner).
        var lowIncome = graduate
        lowIncome.lowIncome = true
        #expect(!result(.youthOutOfSchool, lowIncome, born: "2006-01-01").eligible)
        let screened = BasicSkillsScreening(customer: CustomerID(1), screenedOn: day("2026-11-03"),
                                            result: .deficient, recordedBy: "mrivera")
        #expect(result(.youthOutOfSchool, lowIncome, born: "2006-01-01", screening: screened).findings[2]
                == Finding(true, "qualifying barrier: diploma, low income and basic skills deficient"))
    }

    @Test func attendingSchoolIsNotOutOfSchool() {
        let r = result(.youthOutOfSchool, application { $0.school = .secondary; $0.barriers = [.homeless] },
                       born: "2009-01-01")
        #expect(r.findings[1] == Finding(false, "attending secondary school; must not be attending school"))
    }

    // MARK: Youth, in school: 14 to 21, attending, low income, a barrier.

    func inSchool(_ applied: String) -> Application {
        application(applied) { $0.school = .secondary; $0.lowIncome = true; $0.barriers = [.englishLearner] }
    }

    @Test func inSchoolYouthAgeEdges() {
        // Born 2012-09-01: 14 on 2026-09-01; 22 on 2034-09-01.
        #expect(!result(.youthInSchool, inSchool("2026-08-31"), born: "2012-09-01").eligible)
        #expect(result(.youthInSchool, inSchool("2026-09-01"), born: "2012-09-01").eligible)
        #expect(result(.youthInSchool, inSchool("2026-09-02"), born: "2012-09-01").eligible)
        #expect(result(.youthInSchool, inSchool("2034-08-31"), born: "2012-09-01").eligible)
        #expect(!result(.youthInSchool, inSchool("2034-09-01"), born: "2012-09-01").eligible)
        #expect(!result(.youthInSchool, inSchool("2034-09-02"), born: "2012-09-01").eligible)
    }

    @Test func inSchoolYouthMustBeLowIncomeWithABarrier() {
        var a = inSchool("2026-11-02")
        a.lowIncome = false
        #expect(result(.youthInSchool, a, born: "2010-01-01").findings[2]
                == Finding(false, "not low income; in-school youth must be"))
        a.lowIncome = true
        a.barriers = []
        #expect(!result(.youthInSchool, a, born: "2010-01-01").eligible)
        let screened = BasicSkillsScreening(customer: CustomerID(1), screenedOn: day("2026-11-03"),
                                            result: .deficient, recordedBy: "mrivera")
        #expect(result(.youthInSchool, a, born: "2010-01-01", screening: screened).eligible)
    }

    @Test func everyTitleIsEvaluated() {
        #expect(Eligibility.evaluate(application(), birthDate: day("1990-01-01")).map(\.title) == Title.allCases)
    }
}
