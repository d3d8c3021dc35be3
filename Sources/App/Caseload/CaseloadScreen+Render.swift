import Domain
import TerminalKit

extension CaseloadScreen {
    static let table = Table([
        .init("Name", width: 16, flexible: true),
        .init("ID", width: 7),
        .init("Prog", width: 5),
        .init("Stage", width: 10),
        .init("Plnr", width: 4),
        .init("Next due", width: 27),
    ])

    /// The table's header, its rows, the status line.
    struct Parts {
        let header, list, status: Area

        init(_ area: Area) {
            var rest = area
            header = rest.takeTop(1)
            status = rest.takeBottom(1)
            list = rest
        }
    }

    public func render(into canvas: inout Canvas, area: Area) {
        let parts = Parts(area)
        // Each row: the selection mark and a space, then the table.
        var header = parts.header
        canvas.fill(rowsOf: header.takeLeft(2), role: .header)
        Self.table.drawHeader(into: &canvas, row: header.top, col: header.left, width: header.width)
        for (i, (customer, row)) in zip(page.prefix(pageSize), parts.list.rows).enumerated() {
            let index = pageStart + i
            let isSelected = index == selected
            let role: StyleRole = isSelected ? .selected : .normal
            canvas.fill(rowsOf: row, role: role)
            var cells = row
            canvas.put(isSelected ? "▶" : " ", in: cells.takeLeft(2), role: role)
            let due = pageDue[customer.id]
            Self.table.drawRow(values(customer, due: due, unsigned: pageUnsigned.contains(customer.id)),
                               into: &canvas, row: cells.top, col: cells.left, width: cells.width,
                               role: role, roles: [nil, nil, nil, nil, nil, isSelected ? nil : dueRole(due)])
        }
        if count == 0 {
            let text = search.text.isEmpty ? "No customers yet." : "No customer matches \"\(search.text)\"."
            // Under a blank row, in from the edge like the names.
            canvas.put(text, in: parts.list.row(1).inset(left: 2), role: .dim)
        }
        renderStatus(into: &canvas, in: parts.status)
    }

    private func values(_ c: Customer, due: Clock?, unsigned: Bool) -> [String] {
        let planner = c.planner.map { session.staff[$0]?.initials ?? $0 } ?? "—"
        let dueText = due.map { "\(Self.marker($0.state)) \($0.due) \($0.shortLabel)" } ?? "  —"
        let stage = c.stage(on: session.today).name + (unsigned ? " ✎" : "")
        return [c.displayName, c.id.description, c.program?.shortName ?? "—", stage, planner, dueText]
    }

    /// Overdue and due-soon carry a marker as well as a color.
    static func marker(_ state: ClockState) -> String {
        switch state {
        case .overdue: "!"
        case .dueSoon: "*"
        case .upcoming, .met: " "
        }
    }

    private func dueRole(_ due: Clock?) -> StyleRole? {
        switch due?.state {
        case .overdue: .overdue
        case .dueSoon: .dueSoon
        default: nil
        }
    }

    private func renderStatus(into canvas: inout Canvas, in status: Area) {
        canvas.fill(rowsOf: status, role: .normal)
        let position = count == 0 ? "0/0" : "\(selected + 1)/\(count)"
        let legend = "! overdue  * due in \(session.settings.warningWindowDays) days  ✎ to sign  "
        // A message needs the room more than the legend does.
        let right = (message ?? notice) == nil ? legend + position : position
        var left = status.inset(1)
        canvas.put(right, in: left.takeRight(right.displayWidth), role: .dim)
        left = left.inset(right: 1)
        if let message {
            canvas.put(message, in: left, role: .error)
        } else if let notice {
            canvas.put("✓ " + notice, in: left, role: .normal)
        } else if searching || !search.text.isEmpty {
            canvas.put(label: "Search:", taking: &left)
            search.draw(into: &canvas, row: left.top, col: left.left, width: max(2, left.width), focused: searching)
        } else {
            canvas.put("/ to search by name or ID", in: left, role: .dim)
        }
    }
}
