/// A one-line text field: typing inserts at the cursor, ←/→ Home/End move,
/// Backspace/Del delete, Ctrl-U clears. Keys it does not use are returned
/// to the screen.
public struct TextField: Hashable, Sendable {
    public var text: String
    /// Cursor position in characters.
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// The editing keys, for help screens of every screen with a field.
    public static let editing = KeyBinding(
        [.left, .right, .home, .end, .backspace, .delete, .ctrl("u")], "Edit",
        help: "Edit the text: ←/→ move, Home/End (or Ctrl-A/Ctrl-E) jump to the ends, Backspace/Del delete, Ctrl-U clears",
        inBar: false, shownKeys: "Editing keys")

    /// True when the key edited the field or moved its cursor.
    public mutating func handle(_ key: Key) -> Bool {
        var chars = Array(text)
        switch key {
        case .char(let c):
            chars.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            chars.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < chars.count else { return true }
            chars.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .ctrl("u"):
            chars = []
            cursor = 0
        default: return false
        }
        text = String(chars)
        return true
    }

    /// Draws the field and places the terminal cursor in it. Long text
    /// scrolls so the cursor stays visible.
    public func draw(into canvas: inout Canvas, row: Int, col: Int, width: Int, focused: Bool) {
        guard width > 1 else { return }
        canvas.fill(row: row, col: col, width: width, role: .input)
        let chars = Array(text.terminalSafe)
        var start = 0
        let cursorAt = min(cursor, chars.count)
        // Unfocused, a long text reads from its start; focused, it scrolls to the cursor.
        while focused, String(chars[start..<cursorAt]).displayWidth > width - 1 { start += 1 }
        canvas.put(String(chars[start...]), row: row, col: col, role: .input, maxWidth: width)
        if focused {
            canvas.cursor = (row, col + String(chars[start..<cursorAt]).displayWidth)
        }
    }
}
