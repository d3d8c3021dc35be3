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
    static let fields = CustomerEntry.Field.allCases
    var inputs: [CustomerEntry.Field: TextField] = [:]
    var focus = 0
    var mode = Mode.editing
    /// Fields whose problems are shown: left once, or all after a save try.
    var checked: Set<CustomerEntry.Field> = []
    var matches: [DuplicateCheck.Match] = []
    var selectedMatch = 0
    var message: String?

    init(session: Session) { self.session = session }

    var title: String { "New customer" }
    var acceptsText: Bool { mode == .editing }
    var isAsking: Bool { if case .confirmingDiscard = mode { true } else { false } }

    var entry: CustomerEntry {
        CustomerEntry(Dictionary(uniqueKeysWithValues: Self.fields.map { ($0, inputs[$0]?.text ?? "") }))
    }

    var hasInput: Bool { inputs.values.contains { !$0.text.isEmpty } }
    var problems: [CustomerEntry.Field: String] { entry.problems(today: session.today) }

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
        case .tab, .down, .enter:
            checked.insert(Self.fields[focus])
            if key == .enter && focus == Self.fields.count - 1 { return trySave() }
            focus = (focus + 1) % Self.fields.count
        case .backTab, .up:
            checked.insert(Self.fields[focus])
            focus = (focus + Self.fields.count - 1) % Self.fields.count
        case .ctrl("s"), .function(2):
            return trySave()
        case .escape:
            if hasInput { mode = .confirmingDiscard(DiscardQuestion(quit: false)) } else { return .pop }
        case .function(10):
            if hasInput { mode = .confirmingDiscard(DiscardQuestion(quit: true)) } else { return .quit }
        default:
            let field = Self.fields[focus]
            var input = inputs[field] ?? TextField()
            guard input.handle(key) else { return .unhandled }
            inputs[field] = input
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
        checked = Set(Self.fields)
        let problems = self.problems
        if let first = Self.fields.firstIndex(where: { problems[$0] != nil }) {
            focus = first
            message = FormState.notSaved(problems.count)
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
