import Domain
import Testing

@Suite struct CustomerEntryTests {
    let today = day("2026-11-23")

    func entry(name: String = "José Núñez", email: String = "", zip: String = "60623",
               birth: String = "1990-05-31", phone: String = "") -> CustomerEntry {
        CustomerEntry([.legalName: name, .email: email, .zip: zip, .birthDate: birth, .phone: phone])
    }

    @Test func aCompleteEntryMakesAReportableIndividual() throws {
        let c = try #require(entry(phone: "(312) 555 0142").customer(id: CustomerID(9), today: today))
        #expect(c.stage(on: today) == .reportable)
        #expect(c.enteredOn == today)
        #expect(c.phone == "312-555-0142")
        #expect(c.email == nil && c.preferredName == nil && c.program == nil)
        #expect(c.problems.isEmpty)
    }

    @Test func requiredFieldsAreNamed() {
        let p = CustomerEntry().problems(today: today)
        #expect(p == [.legalName: "Legal name is required", .zip: "ZIP is required",
                      .birthDate: "Date of birth is required"])
        #expect(CustomerEntry().customer(id: CustomerID(1), today: today) == nil)
    }

    @Test(arguments: ["1990-05-31", "05/31/1990", "5/31/1990"])
    func bothDateFormatsAreAccepted(text: String) {
        #expect(entry(birth: text).problems(today: today).isEmpty)
    }

    @Test(arguments: ["31/05/1990", "1990.05.31", "May 31 1990", "1990-02-30", "19900531"])
    func otherDatesAreRejectedWithAnExample(text: String) {
        #expect(entry(birth: text).problems(today: today)[.birthDate] == "not a date; type 1990-05-31 or 05/31/1990")
    }

    @Test func birthDateEdges() {
        #expect(entry(birth: "2026-11-24").problems(today: today)[.birthDate] == "is in the future")
        #expect(entry(birth: "2026-11-23").problems(today: today)[.birthDate] == "gives age 0; expected 14 to 110")
        // 14 on the birthday itself, 13 the day before it.
        #expect(entry(birth: "2012-11-23").problems(today: today).isEmpty)
        #expect(entry(birth: "2012-11-24").problems(today: today)[.birthDate] == "gives age 13; expected 14 to 110")
        #expect(entry(birth: "1916-11-23").problems(today: today).isEmpty)
        #expect(entry(birth: "1915-11-23").problems(today: today)[.birthDate] == "gives age 111; expected 14 to 110")
    }

    @Test func emailZipAndPhoneShapes() {
        #expect(entry(email: "jn@example.org").problems(today: today).isEmpty)
        #expect(entry(email: "jn@example").problems(today: today)[.email] == "must look like name@example.org")
        #expect(entry(zip: "60623-1234").problems(today: today).isEmpty)
        #expect(entry(zip: "6062").problems(today: today)[.zip] == "5 digits or 5+4, e.g. 60623 or 60623-1234")
        #expect(entry(zip: "60623-12").problems(today: today)[.zip] != nil)
        #expect(entry(phone: "555-0142").problems(today: today)[.phone] == "10 digits, e.g. 312-555-0142")
        #expect(CustomerEntry.normalizedPhone("+1 312.555.0142") == "312-555-0142")
        #expect(CustomerEntry.normalizedPhone("312-555-O142") == nil)
    }
}

@Suite struct DuplicateCheckTests {
    func person(_ id: Int64, _ name: String, preferred: String? = nil, birth: String = "1990-05-31",
                email: String? = nil, phone: String? = nil) -> Customer {
        Customer(id: CustomerID(id), legalName: name, preferredName: preferred, email: email, zip: "60623",
                 birthDate: day(birth), phone: phone, enteredOn: day("2026-11-01"))
    }

    @Test func matchesNameAndBirthEmailOrPhone() {
        let new = person(0, "Jose Nunez", email: "JN@example.org", phone: "312-555-0142")
        let found = DuplicateCheck.matches(for: new, among: [
            person(1, "José Núñez"),
            person(2, "José Núñez", birth: "1991-05-31"),
            person(3, "Ana Ruiz", birth: "1980-01-01", email: "jn@example.org"),
            person(4, "Ana Ruiz", birth: "1980-01-01", phone: "312-555-0142"),
            person(5, "Pepe", preferred: "Jose Nunez"),
        ])
        #expect(found.map(\.customer.id.number) == [1, 3, 4, 5])
        #expect(found[0].reasons == ["same name and date of birth"])
        #expect(found[1].reasons == ["same email"])
        #expect(found[2].reasons == ["same phone"])
    }
}

@Suite struct PermissionTests {
    @Test func whoMayDoWhat() {
        #expect(Role.frontDesk.may(.enterCustomer))
        #expect(Role.frontDesk.may(.takeApplication))
        #expect(!Role.frontDesk.may(.certifyEligibility))
        #expect(Role.planner.may(.certifyEligibility))
        #expect(!Role.supervisor.may(.enterCustomer))
    }
}
