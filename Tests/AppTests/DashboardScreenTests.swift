import App
import Domain
import Store
import Testing
import TerminalKit

@Suite struct DashboardScreenTests {
    @Test func aPlannerSeesTheirOwnItemsGroupedAndTheCaseloadTitleCountsThem() throws {
        let h = try Harness(login: "mrivera")
        #expect(h.lines[0].contains("careerplan │ Caseload !5 "))
        h.press(.char("d"))
        try expectGolden("dashboard", h.screen)
        #expect(h.lines[1].contains("María Rivera · as of 2026-11-23 · 5 overdue"))
        #expect(h.lines[4] == " Overdue")
        #expect(!h.screen.contains("tnguyen"))
    }

    @Test func enterOpensWhereTheItemIsDone() throws {
        let h = try Harness(login: "mrivera")
        h.press(.char("d"))
        #expect(h.lines[5].contains("C000016") && h.lines[5].contains("Plan review"))
        h.press(.enter)
        #expect(h.lines[2].contains("ISS · pathway"))
        h.press(.escape)
        h.press(.down, .down, .down, .enter)
        #expect(h.lines[2].contains("Section 1: 0 of 8 parts complete"))
    }

    @Test func aSupervisorSeesEveryPlannerWithCounts() throws {
        let h = try Harness(login: "asantos")
        #expect(h.lines[0].contains("Caseload "))
        #expect(!h.lines[0].contains("overdue"))
        h.press(.char("d"))
        #expect(h.lines[1].contains("every planner · as of 2026-11-23 · 7 overdue · 5 due within 7 days"))
        #expect(h.lines[2].contains("Overdue or due soon by planner: jokafor 5 · mrivera 5 · tnguyen 2"))
        h.press(.char("f"))
        #expect(h.lines[1].contains("1 overdue · 3 due within 7 days · only elig"))
        #expect(h.screen.components(separatedBy: "\n").filter { $0.contains("Eligibility") }.count == 8)
    }
}
