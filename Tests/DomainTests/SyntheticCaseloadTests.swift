import Domain
import Testing
import Synthetic

@Suite struct SyntheticCaseloadTests {
    let caseload = SyntheticCaseload(seed: 1, today: day("2026-11-23"))

    @Test func demoSizeCoversEveryStageProgramAndScript() {
        let customers = caseload.customers(48)
        let today = day("2026-11-23")
        #expect(Set(customers.map { $0.stage(on: today) }) == Set(Stage.allCases))
        #expect(Set(customers.compactMap(\.program)) == Set(Program.allCases))
        #expect(Set(customers.compactMap(\.planner)).count >= 3)
        #expect(customers.contains { $0.legalName.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF || $0.value >= 0xAC00 && $0.value <= 0xD7A3 } })
        #expect(customers.contains { $0.legalName.unicodeScalars.contains { (0xC0...0x24F).contains($0.value) } })
        for stage in Stage.allCases {
            for program in Program.allCases where stage != .reportable {
                #expect(customers.contains { $0.stage(on: today) == stage && $0.program == program },
                        "no \(program) customer at stage \(stage)")
            }
        }
    }

    @Test func everySyntheticCustomerIsValid() {
        for c in caseload.customers(600) {
            #expect(c.problems.isEmpty, "\(c.id): \(c.problems)")
            #expect(c.enteredOn <= day("2026-11-23"))
        }
    }

    @Test func everyRecordedDuplicateDecisionIsARealMatch() {
        let decisions = caseload.duplicateDecisions(1...48)
        #expect(decisions.map(\.customer) == [CustomerID(24), CustomerID(48)])
        for d in decisions {
            let new = caseload.customer(Int(d.customer.number))
            let matches = DuplicateCheck.matches(for: new, among: d.matched.map { caseload.customer(Int($0.number)) })
            #expect(matches.map(\.customer.id) == d.matched)
            #expect(matches.first?.reasons.contains("same name and date of birth") == true)
        }
    }

    @Test func theSameSeedGivesTheSameCaseload() {
        #expect(caseload.customer(77) == SyntheticCaseload(seed: 1, today: day("2026-11-23")).customer(77))
        #expect(caseload.customer(77) != SyntheticCaseload(seed: 2, today: day("2026-11-23")).customer(77))
    }
}
