import Domain
import Testing

@Suite struct CustomerTests {
    func person(_ legal: String = "José Núñez", preferred: String? = nil) -> Customer {
        Customer(id: CustomerID(7), legalName: legal, preferredName: preferred, email: "jn@example.org",
                 zip: "60623", birthDate: day("1990-05-01"), enteredOn: day("2026-11-01"))
    }

    @Test func displayNamePutsThePreferredNameFirst() {
        #expect(person().displayName == "José Núñez")
        #expect(person(preferred: "Pepe Núñez").displayName == "Pepe Núñez (José Núñez)")
        #expect(person(preferred: "José Núñez").displayName == "José Núñez")
    }

    @Test func stageFollowsTheJourneyDates() {
        var c = person()
        let today = day("2026-11-23")
        #expect(c.stage(on: today) == .reportable)
        c.program = .adult
        c.appliedOn = day("2026-11-02")
        #expect(c.stage(on: today) == .applied)
        c.eligibleOn = day("2026-11-05")
        #expect(c.stage(on: today) == .eligible)
        c.enrolledOn = day("2026-11-10")
        #expect(c.stage(on: today) == .enrolled)
        c.exitedOn = day("2026-11-20")
        #expect(c.stage(on: today) == .followUp)
        // Twelve months after the exit, follow-up is over.
        #expect(c.stage(on: day("2027-11-20")) == .followUp)
        #expect(c.stage(on: day("2027-11-21")) == .exited)
    }

    @Test func customerIDsParseAndPrint() {
        #expect(CustomerID(42).description == "C000042")
        #expect(CustomerID(parsing: "c42") == CustomerID(42))
        #expect(CustomerID(parsing: "C000042") == CustomerID(42))
        #expect(CustomerID(parsing: "C") == nil)
        #expect(CustomerID(parsing: "0") == nil)
        #expect(CustomerID(1_234_567).description == "C1234567")
    }

    @Test func validationNamesTheField() {
        var c = person()
        #expect(c.problems.isEmpty)
        c.zip = "6062"
        c.email = "jn@"
        c.legalName = " "
        #expect(Set(c.problems.map(\.field)) == ["zip", "email", "legalName"])
        c = person()
        c.zip = "60623-1234"
        #expect(c.problems.isEmpty)
        c.appliedOn = day("2026-10-01")
        c.program = .adult
        #expect(c.problems.map(\.field) == ["appliedOn"])
    }
}
