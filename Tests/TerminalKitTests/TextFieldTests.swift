import Testing
@testable import TerminalKit

@Suite struct TextFieldTests {
    @Test func editsAtTheCursor() {
        var f = TextField("Nuez")
        let moved = f.handle(.left) && f.handle(.left)
        #expect(moved)
        _ = f.handle(.char("ñ"))
        #expect(f.text == "Nuñez")
        _ = f.handle(.backspace)
        _ = f.handle(.home)
        _ = f.handle(.delete)
        #expect(f.text == "uez")
        _ = f.handle(.ctrl("u"))
        #expect(f.text.isEmpty && f.cursor == 0)
        let usedEnter = f.handle(.enter)
        #expect(!usedEnter)
    }

    @Test func drawsWithTheCursorAfterWideText() {
        var c = Canvas(width: 10, height: 1)
        TextField("王芳").draw(into: &c, row: 0, col: 2, width: 6, focused: true)
        #expect(c.cursor?.col == 6)
    }
}
