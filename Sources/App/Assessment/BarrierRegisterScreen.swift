import Domain
import TerminalKit

/// The barrier register: every barrier ever recorded, open ones first.
/// Nothing is deleted: a barrier is corrected (the old text stays in its
/// history) or marked overcome with how, when and the planner's initials.
struct BarrierRegisterScreen: CaseFileScreen, SelectingScreen {
    let session: Session
    var file: CaseFile
    var selected = 0
    var message: String?
    var notice: String?

    var title: String { "Barriers" }
    /// Open first, then overcome; each in the order recorded.
    var rows: [BarrierRecord] { file.openBarriers + file.barriers.filter { !$0.isOpen } }
    var discussed: Bool { file.gsa?["barriersReviewed"] == FormField.yes }

    var rowCount: Int { rows.count }

    var commands: [Command<Self>] {
        [needing(.assess, KeyBinding([.char("a")], "Add", help: "Record a new barrier")) { .push($0.form(for: nil)) },
         needing(.assess, KeyBinding([.enter], "Correct", help: "Correct the selected barrier (the earlier text is kept in its history)")) {
            .push($0.form(for: $0.rows.indices.contains($0.selected) ? $0.rows[$0.selected] : nil))
         },
         needing(.assess, KeyBinding([.char("o")], "Overcome", help: "Record how and when the selected barrier was overcome")) { screen in
            guard screen.rows.indices.contains(screen.selected) else { return .push(screen.form(for: nil)) }
            let b = screen.rows[screen.selected]
            guard b.isOpen else { screen.message = "Already overcome on \(b.overcomeOn!)"; return .handled }
            return .push(screen.overcomeForm(b))
         },
         Command(KeyBinding([.char("m")], "Discussed", help: "Mark or unmark: every barrier was talked through with the customer (GSA)")) {
            screen, _ in screen.toggleDiscussed()
         },
         Self.move("Select a barrier")]
    }

    mutating func update(_ key: Key) -> Effect { runCommand(key) }

    private mutating func toggleDiscussed() -> Effect {
        var g = file.gsa ?? GettingStartedAssessment(customer: file.customer.id, startedOn: session.today)
        g.answers["barriersReviewed"] = discussed ? "" : FormField.yes
        return .request(.saveGSA(g, over: file.gsa, by: session.user))
    }

    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        switch outcome {
        case .success(.gsaSaved(let stored, let collisions)):
            file.gsa = stored
            notice = collisions.isEmpty ? (discussed ? "Marked: barriers talked through with the customer" : "Unmarked")
                : "Not changed: another user changed this mark meanwhile; press m again to change it"
        case .success: break
        case .failure(let error): message = "Not saved: \(error)"
        }
        return .handled
    }

    private func form(for barrier: BarrierRecord?) -> RecordFormScreen {
        let (user, today) = (session.user, session.today)
        let c = file.customer
        return RecordFormScreen(
            title: barrier == nil ? "New barrier" : "Correct barrier", customer: c.id,
            heading: "\(c.displayName) \(c.id) · " + (barrier.map { "Correct: \($0.name)" } ?? "New barrier"),
            intro: barrier == nil ? nil : "The earlier text stays in the barrier's history.",
            fields: BarrierRecord.fields, values: barrier?.values ?? ["identifiedOn": today.description],
            check: { BarrierRecord.problems($0, today: today) },
            reopen: barrier.map { b in { try self.form(for: self.fresh(b)) } },
            save: { v in
                StoreRequest { store in
                    if let barrier {
                        try store.correctBarrier(barrier, to: barrier.applying(v, today: today).get(), by: user)
                        return .updated(c.id, notice: "Barrier corrected; history kept")
                    }
                    let b = try store.addBarrier(BarrierRecord.checked(v, customer: c.id, recordedBy: user?.login ?? "",
                                                                       today: today).get(), by: user)
                    return .updated(c.id, notice: "Barrier recorded: \(b.name)")
                }
            })
    }

    private func overcomeForm(_ barrier: BarrierRecord) -> RecordFormScreen {
        let (user, today) = (session.user, session.today)
        let c = file.customer
        return RecordFormScreen(
            title: "Overcome", customer: c.id, heading: "\(c.displayName) \(c.id) · Overcome: \(barrier.name)",
            intro: "The barrier stays in the register, marked overcome with your initials.",
            fields: BarrierRecord.overcomeFields, values: ["overcomeOn": today.description],
            check: { barrier.overcomeProblems($0, today: today) },
            reopen: { try self.overcomeForm(self.fresh(barrier)) },
            save: { v in
                StoreRequest { store in
                    try store.overcomeBarrier(barrier, to: barrier.overcoming(v, by: user?.initials ?? "", today: today).get(), by: user)
                    return .updated(c.id, notice: "Overcome: \(barrier.name)")
                }
            })
    }

    /// The barrier as saved now.
    private func fresh(_ b: BarrierRecord) throws -> BarrierRecord {
        guard let now = try session.caseFile(b.customer)?.barriers.first(where: { $0.id == b.id }) else {
            throw StoreError.notFound("barrier \(b.id)")
        }
        return now
    }

    /// Each column ends in a space: "! open, no plan" never runs into the barrier's name.
    static let table = SelectableTable(
        [.init("State", width: 16), .init("Barrier", width: 31), .init("Plan", width: 4, flexible: true)],
        empty: "No barriers recorded: a adds one.")

    mutating func resume(with result: ScreenResult) {
        reload(after: result)
        selected = ListMove.clamped(selected, count: rows.count)
    }

    func render(into canvas: inout Canvas, area: Area) {
        let parts = RecordListParts(area, count: rows.count, detailRows: 6)
        renderHeading(into: &canvas, area: area)
        canvas.put("\(file.openBarriers.count) open · \(file.barriers.count - file.openBarriers.count) overcome · "
                   + (discussed ? "[x]" : "[ ]") + " talked through with the customer", in: parts.summary, role: .dim)
        Self.table.draw(rows: rows.count, selected: selected, into: &canvas, in: parts.table, cells: { i in
            let b = rows[i]
            let state = b.isOpen ? (b.plan.isEmpty ? "! open, no plan" : "  open") : "✓ \(b.overcomeOn!)"
            return [state, b.name, b.plan.isEmpty ? "—" : b.plan]
        }, roles: { i in [rows[i].isOpen && rows[i].plan.isEmpty ? .overdue : nil] })
        if rows.indices.contains(selected) { renderDetail(rows[selected], in: parts.detail, into: &canvas) }
        renderStatus(into: &canvas, area: area)
    }

    private func renderDetail(_ b: BarrierRecord, in area: Area, into canvas: inout Canvas) {
        var lines = ["\(b.name): \(b.description)",
                     "Identified \(b.identifiedOn) by \(b.recordedBy) · plan: \(b.plan.isEmpty ? "none yet" : b.plan)"]
        if let on = b.overcomeOn { lines.append("Overcome \(on) by \(b.overcomeBy ?? "?"): \(b.overcomeHow ?? "")") }
        lines += file.corrections.filter { $0.barrier == b.id }.reversed()
            .map { Correction.line(at: $0.changedAt, by: $0.changedBy, changes: $0.changes, in: .current) }
        renderDetail(lines.enumerated().map { ($1, $0 == 0 ? StyleRole.normal : .dim) }, in: area, into: &canvas)
    }
}
