import App
import Domain
import Testing
import TerminalKit

@Suite struct CustomerEntryScreenTests {
    /// Fills the form: legal name, name used, email, ZIP, birth date, phone.
    func fill(_ h: Harness, _ values: [String]) {
        for (i, v) in values.enumerated() {
            h.type(v)
            if i < values.count - 1 { h.press(.tab) }
        }
    }

    @Test func emptyForm() throws {
        let h = try Harness(login: "dbrooks")
        h.press(.char("n"))
        try expectGolden("entry", h.screen)
        #expect(h.lines[23].hasPrefix("Ctrl-S/F2 Save  Esc Cancel  F1 Help  F10 Quit"))
    }

    @Test func errorsShowBesideTheirFieldsAndTheTypingIsKept() throws {
        let h = try Harness(login: "dbrooks")
        h.press(.char("n"))
        fill(h, ["José Núñez", "", "jn@", "606", "31/02/1990", "555"])
        h.press(.function(2))
        try expectGolden("entry-errors", h.screen)
        #expect(h.screen.contains("✗ must look like name@example.org"))
        #expect(h.screen.contains("✗ not a date; type 1990-05-31 or 05/31/1990"))
        #expect(h.screen.contains("Not saved: 4 fields need a fix"))
        #expect(h.lines[8].hasPrefix("▶ Email"))
        // Fix them one by one; the rest stays as typed.
        h.press(.end)
        h.type("example.org")
        h.press(.tab, .ctrl("u"))
        h.type("60623")
        h.press(.tab, .ctrl("u"))
        h.type("05/31/1990")
        h.press(.tab, .ctrl("u"), .ctrl("s"))
        #expect(h.lines[22].contains("✓ Saved C000049"))
        let row = try #require(h.lines.first { $0.hasPrefix("▶") })
        #expect(row.contains("José Núñez") && row.contains("C000049") && row.contains("Reportable"))
        let saved = try #require(try h.store.customer(CustomerID(49)))
        #expect(saved.email == "jn@example.org" && saved.birthDate == Day(parsing: "1990-05-31"))
    }

    @Test func aDuplicateIsShownAndCanBeOpenedInstead() throws {
        let h = try Harness(login: "dbrooks")
        let existing = try #require(try h.store.customer(CustomerID(2)))
        h.press(.char("n"))
        fill(h, [existing.legalName, "", "", "60623", existing.birthDate.description, ""])
        h.press(.ctrl("s"))
        try expectGolden("entry-duplicates", h.screen)
        #expect(h.screen.contains("C000002  \(existing.displayName)  born \(existing.birthDate)  same name and date of birth"))
        h.press(.enter)
        #expect(h.lines[2].contains(existing.displayName))
        #expect(h.lines[0].contains("Caseload › "))
        #expect(try h.store.count(.init()) == 48)
    }

    @Test func creatingAnywayIsRecorded() throws {
        let h = try Harness(login: "dbrooks")
        let existing = try #require(try h.store.customer(CustomerID(2)))
        h.press(.char("n"))
        fill(h, [existing.legalName, "", "", "60623", existing.birthDate.description, ""])
        h.press(.ctrl("s"), .char("c"))
        #expect(h.lines[22].contains("✓ Saved C000049"))
        #expect(try h.store.duplicateDecisions(for: CustomerID(49)).map(\.matched) == [[CustomerID(2)]])
        h.press(.enter)
        // The note has a row of its own under the name, which it used to cover.
        #expect(h.lines[2].contains("Guadalupe Hernández") && h.lines[2].contains("C000049"))
        #expect(h.lines[3].contains("Possible duplicate of C000002, kept as a separate record by dbrooks"))
    }

    @Test func escAsksBeforeThrowingAwayTypedText() throws {
        let h = try Harness(login: "dbrooks")
        h.press(.char("n"))
        h.type("Ana")
        h.press(.escape)
        #expect(h.lines[22].contains("Throw away what you typed? y = yes, n = keep editing"))
        h.press(.char("n"))
        #expect(h.lines[4].contains("Ana"))
        #expect(!h.press(.function(10)))
        #expect(h.lines[22].contains("Quit and throw away what you typed?"))
        h.press(.escape, .escape, .char("y"))
        #expect(h.lines[22].hasSuffix("1/48"))
    }

    @Test func helpListsTheEditingKeysAndAQuestionOffersOnlyItsAnswers() throws {
        let h = try Harness(login: "dbrooks")
        h.press(.char("n"), .function(1))
        #expect(h.screen.contains("  Editing keys "))
        #expect(h.screen.contains("Ctrl-U clears"))
        h.press(.escape)
        h.type("Ana")
        h.press(.escape)
        #expect(h.lines[23].hasPrefix("y Discard  n/Esc Keep editing  F1/? Help"))
        #expect(!h.lines[23].contains("Quit"))
        #expect(!h.press(.function(10)))
        h.press(.char("n"))
        #expect(h.lines[4].contains("Ana"))
    }

    @Test func qIsTypedIntoTheForm() throws {
        let h = try Harness(login: "dbrooks")
        h.press(.char("n"))
        #expect(!h.type("q?"))
        #expect(h.lines[4].contains("q?"))
    }

    @Test func aSupervisorIsToldInsteadOfGivenTheForm() throws {
        let h = try Harness(login: "asantos")
        h.press(.char("n"))
        #expect(h.lines[22].contains("Supervisors may not enter customers"))
        #expect(h.lines[0].contains("careerplan │ Caseload "))
    }
}
