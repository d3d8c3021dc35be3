import Domain
import TerminalKit

/// A screen showing one customer's case file, which it reads again when a
/// screen above it closes (the records may have changed there).
protocol CaseFileScreen: CustomerScreen, ExplainsRefusals {
    var session: Session { get }
    var file: CaseFile { get set }
    var message: String? { get set }
    var notice: String? { get set }
}

extension CaseFileScreen {
    /// The customer's saved plan. A read that fails says so on the status
    /// line: never an empty plan shown as if there were none.
    mutating func readSavedPlan() -> CareerPlan? {
        do {
            return try session.store.plan(for: file.customer.id)?.plan
        } catch {
            message = "Cannot read the plan: \(error)"
            return nil
        }
    }

    mutating func reload(after result: ScreenResult) {
        if case .updated(_, let text) = result { notice = text }
        do {
            if let fresh = try session.caseFile(file.customer.id) { file = fresh }
        } catch {
            message = "Cannot read the data file: \(error)"
        }
    }
}

extension CustomerScreen {
    /// The bottom line: what went wrong, else what was just done.
    func renderStatus(message: String?, notice: String?, into canvas: inout Canvas, area: Area) {
        var rest = area
        let status = rest.takeBottom(1)
        canvas.fill(rowsOf: status, role: .normal)
        if let message {
            canvas.put(message, in: status.inset(1), role: .error)
        } else if let notice {
            canvas.put("✓ " + notice, in: status.inset(1), role: .normal)
        }
    }
}

extension CaseFileScreen {
    /// The customer's name and ID on the first line.
    func renderHeading(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        canvas.put("\(c.displayName) \(c.id)", in: area.row(0).inset(2), role: .header)
    }

    func renderStatus(into canvas: inout Canvas, area: Area) {
        renderStatus(message: message, notice: notice, into: &canvas, area: area)
    }

    /// The selected record in full below a list, in `area`: each line
    /// wrapped, the last row ending in … when more is left.
    func renderDetail(_ lines: [(text: String, role: StyleRole)], in area: Area, into canvas: inout Canvas) {
        let rows = lines.flatMap { line in line.text.wrapped(toWidth: area.width).map { ($0, line.role) } }
        for (i, row) in zip(rows.indices, area.rows) {
            let last = i == area.height - 1 && rows.count > area.height
            canvas.put(last ? rows[i].0.truncated(toWidth: area.width - 1) + "…" : rows[i].0, in: row, role: rows[i].1)
        }
    }
}
