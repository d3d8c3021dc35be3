import TerminalKit

/// "Throw away what you typed?": asked when a form with changes is left by
/// Esc (back) or F10 (quit). Only its answers and help work meanwhile.
struct DiscardQuestion: Equatable {
    /// F10 asked: yes quits the program instead of closing the form.
    let quit: Bool

    /// Its answers as commands of the form asking: yes leaves (or quits),
    /// no runs `keepEditing`.
    func commands<S>(keepEditing: @escaping (inout S) -> Void) -> [Command<S>] {
        [.answer("y", "Discard", help: "Throw away what was typed") { _ in quit ? .quit : .pop },
         .answer("n", or: .escape, "Keep editing", help: "Go back to the form") { screen in
             keepEditing(&screen)
             return .handled
         }]
    }

    func prompt(_ what: String) -> String {
        (quit ? "Quit and throw away \(what)?" : "Throw away \(what)?") + " y = yes, n = keep editing"
    }
}
