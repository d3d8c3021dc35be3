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

        static let sideWidth = 34
        /// The quality panel: a heading and the rubric's six categories.
        static let blockHeight = 7
    }

    /// Where the plan's parts go: the title and subtitle over the tree, the
    /// tree, the selected item's detail under the rows shown, the panels
    /// (beside, below or as lines), the status line and the row above it
    /// (a long message's first line).
    struct Parts {
        let panels: Panels
        let title, subtitle: Area
        /// Every row the tree may use; under the rows it shows, the detail.
        let treeAndDetail: Area
        let treeHeight: Int
        /// The side panel's barriers and quality (beside), the block's (below), the two lines (lines).
        let barriers, quality: Area
        let status, lastTwo: Area

        init(_ area: Area) {
            panels = Panels(area)
            var rest = area
            var bottom = area
            lastTwo = bottom.takeBottom(2).inset(1)
            status = rest.takeBottom(1)
            var tree = rest
            switch panels {
            case .lines:
                var lines = tree.takeBottom(2).inset(1)
                barriers = lines.takeTop(1)
                quality = lines
            case .below:
                var block = tree.takeBottom(Panels.blockHeight)
                // The quality panel at the right edge, the barriers in the rest.
                quality = block.takeRight(Panels.sideWidth + 1).inset(left: 1, right: 1)
                barriers = block.inset(left: 1, right: 1)
            case .beside:
                var side = tree.takeRight(Panels.sideWidth + 1).inset(left: 2)
                side.takeTop(2)
                quality = side.takeBottom(Panels.blockHeight + 1)
                barriers = side
            }
            title = tree.takeTop(1).inset(1)
            subtitle = tree.takeTop(1).inset(1)
            treeAndDetail = tree
            // At least two rows are left for the detail.
            treeHeight = max(3, tree.height - 2)
        }
    }

    mutating func prepare(area: Area) {
        let height = Parts(area).treeHeight
        selected = ListMove.clamped(selected, count: rowCount)
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, rows.count - height)))
    }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        let parts = Parts(area)
        let planName = c.program?.planName ?? "Plan"
        let state = (hasChanges ? "● unsaved · " : "")
            + (saved.map { "v\($0.version) \(AreaTime.day(of: $0.savedAt, in: .current)?.description ?? $0.savedAt) \($0.savedBy)" } ?? "never saved")
        var title = parts.title
        canvas.put(state, in: title.takeRight(state.displayWidth), role: hasChanges ? .dueSoon : .dim)
        canvas.put("\(c.displayName) \(c.id) · \(planName)", in: title.inset(right: 1), role: .header)
        let subtitle = self.subtitle
        canvas.put(subtitle, in: parts.subtitle, role: subtitle.contains("! ") ? .dueSoon : .dim)
        if view == .strategy {
            renderStrategy(into: &canvas, in: parts.treeAndDetail)
            renderPanels(into: &canvas, parts: parts)
            return
        }
        var below = parts.treeAndDetail
        let treeRows = below.takeTop(parts.treeHeight)
        if rows.isEmpty {
            canvas.put("No goals yet: g adds the first goal.", in: treeRows.row(1).inset(left: 2), role: .dim)
        }
        for ((i, row), line) in zip(rows.enumerated().dropFirst(top), treeRows.rows) {
            tree.draw(row, in: line, selected: i == selected && mode == .browsing, into: &canvas)
        }
        // The detail wraps into the rows the tree leaves (after a blank row), down to the panels.
        var detail = parts.treeAndDetail
        detail.takeTop(min(max(rows.count - top, 1), parts.treeHeight) + 1)
        renderDetail(into: &canvas, in: detail.inset(1))
        renderPanels(into: &canvas, parts: parts)
    }

    private func renderPanels(into canvas: inout Canvas, parts: Parts) {
        let ratings = quality
        switch parts.panels {
        case .beside, .below:
            renderBarriers(into: &canvas, in: parts.barriers, panelWidth: parts.barriers.width + 1,
                           twoRows: parts.panels == .beside)
            renderQualityPanel(ratings, into: &canvas, in: parts.quality)
        case .lines:
            renderBarrierLine(into: &canvas, in: parts.barriers)
            renderQualityLine(ratings, into: &canvas, in: parts.quality)
        }
        renderStatus(into: &canvas, parts: parts)
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
            let pathway = plan.pathway.map { $0.isOnlyNote ? ($0.note ?? "") : $0.occupation } ?? "not written"
            return view == .strategy ? "ISS · elements: " + strategySummary
                                     : "ISS (p) · pathway: \(pathway) · \(plan.youthElements.count) of 14 elements decided"
        }
        let last = plan.episodes.last.map { "developed \($0.on) (\($0.reason))" } ?? "not developed yet"
        return "IEP · \(last)"
    }

    private func renderDetail(into canvas: inout Canvas, in area: Area) {
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
        let wrapped = lines.enumerated().flatMap { i, line in line.wrapped(toWidth: area.width).map { ($0, i == 0) } }
        let room = max(1, area.height)
        for (i, (line, first)) in wrapped.prefix(room).enumerated() {
            let text = i == room - 1 && wrapped.count > room ? line + " " + wrapped[room].0 : line
            canvas.put(text, in: area.row(i), role: first ? .normal : .dim)
        }
    }

    private func coverage() -> [(barrier: BarrierRecord, addressedBy: String?)] {
        PlanRules.barrierCoverage(plan, barriers: file.barriers, matrix: matrix)
    }

    /// The open barriers and what addresses each: on two rows each in the
    /// narrow side panel, on one row each in the wider block; those that do
    /// not fit are counted, never dropped without a sign.
    private func renderBarriers(into canvas: inout Canvas, in area: Area, panelWidth: Int, twoRows: Bool) {
        var rest = area
        canvas.put("Open barriers", in: rest.takeTop(1), role: .header)
        let list = coverage()
        if list.isEmpty { canvas.put("none", in: rest, role: .dim) }
        let perBarrier = twoRows ? 2 : 1
        let room = rest.height / perBarrier
        let fits = list.count <= room ? list.count : max(0, room - 1)
        let nameWidth = min(list.map { $0.barrier.name.displayWidth + 2 }.max() ?? 0, panelWidth / 2)
        for (b, by) in list.prefix(fits) {
            var row = rest.takeTop(perBarrier)
            let name = (by == nil ? "! " : "✓ ") + b.name
            let addressed = by ?? "not addressed: add a supportive service"
            let role: StyleRole = by == nil ? .overdue : .normal
            if twoRows {
                canvas.put(name, in: row.takeTop(1), role: role)
                canvas.put("  " + addressed, in: row, role: .dim)
            } else {
                canvas.put(name, in: row.takeLeft(nameWidth + 1).inset(right: 1), role: role)
                canvas.put(by.map { "by " + $0 } ?? addressed, in: row, role: .dim)
            }
        }
        if fits < list.count {
            canvas.put("+\(list.count - fits) more: the barrier register (r on the customer) lists them all", in: rest, role: .dim)
        }
    }

    /// The rubric on the plan as edited, from the facts read when the screen opened.
    var quality: [CategoryRating] {
        guard var facts = qualityFacts, !plan.goals.isEmpty else { return [] }
        facts.plan = plan
        return PlanQuality.rate(facts, on: session.today)
    }

    private func renderQualityPanel(_ ratings: [CategoryRating], into canvas: inout Canvas, in area: Area) {
        guard !ratings.isEmpty else { return }
        var rest = area
        canvas.put("Plan quality (Q for why)", in: rest.takeTop(1), role: .header)
        for (r, row) in zip(ratings, rest.rows) {
            canvas.put("\(r.rating.marker) \(r.rating.label.fitted(toWidth: 8))\(r.category.panelLabel)", in: row,
                       role: r.rating == .below ? .dueSoon : .normal)
        }
    }

    private func renderQualityLine(_ ratings: [CategoryRating], into canvas: inout Canvas, in area: Area) {
        guard !ratings.isEmpty else { return }
        let text = "Q: " + ratings.map { "\($0.rating.marker)\($0.category.short)" }.joined(separator: " ")
            + " (▲exceeds ●meets ▼below)"
        canvas.put(text, in: area, role: .dim)
    }

    private func renderBarrierLine(into canvas: inout Canvas, in area: Area) {
        let list = coverage()
        let text = list.isEmpty ? "Barriers: none open"
            : "Barriers: " + list.map { ($0.addressedBy == nil ? "! " : "✓ ") + $0.barrier.name }.joined(separator: " · ")
        let role: StyleRole = list.contains { $0.addressedBy == nil } ? .overdue : .dim
        canvas.put(text, in: area, role: role)
    }

    private func renderStatus(into canvas: inout Canvas, parts: Parts) {
        canvas.fill(rowsOf: parts.status, role: .normal)
        let line = parts.status.inset(1)
        switch mode {
        case .confirmingDelete:
            canvas.put("Delete the selected item and everything under it? y = delete, n = keep", in: line, role: .error)
        case .leaving:
            canvas.put("The plan has unsaved changes: s = save, d = discard, Esc = stay", in: line, role: .error)
        case .reason:
            var field = line
            canvas.put(label: "Significant change; why:", role: .header, taking: &field)
            reason.draw(into: &canvas, row: field.top, col: field.left, width: field.width, focused: true)
            if let message {
                // The row above the status line says what is wrong with the reason.
                let above = parts.lastTwo.row(0)
                canvas.fill(rowsOf: above, role: .normal)
                canvas.put(message, in: above, role: .error)
            }
        case .offeringDraft(let offer):
            canvas.put(offer.prompt.replacingOccurrences(of: "Draft kept", with: "Unsaved plan kept"), in: line, role: .error)
        case .choosingLanguage:
            let preferred = preferredLanguage == .spanish ? "Spanish" : "English"
            canvas.put("Customer's copy: Enter = \(preferred) (theirs) · e English · s Español · Esc cancel", in: line, role: .error)
        case .confirmingReview:
            canvas.put("Nothing changed. Reviewed with the customer today? y records it, n does not", in: line, role: .error)
        case .certificationDate:
            let certified = file.customer.eligibleOn?.description ?? "?"
            canvas.put("Dated before certification (\(certified)): record it on \(certified) with a note of the real date? y/n",
                       in: line, role: .error)
        case .browsing:
            if let message {
                let lines = message.wrapped(toWidth: line.width, atMost: 2)
                var rows = parts.lastTwo
                // The line above is the quality legend's: clear it, do not write over it.
                let used = rows.takeBottom(lines.count)
                canvas.fill(rowsOf: used, role: .normal)
                canvas.put(lines: lines.map { ($0, .error) }, in: used)
            } else if let notice {
                canvas.put("✓ " + notice, in: line, role: .normal)
            } else {
                canvas.put(view == .strategy ? Self.strategyHint
                                             : "i sign · w copy · Q quality · x delete · u undo · h versions · F1 all keys",
                           in: line, role: .dim)
            }
        }
    }
}
