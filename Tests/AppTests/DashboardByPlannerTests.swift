@testable import App
import Domain
import Testing

/// The dashboard's line of counts by planner never cuts a number: logins, else initials, else the
/// planners with the most and how many more there are.
@Suite struct DashboardByPlannerTests {
    func line(_ counts: [String: Int], width: Int = 80) throws -> String {
        let h = try Harness(customers: 0, login: "asantos")
        var screen = DashboardScreen(session: h.session)
        screen.summary.urgentByPlanner = counts
        return screen.byPlanner(width: width)
    }

    @Test func loginsWhenTheyFitThenInitials() throws {
        #expect(try line(["mrivera": 7, "wchen": 2]) == "Overdue or due soon by planner: mrivera 7 · wchen 2")
        let crowded = ["jokafor": 41, "mrivera": 37, "tnguyen": 40, "wchen": 38, "": 12]
        #expect(try line(crowded) == "Overdue or due soon by planner: JO 41 · MR 37 · TN 40 · unassigned 12 · WC 38")
    }

    @Test func aStatesManyPlannersShowTheMostAndHowManyMore() throws {
        var counts: [String: Int] = [:]
        for i in 1...40 { counts["planner\(i)"] = i }
        let shown = try line(counts)
        #expect(shown.displayWidth <= 80, "\(shown)")
        #expect(shown.hasPrefix("Overdue or due soon by planner: ") && shown.contains("planner40 40"), "\(shown)")
        #expect(!shown.contains("planner1 1 "), "\(shown)")
        let more = try #require(shown.split(separator: "+").last)
        let listed = shown.components(separatedBy: " · ").count - 1
        #expect(more == "\(40 - listed) more", "\(shown)")
        #expect(try line(counts, width: 40) == "Overdue or due soon by planner: 40 planners")
    }
}
