import Domain
import TerminalKit

/// Choose the kind of note: each template with what it records.
struct NoteKindScreen: Screen {
    let session: Session
    let customer: CustomerID
    var selected = 1
    var message: String?

    var title: String { "New note" }

    var bindings: [KeyBinding] {
        [KeyBinding([.enter], "Write", help: "Open the selected template"),
         KeyBinding([.up, .down, .char("k"), .char("j")], "Move", help: "Select a template", inBar: false)]
    }

    mutating func update(_ key: Key) -> Effect {
        if let moved = ListMove.index(selected, key: key, count: NoteKind.allCases.count) {
            selected = moved
            return .handled
        }
        guard key == .enter else { return .unhandled }
        if let refusal = session.refusal(.caseWork) {
            message = refusal
            return .handled
        }
        return .replace(NoteForms.new(NoteKind.allCases[selected], session: session, customer: customer))
    }

    func render(into canvas: inout Canvas, area: Area) {
        canvas.put("Which note? Each template asks what that note must record.", row: area.top + 1, col: 2, role: .header,
                   maxWidth: area.width - 4)
        for (i, kind) in NoteKind.allCases.enumerated() {
            let y = area.top + 3 + i
            let isSelected = i == selected
            let role: StyleRole = isSelected ? .selected : .normal
            canvas.fill(row: y, role: role)
            canvas.put((isSelected ? "▶ " : "  ") + kind.label.fitted(toWidth: 32), row: y, col: 1, role: role)
            canvas.put(kind.purpose, row: y, col: 35, role: isSelected ? .selected : .dim, maxWidth: area.width - 36)
        }
        if let message {
            canvas.fill(row: area.bottom, role: .normal)
            canvas.put(message, row: area.bottom, col: 1, role: .error, maxWidth: area.width - 2)
        }
    }
}

/// A screen that only says why it could not open.
struct MessageScreen: Screen {
    let text: String
    var title: String { "Problem" }
    var bindings: [KeyBinding] { [] }
    mutating func update(_ key: Key) -> Effect { .unhandled }
    func render(into canvas: inout Canvas, area: Area) {
        canvas.put(text, row: area.top + 1, col: 2, role: .error, maxWidth: area.width - 4)
    }
}
