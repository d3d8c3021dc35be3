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
        var rest = area.inset(2)
        canvas.put("\(customer.displayName) \(customer.id) · every write, newest first", in: rest.takeTop(1), role: .header)
        rest.takeTop(1)
        if let message {
            canvas.put(message, in: rest, role: .error)
            return
        }
        if lines.isEmpty { canvas.put("No audited writes.", in: rest, role: .dim) }
        ScrollView(lines.map { (text: $0.0, role: $0.1) }, top: top).draw(into: &canvas, in: rest)
    }
}
