import Domain
import TerminalKit

extension CustomerEntryScreen {
    /// Where values start: after the labels ("Date of birth *") and a gap.
    static let valueColumn = 20
    /// A blank row, the intro, a blank row, the form (two rows a field),
    /// the possible duplicates under it, and the status line.
    struct Parts {
        let intro, form, duplicates, status: Area

        init(_ area: Area, fields: Int) {
            var rest = area
            rest.takeTop(1)
            intro = rest.takeTop(1).inset(2)
            rest.takeTop(1)
            status = rest.takeBottom(1)
            // The form and what follows it share the rows between.
            var below = rest
            below.takeTop(2 * fields)
            duplicates = below
            form = rest
        }
    }

    mutating func prepare(area: Area) {
        form.scroll(in: Parts(area, fields: form.fields.count).form, problems: problems)
    }

    func render(into canvas: inout Canvas, area: Area) {
        let parts = Parts(area, fields: form.fields.count)
        canvas.put("New customer: a reportable individual. * marks a required field.", in: parts.intro, role: .header)
        form.render(into: &canvas, in: parts.form, problems: problems, active: mode == .editing)
        if mode == .duplicates { renderDuplicates(into: &canvas, in: parts.duplicates) }
        renderStatus(into: &canvas, in: parts.status)
    }

    private func renderDuplicates(into canvas: inout Canvas, in area: Area) {
        var rest = area
        canvas.put("Possible duplicates: is this someone already here?", in: rest.takeTop(1).inset(2), role: .error)
        for (i, (match, row)) in zip(matches, rest.rows).enumerated() {
            let c = match.customer
            let role: StyleRole = i == selectedMatch ? .selected : .normal
            canvas.fill(rowsOf: row, role: role)
            let text = "\(i == selectedMatch ? "▶" : " ") \(c.id)  \(c.displayName)  born \(c.birthDate)"
                + "  \(match.reasons.joined(separator: ", "))"
            canvas.put(text, in: row.inset(1), role: role)
        }
    }

    private func renderStatus(into canvas: inout Canvas, in status: Area) {
        canvas.fill(rowsOf: status, role: .normal)
        let line = status.inset(1)
        switch mode {
        case .confirmingDiscard(let question):
            canvas.put(question.prompt("what you typed"), in: line, role: .error)
        case .duplicates:
            canvas.put("Enter: open that customer · c: create the new one anyway · Esc: back to the form", in: line, role: .dim)
        case .editing:
            canvas.put(message ?? "Tab next field · Ctrl-S or F2 saves · Esc cancels", in: line, role: message == nil ? .dim : .error)
        }
    }
}
