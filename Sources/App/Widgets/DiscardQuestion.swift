import TerminalKit

/// "Throw away what you typed?": asked when a form with changes is left by
/// Esc (back) or F10 (quit). Only its answers and help work meanwhile.
struct DiscardQuestion: Equatable {
    /// F10 asked: yes quits the program instead of closing the form.
    let quit: Bool

    enum Answer {
        /// Leave, throwing the typing away.
        case discard(Effect)
        case keepEditing
        /// Still asking (the key was ignored), or help was asked for.
        case asking(Effect)
    }

    static let bindings = [
        KeyBinding([.char("y")], "Discard", help: "Throw away what was typed"),
        KeyBinding([.char("n"), .escape], "Keep editing", help: "Go back to the form"),
    ]

    func answer(_ key: Key) -> Answer {
        switch key {
        case .char("y"), .char("Y"): .discard(quit ? .quit : .pop)
        case .char("n"), .char("N"), .escape: .keepEditing
        case .function(1), .char("?"): .asking(.unhandled)
        default: .asking(.handled)
        }
    }

    func prompt(_ what: String) -> String {
        (quit ? "Quit and throw away \(what)?" : "Throw away \(what)?") + " y = yes, n = keep editing"
    }
}
