import App
import Domain
import Store
import Testing
import TerminalKit

/// The rubric on the plan screen: one line of markers at 80 columns, a
/// panel with words at 120, and Q for every reason.
@Suite struct QualityScreenTests {
    @Test func thePlanShowsItsRatingsAndQExplainsThem() throws {
        let h = try Harness()
        h.openCustomer(16)
        h.press(.char("p"))
        #expect(h.lines[21].contains("Q: ●Info ▼Contact ●Assess ▼Goals ●Services ▼Timely (▲exceeds ●meets ▼below)"))
        h.press(.char("Q"))
        try expectGolden("plan-quality", h.screen)
        #expect(h.screen.contains("▼ Contact information: Below"))
        #expect(h.screen.contains("- for Meets: no additional contact person"))
    }

    @Test func aWideTerminalShowsEachRatingInWords() throws {
        let h = try Harness(width: 120, height: 40)
        h.openCustomer(16)
        h.press(.char("p"))
        #expect(h.screen.contains("▼ Below   Goals"))
        try expectGolden("plan-quality-panel", h.screen)
    }
}

@Suite struct PlanPanelsTests {
    /// Wide but short: the barriers and the quality panel sit beside the tree.
    @Test func aWideShortTerminalPutsThePanelsBesideTheTree() throws {
        let h = try Harness(width: 120, height: 28)
        h.openCustomer(16)
        h.press(.char("p"))
        try expectGolden("plan-panels-beside", h.screen)
        #expect(h.lines[3].contains("Open barriers"))
    }
}
