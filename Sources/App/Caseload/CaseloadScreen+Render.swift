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

    public func render(into canvas: inout Canvas, area: Area) {
        let width = area.width - 2
        Self.table.drawHeader(into: &canvas, row: area.top, col: 2, width: width)
        canvas.fill(row: area.top, col: 0, width: 2, role: .header)
        for (i, customer) in page.enumerated() where i < pageSize {
            let index = pageStart + i
            let row = area.top + 1 + i
            let isSelected = index == selected
            let role: StyleRole = isSelected ? .selected : .normal
            canvas.fill(row: row, role: role)
            canvas.put(isSelected ? "▶" : " ", row: row, col: 0, role: role)
            let due = pageDue[customer.id]
            Self.table.drawRow(values(customer, due: due, unsigned: pageUnsigned.contains(customer.id)),
                               into: &canvas, row: row, col: 2, width: width,
                               role: role, roles: [nil, nil, nil, nil, nil, isSelected ? nil : dueRole(due)])
        }
        if count == 0 {
            let text = search.text.isEmpty ? "No customers yet." : "No customer matches \"\(search.text)\"."
            canvas.put(text, row: area.top + 2, col: 2, role: .dim)
        }
        renderStatus(into: &canvas, row: area.bottom)
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

    private func renderStatus(into canvas: inout Canvas, row: Int) {
        canvas.fill(row: row, role: .normal)
        let position = count == 0 ? "0/0" : "\(selected + 1)/\(count)"
        let legend = "! overdue  * due in \(session.settings.warningWindowDays) days  ✎ to sign  "
        // A message needs the room more than the legend does.
        let right = (message ?? notice) == nil ? legend + position : position
        canvas.put(right, row: row, col: canvas.width - right.displayWidth - 1, role: .dim)
        let leftWidth = canvas.width - right.displayWidth - 3
        if let message {
            canvas.put(message, row: row, col: 1, role: .error, maxWidth: leftWidth)
        } else if let notice {
            canvas.put("✓ " + notice, row: row, col: 1, role: .normal, maxWidth: leftWidth)
        } else if searching || !search.text.isEmpty {
            canvas.put("Search:", row: row, col: 1, role: .normal)
            search.draw(into: &canvas, row: row, col: 9, width: max(2, leftWidth - 8), focused: searching)
        } else {
            canvas.put("/ to search by name or ID", row: row, col: 1, role: .dim, maxWidth: leftWidth)
        }
    }
}
