/// A decoded key press. Backends turn bytes or curses codes into these;
/// screens only ever see `Key`.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// The terminal changed size; the backend has already resized.
    case resize
    /// Input ended (the terminal went away).
    case endOfInput
    /// No key for a second (`Terminal.idleTimeout`): time to keep what was typed.
    case idle

    /// A key that types a character into a focused text field.
    public var isPrintable: Bool {
        if case .char = self { return true }
        return false
    }

    /// How the key is written in the key bar, help and README.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        case .resize: "resize"
        case .endOfInput: "end of input"
        case .idle: "idle"
        }
    }
}
