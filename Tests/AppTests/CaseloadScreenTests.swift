import App
import Domain
import Testing
import TerminalKit

@Suite struct CaseloadScreenTests {
    @Test func firstScreen() throws {
        let h = try Harness()
        try expectGolden("caseload", h.screen)
        #expect(h.lines[0].contains("caseload.sqlite · mrivera (María Rivera)"))
        #expect(h.lines[22].hasSuffix("1/48"))
        #expect(h.lines[23].hasPrefix("Enter Open  / Search  d Due  n New  F1/? Help  F10/q Quit"))
    }

    @Test func movingWithArrowsJKPagesAndEnds() throws {
        let h = try Harness()
        h.press(.down, .char("j"), .down)
        #expect(h.lines[22].hasSuffix(" 4/48"))
        #expect(h.lines[5].hasPrefix("▶"))
        h.press(.up, .char("k"))
        #expect(h.lines[22].hasSuffix(" 2/48"))
        h.press(.pageDown)
        #expect(h.lines[22].hasSuffix(" 22/48"))
        h.press(.end)
        #expect(h.lines[22].hasSuffix(" 48/48"))
        #expect(h.lines[21].hasPrefix("▶"))
        try expectGolden("caseload-end", h.screen)
        h.press(.pageUp)
        #expect(h.lines[22].hasSuffix(" 28/48"))
        h.press(.char("g"))
        #expect(h.lines[22].hasSuffix(" 1/48"))
        h.press(.char("G"))
        #expect(h.lines[22].hasSuffix(" 48/48"))
        h.press(.home, .up)
        #expect(h.lines[22].hasSuffix(" 1/48"))
        #expect(h.lines[2].hasPrefix("▶"))
    }

    @Test func aPlannerWhoCoversNobodySeesTheirOwnAndTheUnassignedOnly() throws {
        let h = try Harness(coverOthers: false)
        let rows = h.lines[2...21].filter { $0.contains(" C0000") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" MR ") || $0.contains(" —   ") })
        #expect(!h.lines[22].hasSuffix("/48"))
        // Another planner's customer is not found by search either.
        h.press(.char("/"))
        h.type("C000042")
        #expect(h.screen.contains("No customer matches"))
    }

    @Test func slashStartsANewSearchAfterAKeptOne() throws {
        let h = try Harness()
        h.openCustomer(10)
        h.press(.escape)
        h.openCustomer(16)
        #expect(h.lines[0].contains("Małgorzat"))   // C000016, not "no customer matches"
    }

    @Test func slashSearchesAsYouTypeByNameOrID() throws {
        let h = try Harness()
        h.type("/fran")
        try expectGolden("caseload-search", h.screen)
        #expect(h.lines.dropFirst(2).prefix(20).allSatisfy { $0.isEmpty || $0.contains("Fran") })
        h.press(.ctrl("u"))
        h.type("C000007")
        #expect(h.lines[22].hasSuffix(" 1/1"))
        #expect(h.lines[2].contains("C000007"))
        h.type("9")
        #expect(h.lines[22].hasSuffix(" 0/0"))
        #expect(h.screen.contains("No customer matches \"C0000079\"."))
        h.press(.escape)
        #expect(h.lines[22].hasSuffix(" 1/48"))
        #expect(h.lines[22].contains("/ to search by name or ID"))
    }

    @Test func qAndQuestionMarkAreTypedWhileSearching() throws {
        let h = try Harness()
        #expect(!h.type("/q?"))
        #expect(h.lines[22].contains("Search: q?"))
        #expect(h.press(.function(10)))
    }

    @Test func enterKeepsTheSearchAndEscClearsIt() throws {
        let h = try Harness()
        h.type("/jos")
        h.press(.enter)
        let kept = h.lines[22]
        #expect(kept.contains("Search: jos"))
        #expect(h.lines[23].hasPrefix("Enter Open"))
        h.press(.escape)
        #expect(h.lines[22].hasSuffix(" 1/48"))
    }

    @Test func qQuitsWhenNoFieldHasFocus() throws {
        let h = try Harness()
        #expect(h.press(.char("q")))
    }

    @Test func helpListsEveryKeyAndClosesWithEsc() throws {
        let h = try Harness()
        h.press(.function(1))
        try expectGolden("caseload-help", h.screen)
        for key in ["Enter", "/", "↑/↓/k/j", "PgUp/PgDn", "Home/End/g/G", "Esc", "F1/?", "F10/q"] {
            #expect(h.screen.contains("  " + key + " "), "help lacks \(key)")
        }
        h.press(.escape)
        #expect(h.lines[22].hasSuffix(" 1/48"))
        h.press(.char("?"))
        #expect(h.lines[1...3].joined().contains("Keys on the Caseload screen"))
    }

    /// A help list longer than the screen says how many lines are below and
    /// scrolls to them; a key list too long for its column breaks after a "/".
    @Test func aLongHelpSaysWhatIsBelowAndKeysAreNeverCut() throws {
        let h = try Harness()
        h.openCustomer(16)
        h.press(.function(1))
        #expect(h.screen.contains("… 2 below: ↑/↓ or PgUp/PgDn scroll"), "\(h.screen)")
        #expect(!h.lines[3...21].joined().contains("F10/q"))
        h.press(.pageDown)
        #expect(h.lines[3...21].joined().contains("F10/q") && h.screen.contains("2 above"))
        h.press(.escape, .char("n"), .function(1))
        #expect(h.screen.contains("  ↑/↓/k/j/PgUp/PgDn/     Select an entry"), "\(h.screen)")
        #expect(h.screen.contains("\n  Home/End\n"))
    }

    @Test func enterOpensTheCustomerOverviewAndEscComesBack() throws {
        let h = try Harness()
        h.press(.down, .down, .enter)
        try expectGolden("customer-overview", h.screen)
        #expect(h.lines[0].contains("Caseload !7 › "))
        #expect(h.screen.contains("Running clocks (as of 2026-11-23)"))
        h.press(.escape)
        #expect(h.lines[22].hasSuffix(" 3/48"))
    }

    /// At 80x24 the overview has room for two clock lines: the heading says
    /// how many are shown, and `c` lists every clock with why and the late entries.
    @Test func clocksThatDoNotFitAreCountedAndCListsThemAll() throws {
        let h = try Harness()
        h.openCustomer(4)
        // A long label gives way to how overdue it is.
        #expect(h.screen.contains("! 2026-04-07  Case note: Job Search and Placement Assi… (230 days overdue)"), "\(h.screen)")
        #expect(h.screen.contains("Running clocks (as of 2026-11-23) · 2 of 3 shown (c)"))
        #expect(!h.screen.contains("Plan review"))
        h.press(.char("c"))
        #expect(h.lines[0].contains("Clocks") || h.lines[0].contains("김 Min"))
        for text in ["! 2026-11-19 Contact (4 days overdue)", "2026-12-30 Plan review (in 37 days)",
                     "enter a case note within 10 days", "Late entries (more than 10 days after the event)"] {
            #expect(h.screen.contains(text), "the clocks page lacks \(text)")
        }
        h.press(.escape, .escape)
        h.openCustomer(11)
        #expect(h.screen.contains("Running clocks (as of 2026-11-23) · 3 late entries on record (c)"))
        h.press(.char("c"))
        #expect(h.screen.contains("note: Contact, entered 2024-08-07, 12 days after 2024-07-26"))
    }

    @Test func tooSmallSaysSoAndRedrawsWhenEnlarged() throws {
        let h = try Harness()
        h.terminal.resize(width: 60, height: 20)
        h.press(.down)
        try expectGolden("too-small", h.screen)
        #expect(h.screen.contains("terminal too small (need 80x24)"))
        h.terminal.resize(width: 100, height: 30)
        h.press(.down)
        #expect(h.lines.count == 30)
        #expect(h.lines[28].hasSuffix(" 2/48"))
        #expect(h.lines[0].count == 99)
    }

    @Test func hostileTextFromTheDataFileIsShownEscaped() throws {
        let evil = Customer(id: CustomerID(900), legalName: "Aaron \u{1B}[2J\u{1B}]0;owned\u{07}Evil",
                            zip: "60601", birthDate: Day(year: 1990, month: 1, day: 1)!,
                            enteredOn: Harness.today)
        let h = try Harness(customers: 3, extra: [evil])
        #expect(h.lines[2].contains("Aaron ^[[2J^[]0;own… C000900"))
        #expect(!h.screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        h.press(.enter)
        #expect(h.lines[2].contains("Aaron ^[[2J^[]0;owned^GEvil"))
    }

    @Test func namesInEveryScriptLineUpInColumns() throws {
        let h = try Harness(width: 120, height: 40)
        let idColumns = h.lines.compactMap { line -> Int? in
            guard let r = line.range(of: " C0000") else { return nil }
            return String(line[..<r.lowerBound]).displayWidth
        }
        #expect(idColumns.count == 36)
        #expect(Set(idColumns).count == 1)
    }
}
