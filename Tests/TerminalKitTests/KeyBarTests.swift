import Testing
@testable import TerminalKit

/// The bottom row never hides a key without a sign.
@Suite struct KeyBarTests {
    let own = [KeyBinding([.char("e")], "Employment", help: ""), KeyBinding([.char("c")], "Credential", help: ""),
               KeyBinding([.enter], "Correct", help: ""), KeyBinding([.char("s")], "Skill gain", help: "")]
    let pinned = [KeyBinding([.function(1), .char("?")], "Help", help: "", shownKeys: "F1/?"),
                  KeyBinding([.escape], "Back", help: "")]

    func bar(width: Int) -> String {
        var canvas = Canvas(width: width, height: 1)
        KeyBar.draw(into: &canvas, bindings: own, pinned: pinned)
        return canvas.line(0).trimmingCharacters(in: .whitespaces)
    }

    @Test func everyKeyShowsWhenThereIsRoom() {
        #expect(bar(width: 120) == "e Employment  c Credential  Enter Correct  s Skill gain  F1/? Help  Esc Back")
    }

    @Test func theHelpKeyCountsTheKeysThatDidNotFit() {
        #expect(bar(width: 60) == "e Employment  c Credential  F1/? Help +2  Esc Back")
        #expect(bar(width: 40) == "e Employment  F1/? Help +3  Esc Back")
    }
}
