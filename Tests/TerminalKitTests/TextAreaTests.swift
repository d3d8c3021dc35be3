import Foundation
import Testing
@testable import TerminalKit

@Suite struct TextAreaTests {
    static let answer = "She wants to work with her hands, near home, and be done by three for her son"

    /// Rows break after a space, keep it, and cover every character once.
    @Test func wrapsAtSpacesWithoutLosingACharacter() {
        let rows = TextArea.rows(of: Self.answer, width: 21)
        let chars = Array(Self.answer)
        let lines = rows.map { String(chars[$0]) }
        #expect(lines == ["She wants to work ", "with her hands, near ", "home, and be done by ", "three for her son"])
        #expect(lines.joined() == Self.answer)
        // 20 cells of words; a space that ends a row may take the cursor's cell.
        #expect(lines.allSatisfy { $0.trimmingCharacters(in: .whitespaces).displayWidth <= 20 })
    }

    @Test func aWordLongerThanTheRowIsBrokenAndAnEmptyTextHasOneRow() {
        let rows = TextArea.rows(of: "Wolfeschlegelsteinhausen", width: 11)
        #expect(rows.map(\.count) == [10, 10, 4])
        #expect(TextArea.rows(of: "", width: 30) == [0..<0])
    }

    @Test func wideCharactersCountTwoCells() {
        let rows = TextArea.rows(of: "王芳 王芳 王芳", width: 10)
        #expect(rows.map(\.count) == [6, 2])
    }

    /// ↑/↓ keep the column; at the first or last row they are not used, so
    /// the form moves to the previous or next field.
    @Test func upAndDownMoveBetweenRowsThenLeaveTheField() {
        var area = TextArea(Self.answer)
        #expect(area.cursorRow(width: 21) == 3)
        let downAtTheEnd = area.handle(.down, width: 21)
        #expect(!downAtTheEnd)
        let up = area.handle(.up, width: 21)
        #expect(up)
        #expect(area.cursorRow(width: 21) == 2)
        // The end of "three for her son" is column 17; row 2 is "home, and be done by ".
        // Row 2 starts after 18 + 21 characters.
        #expect(area.field.cursor == 18 + 21 + 17)
        _ = area.handle(.up, width: 21)
        _ = area.handle(.up, width: 21)
        #expect(area.cursorRow(width: 21) == 0)
        let upAtTheTop = area.handle(.up, width: 21)
        #expect(!upAtTheTop)
        let typed = area.handle(.char("!"), width: 21)
        #expect(typed && area.text.hasPrefix("She wants to work! with"))
    }

    @Test func drawsTheRowsAroundTheCursorAndMarksMoreWhenNotFocused() {
        var canvas = Canvas(width: 24, height: 3)
        TextArea(Self.answer).draw(into: &canvas, row: 0, col: 0, width: 21, visible: 3, focused: false)
        #expect(canvas.line(2).hasPrefix("home, and be done …"))
        #expect(canvas.cursor == nil)

        var focused = Canvas(width: 24, height: 3)
        TextArea(Self.answer).draw(into: &focused, row: 0, col: 0, width: 21, visible: 3, focused: true)
        #expect(focused.line(0).hasPrefix("with her hands, near"))
        #expect(focused.line(2).hasPrefix("three for her son"))
        #expect(focused.cursor?.row == 2 && focused.cursor?.col == 17)
    }
}
