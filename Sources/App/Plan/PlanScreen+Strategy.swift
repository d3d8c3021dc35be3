import Domain
import TerminalKit

/// The Individual Service Strategy of a youth's plan, as a second view of
/// the same working copy: the career pathway, then the fourteen program
/// elements with what was decided for each. Edits go into the plan like any
/// other (undo, the kept draft, Ctrl-S saves them as a version).
extension PlanScreen {
    enum View: Equatable {
        case tree, strategy
    }

    static let strategyKey = KeyBinding([.char("p")], "ISS",
                                        help: "The Individual Service Strategy (youth): the career pathway and the 14 program elements")
    static let backToTree = KeyBinding([.char("p")], "Goals", help: "Back to the plan's goals, steps and services")
    static let clearMark = KeyBinding([.char("x")], "Clear",
                                      help: "Clear the selected element's decision (it reads \"not considered\" again)")

    /// The ISS view's keys: edit the pathway or an element, clear a mark,
    /// and the plan's own save, undo and way back.
    var strategyCommands: [Command<Self>] {
        [Command(Self.save) { screen, _ in screen.startSave() },
         Command(KeyBinding([.enter], "Edit", help: "Edit the career pathway, or the selected element's decision")) { screen, _ in
             screen.selected == 0 ? screen.openForm(.pathway) : screen.openForm(.element(screen.selected))
         },
         Command(Self.clearMark) { screen, _ in
             let e = screen.selected
             guard e > 0, screen.plan.mark(e) != nil else {
                 screen.message = e == 0 ? "Enter edits the pathway" : "Nothing to clear: the element has no decision"
                 return .handled
             }
             if let refusal = screen.session.refusal(.editPlan) { screen.message = refusal; return .handled }
             if screen.change({ $0.youthElements.removeAll { $0.element == e } }) { screen.notice = "Cleared: save with Ctrl-S" }
             return .handled
         },
         Command(Self.backToTree) { screen, _ in screen.showView(.tree) },
         Command(Self.undoKey) { screen, _ in screen.undoLast() },
         Self.move("Select the pathway or an element"),
         Command(Self.signatures) { screen, _ in screen.openSignatures() },
         Command(Self.copy) { screen, _ in screen.writeCopy() }]
    }

    /// Switches views, each keeping its own selection.
    mutating func showView(_ next: View) -> Effect {
        guard next != view else { return .handled }
        view = next
        swap(&selected, &otherSelected)
        top = 0
        return .handled
    }

    static let strategyTable = SelectableTable(
        [.init("#", width: 2), .init("Part of the ISS", width: 24), .init("Decision", width: 12),
         .init("Dates, service and notes", width: 20, flexible: true)],
        empty: "")

    /// The pathway's row and one row per element.
    func strategyCells(_ row: Int) -> [String] {
        if row == 0 {
            let p = plan.pathway
            return ["", "Career pathway", p == nil ? "not written" : p!.isOnlyNote ? "words only" : "written",
                    p?.summary ?? "Enter writes it: occupation, codes, credential path"]
        }
        let offered = plan.services(providing: row, matrix).map(\.name)
        guard let mark = plan.mark(row) else {
            return [String(row), YouthElement.name(row), "—",
                    offered.isEmpty ? "not considered yet" : "not marked · on the plan: " + offered.joined(separator: ", ")]
        }
        var details = mark.details(in: plan)
        if let problem = mark.problem(in: plan, matrix: matrix) { details = "! " + problem }
        return [String(row), YouthElement.name(row), mark.decision.label, details]
    }

    func strategyRoles(_ row: Int) -> [StyleRole?] {
        guard row > 0 else { return [nil, nil, plan.pathway == nil || plan.pathway!.isOnlyNote ? .dueSoon : nil] }
        guard let mark = plan.mark(row) else { return [nil, nil, nil, .dim] }
        return [nil, nil, nil, mark.problem(in: plan, matrix: matrix) == nil ? nil : .overdue]
    }

    func renderStrategy(into canvas: inout Canvas, in area: Area) {
        var rest = area.inset(left: 1)
        // The header and all fifteen rows, the selected one in full under them (after a blank row where there is room).
        let table = rest.takeTop(min(rest.height - 1, 1 + 15))
        Self.strategyTable.draw(rows: 15, selected: selected, into: &canvas, in: table,
                                cells: strategyCells, roles: strategyRoles)
        if rest.height > 2 { rest.takeTop(1) }
        var detail = rest.inset(left: 1)
        canvas.put(wrapped: strategyDetail, role: .dim, taking: &detail)
    }

    /// The selected row in full, under the table.
    private var strategyDetail: String {
        if selected == 0 {
            guard let p = plan.pathway else { return "The pathway the services lead along: Enter writes it." }
            return [p.summary, p.isOnlyNote ? "Written before the pathway had fields: Enter fills them in" : p.note]
                .compactMap { $0 }.joined(separator: " · ")
        }
        let name = YouthElement.fullName(selected)
        guard let mark = plan.mark(selected) else { return name + ": Enter records what was decided" }
        return name + ": " + mark.describe(in: plan) + (mark.note.map { mark.decision == .notNeeded ? "" : " · \($0)" } ?? "")
    }

    /// "3 provided, 2 considered, 1 not needed, 8 not yet".
    var strategySummary: String {
        let counts = ElementDecision.allCases.map { d in (d, plan.youthElements.filter { $0.decision == d }.count) }
        let open = 14 - plan.youthElements.count
        return (counts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0.label)" } + (open > 0 ? ["\(open) not yet"] : []))
            .joined(separator: ", ")
    }

    /// The status line's reminder of the view's keys.
    static let strategyHint = "Enter decide · x clear · u undo · p back to the goals · F1 all keys"
}
