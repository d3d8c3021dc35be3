import Domain
import TerminalKit

/// A screen showing one customer's case file, which it reads again when a
/// screen above it closes (the records may have changed there).
protocol CaseFileScreen: CustomerScreen {
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
        canvas.fill(row: area.bottom, role: .normal)
        if let message {
            canvas.put(message, row: area.bottom, col: 1, role: .error, maxWidth: area.width - 2)
        } else if let notice {
            canvas.put("✓ " + notice, row: area.bottom, col: 1, role: .normal, maxWidth: area.width - 2)
        }
    }
}

extension CaseFileScreen {
    /// The customer's name and ID on the first line.
    func renderHeading(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        canvas.put("\(c.displayName) \(c.id)", row: area.top, col: 2, role: .header, maxWidth: area.width - 4)
    }

    func renderStatus(into canvas: inout Canvas, area: Area) {
        renderStatus(message: message, notice: notice, into: &canvas, area: area)
    }

    /// The selected record in full below a list, from `top` to the status
    /// line: each line wrapped, the last row ending in … when more is left.
    func renderDetail(_ lines: [(text: String, role: StyleRole)], top: Int, area: Area, into canvas: inout Canvas) {
        let width = area.width - 4
        let rows = lines.flatMap { line in line.text.wrapped(toWidth: width).map { ($0, line.role) } }
        let room = max(0, area.bottom - top)
        for (i, row) in rows.prefix(room).enumerated() {
            let text = i == room - 1 && rows.count > room ? row.0.truncated(toWidth: width - 1) + "…" : row.0
            canvas.put(text, row: top + i, col: 2, role: row.1, maxWidth: width)
        }
    }
}
