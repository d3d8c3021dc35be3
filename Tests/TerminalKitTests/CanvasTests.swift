import Testing
@testable import TerminalKit

@Suite struct CanvasTests {
    @Test func wideCharactersTakeTwoCells() {
        var c = Canvas(width: 10, height: 1)
        let used = c.put("王芳 ok", row: 0, col: 1)
        #expect(used == 7)
        #expect(c.line(0) == " 王芳 ok  ")
        #expect(c[0, 2].text.isEmpty)
    }

    @Test func aWideCharacterThatDoesNotFitIsNotHalfDrawn() {
        var c = Canvas(width: 5, height: 1)
        c.put("ab王芳", row: 0, col: 0)
        // The cell left over says the text goes on.
        #expect(c.line(0) == "ab王…")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var c = Canvas(width: 6, height: 1)
        c.put("王芳", row: 0, col: 0)
        c.put("x", row: 0, col: 1)
        #expect(c.line(0) == " x芳  ")
        c.put("y", row: 0, col: 2)
        #expect(c.line(0) == " xy   ")
    }

    @Test func textIsClippedAndSanitized() {
        var c = Canvas(width: 8, height: 2)
        c.put("\u{1B}]0;pwned\u{07}", row: 1, col: 0, maxWidth: 6)
        #expect(c.line(1) == "^[]0;…  ")
        #expect(c.put("x", row: 5, col: 0) == 0)
        #expect(c.text == "\n^[]0;…")
    }

    @Test func cutTextEndsInAnEllipsisButTrailingSpaceDoesNot() {
        var c = Canvas(width: 10, height: 3)
        c.put("plant closure", row: 0, col: 0, maxWidth: 8)
        #expect(c.line(0) == "plant c…  ")
        c.put("fits    ", row: 1, col: 0, maxWidth: 4)
        #expect(c.line(1) == "fits      ")
        c.put("王芳王芳王芳", row: 2, col: 0)
        #expect(c.line(2) == "王芳王芳… ")
    }

    @Test func tableColumnsLineUpWhateverTheScript() {
        let table = Table([.init("Name", width: 4, flexible: true), .init("ID", width: 3)])
        var c = Canvas(width: 14, height: 3)
        table.drawRow(["王芳", "C1"], into: &c, row: 0, col: 0, width: 14, role: .normal)
        table.drawRow(["José Núñez", "C2"], into: &c, row: 1, col: 0, width: 14, role: .normal)
        table.drawRow(["Aleksandra Wiśniewska", "C3"], into: &c, row: 2, col: 0, width: 14, role: .normal)
        #expect(c.text == "王芳       C1\nJosé Núñez C2\nAleksandr… C3")
    }
}
