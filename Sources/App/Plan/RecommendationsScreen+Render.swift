import Domain
import TerminalKit

extension RecommendationsScreen {
    /// The heading, the list, the detail (after the rows shown and a blank
    /// row, or in the last four rows at least), the status line.
    struct Parts {
        let heading, list, detailAndList, detailFloor, status: Area

        init(_ area: Area) {
            var rest = area
            status = rest.takeBottom(1)
            heading = rest.takeTop(1).inset(1)
            detailAndList = rest
            detailFloor = rest.takeBottom(4)
            list = rest
        }

        /// Where the detail goes when the list shows `shown` rows.
        func detail(after shown: Int) -> Area {
            detailAndList.rows(from: min(detailFloor.top, list.top + shown + 1)).inset(1)
        }
    }

    mutating func prepare(area: Area) {
        let height = Parts(area).list.height
        selected = max(0, min(selected, selectable.count - 1))
        guard selectable.indices.contains(selected) else { return }
        let at = selectable[selected]
        if at < top { top = max(0, at - 1) }
        if at >= top + height { top = at - height + 1 }
    }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        let parts = Parts(area)
        canvas.put("\(c.displayName) \(c.id) · nothing enters the plan unless you mark it", in: parts.heading, role: .header)
        let current = row
        for (r, line) in zip(rows.dropFirst(top), parts.list.rows) {
            draw(r, in: line, selected: r == current, into: &canvas)
        }
        // The detail wraps into the rows the list leaves (at least four).
        let shown = min(max(0, rows.count - top), parts.list.height)
        renderDetail(into: &canvas, in: parts.detail(after: shown))
        renderStatus(into: &canvas, in: parts.status)
    }

    private func box(_ key: String) -> String { marked.contains(key) ? "[x]" : "[ ]" }

    private func draw(_ r: Row, in area: Area, selected: Bool, into canvas: inout Canvas) {
        let role: StyleRole = selected ? .selected : .normal
        switch r {
        case .heading(let text):
            canvas.put(text, in: area.inset(1), role: .header)
            return
        default: canvas.fill(rowsOf: area, role: role)
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
        let cell = area.inset(right: 1)
        canvas.put(line.truncated(toWidth: cell.width), in: cell, role: selected ? role : (dim ? .dim : .normal))
    }

    /// The selected row's whole wording (its row may cut it), why it is
    /// recommended, what is missing, and the service's category and links.
    private func renderDetail(into canvas: inout Canvas, in area: Area) {
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
        let wrapped = lines.flatMap { line in line.wrapped(toWidth: area.width).map { ($0, line.hasPrefix("collect:")) } }
        let room = max(1, area.height)
        for (i, (line, collect)) in wrapped.prefix(room).enumerated() {
            // Where the rows run out the last one ends in "…".
            let text = i == room - 1 && wrapped.count > room ? line + " " + wrapped[room].0 : line
            canvas.put(text, in: area.row(i), role: collect ? .dueSoon : .dim)
        }
    }

    private func renderStatus(into canvas: inout Canvas, in status: Area) {
        canvas.fill(rowsOf: status, role: .normal)
        var line = status.inset(1)
        if let dismissing {
            canvas.put(label: "Dismiss because:", role: .header, taking: &line)
            dismissing.draw(into: &canvas, row: line.top, col: line.left, width: line.width, focused: true)
        } else if let message {
            canvas.put(message, in: line, role: .error)
        } else if let notice {
            canvas.put("✓ " + notice, in: line, role: .normal)
        } else {
            canvas.put("Space marks · Enter edits wording · a adds marked to the plan · x dismisses", in: line, role: .dim)
        }
    }
}
