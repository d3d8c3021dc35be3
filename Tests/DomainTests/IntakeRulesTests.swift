import Domain
import Testing

@Suite struct IntakeRulesTests {
    let today = day("2026-11-23")
    let customer = Customer(id: CustomerID(7), legalName: "Ana Pérez", zip: "60623", birthDate: day("1990-05-31"),
                            enteredOn: day("2026-11-02"))

    func form(_ values: [String: String]) -> ApplicationForm {
        var f = ApplicationForm.new(for: customer, today: today)
        f["street"] = "1 Main St"
        f["city"] = "Chicago"
        for (k, v) in values { f[k] = v }
        return f
    }

    /// The participant record's demographics: optional, "did not self-identify"
    /// is an answer, absent when never asked.
    @Test func demographicsAreOptionalAndMayBeDeclined() throws {
        let none = try #require(form([:]).application(customer: customer, today: today))
        #expect(none.hispanic == nil && none.races == nil && none.disability == nil)
        let given = try #require(form(["hispanic": "declined", "race-asian": "yes", "race-white": "yes",
                                       "disabilityStatus": "no"]).application(customer: customer, today: today))
        #expect(given.hispanic == .declined && given.races == [.asian, .white] && given.raceDeclined == false)
        #expect(given.disability == SelfIdentified.no)
        #expect(ApplicationForm(given).application(customer: customer, today: today) == given)
        #expect(form(["race-black": "yes", "raceDeclined": "yes"]).problems(customer: customer, today: today)["raceDeclined"]
                == "either races that apply or \"did not self-identify\", not both")
    }

    @Test func aCompleteFormMakesAnApplicationAndBack() throws {
        let f = form(["contact1Name": "Rosa Pérez", "contact1Relationship": "mother", "contact1Phone": "3125550199",
                      "barrier-homeless": "yes", "assist-snap": "yes", "lowIncome": "yes", "ssnLast4": "6789"])
        #expect(f.problems(customer: customer, today: today).isEmpty)
        let a = try #require(f.application(customer: customer, today: today))
        #expect(a.appliedOn == today && a.program == .adult && a.state == "IL")
        #expect(a.contacts == [.init(name: "Rosa Pérez", relationship: "mother", phone: "312-555-0199")])
        #expect(a.barriers == [.homeless] && a.assistance == [.snap] && a.lowIncome)
        #expect(ApplicationForm(a).application(customer: customer, today: today) == a)
    }

    @Test func aFullSSNIsRefusedEverywhere() {
        #expect(form(["ssnLast4": "123-45-6789"]).problems(customer: customer, today: today)["ssnLast4"]
                == "a full SSN is never stored; it was cleared. Type the last 4 digits only")
        #expect(ApplicationForm.mustClear("ssnLast4", "123456789"))
        #expect(!ApplicationForm.mustClear("ssnLast4", "6789"))
        #expect(form(["ssnLast4": "67"]).problems(customer: customer, today: today)["ssnLast4"] == "exactly 4 digits, e.g. 6789")
        #expect(form(["socialMedia": "ssn 123 45 6789"]).problems(customer: customer, today: today)["socialMedia"]
                == "looks like a full SSN; never type one here")
        #expect(SSN.containsFull("123456789") && SSN.containsFull("123-45-6789"))
        #expect(!SSN.containsFull("312-555-0142") && !SSN.containsFull("3125550142") && !SSN.containsFull("6789"))
    }

    @Test func fieldsAreCheckedInPlace() {
        let p = form(["street": "", "state": "Illinois", "appliedOn": "11/31/2026", "highestGrade": "13",
                      "contact2Relationship": "aunt", "dislocation": "laid-off"]).problems(customer: customer, today: today)
        #expect(p == [
            "street": "Street address is required",
            "state": "two letters, e.g. IL",
            "appliedOn": "not a date; type YYYY-MM-DD or MM/DD/YYYY, e.g. 2026-03-09 or 03/09/2026",
            "highestGrade": "a grade from 0 to 12",
            "contact2Name": "name the contact person",
            "dislocatedOn": "required for laid off",
        ])
    }

    @Test func theApplicationDateIsBetweenEntryAndToday() {
        #expect(form(["appliedOn": "2026-11-24"]).problems(customer: customer, today: today)["appliedOn"] == "is in the future")
        #expect(form(["appliedOn": "2026-11-01"]).problems(customer: customer, today: today)["appliedOn"]
                == "is before customer entry on 2026-11-02")
        #expect(form(["appliedOn": "2026-11-02"]).problems(customer: customer, today: today).isEmpty)
    }

    @Test func thePhoneIsTheCustomersAndMustBeTextableToAcceptTexts() {
        #expect(form(["phone": "(312) 555-0142"]).phone == "312-555-0142")
        #expect(form(["phone": "555"]).problems(customer: customer, today: today)["phone"] == "10 digits, e.g. 312-555-0142")
        #expect(form(["acceptsTexts": "yes"]).problems(customer: customer, today: today)["acceptsTexts"]
                == "there is no phone to text")
    }

    @Test func amendmentsListWhatChangedInWords() {
        let before = form(["lowIncome": "", "veteran": "no"])
        let after = form(["lowIncome": "yes", "veteran": "eligible-spouse"])
        #expect(after.changes(from: before) == [
            FieldChange(field: "Veteran status", old: "not a veteran", new: "eligible spouse of a veteran"),
            FieldChange(field: "Low income", old: "no", new: "yes"),
        ])
    }

    // MARK: Priority of service

    @Test func priorityOfServiceOrder() {
        var a = Application(appliedOn: today, program: .adult)
        #expect(PriorityOfService.of(a, screening: nil).rank == 4)
        a.veteran = .veteran
        #expect(PriorityOfService.of(a, screening: nil).summary == "3 of 4: veteran")
        a.veteran = .no
        a.assistance = [.tanf]
        #expect(PriorityOfService.of(a, screening: nil).summary == "2 of 4: public assistance")
        a.veteran = .eligibleSpouse
        a.lowIncome = true
        #expect(PriorityOfService.of(a, screening: nil).summary == "1 of 4: eligible spouse, public assistance, low income")
        let deficient = BasicSkillsScreening(customer: CustomerID(7), screenedOn: today, result: .deficient, recordedBy: "m")
        #expect(PriorityOfService.of(Application(appliedOn: today, program: .adult), screening: deficient).summary
                == "2 of 4: basic skills deficient")
    }

    // MARK: Basic skills screening

    @Test func aDeficientScreeningHasConsequencesByProgram() {
        let s = BasicSkillsScreening(customer: CustomerID(7), screenedOn: today, result: .deficient, recordedBy: "m")
        #expect(s.consequences(program: .adult) == ["priority of service (Adult)",
                                                     "suggested: refer to adult basic education (Title II)"])
        #expect(s.consequences(program: .youth) == ["counts as basic skills deficient for Youth eligibility"])
        var fine = s
        fine.result = .notDeficient
        #expect(fine.consequences(program: .adult) == ["no basic skills deficiency found by screening"])
    }

    @Test func screeningDateChecks() {
        #expect(BasicSkillsScreening.problems(date: "2026-11-24", result: "deficient", customer: customer, today: today)
                == ["date": "is in the future"])
        #expect(BasicSkillsScreening.problems(date: "yesterday", result: "", customer: customer, today: today)
                == ["date": "not a date; type YYYY-MM-DD or MM/DD/YYYY, e.g. 2026-03-09 or 03/09/2026",
                    "result": "choose a result"])
    }

    // MARK: Documentation checklist

    @Test func theChecklistFollowsTheAnswers() {
        var a = Application(appliedOn: today, program: .adult, sex: .female)
        #expect(EligibilityItem.items(for: a, screening: nil).map(\.key) == ["age", "right-to-work"])
        a.sex = .male
        a.lowIncome = true
        a.barriers = [.homeless]
        a.dislocation = .laidOff
        #expect(EligibilityItem.items(for: a, screening: nil).map(\.key)
                == ["age", "right-to-work", "selective-service", "low-income", "dislocation", "barrier:homeless"])
    }
}
