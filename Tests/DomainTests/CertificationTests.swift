import Domain
import Testing

@Suite struct CertificationTests {
    let application = Application(appliedOn: day("2026-10-01"), program: .adult, sex: .female, rightToWork: .citizen)
    var results: [TitleResult] { Eligibility.evaluate(application, birthDate: day("1990-01-01")) }

    func problems(_ on: String, reason: String = "", titles: [Title] = [.adult], today: String = "2026-11-23") -> [String] {
        Certification.problems(titles: titles, on: day(on), lateReason: reason, application: application,
                               results: results, today: day(today))
    }

    @Test func thirtyDaysAfterTheApplicationIsOnTime() {
        #expect(problems("2026-10-30").isEmpty)
        #expect(problems("2026-10-31").isEmpty)
        #expect(!Certification.isLate(day("2026-10-31"), appliedOn: day("2026-10-01")))
    }

    @Test func thirtyOneDaysNeedsAReason() {
        #expect(Certification.isLate(day("2026-11-01"), appliedOn: day("2026-10-01")))
        #expect(problems("2026-11-01") == ["31 days after the application (limit 30): give the reason it is late"])
        #expect(problems("2026-11-01", reason: "documents arrived late").isEmpty)
    }

    @Test func certificationDateMustBeBetweenApplicationAndToday() {
        #expect(problems("2026-09-30") == ["certification date is before the application date 2026-10-01"])
        #expect(problems("2026-10-15", today: "2026-10-14") == ["certification date is in the future"])
    }

    @Test func onlyEligibleTitlesCanBeCertified() {
        #expect(problems("2026-10-05", titles: []) == ["choose at least one title to certify (Space)"])
        #expect(problems("2026-10-05", titles: [.dislocatedWorker]).first?.hasPrefix("not eligible for Dislocated Worker: no dislocation") == true)
    }
}
