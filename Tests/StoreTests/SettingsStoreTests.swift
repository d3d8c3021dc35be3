import Domain
import Foundation
import Testing
@testable import Store

@Suite final class SettingsStoreTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @Test func onlyAnAdministratorChangesTheAreasSettings() throws {
        let store = try seededStore(at: dir + "/s.sqlite", customers: 0)
        #expect(try store.clockSettings() == .illinois)
        var massachusetts = ClockSettings.illinois.values
        massachusetts["contact-interval-days"] = "60"
        let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
        #expect(throws: StoreError.notPermitted(login: "mrivera", role: "Career planner", action: "change the area's settings")) {
            try store.saveClockSettings(massachusetts, by: planner)
        }
        let admin = Staff(login: "root", name: "Root", initials: "R", role: .administrator)
        let saved = try store.saveClockSettings(massachusetts, by: admin)
        #expect(saved.contactIntervalDays == 60 && saved.veteranContactIntervalDays == 30)
        #expect(try store.clockSettings() == saved)
        var bad = massachusetts
        bad["warning-window-days"] = "0"
        expectProblems("Warning window: a number of days, 1 to 365") {
            try store.saveClockSettings(bad, by: admin)
        }
    }
}
