import App
import Foundation
import Domain
import Store
import Testing
import TerminalKit

/// Drafts: unsaved typing kept for its user and offered back in the same
/// form; a saved or abandoned form leaves none; a full SSN is never kept.
@Suite struct DraftTests {
    func loop(_ h: Harness, _ terminal: MemoryTerminal) -> AppLoop {
        AppLoop(root: CaseloadScreen(session: h.session), store: h.store, terminal: terminal, titleRight: "t", drafts: DraftKeeper(store: h.store))
    }

    func openNote(_ terminal: MemoryTerminal, _ loop: AppLoop) {
        terminal.type([.char("/")] + "C000022".map { Key.char($0) } + [.enter, .enter, .char("N"), .enter])
        loop.run()
    }

    @Test func aKeptDraftIsOfferedBackAndRestored() throws {
        let h = try Harness()
        let first = MemoryTerminal()
        let one = loop(h, first)
        openNote(first, one)
        first.type([.tab, .tab, .tab, .tab] + "Called about 123-45-6789 and the job".map { Key.char($0) })
        one.run()
        one.keepDrafts()
        let kept = try #require(try h.store.draft(customer: CustomerID(22), form: "Mehmet Çelik C000022 · Contact note"))
        #expect(kept.values["text"] == "Called about •••-••-•••• and the job")

        let second = MemoryTerminal()
        let two = loop(h, second)
        openNote(second, two)
        #expect(second.screen.text.contains("Ctrl-R restores, Ctrl-D discards"))
        // Typing that arrives before the question is read answers nothing.
        second.type("burst text".map { Key.char($0) } + [.char("d")])
        two.run()
        #expect(second.screen.text.contains("Ctrl-R restores, Ctrl-D discards"))
        second.type([.ctrl("r")])
        two.run()
        #expect(second.screen.text.contains("Note *               Called about •••-••-•••• and the job"))
        // Leaving the form throws the typing away, asked first; the draft goes with it.
        second.type([.escape, .char("y")])
        two.run()
        #expect(try h.store.draft(customer: CustomerID(22), form: "Mehmet Çelik C000022 · Contact note") == nil)
    }

    /// A second without a key keeps what was typed (the terminal says
    /// `.idle`); with nothing typed since, no write is made.
    @Test func anIdleSecondKeepsTheTyping() throws {
        let h = try Harness()
        let terminal = MemoryTerminal()
        let l = loop(h, terminal)
        openNote(terminal, l)
        terminal.type([.tab, .tab, .tab, .tab] + "Last words before the link froze".map { Key.char($0) } + [.idle])
        l.run()
        let kept = try #require(try h.store.draft(customer: CustomerID(22), form: "Mehmet Çelik C000022 · Contact note"))
        #expect(kept.values["text"] == "Last words before the link froze")
    }

    /// When typing cannot be kept (here: the planner was taken off the staff
    /// list while she typed), the bottom line says so instead of the safety
    /// net failing in silence; her typing stays in the form.
    @Test func typingThatCannotBeKeptSaysSo() throws {
        let h = try Harness()
        let terminal = MemoryTerminal()
        let l = loop(h, terminal)
        openNote(terminal, l)
        terminal.type([.tab, .tab, .tab, .tab] + "Typed before leaving".map { Key.char($0) })
        l.run()
        let admin = Staff(login: "root", name: "Root", initials: "R", role: .administrator)
        try h.store.insert(staff: [admin])
        let asAdmin = try CaseloadStore(path: h.store.path, actor: admin.login, today: { Harness.today }, now: { Harness.now })
        try asAdmin.deactivate("mrivera", on: Harness.today, reason: "moved to another center", handOffTo: "tnguyen", by: admin)
        l.keepDrafts()
        terminal.type([.char(" ")])
        l.run()
        #expect(terminal.screen.text.contains("! Typing not kept as a draft:"), "\(terminal.screen.text)")
        #expect(terminal.screen.text.contains("Typed before leaving"))
    }

    /// Ctrl-C in a form with typing asks, as F10 does, and keeps the typing.
    @Test func ctrlCWithTypingAsksAndKeepsADraft() throws {
        let h = try Harness()
        let terminal = MemoryTerminal()
        let l = loop(h, terminal)
        openNote(terminal, l)
        terminal.type([.tab, .tab, .tab, .tab] + "Half a note".map { Key.char($0) } + [.ctrl("c")])
        #expect(l.run() == false, "input ended with the question still open: the program did not quit")
        #expect(terminal.screen.text.contains("Half a note"))
        let kept = try #require(try h.store.draft(customer: CustomerID(22), form: "Mehmet Çelik C000022 · Contact note"))
        #expect(kept.values["text"] == "Half a note")
    }

    @Test func aPlanDraftKeptBeforeANewerSaveIsMergedIntoIt() throws {
        let h = try Harness()
        let saved = try #require(try h.store.plan(for: CustomerID(16)))
        // The draft: a step added to the plan as it was (version N) ...
        var mine = saved.plan
        mine.goals[0].steps.append(PlanStep(id: mine.newID(), text: "Call the union hall by 2026-12-01"))
        let json = String(decoding: try JSONEncoder().encode(mine), as: UTF8.self)
        try h.store.saveDraft(["plan": json, "over": String(saved.version)], customer: CustomerID(16), form: "plan")
        // ... then someone saved version N+1 with a change elsewhere.
        var theirs = saved.plan
        theirs.goals[0].text = "Pharmacy technician job near home"
        let admin = Staff(login: "root", name: "Area Admin", initials: "AA", role: .administrator)
        try h.store.savePlan(theirs, over: saved.version, by: admin, today: Harness.today, matrix: try ServicesMatrix.bundled(),
                             reason: "goal reworded")
        let terminal = MemoryTerminal()
        let app = loop(h, terminal)
        terminal.type([.char("/")] + "C000016".map { Key.char($0) } + [.enter, .enter, .char("p"), .ctrl("r")])
        app.run()
        #expect(terminal.screen.text.contains("Unsaved edits restored; your edits re-applied on top of v\(saved.version + 1)"))
        #expect(terminal.screen.text.contains("near home"))
        #expect(terminal.screen.text.contains("Call the union hall"))
    }

    @Test func anotherUserNeverSeesYourDraft() throws {
        let h = try Harness()
        let theirs = try CaseloadStore(path: h.store.path, actor: "tnguyen", today: { Harness.today }, now: { Harness.now })
        try theirs.saveDraft(["text": "mine"], customer: CustomerID(22), form: "Mehmet Çelik C000022 · Contact note")
        let terminal = MemoryTerminal()
        let l = loop(h, terminal)
        openNote(terminal, l)
        #expect(!terminal.screen.text.contains("Ctrl-R restores"))
    }

    @Test func unsavedPlanEditsAreKeptAndRestored() throws {
        let h = try Harness()
        let first = MemoryTerminal()
        let one = loop(h, first)
        first.type([.char("/")] + "C000022".map { Key.char($0) } + [.enter, .enter, .char("p"), .char("g")])
        first.type("Finish the CDL course")
        first.type([.tab, .tab, .tab])
        first.type("2027-06-30")
        first.type([.tab])
        first.type("wants to drive trucks")
        first.type([.ctrl("s")])
        one.run()
        #expect(first.screen.text.contains("● unsaved"))
        one.keepDrafts()

        let second = MemoryTerminal()
        let two = loop(h, second)
        second.type([.char("/")] + "C000022".map { Key.char($0) } + [.enter, .enter, .char("p")])
        two.run()
        #expect(second.screen.text.contains("Unsaved plan kept from") && second.screen.text.contains("Ctrl-R restores, Ctrl-D discards"))
        second.type([.ctrl("r")])
        two.run()
        #expect(second.screen.text.contains("Finish the CDL course"))
        #expect(second.screen.text.contains("Unsaved edits restored: save them with Ctrl-S"))
    }
}
