import TerminalKit

/// "Throw away what you typed?": asked when a form with changes is left by
/// Esc (back) or F10 (quit). Only its answers and help work meanwhile.
struct DiscardQuestion: Equatable {
    /// F10 asked: yes quits the program instead of closing the form.
    let quit: Bool

    static let bindings = [
        KeyBinding([.char("y")], "Discard", help: "Throw away what was typed"),
        KeyBinding([.char("n"), .escape], "Keep editing", help: "Go back to the form"),
    ]

    /// What the key does while asking; nil means "keep editing".
    func answer(_ key: Key) -> Effect? {
        switch key {
        case .char("y"), .char("Y"): quit ? .quit : .pop
        case .char("n"), .char("N"), .escape: nil
        case .function(1), .char("?"): .unhandled
        default: .handled
        }
    }

    func prompt(_ what: String) -> String {
        (quit ? "Quit and throw away \(what)?" : "Throw away \(what)?") + " y = yes, n = keep editing"
    }
}
