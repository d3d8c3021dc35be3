import Domain
import TerminalKit

/// Every saved version of the plan: pick one to see it read-only, drawn
/// as the editor drew it, with what changed from the version before.
struct PlanVersionsScreen: SelectingScreen {
    let file: CaseFile
    let versions: [PlanVersion]
    let collapsed: Set<Int>
    var selected: Int
    var viewing = false
    var top = 0
    var message: String?

    /// `showing` opens that version directly (a signed version, from the signatures).
    init(session: Session, file: CaseFile, collapsed: Set<Int>, showing: Int? = nil) {
        self.file = file
        self.collapsed = collapsed
        var list: [PlanVersion] = []
        do { list = try session.store.planVersions(for: file.customer.id) } catch { message = "Cannot read the versions: \(error)" }
        versions = list
        selected = max(0, list.count - 1)
        if let showing, let i = list.firstIndex(where: { $0.version == showing }) {
            selected = i
            viewing = true
        }
    }

    var title: String { viewing ? "Version \(versions[selected].version)" : "Plan versions" }

    var rowCount: Int { versions.count }

    var commands: [Command<Self>] {
        if viewing {
            return [Command(KeyBinding([.escape], "List", help: "Back to the list of versions")) { screen, _ in
                        screen.viewing = false
                        screen.top = 0
                        return .handled
                    },
                    Command(KeyBinding([.up, .down, .char("k"), .char("j")], "Scroll", help: "Scroll the version", inBar: false)) {
                        screen, key in
                        screen.top = max(0, screen.top + (key == .down || key == .char("j") ? 1 : -1))
                        return .handled
                    }]
        }
        return [Command(KeyBinding([.enter], "View", help: "See the selected version as it was saved")) { screen, _ in
                    if !screen.versions.isEmpty { screen.viewing = true }
                    return .handled
                },
                Self.move("Select a version")]
    }

    mutating func update(_ key: Key) -> Effect { run(key) ?? .unhandled }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        var rest = area
        canvas.put("\(c.displayName) \(c.id) · \(c.program?.planName ?? "Plan") versions", in: rest.takeTop(1).inset(1), role: .header)
        let below = rest.takeTop(1)
        if let message { canvas.put(message, in: rest.inset(2), role: .error); return }
        if versions.isEmpty { canvas.put("No version saved yet.", in: rest.inset(2), role: .dim); return }
        viewing ? renderVersion(into: &canvas, subtitle: below, lines: rest) : renderList(into: &canvas, rows: rest)
    }

    /// Newest first, down to five rows above the bottom.
    private func renderList(into canvas: inout Canvas, rows: Area) {
        var list = rows
        list.takeBottom(4)
        for ((i, v), row) in zip(versions.enumerated().reversed(), list.rows) {
            let role: StyleRole = i == selected ? .selected : .normal
            canvas.fill(rowsOf: row, role: role)
            let summary = v.changes.first.map { $0 + (v.changes.count > 1 ? " (+\(v.changes.count - 1) more)" : "") } ?? "no change"
            canvas.put((i == selected ? "▶ " : "  ") + "v\(v.version)".fitted(toWidth: 5) + "\(AreaTime.shown(v.savedAt, in: .current)) "
                       + v.savedBy.fitted(toWidth: 9) + summary, in: row.inset(right: 1), role: role)
        }
    }

    private func renderVersion(into canvas: inout Canvas, subtitle: Area, lines area: Area) {
        let v = versions[selected]
        canvas.put("Read-only: version \(v.version), saved \(AreaTime.shown(v.savedAt, in: .current)) by \(v.savedBy)",
                   in: subtitle.inset(1), role: .dim)
        let tree = PlanTree(plan: v.plan, collapsed: collapsed)
        var lines: [(PlanTree.Row?, String)] = tree.rows.map { ($0, "") }
        lines.append((nil, ""))
        lines.append((nil, "What changed:"))
        lines += (v.changes.isEmpty ? ["no change"] : v.changes).map { (nil, "  " + $0) }
        var rows = area
        rows.takeBottom(1)
        for (line, row) in zip(lines.dropFirst(top), rows.rows) {
            if let node = line.0 { tree.draw(node, in: row, selected: false, into: &canvas) }
            else { canvas.put(line.1, in: row.inset(1), role: line.1 == "What changed:" ? .header : .normal) }
        }
    }
}
