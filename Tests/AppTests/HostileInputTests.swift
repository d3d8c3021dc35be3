import App
import Domain
import Foundation
import Store
import Testing
import TerminalKit
import Synthetic

/// Random keystrokes on every screen at random sizes, and names and notes
/// made to break a terminal: nothing crashes, hangs or corrupts the file,
/// text is stored exactly and drawn safely.
@Suite struct HostileInputTests {
    /// Keys a user (or a cat on the keyboard) can send.
    static let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
                              .backspace, .delete, .ctrl("s"), .ctrl("u"), .function(1), .function(2), .char(" ")]
        + Array("abcdefghijklmnoprstuvwxyzABDGJKNQS0123456789/?!-.,é☃").map { Key.char($0) }

    @Test(.timeLimit(.minutes(3)))
    func tenThousandRandomKeysAtRandomSizes() throws {
        let h = try Harness(customers: 24)
        var rng = SplitMix(seed: 20261123)
        let terminal = MemoryTerminal(width: 80, height: 24)
        func newLoop() -> AppLoop { AppLoop(root: CaseloadScreen(session: h.session), store: h.store, terminal: terminal, titleRight: "fuzz") }
        var loop = newLoop()
        var sent = 0
        var quits = 0
        while sent < 10_000 {
            if rng.next() % 150 == 0 {
                terminal.resize(width: 60 + Int(rng.next() % 141), height: 18 + Int(rng.next() % 43))
            }
            // q and F10 quit, as they should: start again, as a user would.
            var batch: [Key] = []
            for _ in 0..<20 {
                let k = Self.keys[Int(rng.next() % UInt64(Self.keys.count))]
                batch.append(rng.next() % 400 == 0 ? .char("q") : k)
            }
            terminal.type(batch)
            sent += batch.count
            if loop.run() {
                quits += 1
                loop = newLoop()
            }
            // Whatever is drawn is never wider than the terminal and holds no control character.
            for line in terminal.screen.text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(line.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
            }
        }
        #expect(quits > 0)
        #expect(try h.store.integrityProblems().isEmpty)
        // Every record still reads and the whole file still exports.
        for id in 1...24 { #expect(try h.store.caseFile(CustomerID(Int64(id))) != nil) }
        _ = try h.store.exportJSON(by: Staff(login: "root", name: "Root", initials: "R", role: .administrator))
    }

    static let hostileName = "Zoë\u{1b}[31m Ré\u{0301}my \u{202e}evil\u{202c} 👩‍👩‍👧 Nguyễn"

    @Test func hostileTextIsStoredExactlyAndDrawnSafelyAndAligned() throws {
        let evil = Customer(id: CustomerID(900), legalName: Self.hostileName, zip: "60601", birthDate: Day(parsing: "1990-01-01")!,
                            program: .adult, planner: "mrivera", enteredOn: Harness.today, appliedOn: Harness.today,
                            eligibleOn: Harness.today, enrolledOn: Harness.today)
        let h = try Harness(customers: 12, extra: [evil])
        #expect(try h.store.customer(CustomerID(900))?.legalName == Self.hostileName)
        let long = String(repeating: "Long note with \u{1b}]0;title\u{7} tricks and emoji 🎉. ", count: 220)
        #expect(long.count >= 10_000)
        try h.store.addNote(CaseNote(id: 0, customer: CustomerID(900), kind: .general, eventOn: Harness.today, enteredOn: Harness.today,
                                     author: "", text: long), by: h.session.user)
        #expect(try h.store.caseWork(CustomerID(900)).notes.first?.text == long)
        for screen in [[Key](), [.char("/")] + "900".map { Key.char($0) } + [.enter], [.enter], [.char("n")]] {
            h.press(screen.isEmpty ? .resize : screen[0])
            for k in screen.dropFirst() { h.press(k) }
            for line in h.lines {
                #expect(!line.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x202e || $0.value == 0x07 })
                #expect(line.displayWidth <= 80)
            }
        }
        #expect(h.screen.contains("Zoë^[[31m"))
        #expect(h.screen.contains("<U+202E>"))
    }
}
