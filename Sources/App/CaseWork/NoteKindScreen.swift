import Domain
import TerminalKit

/// Choose the kind of note: each template with what it records.
struct NoteKindScreen: SelectingScreen {
    let session: Session
    let customer: CustomerID
    var selected = 1
    var message: String?

    var title: String { "New note" }

    var rowCount: Int { NoteKind.allCases.count }

    var commands: [Command<Self>] {
        [Command(KeyBinding([.enter], "Write", help: "Open the selected template")) { screen, _ in
            if let refusal = screen.session.refusal(.caseWork) {
                screen.message = refusal
                return .handled
            }
            return .replace(NoteForms.new(NoteKind.allCases[screen.selected], session: screen.session, customer: screen.customer))
         },
         Self.move("Select a template")]
    }

    mutating func update(_ key: Key) -> Effect { run(key) ?? .unhandled }

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
