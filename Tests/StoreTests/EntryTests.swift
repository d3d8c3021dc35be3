import Domain
import Foundation
import Testing
@testable import Store

/// Each test gets its own directory, removed when the test ends.
@Suite final class EntryTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    let entry = CustomerEntry([.legalName: "Marisol Quintero", .zip: "60623", .birthDate: "1988-03-04",
                               .email: "lupe@example.org"])
    let frontDesk = Staff(login: "dbrooks", name: "Dana Brooks", initials: "DB", role: .frontDesk)

    @Test func frontDeskEntersACustomerAtTheNextID() throws {
        let store = try seededStore(at: dir + "/e.sqlite", customers: 5)
        let c = try store.enter(entry, by: frontDesk, today: testToday)
        #expect(c.id == CustomerID(6))
        #expect(try store.customer(CustomerID(6)) == c)
        #expect(try store.count(.init(search: "quintero marisol")) == 1)
        #expect(try store.count(.init(search: "marisol quin")) >= 1)
        #expect(try store.duplicateDecisions().isEmpty)
    }

    @Test func theRoleIsCheckedByTheStoreItself() throws {
        let store = try seededStore(at: dir + "/e.sqlite", customers: 5)
        let supervisor = Staff(login: "asantos", name: "Ana Santos", initials: "AS", role: .supervisor)
        #expect(throws: StoreError.notPermitted(login: "asantos", role: "Supervisor", action: "enter customers")) {
            try store.enter(entry, by: supervisor, today: testToday)
        }
        #expect(throws: StoreError.notOnStaff) { try store.enter(entry, by: nil, today: testToday) }
        #expect(try store.count(.init()) == 5)
    }

    @Test func anInvalidEntryIsNotSaved() throws {
        let store = try seededStore(at: dir + "/e.sqlite", customers: 2)
        var bad = entry
        bad[.zip] = "606"
        #expect(throws: StoreError.self) { try store.enter(bad, by: frontDesk, today: testToday) }
        #expect(try store.count(.init()) == 2)
    }

    @Test func duplicatesAreFoundAndTheDecisionIsRecordedAndExported() throws {
        let store = try seededStore(at: dir + "/e.sqlite", customers: 5)
        let first = try store.enter(entry, by: frontDesk, today: testToday)
        var again = entry
        again[.email] = "LUPE@example.org"
        let candidate = try #require(again.customer(id: CustomerID(0), today: testToday))
        let matches = try store.possibleDuplicates(of: candidate)
        #expect(matches.map(\.customer.id) == [first.id])
        #expect(matches[0].reasons == ["same name and date of birth", "same email"])
        let second = try store.enter(again, by: frontDesk, today: testToday, despite: [first.id])
        let decisions = try store.duplicateDecisions()
        #expect(decisions.map(\.customer) == [second.id])
        #expect(decisions[0].matched == [first.id])
        #expect(decisions[0].decidedBy == "dbrooks")
        let exported = try store.exportJSON()
        #expect(String(decoding: exported, as: UTF8.self).contains("\"decidedBy\" : \"dbrooks\""))
        let copy = try CaseloadStore(path: dir + "/copy.sqlite")
        try copy.importJSON(exported)
        #expect(try copy.exportJSON() == exported)
    }

    @Test func positionIsTheIndexInNameOrder() throws {
        let store = try seededStore(at: dir + "/e.sqlite", customers: 20)
        let all = try store.customers(.init(), offset: 0, limit: 100)
        for (i, c) in all.enumerated() { #expect(try store.position(of: c.id) == i) }
        #expect(try store.position(of: CustomerID(999)) == nil)
    }
}
