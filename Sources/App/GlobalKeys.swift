import TerminalKit

/// Keys that work on every screen, after the screen itself has declined them.
enum GlobalKeys {
    static let help = KeyBinding([.function(1), .char("?")], "Help", help: "Show every key of this screen")
    static let back = KeyBinding([.escape], "Back", help: "Go back to the previous screen")
    static let quit = KeyBinding([.function(10), .char("q")], "Quit",
                                 help: "Quit careerplan (q only when no text field has focus)")

    static let note = KeyBinding([.char("N")], "Note", help: "Write a case note for the customer open on this screen")

    /// The global keys as shown for a screen at a given depth.
    static func bindings(canGoBack: Bool, customer: Bool = false) -> [KeyBinding] {
        (customer ? [note] : []) + (canGoBack ? [help, back, quit] : [help, quit])
    }

    /// The global keys that still work on `screen`: not those it binds
    /// itself, and no printable key while a text field has focus.
    static func bindings(for screen: any Screen, canGoBack: Bool) -> [KeyBinding] {
        let available = screen.isAsking ? [help] : bindings(canGoBack: canGoBack, customer: screen.openCustomer != nil)
        return available.compactMap { global in
            var b = global
            b.keys = b.keys.filter { key in
                !(screen.acceptsText && key.isPrintable) && !screen.bindings.contains { $0.matches(key) }
            }
            return b.keys.isEmpty ? nil : b
        }
    }
}
