import Domain
import TerminalKit

extension RecommendationsScreen {
    mutating func prepare(area: Area) {
        let height = area.height - 6
        selected = max(0, min(selected, selectable.count - 1))
        guard selectable.indices.contains(selected) else { return }
        let at = selectable[selected]
        if at < top { top = max(0, at - 1) }
        if at >= top + height { top = at - height + 1 }
    }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        canvas.put("\(c.displayName) \(c.id) · nothing enters the plan unless you mark it",
                   row: area.top, col: 1, role: .header, maxWidth: area.width - 2)
        let height = area.height - 6
        let current = row
        for (i, r) in rows.enumerated().dropFirst(top).prefix(height) {
            let y = area.top + 1 + i - top
            let isSelected = r == current
            draw(r, at: y, width: area.width, selected: isSelected, into: &canvas)
        }
        // The detail wraps into the rows the list leaves (at least four).
        let shown = min(max(0, rows.count - top), height)
        renderDetail(into: &canvas, row: min(area.bottom - 4, area.top + 2 + shown), lastRow: area.bottom - 1, width: area.width)
        renderStatus(into: &canvas, row: area.bottom)
    }

    private func box(_ key: String) -> String { marked.contains(key) ? "[x]" : "[ ]" }

    private func draw(_ r: Row, at y: Int, width: Int, selected: Bool, into canvas: inout Canvas) {
        let role: StyleRole = selected ? .selected : .normal
        switch r {
        case .heading(let text):
            canvas.put(text, row: y, col: 1, role: .header, maxWidth: width - 2)
            return
        default: canvas.fill(row: y, role: role)
        }
        let lead = selected ? "▶ " : "  "
        var line: String
        var dim = false
        switch r {
        case .item(let key):
            guard let rec = recommendation(key) else { return }
            let placed = inPlan(rec)
            dim = placed
            line = lead + (placed ? "✓ in plan " : box(key) + " ") + text(rec) + (rec.missing.isEmpty ? "" : "  ?")
        case .step(let key, let i):
            guard let rec = recommendation(key) else { return }
            line = lead + "    " + box("\(key)#step#\(i)") + " step: " + stepText(rec, i)
        case .goalService(let key):
            guard let rec = recommendation(key), let id = rec.serviceID else { return }
            line = lead + "    " + box("\(key)#service") + " service: " + (session.matrix.service(id)?.name ?? id)
        case .dismissed(let key):
            guard let rec = recommendation(key), let d = dismissal(rec) else { return }
            dim = true
            line = lead + "– " + rec.text + " — dismissed \(d.on) by \(d.by): \(d.reason)"
        case .heading: return
        }
        canvas.put(line.truncated(toWidth: width - 1), row: y, col: 0, role: selected ? role : (dim ? .dim : .normal))
    }

    /// The selected row's whole wording (its row may cut it), why it is
    /// recommended, what is missing, and the service's category and links.
    private func renderDetail(into canvas: inout Canvas, row: Int, lastRow: Int, width: Int) {
        let key: String? = switch self.row {
        case .item(let k), .step(let k, _), .goalService(let k), .dismissed(let k): k
        default: nil
        }
        guard let key, let rec = recommendation(key) else { return }
        var lines = [rec.because]
        switch self.row {
        case .item: if case .goal = rec.kind { lines.insert(text(rec), at: 0) }
        case .step(_, let i): lines.insert("step: " + stepText(rec, i), at: 0)
        default: break
        }
        if let d = dismissal(rec) { lines.insert("dismissed because: \(d.reason)", at: 0) }
        lines += rec.missing
        if let id = rec.serviceID, let entry = session.matrix.service(id) {
            lines.append("\(entry.name) · \(entry.categoryLabel)"
                         + (entry.indicators.isEmpty ? "" : " · links: " + entry.indicators.map(\.label).joined(separator: ", ")))
        }
        let wrapped = lines.flatMap { line in line.wrapped(toWidth: width - 2).map { ($0, line.hasPrefix("collect:")) } }
        let room = max(1, lastRow - row + 1)
        for (i, (line, collect)) in wrapped.prefix(room).enumerated() {
            // Where the rows run out the last one ends in "…".
            let text = i == room - 1 && wrapped.count > room ? line + " " + wrapped[room].0 : line
            canvas.put(text, row: row + i, col: 1, role: collect ? .dueSoon : .dim, maxWidth: width - 2)
        }
    }

    private func renderStatus(into canvas: inout Canvas, row: Int) {
        canvas.fill(row: row, role: .normal)
        let width = canvas.width - 2
        if let dismissing {
            canvas.put("Dismiss because:", row: row, col: 1, role: .header)
            dismissing.draw(into: &canvas, row: row, col: 18, width: canvas.width - 19, focused: true)
        } else if let message {
            canvas.put(message, row: row, col: 1, role: .error, maxWidth: width)
        } else if let notice {
            canvas.put("✓ " + notice, row: row, col: 1, role: .normal, maxWidth: width)
        } else {
            canvas.put("Space marks · Enter edits wording · a adds marked to the plan · x dismisses", row: row, col: 1,
                       role: .dim, maxWidth: width)
        }
    }
}
