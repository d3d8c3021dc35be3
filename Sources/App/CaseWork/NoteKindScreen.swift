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
        var rest = area
        let status = rest.takeBottom(1)
        rest.takeTop(1)
        canvas.put("Which note? Each template asks what that note must record.", in: rest.takeTop(1).inset(2), role: .header)
        rest.takeTop(1)
        for (i, (kind, row)) in zip(NoteKind.allCases, rest.rows).enumerated() {
            let isSelected = i == selected
            let role: StyleRole = isSelected ? .selected : .normal
            canvas.fill(rowsOf: row, role: role)
            // The kind in a column of 34, then what the note is for.
            var purpose = row.inset(1)
            let label = (isSelected ? "▶ " : "  ") + kind.label.fitted(toWidth: 32)
            canvas.put(label, in: purpose.takeLeft(label.displayWidth), role: role)
            canvas.put(kind.purpose, in: purpose, role: isSelected ? .selected : .dim)
        }
        if let message {
            canvas.fill(rowsOf: status, role: .normal)
            canvas.put(message, in: status.inset(1), role: .error)
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
        canvas.put(text, in: area.row(1).inset(2), role: .error)
    }
}
