import Domain
import TerminalKit

extension PlanScreen {
    /// Where the open barriers and the plan's quality go: on a wide terminal
    /// in a block under the tree (so the tree has the whole width for the
    /// services' names), beside it when the terminal is wide but too short
    /// for the block, as two lines under it on a narrow one.
    enum Panels {
        case beside, below, lines

        init(_ area: Area) {
            if area.width < 110 { self = .lines }
            else if area.height >= 30 { self = .below }
            else { self = .beside }
        }

        /// Rows under the tree the panels take.
        var rowsBelow: Int {
            switch self {
            case .beside: 1
            case .below: Self.blockHeight + 1
            case .lines: 3
            }
        }

        static let sideWidth = 34
        /// The quality panel: a heading and the rubric's six categories.
        static let blockHeight = 7
    }

    mutating func prepare(area: Area) {
        let height = treeHeight(area)
        selected = ListMove.clamped(selected, count: rows.count)
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, rows.count - height)))
    }

    /// The tree's rows: the area less the title, the subtitle, at least two
    /// rows of detail, the status line and the panels.
    func treeHeight(_ area: Area) -> Int {
        max(3, area.height - 4 - Panels(area).rowsBelow)
    }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        let panels = Panels(area)
        let treeWidth = panels == .beside ? area.width - Panels.sideWidth - 1 : area.width
        let planName = c.program?.planName ?? "Plan"
        let state = (hasChanges ? "● unsaved · " : "")
            + (saved.map { "v\($0.version) \(AreaTime.day(of: $0.savedAt, in: .current)?.description ?? $0.savedAt) \($0.savedBy)" } ?? "never saved")
        canvas.put(state, row: area.top, col: treeWidth - state.displayWidth - 1, role: hasChanges ? .dueSoon : .dim)
        canvas.put("\(c.displayName) \(c.id) · \(planName)", row: area.top, col: 1, role: .header,
                   maxWidth: treeWidth - state.displayWidth - 3)
        let subtitle = self.subtitle
        canvas.put(subtitle, row: area.top + 1, col: 1, role: subtitle.contains("! ") ? .dueSoon : .dim, maxWidth: treeWidth - 2)
        let height = treeHeight(area)
        if rows.isEmpty {
            canvas.put("No goals yet: g adds the first goal.", row: area.top + 3, col: 2, role: .dim)
        }
        for (i, row) in rows.enumerated().dropFirst(top).prefix(height) {
            tree.draw(row, at: area.top + 2 + i - top, width: treeWidth, selected: i == selected && mode == .browsing,
                      into: &canvas)
        }
        let shown = min(max(rows.count - top, 1), height)
        // The detail wraps into the rows the tree leaves, down to the panels.
        renderDetail(into: &canvas, row: area.top + 3 + shown, width: treeWidth, lastRow: area.bottom - panels.rowsBelow)
        let ratings = quality
        switch panels {
        case .beside:
            renderBarriers(into: &canvas, top: area.top + 2, left: treeWidth + 1, width: Panels.sideWidth,
                           height: area.height - 11, twoRows: true)
            renderQualityPanel(ratings, into: &canvas, top: area.bottom - 8, left: treeWidth + 1, width: Panels.sideWidth)
        case .below:
            let top = area.bottom - Panels.blockHeight
            let qualityLeft = area.width - Panels.sideWidth - 1
            renderBarriers(into: &canvas, top: top, left: 0, width: qualityLeft - 1, height: Panels.blockHeight, twoRows: false)
            renderQualityPanel(ratings, into: &canvas, top: top, left: qualityLeft, width: Panels.sideWidth)
        case .lines:
            renderBarrierLine(into: &canvas, row: area.bottom - 2, width: area.width)
            renderQualityLine(ratings, into: &canvas, row: area.bottom - 1, width: area.width)
        }
        renderStatus(into: &canvas, row: area.bottom)
    }

    /// Signed by everyone on the saved plan, awaiting signatures, or never saved.
    var signingState: String {
        guard let signed = savedIsSigned else { return "" }
        return signed ? "✓ signed · " : "! awaiting signatures (i) · "
    }

    /// What the plan still needs, or its pathway and youth elements.
    var subtitle: String { signingState + planState }

    private var planState: String {
        if file.customer.enrolledOn != nil, file.customer.exitedOn == nil, !plan.hasOpenGoalWithOpenStep {
            return file.work.hasExitNote ? "leaving: exit note written; close the rest, then exit (x on the customer)"
                                         : "! needs at least one open goal with an open step"
        }
        if file.customer.program == .youth {
            let elements = YouthElement.list(plan.youthElements(matrix))
            return "ISS · pathway: \(plan.careerPathway ?? "not set (p)") · youth elements: \(elements.isEmpty ? "none" : elements)"
        }
        let last = plan.episodes.last.map { "developed \($0.on) (\($0.reason))" } ?? "not developed yet"
        return "IEP · \(last)"
    }

    private func renderDetail(into canvas: inout Canvas, row: Int, width: Int, lastRow: Int) {
        guard let node else { return }
        var lines: [String] = []
        switch node {
        case .goal(let g):
            let goal = plan.goals[g]
            lines.append("Goal: \(goal.text)")
            lines.append("\(goal.horizon.label), \(goal.kind.label) · why: \(goal.justification.isEmpty ? "—" : goal.justification)"
                         + (goal.indicators.isEmpty ? "" : " · links: " + goal.indicators.map(\.label).joined(separator: ", "))
                         + (goal.withdrawnReason.map { " · withdrawn: \($0)" } ?? ""))
        case .step(let g, let s):
            let step = plan.goals[g].steps[s]
            lines.append("Step: \(step.text)")
            lines.append("target \(step.targetDate?.description ?? "—") · \(step.status.label) · \(step.services.count) service(s)")
        case .service(let g, let s, let v):
            let service = plan.goals[g].steps[s].services[v]
            lines.append("\(service.name) · \(service.providerLabel) · \(service.status.label)")
            var facts = ["planned \(service.plannedStart?.description ?? "—") to \(service.plannedEnd?.description ?? "—")"]
            if let a = service.actualStart { facts.append("started \(a)") }
            if let d = service.completedOn { facts.append("ended \(d)") }
            if let h = service.weeklyHours { facts.append("\(h == h.rounded() ? String(Int(h)) : String(h)) h/week") }
            if let cr = service.credential { facts.append("credential: \(cr)") }
            if let late = PlanRules.lateStart(service) { facts.append("! " + late) }
            if let late = PlanRules.lateClosing(service) { facts.append("! " + late) }
            facts += service.notes
            lines.append(facts.joined(separator: " · "))
        }
        // Wrapped whole; where the rows run out the last one ends in "…" (Enter shows it all).
        let wrapped = lines.enumerated().flatMap { i, line in line.wrapped(toWidth: width - 2).map { ($0, i == 0) } }
        let room = max(1, lastRow - row + 1)
        for (i, (line, first)) in wrapped.prefix(room).enumerated() {
            let text = i == room - 1 && wrapped.count > room ? line + " " + wrapped[room].0 : line
            canvas.put(text, row: row + i, col: 1, role: first ? .normal : .dim, maxWidth: width - 2)
        }
    }

    private func coverage() -> [(barrier: BarrierRecord, addressedBy: String?)] {
        PlanRules.barrierCoverage(plan, barriers: file.barriers, matrix: matrix)
    }

    /// The open barriers and what addresses each: on two rows each in the
    /// narrow side panel, on one row each in the wider block; those that do
    /// not fit are counted, never dropped without a sign.
    private func renderBarriers(into canvas: inout Canvas, top: Int, left: Int, width: Int, height: Int, twoRows: Bool) {
        canvas.put("Open barriers", row: top, col: left + 1, role: .header)
        let list = coverage()
        if list.isEmpty { canvas.put("none", row: top + 1, col: left + 1, role: .dim) }
        let perBarrier = twoRows ? 2 : 1
        let room = (height - 1) / perBarrier
        let fits = list.count <= room ? list.count : max(0, room - 1)
        let nameWidth = min(list.map { $0.barrier.name.displayWidth + 2 }.max() ?? 0, width / 2)
        for (i, (b, by)) in list.prefix(fits).enumerated() {
            let row = top + 1 + i * perBarrier
            let name = (by == nil ? "! " : "✓ ") + b.name
            let addressed = by ?? "not addressed: add a supportive service"
            let role: StyleRole = by == nil ? .overdue : .normal
            if twoRows {
                canvas.put(name, row: row, col: left + 1, role: role, maxWidth: width - 1)
                canvas.put("  " + addressed, row: row + 1, col: left + 1, role: .dim, maxWidth: width - 1)
            } else {
                canvas.put(name, row: row, col: left + 1, role: role, maxWidth: nameWidth)
                canvas.put(by.map { "by " + $0 } ?? addressed, row: row, col: left + 2 + nameWidth, role: .dim, maxWidth: width - nameWidth - 2)
            }
        }
        if fits < list.count {
            canvas.put("+\(list.count - fits) more: the barrier register (r on the customer) lists them all",
                       row: top + 1 + fits * perBarrier, col: left + 1, role: .dim, maxWidth: width - 1)
        }
    }

    /// The rubric on the plan as edited, from the facts read when the screen opened.
    var quality: [CategoryRating] {
        guard var facts = qualityFacts, !plan.goals.isEmpty else { return [] }
        facts.plan = plan
        return PlanQuality.rate(facts, on: session.today)
    }

    private func renderQualityPanel(_ ratings: [CategoryRating], into canvas: inout Canvas, top: Int, left: Int, width: Int) {
        guard !ratings.isEmpty else { return }
        canvas.put("Plan quality (Q for why)", row: top, col: left + 1, role: .header)
        for (i, r) in ratings.enumerated() {
            canvas.put("\(r.rating.marker) \(r.rating.label.fitted(toWidth: 8))\(r.category.panelLabel)", row: top + 1 + i, col: left + 1,
                       role: r.rating == .below ? .dueSoon : .normal, maxWidth: width - 1)
        }
    }

    private func renderQualityLine(_ ratings: [CategoryRating], into canvas: inout Canvas, row: Int, width: Int) {
        guard !ratings.isEmpty else { return }
        let text = "Q: " + ratings.map { "\($0.rating.marker)\($0.category.short)" }.joined(separator: " ")
            + " (▲exceeds ●meets ▼below)"
        canvas.put(text, row: row, col: 1, role: .dim, maxWidth: width - 2)
    }

    private func renderBarrierLine(into canvas: inout Canvas, row: Int, width: Int) {
        let list = coverage()
        let text = list.isEmpty ? "Barriers: none open"
            : "Barriers: " + list.map { ($0.addressedBy == nil ? "! " : "✓ ") + $0.barrier.name }.joined(separator: " · ")
        let role: StyleRole = list.contains { $0.addressedBy == nil } ? .overdue : .dim
        canvas.put(text, row: row, col: 1, role: role, maxWidth: width - 2)
    }

    private func renderStatus(into canvas: inout Canvas, row: Int) {
        canvas.fill(row: row, role: .normal)
        let width = canvas.width - 2
        switch mode {
        case .confirmingDelete:
            canvas.put("Delete the selected item and everything under it? y = delete, n = keep", row: row, col: 1, role: .error,
                       maxWidth: width)
        case .leaving:
            canvas.put("The plan has unsaved changes: s = save, d = discard, Esc = stay", row: row, col: 1, role: .error,
                       maxWidth: width)
        case .reason:
            canvas.put("Significant change; why:", row: row, col: 1, role: .header)
            reason.draw(into: &canvas, row: row, col: 26, width: canvas.width - 27, focused: true)
            if let message {
                canvas.fill(row: row - 1, role: .normal)
                canvas.put(message, row: row - 1, col: 1, role: .error, maxWidth: width)
            }
        case .offeringDraft(let offer):
            canvas.put(offer.prompt.replacingOccurrences(of: "Draft kept", with: "Unsaved plan kept"), row: row, col: 1,
                       role: .error, maxWidth: width)
        case .confirmingReview:
            canvas.put("Nothing changed. Reviewed with the customer today? y records it, n does not",
                       row: row, col: 1, role: .error, maxWidth: width)
        case .certificationDate:
            let certified = file.customer.eligibleOn?.description ?? "?"
            canvas.put("Dated before certification (\(certified)): record it on \(certified) with a note of the real date? y/n",
                       row: row, col: 1, role: .error, maxWidth: width)
        case .browsing:
            if let message {
                let lines = message.wrapped(toWidth: width).prefix(2)
                for (i, line) in lines.enumerated() {
                    // The line above is the quality legend's: clear it, do not write over it.
                    canvas.fill(row: row - lines.count + 1 + i, role: .normal)
                    canvas.put(line, row: row - lines.count + 1 + i, col: 1, role: .error, maxWidth: width)
                }
            } else if let notice {
                canvas.put("✓ " + notice, row: row, col: 1, role: .normal, maxWidth: width)
            } else {
                canvas.put("i sign · w copy · Q quality · x delete · u undo · h versions · F1 all keys",
                           row: row, col: 1, role: .dim, maxWidth: width)
            }
        }
    }
}
