import Foundation
import App
import Domain
import Store
import Testing
import TerminalKit

/// Notes, the timeline, referrals, outcomes and exit, driven by keys over
/// the synthetic caseload of 2026-11-23.
@Suite struct CaseWorkScreenTests {
    @Test(arguments: NoteKind.allCases)
    func eachNoteTemplateAsksForItsFields(kind: NoteKind) throws {
        let h = try Harness()
        h.openCustomer(10)
        h.press(.char("N"))
        #expect(h.lines[2].contains("Which note?"))
        h.press(.home)
        #expect(h.lines[4].contains("▶ General"))
        for _ in 0..<NoteKind.allCases.firstIndex(of: kind)! { h.press(.down) }
        h.press(.enter)
        try expectGolden("note-\(kind.rawValue)", h.screen)
    }

    @Test func aTwoWayContactNoteResetsTheContactClock() throws {
        let h = try Harness()
        h.openCustomer(4)
        #expect(h.screen.contains("! 2026-11-19  Contact (4 days overdue)"))
        h.press(.char("N"), .enter)
        #expect(h.lines[1].contains("Contact note"))
        for _ in 0..<4 { h.press(.tab) }
        h.type("Called: interview at Harbor Foods on Friday")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Contact note saved; contact clock reset from 2026-11-23"))
        #expect(h.screen.contains("2026-12-23  Contact (in 30 days)"))
        #expect(!h.screen.contains("Contact (4 days overdue)"))
        // The caseload's count in the title follows at once, not when going back to it.
        #expect(h.lines[0].contains("Caseload !6 › "), "\(h.lines[0])")
        let note = try #require(try h.store.caseWork(CustomerID(4)).notes.last)
        #expect(note.text == "Called: interview at Harbor Foods on Friday" && note.twoWay && note.author == "mrivera")
    }

    /// A long note wraps over rows as it is typed, every word in view; ↑
    /// goes up its lines before it leaves the field, and the note is saved
    /// as one text.
    @Test func aLongNoteWrapsAsItIsTypedAndIsSavedWhole() throws {
        let h = try Harness()
        h.openCustomer(4)
        h.press(.char("N"), .enter, .tab, .tab, .tab, .tab)
        let text = "Called about the warehouse job at Midwest Logistics; he interviewed Tuesday and expects an answer by "
            + "Friday. We talked about getting to the second shift: his cousin drives him until the first paycheck."
        h.type(text)
        let shown = h.lines[9...12].map { String($0.dropFirst(23)).trimmingCharacters(in: .whitespaces) }
        #expect(shown.joined(separator: " ") == text, "\(h.screen)")
        #expect(h.lines[9].hasPrefix("▶ Note *"))
        #expect(h.lines[13].trimmingCharacters(in: .whitespaces).isEmpty)
        // ↑ three times stays in the note (rows 4 → 1); the fourth leaves for the field above.
        h.press(.up, .up, .up)
        #expect(h.lines[9].hasPrefix("▶ Note *"))
        h.press(.up)
        #expect(h.lines[8].hasPrefix("▶ About"), "\(h.screen)")
        // Unfocused, the note shows three rows, the last ending in … .
        #expect(h.lines[11].trimmingCharacters(in: .whitespaces).hasSuffix(" …"), "\(h.screen)")
        #expect(h.lines[12].trimmingCharacters(in: .whitespaces).isEmpty)
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("Contact note saved"))
        #expect(try h.store.caseWork(CustomerID(4)).notes.last?.text == text)
    }

    @Test func aNoteWithoutItsTextIsRefusedInPlaceAndTheTypingKept() throws {
        let h = try Harness()
        h.openCustomer(4)
        h.press(.char("N"), .enter, .tab, .tab, .tab, .tab)
        h.press(.ctrl("s"))
        #expect(h.screen.contains("✗ Note is required"))
        #expect(h.lines[22].contains("Not saved: 1 field needs a fix"))
        h.type("Left a message")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("Contact note saved"))
    }

    @Test func theTimelineMixesEverythingNewestFirstAndSearches() throws {
        let h = try Harness()
        h.openCustomer(10)
        h.press(.char("n"))
        try expectGolden("timeline", h.screen)
        h.press(.char("/"))
        h.type("introduction")
        h.press(.enter)
        #expect(h.lines[5].contains("Introduction: Status at participation"))
        #expect(!h.screen.contains("TABE"))
        // Amend the note: the original stays, the amendment shows beside it.
        h.press(.char("a"))
        #expect(h.lines[1].contains("Amend note"))
        h.type("Also needs evening classes")
        h.press(.tab)
        h.type("left out at the meeting")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("Amendment saved; the original note stays readable"))
        h.press(.escape, .char("/"))
        h.type("evening")
        h.press(.enter)
        #expect(h.lines[5].contains("Amendment"))
        #expect(h.screen.contains("Reason for the amendment: left out at the meeting"))
    }

    @Test func aReferralIsSentAndMovesToAccepted() throws {
        let h = try Harness()
        h.openCustomer(10)
        h.press(.char("f"))
        #expect(h.screen.contains("No referrals yet"))
        h.press(.char("a"))
        h.type("c")   // jumps to Child care assistance
        h.press(.tab, .tab, .tab)
        h.type("after-school care for two children")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Referred to Child care assistance"))
        h.press(.enter)
        h.press(.ctrl("s"))
        try expectGolden("referrals", h.screen)
        #expect(h.screen.contains("sent 2026-11-23 (mrivera) → accepted 2026-11-23 (mrivera)"))
        h.press(.escape)
        #expect(h.screen.contains("referred: Child care a…"))
    }

    @Test func anOutcomeIsRecordedWithItsIndicators() throws {
        let h = try Harness()
        h.openCustomer(10)
        h.press(.char("o"), .char("e"))
        h.type("Harbor Foods")
        h.press(.tab)
        h.type("2026-11-09")
        h.press(.tab)
        h.type("32")
        h.press(.tab)
        h.type("17.50")
        h.press(.tab)
        h.type("line cook")
        // The occupation and industry as codes for the participant record: a wrong SOC code is refused in place.
        h.press(.tab)
        h.type("352014")
        h.press(.tab)
        h.type("7225")
        h.press(.tab, .tab, .ctrl("u"))
        h.type("2026-11-10")
        h.press(.ctrl("s"))
        #expect(h.screen.contains("✗ six digits as 43-4051"))
        // The refusal put the focus on the wrong field.
        h.press(.ctrl("u"))
        h.type("35-2014")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("Employment recorded (late: 13 days after you learned of it)"))
        try expectGolden("outcomes", h.screen)
        #expect(try h.store.customer(CustomerID(10))?.employedOn == Day(parsing: "2026-11-09"))
        // The wage was typed wrong: Enter corrects it, the history shows why.
        h.press(.enter)
        #expect(h.screen.contains("Correct: Employment"), "\(h.screen)")
        h.press(.tab, .tab, .tab, .ctrl("u"))
        h.type("18.25")
        h.press(.ctrl("s"))
        h.type("the pay stub says 18.25")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("Employment corrected; history kept"), "\(h.screen)")
        #expect(h.screen.contains("Hourly wage \"17.50\" → \"18.25\" (the pay stub says 18.25)"), "\(h.screen)")
    }

    @Test func theExitScreenListsWhatMustBeTrueAndFollowUpAfterwards() throws {
        let h = try Harness()
        h.openCustomer(10)
        h.press(.char("x"))
        try expectGolden("exit-checklist", h.screen)
        h.press(.char("x"))
        #expect(h.screen.contains("Not ready:"))
        h.press(.escape, .escape, .escape)
        h.openCustomer(12)
        h.press(.char("x"))
        try expectGolden("exit-follow-up", h.screen)
    }

    @Test func aRefusalLongerThanItsTwoRowsSaysThatItGoesOn() throws {
        let h = try Harness()
        h.openCustomer(10)
        h.press(.char("x"), .char("x"))
        // Three lines' worth at 80 columns: the second row ends with the mark instead of stopping mid-list.
        #expect(h.lines[21].contains("Not ready: 1 open"))
        #expect(h.lines[22].trimmingCharacters(in: .whitespaces).hasSuffix("…"))
    }

    @Test func aServiceInAnotherProgramIsRecordedFromTheExitScreen() throws {
        let h = try Harness()
        h.openCustomer(10)
        h.press(.char("x"), .char("c"))
        #expect(h.screen.contains("Service in another program"))
        h.press(.ctrl("s"))
        #expect(h.screen.contains("✗ Service is required"))
        h.type("resume clinic")   // a refused save puts the cursor on the field to fix
        h.press(.tab, .ctrl("u"))
        h.type("2026-12-10")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Scheduled: Wagner-Peyser Employment Service, 2026-12-10"))
        #expect(h.screen.contains("scheduled 2026-12-10  Wagner-Peyser Employment Service: resume clinic"))
        #expect(try h.store.caseWork(CustomerID(10)).otherServices.map(\.service).contains("resume clinic"))
    }

    @Test func theFrontDeskIsToldItCannotWriteNotes() throws {
        let h = try Harness(login: "dbrooks")
        h.openCustomer(10)
        h.press(.char("N"), .enter)
        #expect(h.lines[22].contains("write case notes, referrals, outcomes and exits"))
    }
}

