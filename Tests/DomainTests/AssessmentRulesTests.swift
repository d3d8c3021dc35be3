import Foundation
import Domain
import Testing

@Suite struct EnrollmentTests {
    let certified = Customer(id: CustomerID(5), legalName: "Ana Pérez", zip: "60623", birthDate: day("1990-05-31"),
                             program: .adult, enteredOn: day("2026-07-01"), appliedOn: day("2026-07-02"),
                             eligibleOn: day("2026-07-10"))

    /// A Section 1 with every part complete.
    func complete() -> GettingStartedAssessment {
        GettingStartedAssessment(customer: CustomerID(5), answers: [
            "goals": "a steady job", "expectations": "help with my resume", "targetOccupation": "medical assistant",
            "noWorkHistory": "yes", "noEducationHistory": "yes", "skills": "caring", "interests": "health",
            "barriersReviewed": "yes", "household": "two kids", "support": "my sister", "jobSkills": "Spanish",
            "employabilitySkills": "punctual", "lmiGoal": "growing, $19/hour", "lmiGoalSource": "O*NET 2026",
        ], startedOn: day("2026-07-12"))
    }

    @Test func ninetyDaysAfterCertificationIsOnTime() {
        // Certified 2026-07-10: day 90 is 2026-10-08.
        #expect(Enrollment.daysLate(certifiedOn: day("2026-07-10"), enrolledOn: day("2026-10-07")) == nil)
        #expect(Enrollment.daysLate(certifiedOn: day("2026-07-10"), enrolledOn: day("2026-10-08")) == nil)
        #expect(Enrollment.lateWarning(certifiedOn: day("2026-07-10"), on: day("2026-10-08")) == nil)
    }

    @Test func day91IsLateAndSaysBy() {
        #expect(Enrollment.daysLate(certifiedOn: day("2026-07-10"), enrolledOn: day("2026-10-09")) == 1)
        #expect(Enrollment.lateWarning(certifiedOn: day("2026-07-10"), on: day("2026-10-09"))
                == "Enrollment is late: certified 2026-07-10, 91 days ago (limit 90), 1 day over")
        #expect(Enrollment.daysLate(certifiedOn: day("2026-07-10"), enrolledOn: day("2026-10-20")) == 12)
    }

    @Test func enrollingNeedsCertificationAndEveryPartOfSection1() {
        #expect(Enrollment.problems(certified, gsa: complete(), barriers: [], on: day("2026-07-20")).isEmpty)
        var gsa = complete()
        gsa.answers["household"] = ""
        gsa.answers["barriersReviewed"] = ""
        #expect(Enrollment.problems(certified, gsa: gsa, barriers: [], on: day("2026-07-20"))
                == ["complete first: barriers, family and support system"])
        var applied = certified
        applied.eligibleOn = nil
        #expect(Enrollment.problems(applied, gsa: complete(), barriers: [], on: day("2026-07-20"))
                == ["eligibility is not certified yet (e)"])
        applied.program = .youth
        #expect(Enrollment.problems(applied, gsa: complete(), barriers: [], on: day("2026-07-20")).first?
                .hasPrefix("eligibility is not certified yet: the assessment is kept") == true)
        var enrolled = certified
        enrolled.enrolledOn = day("2026-07-15")
        #expect(Enrollment.problems(enrolled, gsa: complete(), barriers: [], on: day("2026-07-20")) == ["already enrolled on 2026-07-15"])
    }

    @Test func partsSayWhatTheyMiss() {
        var gsa = GettingStartedAssessment(customer: CustomerID(5), startedOn: day("2026-07-12"))
        #expect(gsa.missing(.goals, barriers: []) == ["their goals", "expectations", "target occupation"])
        #expect(gsa.missing(.employment, barriers: []) == ["a job, or the no-work-history mark"])
        gsa.jobs = [Job(employer: "Acme Foods", title: "Line cook", startedOn: day("2020-01-06"))]
        #expect(gsa.missing(.employment, barriers: []).isEmpty)
        #expect(gsa.missing(.labor, barriers: []) == ["goal outlook", "source", "prior job outlook and its source"])
        // What is required is starred: the prior job's outlook once there is a prior job.
        #expect(GSAPart.labor.fields(for: gsa).filter(\.isRequired).map(\.key) == ["lmiPriorJob", "lmiPriorJobSource", "lmiGoal", "lmiGoalSource"])
        #expect(GSAPart.labor.fields(for: GettingStartedAssessment(customer: CustomerID(5), startedOn: day("2026-07-12")))
            .filter(\.isRequired).map(\.key) == ["lmiGoal", "lmiGoalSource"])
        let homeless = BarrierRecord(id: 1, customer: CustomerID(5), kind: "homeless", description: "staying with friends",
                                     plan: "", identifiedOn: day("2026-07-02"), recordedBy: "mrivera")
        gsa.answers["barriersReviewed"] = "yes"
        #expect(gsa.missing(.barriers, barriers: [homeless]) == ["a plan for: homeless"])
        #expect(gsa.progress(barriers: []) == "Section 1: 2 of 8 parts complete")
    }
}

@Suite struct AssessmentRegisterTests {
    func partnerTABE(given: String) -> AssessmentRecord {
        AssessmentRecord(id: 1, customer: CustomerID(5), instrument: .tabe, subject: .reading, source: .partner,
                         administeredOn: day(given), result: "scale score 512", givenBy: "City Colleges", recordedBy: "mrivera")
    }

    @Test func aPartnersAssessmentIsUsableForSixMonths() {
        let a = partnerTABE(given: "2026-05-23")
        #expect(a.isUsable(on: day("2026-11-22")))
        #expect(a.isUsable(on: day("2026-11-23")))
        #expect(!a.isUsable(on: day("2026-11-24")))
        #expect(a.staleness(on: day("2026-11-23")) == nil)
        #expect(a.staleness(on: day("2026-11-24")) == "older than 6 months (given 2026-05-23, usable through 2026-11-23)")
    }

    @Test func sixMonthsFromTheEndOfAMonthClampsToTheShorterMonth() {
        // Given 2026-08-31: six months later is 2027-02-28.
        let a = partnerTABE(given: "2026-08-31")
        #expect(a.isUsable(on: day("2027-02-28")) && !a.isUsable(on: day("2027-03-01")))
    }

    @Test func ourOwnAssessmentsDoNotExpireAndIncompleteOnesDoNotCount() {
        var a = partnerTABE(given: "2020-01-01")
        a.source = .inHouse
        #expect(a.isUsable(on: day("2026-11-23")))
        a.notCompletedReason = "left after the first section"
        #expect(!a.isUsable(on: day("2026-11-23")))
    }

    @Test func trainingNeedsUsableReadingAndMath() {
        var math = partnerTABE(given: "2026-10-01")
        math.subject = .math
        let reading = partnerTABE(given: "2026-10-01")
        #expect(!AssessmentRecord.hasReadingAndMath([reading], on: day("2026-11-23")))
        #expect(AssessmentRecord.hasReadingAndMath([reading, math], on: day("2026-11-23")))
        #expect(!AssessmentRecord.hasReadingAndMath([reading, math], on: day("2027-04-02")))
    }

    @Test func theFormNeedsAScoreOrAReason() {
        let base = ["instrument": "casas-goals", "subject": "math", "source": "in-house", "givenBy": "mrivera"]
        #expect(AssessmentRecord.problems(base, today: day("2026-11-23"))
                == ["administeredOn": "the date it was given", "result": "the score, or say why it was not completed"])
        var notDone = base
        notDone["notCompletedReason"] = "felt unwell"
        #expect(AssessmentRecord.problems(notDone, today: day("2026-11-23")).isEmpty)
        var other = base
        other["instrument"] = "other"
        other["administeredOn"] = "2026-11-30"
        other["result"] = "80%"
        #expect(AssessmentRecord.problems(other, today: day("2026-11-23"))
                == ["otherName": "name the instrument", "administeredOn": "is in the future"])
    }
}

@Suite struct BarrierRegisterTests {
    let barrier = BarrierRecord(id: 3, customer: CustomerID(5), kind: "transportation", description: "no car; bus is 90 minutes",
                                plan: "bus pass", identifiedOn: day("2026-07-02"), recordedBy: "mrivera")

    @Test func aCorrectionListsWhatChanged() throws {
        var v = barrier.values
        v["plan"] = "bus pass until the first paycheck"
        let corrected = try barrier.applying(v, today: day("2026-11-23")).get()
        #expect(barrier.changes(to: corrected) == [FieldChange(field: "Plan", old: "bus pass", new: "bus pass until the first paycheck")])
        #expect(corrected.id == barrier.id && corrected.recordedBy == "mrivera")
    }

    @Test func overcomingNeedsADateNotBeforeItWasFoundAndHow() {
        #expect(barrier.overcomeProblems(["overcomeOn": "2026-07-01", "overcomeHow": "bought a car"], today: day("2026-11-23"))
                == ["overcomeOn": "is before it was identified (2026-07-02)"])
        #expect(barrier.overcomeProblems(["overcomeOn": "2026-07-02"], today: day("2026-11-23")) == ["overcomeHow": "How is required"])
        #expect(barrier.overcomeProblems(["overcomeOn": "2026-07-02", "overcomeHow": "car"], today: day("2026-11-23")).isEmpty)
    }

    @Test func otherBarriersAreNamed() throws {
        var v = barrier.values
        v["kind"] = "other"
        #expect(BarrierRecord.problems(v, today: day("2026-11-23")) == ["otherName": "name the barrier"])
        v["otherName"] = "caring for a parent"
        #expect(try barrier.applying(v, today: day("2026-11-23")).get().name == "caring for a parent")
        #expect(barrier.name == "transportation")
    }
}

@Suite struct HistoryFormTests {
    @Test func jobsCheckDatesAndCodes() {
        let v = ["employer": "Acme", "title": "Cook", "startedOn": "2024-05-01", "endedOn": "2024-04-01",
                 "occupationCode": "35-20", "naics": "7225x"]
        #expect(Job.problems(v, today: day("2026-11-23"))
                == ["endedOn": "is before the start 2024-05-01", "occupationCode": "six digits as 43-4051", "naics": "2 to 6 digits"])
        let ok = ["employer": "Acme", "title": "Cook", "startedOn": "05/01/2024", "occupationCode": "35-2014", "naics": "7225"]
        #expect(Job(ok, today: day("2026-11-23"))?.summary == "Cook, Acme, 2024-05-01 to now")
    }

    /// Job history asks only for the month (002); a day is kept when known.
    @Test func aJobMayBeDatedByMonth() throws {
        let today = day("2026-11-23")
        let base = ["employer": "Acme", "title": "Cook"]
        let byMonth = try #require(Job(base.merging(["startedOn": "2019-03", "endedOn": "03/2021"]) { $1 }, today: today))
        #expect(byMonth.summary == "Cook, Acme, 2019-03 to 2021-03")
        #expect(byMonth.values["startedOn"] == "2019-03")
        // Ending within the month it started is no contradiction; ending the month before is.
        #expect(Job.problems(base.merging(["startedOn": "2019-03-20", "endedOn": "2019-03"]) { $1 }, today: today).isEmpty)
        #expect(Job.problems(base.merging(["startedOn": "2019-03-05", "endedOn": "2019-02"]) { $1 }, today: today)
                == ["endedOn": "is before the start 2019-03-05"])
        #expect(Job.problems(base.merging(["startedOn": "13/2019"]) { $1 }, today: today)
                == ["startedOn": "not a date: " + HistoryDate.acceptedFormats])
        #expect(Job.problems(base.merging(["startedOn": "2026-12"]) { $1 }, today: today) == ["startedOn": "is in the future"])
        #expect(Job.problems(base.merging(["startedOn": "2026-11"]) { $1 }, today: today).isEmpty)
        // Stored and exported as written: a month as YYYY-MM, a day as YYYY-MM-DD.
        let json = try JSONEncoder().encode(byMonth)
        #expect(String(decoding: json, as: UTF8.self).contains("\"startedOn\":\"2019-03\""))
        #expect(try JSONDecoder().decode(Job.self, from: json) == byMonth)
        #expect(HistoryDate(parsing: "2019-03")! < HistoryDate(parsing: "2019-03-01")!)
        #expect(HistoryDate(parsing: "2020-02")!.last == day("2020-02-29"))
    }

    @Test func onlyLicensesExpire() {
        let v = ["kind": "degree", "name": "High school diploma", "expiresOn": "2030-01-01"]
        #expect(EducationEntry.problems(v, today: day("2026-11-23")) == ["expiresOn": "only licenses and certifications expire"])
        let cna = EducationEntry(kind: .license, name: "CNA", completedOn: day("2024-01-01"), expiresOn: day("2026-01-01"))
        #expect(cna.summary(on: day("2026-11-23")) == "CNA (license or certification), 2024-01-01, EXPIRED 2026-01-01")
    }
}
