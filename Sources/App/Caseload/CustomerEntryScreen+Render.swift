import Domain
import TerminalKit

extension CustomerEntryScreen {
    /// Where values start: after the labels ("Date of birth *") and a gap.
    static let valueColumn = 20
    mutating func prepare(area: Area) {
        form.scroll(height: area.height - 4, width: area.width, problems: problems)
    }

    func render(into canvas: inout Canvas, area: Area) {
        canvas.put("New customer: a reportable individual. * marks a required field.", row: area.top + 1, col: 2,
                   role: .header, maxWidth: area.width - 4)
        form.render(into: &canvas, top: area.top + 3, height: area.height - 4, width: area.width, problems: problems,
                    active: mode == .editing)
        if mode == .duplicates { renderDuplicates(into: &canvas, area: area) }
        renderStatus(into: &canvas, row: area.bottom)
    }

    private func renderDuplicates(into canvas: inout Canvas, area: Area) {
        let top = area.top + 3 + 2 * form.fields.count
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
