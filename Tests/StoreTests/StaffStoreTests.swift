import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// The staff list and caseload hand-offs, with the roles checked in the
/// Store itself.
@Suite final class StaffStoreTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    let admin = Staff(login: "root", name: "Area Admin", initials: "AA", role: .administrator)
    let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
    let supervisor = Staff(login: "asantos", name: "Ana Santos", initials: "AS", role: .supervisor)

    @Test func onlyAnAdministratorAddsStaffAndChangesRoles() throws {
        let store = try seededStore(at: dir + "/s.sqlite", customers: 0)
        try store.insert(staff: [admin])
        let newcomer = Staff(login: "kpatel", name: "Kiran Patel", initials: "KP", role: .planner)
        #expect(throws: StoreError.notPermitted(login: "mrivera", role: "Career planner", action: "add staff or change their roles")) {
            try store.addStaff(newcomer, by: self.planner)
        }
        try store.addStaff(newcomer, by: admin)
        #expect(try store.staff(login: "kpatel")?.role == .planner)
        #expect(throws: StoreError.invalid("kpatel is already on the staff list")) { try store.addStaff(newcomer, by: self.admin) }
        #expect(throws: (any Error).self) {
            try store.addStaff(Staff(login: "Bad Name", name: "x", initials: "X", role: .planner), by: self.admin)
        }
        try store.setRole("kpatel", to: .supervisor, by: admin)
        #expect(try store.staff(login: "kpatel")?.role == .supervisor)
        #expect(throws: StoreError.invalid("you are the only administrator; make someone else one first")) {
            try store.setRole("root", to: .planner, by: self.admin)
        }
    }

    @Test func aCaseloadIsHandedOverWithItsReason() throws {
        let store = try seededStore(at: dir + "/h.sqlite", customers: 48)
        let before = try store.count(CaseloadFilter(planner: "mrivera"))
        #expect(before > 0)
        #expect(throws: StoreError.notPermitted(login: "mrivera", role: "Career planner", action: "hand a caseload to another planner")) {
            try store.handOff(from: "mrivera", to: "tnguyen", reason: "leave", by: self.planner, today: testToday)
        }
        #expect(throws: StoreError.invalid("dbrooks is not a career planner")) {
            try store.handOff(from: "mrivera", to: "dbrooks", reason: "leave", by: self.supervisor, today: testToday)
        }
        let moved = try store.handOff(from: "mrivera", to: "tnguyen", reason: "covering while on leave", by: supervisor, today: testToday)
        #expect(moved == before)
        #expect(try store.count(CaseloadFilter(planner: "mrivera")) == 0)
        let row = try #require(try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM caseload_handoff") })
        #expect(row["reason"] as String == "covering while on leave" && row["customers"] as Int == before)
        #expect(row["by_login"] as String == "asantos")
    }

    /// A planner who leaves: refused while they still have customers,
    /// their caseload handed over in the same write, then no sign-in and no
    /// write from a session left open; their name stays on their records.
    @Test func aStaffMemberWhoLeavesKeepsTheirHistoryButNoLongerSignsIn() throws {
        let path = dir + "/d.sqlite"
        let store = try seededStore(at: path, customers: 48)
        try store.insert(staff: [admin])
        let theirs = try store.count(CaseloadFilter(planner: "mrivera"))
        let left = Day(parsing: "2026-11-30")!
        #expect(throws: StoreError.notPermitted(login: "asantos", role: "Supervisor", action: "add staff or change their roles")) {
            try store.deactivate("mrivera", on: left, reason: "left", handOffTo: "tnguyen", by: self.supervisor)
        }
        #expect(throws: StoreError.invalid("mrivera still has \(theirs) customers; give them to another planner (--hand-off-to LOGIN)")) {
            try store.deactivate("mrivera", on: left, reason: "left the agency", handOffTo: nil, by: self.admin)
        }
        #expect(throws: StoreError.invalid("you cannot deactivate yourself; another administrator can")) {
            try store.deactivate("root", on: left, reason: "x", handOffTo: nil, by: self.admin)
        }
        // A session mrivera opened before she left.
        let hers = try CaseloadStore(path: path, actor: "mrivera", today: { testToday })
        defer { try? hers.close() }
        let moved = try store.deactivate("mrivera", on: left, reason: "left the agency", handOffTo: "tnguyen", by: admin)
        #expect(moved == theirs)
        #expect(try store.count(CaseloadFilter(planner: "mrivera")) == 0)
        #expect(throws: StoreError.leftStaff(login: "mrivera", on: left)) { try store.signIn(login: "mrivera") }
        let id = CustomerID(10)
        let note = CaseNote(id: 0, customer: id, kind: .contact, eventOn: testToday, enteredOn: testToday, author: "",
                            text: "called", channel: .phone, twoWay: true)
        #expect(throws: StoreError.leftStaff(login: "mrivera", on: left)) { try hers.addNote(note, by: self.planner) }
        // No customer can be given to her; the staff list still names her.
        #expect(throws: StoreError.invalid("mrivera left the staff on 2026-11-30")) {
            try store.handOff(from: "tnguyen", to: "mrivera", reason: "back", by: self.supervisor, today: testToday)
        }
        #expect(try store.staff(login: "mrivera")?.leftReason == "left the agency")
        try store.reactivate("mrivera", by: admin)
        #expect(try store.signIn(login: "mrivera")?.isActive == true)
    }
}
