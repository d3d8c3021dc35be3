import Domain
import TerminalKit

/// A screen's key with what it does. The key bar, help and the README key
/// reference read `binding`; `update` runs `run`. One declaration, so no
/// key can be listed and do nothing, or work and be missing from help.
struct Command<S> {
    let binding: KeyBinding
    let run: (inout S, Key) -> Effect

    init(_ binding: KeyBinding, _ run: @escaping (inout S, Key) -> Effect) {
        self.binding = binding
        self.run = run
    }
}

/// A screen whose keys are `Command`s.
protocol CommandScreen: Screen {
    /// Its commands now, in the order the key bar shows them.
    var commands: [Command<Self>] { get }
}

extension CommandScreen {
    var bindings: [KeyBinding] { commands.map(\.binding) }

    /// Runs the command bound to `key`; nil when no command is.
    mutating func run(_ key: Key) -> Effect? {
        guard let command = commands.first(where: { $0.binding.matches(key) }) else { return nil }
        return command.run(&self, key)
    }
}

/// A screen with a list to select in.
protocol SelectingScreen: CommandScreen {
    var selected: Int { get set }
    /// How many rows the list has now.
    var rowCount: Int { get }
}

extension SelectingScreen {
    /// ↑/↓ (k/j) by one, PgUp/PgDn by `page` where given, Home/End to the
    /// ends: `help` says what selecting does.
    static func move(_ help: String, page: Int? = nil) -> Command<Self> {
        let keys: [Key] = [.up, .down, .char("k"), .char("j")] + (page == nil ? [] : [.pageUp, .pageDown]) + [.home, .end]
        return Command(KeyBinding(keys, "Move", help: help, inBar: false)) { screen, key in
            screen.selected = ListMove.index(screen.selected, key: key, count: screen.rowCount, page: page) ?? screen.selected
            return .handled
        }
    }
}

/// A screen that says on its status line why the user may not do something.
protocol ExplainsRefusals: Screen {
    var session: Session { get }
    var message: String? { get set }
}

extension ExplainsRefusals {
    /// A command only some roles may use: for the others the key is dimmed,
    /// help says why, and pressing it says why on the status line (the Store
    /// refuses the write again whatever the screen does).
    func needing(_ permission: Permission, _ binding: KeyBinding,
                 _ run: @escaping (inout Self) -> Effect) -> Command<Self> {
        var shown = binding
        shown.disabled = session.refusal(permission)
        return Command(shown) { screen, _ in
            if let refusal = screen.session.refusal(permission) {
                screen.message = refusal
                return .handled
            }
            return run(&screen)
        }
    }
}

extension CaseFileScreen where Self: CommandScreen {
    /// Clears the last message, then runs the key's command.
    mutating func runCommand(_ key: Key) -> Effect {
        message = nil
        notice = nil
        return run(key) ?? .unhandled
    }
}

/// A screen that scrolls text: ↑/↓ (k/j) by a line, PgUp/PgDn by a page.
protocol ScrollingScreen: CommandScreen {
    var top: Int { get set }
    /// The last `top` that still shows text; nil when the drawing clamps it.
    var maxTop: Int? { get }
    /// How many lines PgUp and PgDn move.
    var page: Int { get }
}

extension ScrollingScreen {
    var maxTop: Int? { nil }
    var page: Int { 10 }

    static func scroll(_ help: String, keys: [Key] = [.up, .down, .char("k"), .char("j"), .pageUp, .pageDown]) -> Command<Self> {
        Command(KeyBinding(keys, "Scroll", help: help, inBar: false)) { screen, key in
            let step = switch key {
            case .pageDown: screen.page
            case .pageUp: -screen.page
            case .down, .char("j"): 1
            default: -1
            }
            screen.top = max(0, min(screen.top + step, screen.maxTop ?? Int.max))
            return .handled
        }
    }
}

/// A screen with a search typed as a list filter: keys edit the search, and
/// a changed search starts the list again at its first row.
protocol SearchingScreen: CommandScreen {
    var search: TextField { get set }
    /// What a changed search resets (the selection, the scroll).
    mutating func searchChanged()
}

extension SearchingScreen {
    mutating func typeSearch(_ key: Key) -> Effect {
        let before = search.text
        guard search.handle(key) else { return .unhandled }
        if search.text != before { searchChanged() }
        return .handled
    }
}

extension Command {
    /// An answer to a question: its letter in either case (and `other`, such
    /// as Esc), listed as the lower-case letter.
    static func answer(_ letter: Character, or other: Key? = nil, _ label: String, help: String,
                       _ run: @escaping (inout S) -> Effect) -> Command<S> {
        let shown: [Key] = [.char(letter)] + (other.map { [$0] } ?? [])
        let keys = shown + [.char(Character(letter.uppercased()))]
        return Command(KeyBinding(keys, label, help: help, shownKeys: shown.map(\.label).joined(separator: "/"))) { screen, _ in
            run(&screen)
        }
    }
}

extension CommandScreen {
    /// While a question is asked only its answers work, and help: any other
    /// key is taken and does nothing, so typing ahead answers nothing.
    mutating func ask(_ key: Key) -> Effect {
        run(key) ?? (key == .function(1) || key == .char("?") ? .unhandled : .handled)
    }
}
