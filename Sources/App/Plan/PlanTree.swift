import Domain
import TerminalKit

/// The plan as the rows of an indented, collapsible tree: a goal, its
/// steps, each step's services. Both the editor and the version viewer
/// draw it, so a saved version looks exactly like the plan did.
struct PlanTree {
    enum Node: Equatable {
        case goal(Int)
        case step(goal: Int, step: Int)
        case service(goal: Int, step: Int, service: Int)
    }

    struct Row {
        var node: Node
        var depth: Int
    }

    let plan: CareerPlan
    let collapsed: Set<Int>

    var rows: [Row] {
        var out: [Row] = []
        for (g, goal) in plan.goals.enumerated() {
            out.append(Row(node: .goal(g), depth: 0))
            guard !collapsed.contains(goal.id) else { continue }
            for (s, step) in goal.steps.enumerated() {
                out.append(Row(node: .step(goal: g, step: s), depth: 1))
                guard !collapsed.contains(step.id) else { continue }
                for v in step.services.indices { out.append(Row(node: .service(goal: g, step: s, service: v), depth: 2)) }
            }
        }
        return out
    }

    /// The id of the goal, step or service at a node.
    func id(_ node: Node) -> Int {
        switch node {
        case .goal(let g): plan.goals[g].id
        case .step(let g, let s): plan.goals[g].steps[s].id
        case .service(let g, let s, let v): plan.goals[g].steps[s].services[v].id
        }
    }

    func hasChildren(_ node: Node) -> Bool {
        switch node {
        case .goal(let g): !plan.goals[g].steps.isEmpty
        case .step(let g, let s): !plan.goals[g].steps[s].services.isEmpty
        case .service: false
        }
    }

    static func mark(_ status: GoalStatus) -> String {
        switch status {
        case .open: "○"
        case .achieved: "✓"
        case .notAchieved: "✗"
        case .withdrawn: "–"
        }
    }

    static func mark(_ status: ServiceStatus) -> String {
        switch status {
        case .notStarted: "·"
        case .open: "○"
        case .complete: "✓"
        case .didNotComplete: "✗"
        }
    }

    static func shortDay(_ d: Day?) -> String { d.map { String($0.description.dropFirst(2)) } ?? "—" }

    /// One row, fitted to `width`: long text ends in "…", never overflows.
    /// Draws a row of the tree in `area` (one row): the mark, indent and
    /// fold, the text cut to leave room for the dates and state at the right.
    func draw(_ row: Row, in area: Area, selected: Bool, into canvas: inout Canvas) {
        let role: StyleRole = selected ? .selected : .normal
        canvas.fill(rowsOf: area, role: role)
        let indent = String(repeating: "  ", count: row.depth)
        let fold = hasChildren(row.node) ? (collapsed.contains(id(row.node)) ? "▸ " : "▾ ") : "  "
        let lead = (selected ? "▶" : " ") + indent + fold
        let (mark, text, right, rightRole) = parts(row.node)
        let rightWidth = right.displayWidth
        var left = area
        let rightCell = left.takeRight(rightWidth)
        // The text leaves a column free before the right part (and one for the mark's space).
        let textWidth = max(4, left.width - lead.displayWidth - 2 - 1)
        canvas.put(lead + mark + " " + text.truncated(toWidth: textWidth), row: left.top, col: left.left, role: role)
        canvas.put(right, in: rightCell, role: selected ? role : rightRole)
    }

    private func parts(_ node: Node) -> (String, String, String, StyleRole) {
        switch node {
        case .goal(let g):
            let goal = plan.goals[g]
            return (Self.mark(goal.status), goal.text,
                    "\(goal.horizon.short.fitted(toWidth: 3)) \(Self.shortDay(goal.targetDate)) \(goal.status.label.fitted(toWidth: 12))",
                    goal.status == .open ? .normal : .dim)
        case .step(let g, let s):
            let step = plan.goals[g].steps[s]
            return (Self.mark(step.status), step.text,
                    "    \(Self.shortDay(step.targetDate)) \(step.status.label.fitted(toWidth: 12))", step.status == .open ? .normal : .dim)
        case .service(let g, let s, let v):
            let service = plan.goals[g].steps[s].services[v]
            let hours = service.weeklyHours.map { "\(Int($0.rounded()))h" } ?? "—"
            let late = PlanRules.lateClosing(service) != nil || PlanRules.lateStart(service) != nil
            let right = "\(service.providerLabel.truncated(toWidth: 9).fitted(toWidth: 9)) "
                + "\(Self.shortDay(service.plannedStart))→\(Self.shortDay(service.plannedEnd)) \(hours.fitted(toWidth: 3)) "
                + (late ? "!" : " ") + service.status.label.fitted(toWidth: 11)
            return (Self.mark(service.status), service.name, right, late ? .overdue : .normal)
        }
    }
}
