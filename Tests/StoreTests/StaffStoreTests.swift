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
}
