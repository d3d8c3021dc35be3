import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// A planner works their own customers, the unassigned (taking them on) and
/// the caseloads they cover; the Store refuses the rest itself.
@Suite final class ReachStoreTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    let maria = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
    let supervisor = Staff(login: "asantos", name: "Ana Santos", initials: "AS", role: .supervisor)

    func store(_ name: String) throws -> CaseloadStore {
        let path = dir + "/" + name
        try seededStore(at: path, customers: 48).close()
        return try CaseloadStore(path: path, actor: "mrivera", today: { testToday })
    }

    func firstCustomer(of planner: String?, _ store: CaseloadStore) throws -> Customer {
        try #require(try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Customer.columns) FROM customer WHERE planner IS ? AND exited_on IS NULL ORDER BY id",
                             arguments: [planner]).map(Customer.init(row:))
        })
    }

    func note(_ c: Customer) -> CaseNote {
        CaseNote(id: 0, customer: c.id, kind: .general, eventOn: testToday, enteredOn: testToday, author: "", text: "checked in")
    }

    @Test func anotherPlannersCustomerIsRefusedUntilTheCoverStarts() throws {
        let store = try store("a.sqlite")
        let weis = try firstCustomer(of: "wchen", store)
        let refusal = StoreError.notPermitted(login: "mrivera", role: "Career planner",
                                              action: "work 陈伟 Wei Chen's customers unless covering for them")
        #expect(throws: refusal) { try store.addNote(self.note(weis), by: self.maria) }
        #expect(throws: StoreError.notPermitted(login: "mrivera", role: "Career planner",
                                                action: "open 陈伟 Wei Chen's customers unless covering for them")) {
            try store.caseFile(weis.id, readBy: self.maria, on: testToday)
        }
        // A cover that starts tomorrow does not reach today.
        try store.cover(Covering(login: "mrivera", forLogin: "wchen", from: testToday.adding(days: 1), until: testToday.adding(days: 10),
                                 reason: "leave", grantedBy: ""), by: supervisor)
        #expect(throws: refusal) { try store.addNote(self.note(weis), by: self.maria) }
        try store.cover(Covering(login: "mrivera", forLogin: "wchen", from: testToday, until: testToday,
                                 reason: "out sick today", grantedBy: ""), by: supervisor)
        try store.addNote(note(weis), by: maria)
        #expect(try store.caseFile(weis.id, readBy: maria, on: testToday) != nil)
        // Working a covered customer does not take them over.
        #expect(try store.customer(weis.id)?.planner == "wchen")
        // Only supervisors and administrators grant a cover.
        #expect(throws: StoreError.notPermitted(login: "mrivera", role: "Career planner", action: "hand a caseload to another planner")) {
            try store.cover(Covering(login: "mrivera", forLogin: "tnguyen", from: testToday, until: testToday,
                                     reason: "x", grantedBy: ""), by: self.maria)
        }
        #expect(try store.endCover("mrivera", for: "wchen", on: testToday.adding(days: 2), by: supervisor) == 1)
        #expect(try store.coverings(from: testToday).filter { $0.login == "mrivera" }.map(\.until) == [testToday, testToday.adding(days: 2)])
    }

    @Test func thePlannerWhoWorksAnUnassignedCustomerTakesThemOn() throws {
        let store = try store("b.sqlite")
        let walkIn = try firstCustomer(of: nil, store)
        try store.addNote(note(walkIn), by: maria)
        #expect(try store.customer(walkIn.id)?.planner == "mrivera")
        // Taking them on does not change the version the open forms hold.
        #expect(try store.customer(walkIn.id)?.version == walkIn.version)
    }

    @Test func theCaseloadListsOnlyWhatThePlannerReaches() throws {
        let store = try store("c.sqlite")
        let all = try store.count(CaseloadFilter())
        let reach = try store.reach(of: maria, on: testToday)
        let mine = try store.count(CaseloadFilter(planner: "mrivera")) + store.count(CaseloadFilter()) - store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM customer WHERE planner IS NOT NULL") ?? 0
        }
        #expect(try store.count(CaseloadFilter(reach: reach)) == mine)
        #expect(mine < all)
        #expect(try store.customers(CaseloadFilter(reach: reach), offset: 0, limit: 100).allSatisfy { $0.planner == nil || $0.planner == "mrivera" })
        #expect(try store.reach(of: supervisor, on: testToday) == .everyone)
    }
}

/// A report's day decides who is still in follow-up, not the machine's date.
@Suite final class ReportAsOfTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @Test func whoIsInFollowUpIsCountedFromTheReportsDay() throws {
        let store = try seededStore(at: dir + "/asof.sqlite", customers: 48)
        let all = try store.clockFacts(planner: nil, by: testAdmin, asOf: testToday)
        let exited = try #require(all.first { $0.customer.exitedOn != nil })
        let exitDay = try #require(exited.customer.exitedOn)
        func includes(_ day: Day) throws -> Bool {
            try store.clockFacts(planner: nil, by: testAdmin, asOf: day).contains { $0.customer.id == exited.customer.id }
        }
        #expect(try includes(exitDay.adding(months: 23)))
        #expect(try includes(exitDay.adding(months: 24)))
        #expect(try !includes(exitDay.adding(months: 24).adding(days: 1)))
        // Far from today in either direction, the same rule.
        #expect(try includes(exitDay))
    }
}
