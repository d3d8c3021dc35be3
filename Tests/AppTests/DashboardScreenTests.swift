@testable import App
import Domain
import Store
import Testing
import TerminalKit

@Suite struct DashboardScreenTests {
    @Test func aPlannerSeesTheirOwnItemsGroupedAndTheCaseloadTitleCountsThem() throws {
        let h = try Harness(login: "mrivera", coverOthers: false)
        #expect(h.lines[0].contains("careerplan │ Caseload !7 "))
        h.press(.char("d"))
        try expectGolden("dashboard", h.screen)
        #expect(h.lines[1].contains("María Rivera · as of 2026-11-23 · 7 overdue"))
        #expect(h.lines[4] == " Overdue")
        #expect(!h.screen.contains("tnguyen"))
    }

    @Test func enterOpensWhereTheItemIsDone() throws {
        let h = try Harness(login: "mrivera", coverOthers: false)
        h.press(.char("d"))
        #expect(h.lines[5].contains("C000028") && h.lines[5].contains("Case note: Job Se…"))
        // A missing note opens the contact form, already linked to the service.
        h.press(.enter)
        #expect(h.lines[1].contains("François Ødegård C000028 · Contact note"))
        #expect(h.lines.contains { $0.contains("About") && $0.contains("Service: Job Search and Placement Assistance") })
        h.press(.escape)
        h.press(.down, .down, .down, .enter)
        #expect(h.lines[2].contains("ISS (p) · pathway"))
        h.press(.escape)
        h.press(.down, .down, .down, .enter)
        #expect(h.lines[2].contains("Section 1: 1 of 8 parts complete"))
    }

    @Test func aSupervisorSeesEveryPlannerWithCounts() throws {
        let h = try Harness(login: "asantos")
        #expect(h.lines[0].contains("Caseload "))
        #expect(!h.lines[0].contains("overdue"))
        h.press(.char("d"))
        #expect(h.lines[1].contains("every planner · as of 2026-11-23 · 12 overdue · 5 due within 7 days"))
        #expect(h.lines[2].contains("Overdue or due soon by planner: jokafor 4 · mrivera 7 · tnguyen 4 · wchen 2"))
        h.press(.char("f"))
        // The rule chosen is named under the counts, and the date stays.
        #expect(h.lines[1].contains("every planner · as of 2026-11-23 · 1 overdue · 3 due within 7 days"))
        #expect(h.lines[2].contains("Eligibility only · Overdue or due soon by planner: "))
        // The eligibility items, and the selected one's label again at the bottom.
        #expect(h.lines[4..<21].filter { $0.contains("Eligibility") }.count == 8)
        #expect(h.lines[21].hasPrefix(" Eligibility: determine eligibility within 30 days"))
    }

    /// At 80 columns the selected item's label and its rule's words take two rows instead of being cut,
    /// and a planner's filter says what the rule asks.
    @Test func theBottomLinesSayTheWholeItemAndTheFilterItsRule() throws {
        let h = try Harness(login: "mrivera", coverOthers: false)
        h.press(.char("d"))
        #expect(h.lines[21].hasPrefix(" Case note: Job Search and Placement Assistance: enter a case note within 10"))
        #expect(h.lines[22].hasPrefix(" days of the contact or service"))
        #expect(!h.lines[21].contains("…") && !h.lines[22].contains("…"))
        for _ in 0..<12 where !h.lines[2].contains("Case note") { h.press(.char("f")) }
        #expect(h.lines[1].contains("María Rivera · as of 2026-11-23 · "))
        #expect(h.lines[2].hasPrefix(" Only Case note: enter a case note within 10 days of the contact or service"))
    }

    /// Where the planners' logins do not fit (300 customers: two-digit counts at 80 columns), their
    /// initials do: no planner's number is cut off.
    @Test func aCrowdedDashboardNamesPlannersByInitials() throws {
        let h = try Harness(customers: 300, login: "asantos")
        h.press(.char("d"))
        let line = h.lines[2]
        #expect(line.contains("Overdue or due soon by planner: JO ") && line.contains(" · WC "), "\(line)")
        #expect(!line.contains("…") && line.trimmingCharacters(in: .whitespaces).last?.isNumber == true, "\(line)")
    }

    /// A supervisor may not write notes: Enter on a missing note opens the
    /// customer's notes to read, rather than doing nothing.
    @Test func aSupervisorsEnterOnANoteItemOpensTheNotes() throws {
        let h = try Harness(login: "asantos")
        h.press(.char("d"))
        for _ in 0..<20 where !(h.lines.first { $0.hasPrefix("▶") } ?? "").contains("Case note") { h.press(.down) }
        let selected = try #require(h.lines.first { $0.hasPrefix("▶") })
        #expect(selected.contains("Case note"))
        h.press(.enter)
        #expect(h.lines[0].contains("Notes and timeline"), "\(h.lines[0])")
    }

    @Test func theListPagesThroughEveryItemWithItsGroupHeadings() throws {
        let h = try Harness(login: "asantos")
        h.press(.char("d"))
        let items = h.store
        let total = try items.dueSummary(planners: nil, on: Harness.today, settings: h.session.settings).total
        #expect(total > 40)
        h.press(.end)
        let selectedRow = try #require(h.lines.firstIndex { $0.hasPrefix("▶") })
        #expect(selectedRow == 20)  // the last row of the list: two rows below it say the item whole
        let last = try #require(try items.dueItems(planners: nil, on: Harness.today, settings: h.session.settings,
                                                    offset: total - 1, limit: 1).first)
        #expect(h.lines[selectedRow].contains(last.customer.id.description))
        #expect(h.screen.contains(" Upcoming"))
        // Back up a page: the selection moves 10 items, still drawn.
        h.press(.pageUp)
        #expect(h.lines.contains { $0.hasPrefix("▶") })
        h.press(.home)
        #expect(h.lines[4] == " Overdue" && h.lines[5].hasPrefix("▶"))
    }

    @Test func aCoveringPlannerAlsoSeesTheCoveredCaseloads() throws {
        let h = try Harness(login: "mrivera")
        // The title counts María's own caseload; the dashboard adds the ones she covers.
        #expect(h.lines[0].contains("careerplan │ Caseload !7 "))
        h.press(.char("d"))
        #expect(h.lines[1].contains("María Rivera (covering JO TN WC) · 12 overdue · 5 due within 7 days"))
        #expect(h.screen.contains(" TN ") && h.screen.contains(" MR "))
    }
}

/// Reads that fail after a screen opened are named in words where the user
/// is looking, never shown as nothing (a store double fails them).
@Suite struct FailedReadTests {
    func loop(_ h: Harness, failing: Set<String>, root: (Session) -> any Screen) throws -> (AppLoop, MemoryTerminal, FailingReads) {
        let reads = FailingReads(h.store, failing: [])
        let session = try Session(store: reads, login: h.session.login, user: h.session.user, today: Harness.today)
        let terminal = MemoryTerminal(width: 100, height: 30)
        let loop = AppLoop(root: root(session), store: h.store, terminal: terminal, titleRight: "double")
        reads.failing = failing
        loop.run()
        return (loop, terminal, reads)
    }

    @Test func theCaseloadTitleSaysItsCountsCouldNotBeRead() throws {
        let h = try Harness(login: "mrivera", coverOthers: false)
        let (_, terminal, _) = try loop(h, failing: ["dueCounts"]) { CaseloadScreen(session: $0) }
        #expect(terminal.screen.line(0).contains("Caseload · due counts unreadable"))
    }

    /// A customer who cannot be read is all the overview has to say: the reason whole, on as many lines as it takes.
    @Test func anUnreadableCustomersOverviewSaysWhyWhole() throws {
        let h = try Harness(login: "mrivera", coverOthers: false)
        let reads = FailingReads(h.store, failing: ["caseFile"])
        reads.reason = "the file is damaged; restore the last backup (center-caseload.sqlite)"
        let session = try Session(store: reads, login: h.session.login, user: h.session.user, today: Harness.today)
        let terminal = MemoryTerminal(width: 80, height: 24)
        AppLoop(root: CustomerOverviewScreen(session: session, id: CustomerID(28)), store: h.store, terminal: terminal, titleRight: "double").run()
        #expect(terminal.screen.line(2).hasPrefix("  Cannot read customer C000028: the file is damaged; restore the last backup "))
        #expect(terminal.screen.line(3).hasPrefix("  (center-caseload.sqlite) (caseFile) "))
    }

    @Test func openingAnItemWhoseFileCannotBeReadSaysWhy() throws {
        let h = try Harness(login: "mrivera", coverOthers: false)
        let (loop, terminal, reads) = try loop(h, failing: []) { DashboardScreen(session: $0) }
        reads.failing = ["caseFile"]
        terminal.type([.enter])
        loop.run()
        let screen = terminal.screen.text
        #expect(screen.contains("Cannot read customer C000028: disk I/O error (caseFile)"))
        #expect(screen.contains("Due and overdue"))
    }
}

/// The indicators on the terminal: P on the dashboard, a bar per measure,
/// Enter lists who is behind it, Enter opens them.
@Suite struct PerformanceScreenTests {
    @Test func aSupervisorReadsTheIndicatorsAndWhoIsBehindThem() throws {
        let h = try Harness(login: "asantos")
        h.press(.char("d"), .char("P"))
        try expectGolden("performance", h.screen)
        #expect(h.lines[1].contains("PY2025 · exits 2025-07-01 to 2026-06-30 · as of 2026-11-23"))
        #expect(h.screen.contains("▶ Employed, 2nd quarter after exit"))
        #expect(h.screen.contains("█") && h.screen.contains("not known"))
        h.press(.enter)
        #expect(h.lines[1].contains("Employment, 2nd quarter after exit"))
        let row = try #require(h.lines.first { $0.hasPrefix("▶") })
        h.press(.enter)
        let id = try #require(row.split(separator: " ").first { $0.hasPrefix("C0000") })
        #expect(h.lines[2].contains(String(id)))
    }

    @Test func theYearChangesWithBrackets() throws {
        let h = try Harness(login: "asantos")
        h.press(.char("d"), .char("P"), .char("["))
        #expect(h.lines[1].contains("PY2024 · exits 2024-07-01 to 2025-06-30"))
        h.press(.char("]"), .char("]"), .char("]"), .char("]"))
        #expect(h.lines[1].contains("PY2028"))
        #expect(h.screen.contains("Nobody is counted in PY2028"))
    }

    @Test func aFrontDeskWorkerIsToldWhyNot() throws {
        let h = try Harness(login: "dbrooks")
        h.press(.char("d"))
        h.press(.char("P"))
        #expect(h.screen.contains("may not run reports"))
        #expect(!h.lines[0].contains("Performance"))
    }
}
