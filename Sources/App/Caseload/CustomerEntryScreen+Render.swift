import Domain
import TerminalKit

extension CustomerEntryScreen {
    static let labelWidth = 16

    func render(into canvas: inout Canvas, area: Area) {
        canvas.put("New customer: a reportable individual. * marks a required field.", row: area.top + 1, col: 2,
                   role: .header, maxWidth: area.width - 4)
        let fieldCol = 2 + Self.labelWidth + 2
        let fieldWidth = min(44, area.width - fieldCol - 2)
        let problems = self.problems
        for (i, field) in Self.fields.enumerated() {
            let row = area.top + 3 + 2 * i
            let focused = mode == .editing && i == focus
            let label = field.label + (field.isRequired ? " *" : "")
            canvas.put((focused ? "▶ " : "  ") + label, row: row, col: 0, role: focused ? .header : .normal,
                       maxWidth: fieldCol - 1)
            (inputs[field] ?? TextField()).draw(into: &canvas, row: row, col: fieldCol, width: fieldWidth,
                                                focused: focused)
            if checked.contains(field), let problem = problems[field] {
                canvas.put("✗ " + problem, row: row + 1, col: fieldCol, role: .error, maxWidth: area.width - fieldCol - 1)
            } else if focused, let hint = Self.hint(field) {
                canvas.put(hint, row: row + 1, col: fieldCol, role: .dim, maxWidth: area.width - fieldCol - 1)
            }
        }
        if mode == .duplicates { renderDuplicates(into: &canvas, area: area) }
        renderStatus(into: &canvas, row: area.bottom)
    }

    static func hint(_ field: CustomerEntry.Field) -> String? {
        switch field {
        case .birthDate: "YYYY-MM-DD or MM/DD/YYYY"
        case .zip: "60623 or 60623-1234"
        case .phone: "optional, e.g. 312-555-0142"
        case .preferredName: "if different from the legal name"
        case .email: "optional"
        case .legalName: "as on their documents"
        }
    }

    private func renderDuplicates(into canvas: inout Canvas, area: Area) {
        let top = area.top + 3 + 2 * Self.fields.count
        canvas.put("Possible duplicates: is this someone already here?", row: top, col: 2, role: .error,
                   maxWidth: area.width - 4)
        let room = area.bottom - top - 1
        for (i, match) in matches.prefix(room).enumerated() {
            let c = match.customer
            let row = top + 1 + i
            let role: StyleRole = i == selectedMatch ? .selected : .normal
            canvas.fill(row: row, role: role)
            let text = "\(i == selectedMatch ? "▶" : " ") \(c.id)  \(c.displayName)  born \(c.birthDate)"
                + "  \(match.reasons.joined(separator: ", "))"
            canvas.put(text.truncated(toWidth: area.width - 2), row: row, col: 1, role: role)
        }
    }

    private func renderStatus(into canvas: inout Canvas, row: Int) {
        canvas.fill(row: row, role: .normal)
        switch mode {
        case .confirmingDiscard(let question):
            canvas.put(question.prompt("what you typed"), row: row, col: 1, role: .error)
        case .duplicates:
            canvas.put("Enter: open that customer · c: create the new one anyway · Esc: back to the form",
                       row: row, col: 1, role: .dim, maxWidth: canvas.width - 2)
        case .editing:
            if let message {
                canvas.put(message, row: row, col: 1, role: .error, maxWidth: canvas.width - 2)
            } else {
                canvas.put("Tab next field · Ctrl-S or F2 saves · Esc cancels", row: row, col: 1, role: .dim)
            }
        }
    }
}
