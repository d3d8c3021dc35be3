import Domain
import TerminalKit

/// The audit trail of one customer for a supervisor: every write, newest
/// first, with each field's old and new value.
struct AuditScreen: ScrollingScreen {
    let customer: Customer
    var lines: [(String, StyleRole)] = []
    var top = 0
    var message: String?

    init(session: Session, customer: Customer) {
        self.customer = customer
        do {
            for e in try session.store.audit(customer: customer.id, by: session.user) {
                lines.append((e.line, .header))
                for d in e.details { lines.append(("    " + d, .normal)) }
            }
        } catch {
            message = "\(error)"
        }
    }

    var title: String { "Audit trail" }

    var commands: [Command<Self>] { [Self.scroll("Scroll the trail")] }

    mutating func update(_ key: Key) -> Effect { run(key) ?? .unhandled }

    func render(into canvas: inout Canvas, area: Area) {
        canvas.put("\(customer.displayName) \(customer.id) · every write, newest first", row: area.top, col: 2, role: .header,
                   maxWidth: area.width - 4)
        if let message {
            canvas.put(message, row: area.top + 2, col: 2, role: .error, maxWidth: area.width - 4)
            return
        }
        if lines.isEmpty { canvas.put("No audited writes.", row: area.top + 2, col: 2, role: .dim) }
        let height = area.height - 2
        let first = min(top, max(0, lines.count - height))
        for (i, line) in lines.dropFirst(first).prefix(height).enumerated() {
            canvas.put(line.0.truncated(toWidth: area.width - 4), row: area.top + 2 + i, col: 2, role: line.1)
        }
    }
}
