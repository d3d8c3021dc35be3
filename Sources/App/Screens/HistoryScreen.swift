import Domain
import Store
import TerminalKit

/// The eligibility history of one customer: when the application was saved,
/// the certification, and every amendment with its reason and changes.
struct HistoryScreen: Screen {
    let entries: [(text: String, role: StyleRole)]
    let header: String
    var top = 0
    /// Entries wrapped to the width last drawn.
    var lines: [(text: String, role: StyleRole)] = []

    init(session: Session, file: CaseFile) {
        header = "\(file.customer.displayName) \(file.customer.id)"
        var out: [(String, StyleRole)] = []
        if let saved = file.applicationSaved {
            out.append(("Application last saved \(saved.at) by \(saved.by)", .normal))
        } else {
            out.append(("No application yet.", .dim))
        }
        if let c = file.certification {
            out.append(("Certified \(c.certifiedOn) by \(c.certifiedBy): " + c.titles.map(\.name).joined(separator: ", "), .normal))
            if let late = c.lateReason { out.append(("  late, because: \(late)", .dim)) }
        }
        if file.amendments.isEmpty, file.certification != nil {
            out.append(("No amendments since certification.", .dim))
        }
        for a in file.amendments.reversed() {
            out.append(("", .normal))
            out.append(("Amended \(a.amendedAt) by \(a.amendedBy): \(a.reason)", .header))
            for change in a.changes { out.append(("  \(change.field): \(change.old) → \(change.new)", .normal)) }
        }
        entries = out
    }

    mutating func prepare(area: Area) {
        lines = entries.flatMap { entry in
            let indent = String(entry.text.prefix { $0 == " " })
            return entry.text.wrapped(toWidth: area.width - 8 - indent.count).enumerated().map { i, line in
                (indent + (i == 0 ? "" : "    ") + line, entry.role)
            }
        }
    }

    var title: String { "Eligibility history" }
    let bindings = [KeyBinding([.up, .down, .char("k"), .char("j")], "Scroll", help: "Scroll the history", inBar: false)]

    mutating func update(_ key: Key) -> Effect {
        switch key {
        case .down, .char("j"): top = min(top + 1, max(0, lines.count - 1))
        case .up, .char("k"): top = max(0, top - 1)
        default: return .unhandled
        }
        return .handled
    }

    func render(into canvas: inout Canvas, area: Area) {
        canvas.put(header, row: area.top, col: 2, role: .header, maxWidth: area.width - 4)
        for (i, line) in lines.dropFirst(top).prefix(area.height - 2).enumerated() {
            canvas.put(line.text, row: area.top + 2 + i, col: 2, role: line.role, maxWidth: area.width - 4)
        }
    }
}
