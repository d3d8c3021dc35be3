import Domain
import TerminalKit

/// Front-desk entry of a walk-in customer: six fields, checked in place,
/// a duplicate warning before saving, and nothing typed is ever dropped.
struct CustomerEntryScreen: Screen {
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
    static let openMatch = KeyBinding([.enter], "Open match", help: "Open the selected existing customer instead")
    static let create = KeyBinding([.char("c")], "Create anyway", help: "Create the new customer anyway (the decision is recorded)")
    static let back = KeyBinding([.escape], "Back to form", help: "Return to the form to change it")
    static let moveMatch = KeyBinding([.up, .down], "Move", help: "Select a possible duplicate", inBar: false)

    var bindings: [KeyBinding] {
        switch mode {
        case .editing: [Self.save, Self.next, Self.previous, Self.cancel, TextField.editing]
        case .duplicates: [Self.openMatch, Self.create, Self.back, Self.moveMatch]
        case .confirmingDiscard: DiscardQuestion.bindings
        }
    }

    mutating func update(_ key: Key) -> Effect {
        switch mode {
        case .editing: return updateEditing(key)
        case .duplicates: return updateDuplicates(key)
        case .confirmingDiscard(let question):
            guard let effect = question.answer(key) else { mode = .editing; return .handled }
            return effect
        }
    }

    private mutating func updateEditing(_ key: Key) -> Effect {
        message = nil
        switch key {
        case .enter where form.focus == form.fields.count - 1:
            // Enter on the last field saves, as at a paper form's end.
            form.move(by: 1)
            return trySave()
        case .ctrl("s"), .function(2):
            return trySave()
        case .escape:
            if hasInput { mode = .confirmingDiscard(DiscardQuestion(quit: false)) } else { return .pop }
        case .function(10):
            if hasInput { mode = .confirmingDiscard(DiscardQuestion(quit: true)) } else { return .quit }
        default:
            guard form.handle(key) else { return .unhandled }
        }
        return .handled
    }

    private mutating func updateDuplicates(_ key: Key) -> Effect {
        switch key {
        case .up: selectedMatch = max(0, selectedMatch - 1)
        case .down: selectedMatch = min(matches.count - 1, selectedMatch + 1)
        case .enter:
            return .replace(CustomerOverviewScreen(session: session, id: matches[selectedMatch].customer.id))
        case .char("c"), .char("C"):
            return save(despite: matches.map(\.customer.id))
        case .escape:
            mode = .editing
        default: return .unhandled
        }
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
