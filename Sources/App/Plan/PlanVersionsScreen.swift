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
        canvas.put("\(c.displayName) \(c.id) · \(c.program?.planName ?? "Plan") versions", row: area.top, col: 1, role: .header,
                   maxWidth: area.width - 2)
        if let message { canvas.put(message, row: area.top + 2, col: 2, role: .error, maxWidth: area.width - 4); return }
        if versions.isEmpty { canvas.put("No version saved yet.", row: area.top + 2, col: 2, role: .dim); return }
        viewing ? renderVersion(into: &canvas, area: area) : renderList(into: &canvas, area: area)
    }

    private func renderList(into canvas: inout Canvas, area: Area) {
        for (i, v) in versions.enumerated().reversed() where area.top + 2 + (versions.count - 1 - i) < area.bottom - 4 {
            let y = area.top + 2 + (versions.count - 1 - i)
            let role: StyleRole = i == selected ? .selected : .normal
            canvas.fill(row: y, role: role)
            let summary = v.changes.first.map { $0 + (v.changes.count > 1 ? " (+\(v.changes.count - 1) more)" : "") } ?? "no change"
            canvas.put((i == selected ? "▶ " : "  ") + "v\(v.version)".fitted(toWidth: 5) + "\(AreaTime.shown(v.savedAt, in: .current)) "
                       + v.savedBy.fitted(toWidth: 9) + summary, row: y, col: 0, role: role, maxWidth: area.width - 1)
        }
    }

    private func renderVersion(into canvas: inout Canvas, area: Area) {
        let v = versions[selected]
        canvas.put("Read-only: version \(v.version), saved \(AreaTime.shown(v.savedAt, in: .current)) by \(v.savedBy)", row: area.top + 1, col: 1, role: .dim,
                   maxWidth: area.width - 2)
        let tree = PlanTree(plan: v.plan, collapsed: collapsed)
        var lines: [(PlanTree.Row?, String)] = tree.rows.map { ($0, "") }
        lines.append((nil, ""))
        lines.append((nil, "What changed:"))
        lines += (v.changes.isEmpty ? ["no change"] : v.changes).map { (nil, "  " + $0) }
        for (i, line) in lines.dropFirst(top).prefix(area.height - 3).enumerated() {
            let y = area.top + 2 + i
            if let row = line.0 { tree.draw(row, at: y, width: area.width, selected: false, into: &canvas) }
            else { canvas.put(line.1, row: y, col: 1, role: line.1 == "What changed:" ? .header : .normal, maxWidth: area.width - 2) }
        }
    }
}
