import Domain
import TerminalKit

/// Front-desk entry of a walk-in customer: six fields, checked in place,
/// a duplicate warning before saving, and nothing typed is ever dropped.
struct CustomerEntryScreen: CommandScreen {
    enum Mode: Equatable {
        case editing
        /// Possible duplicates are shown; the worker picks one or creates anyway.
        case duplicates
        /// Esc or F10 with typed text: asks before throwing it away.
        case confirmingDiscard(DiscardQuestion)
    }

    let session: Session
    var form = FormState(fields: CustomerEntry.fields, values: [:],
                         layout: .spaced(valueColumn: CustomerEntryScreen.valueColumn, valueWidth: 44))
    var mode = Mode.editing
    var matches: [DuplicateCheck.Match] = []
    var selectedMatch = 0
    var message: String?

    init(session: Session) { self.session = session }

    var title: String { "New customer" }
    var acceptsText: Bool { mode == .editing }
    var isAsking: Bool { if case .confirmingDiscard = mode { true } else { false } }

    var entry: CustomerEntry { CustomerEntry(values: form.values) }

    var hasInput: Bool { form.values.values.contains { !$0.isEmpty } }
    var problems: [String: String] {
        Dictionary(uniqueKeysWithValues: entry.problems(today: session.today).map { ($0.key.rawValue, $0.value) })
    }

    static let next = KeyBinding([.tab, .down], "Next", help: "Next field (Enter also moves on)", inBar: false)
    static let previous = KeyBinding([.backTab, .up], "Previous", help: "Previous field", inBar: false)
    static let save = KeyBinding([.ctrl("s"), .function(2)], "Save", help: "Check and save the customer")
    static let cancel = KeyBinding([.escape], "Cancel", help: "Leave without saving (asks first if anything was typed)")

    var commands: [Command<Self>] {
        switch mode {
        case .editing:
            return [Command(Self.save) { screen, _ in screen.trySave() },
                    // The form moves and edits (past the commands); these list its keys.
                    Command(Self.next) { screen, key in screen.edit(key) },
                    Command(Self.previous) { screen, key in screen.edit(key) },
                    Command(Self.cancel) { screen, _ in screen.leave(quit: false) },
                    Command(TextField.editing) { screen, key in screen.edit(key) }]
        case .duplicates:
            return [Command(KeyBinding([.enter], "Open match", help: "Open the selected existing customer instead")) { screen, _ in
                        .replace(CustomerOverviewScreen(session: screen.session, id: screen.matches[screen.selectedMatch].customer.id))
                    },
                    .answer("c", "Create anyway", help: "Create the new customer anyway (the decision is recorded)") {
                        $0.save(despite: $0.matches.map(\.customer.id))
                    },
                    Command(KeyBinding([.escape], "Back to form", help: "Return to the form to change it")) { screen, _ in
                        screen.mode = .editing
                        return .handled
                    },
                    Command(KeyBinding([.up, .down], "Move", help: "Select a possible duplicate", inBar: false)) { screen, key in
                        screen.selectedMatch = ListMove.index(screen.selectedMatch, key: key, count: screen.matches.count) ?? 0
                        return .handled
                    }]
        case .confirmingDiscard(let question):
            return question.commands { $0.mode = .editing }
        }
    }

    mutating func update(_ key: Key) -> Effect {
        switch mode {
        case .editing:
            message = nil
            // Enter on the last field saves, as at a paper form's end; F10 (the global Quit) asks first.
            if key == .enter, form.focus == form.fields.count - 1 {
                form.move(by: 1)
                return trySave()
            }
            if key == .function(10) { return leave(quit: true) }
            return run(key) ?? edit(key)
        case .duplicates: return run(key) ?? .unhandled
        case .confirmingDiscard: return ask(key)
        }
    }

    private mutating func edit(_ key: Key) -> Effect { form.handle(key) ? .handled : .unhandled }

    /// Esc or F10: leaves at once when nothing was typed, else asks first.
    private mutating func leave(quit: Bool) -> Effect {
        guard hasInput else { return quit ? .quit : .pop }
        mode = .confirmingDiscard(DiscardQuestion(quit: quit))
        return .handled
    }

    private mutating func trySave() -> Effect {
        if let refused = form.refuseSave(problems) {
            message = refused
            return .handled
        }
        guard let candidate = entry.customer(id: CustomerID(0), today: session.today) else { return .handled }
        do {
            matches = try session.store.possibleDuplicates(of: candidate)
        } catch {
            message = "Cannot check for duplicates: \(error)"
            return .handled
        }
        if !matches.isEmpty {
            mode = .duplicates
            selectedMatch = 0
            return .handled
        }
        return save(despite: [])
    }

    private mutating func save(despite duplicates: [CustomerID]) -> Effect {
        let (entry, user, today) = (entry, session.user, session.today)
        return .request(StoreRequest { store in
            .created(try store.enter(entry, by: user, today: today, despite: duplicates).id)
        })
    }

    /// Entered: the form closes on the new customer. Refused: back to the form, as typed.
    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        outcome.finishing { error in
            mode = .editing
            message = "\(error)"
        }
    }
}
