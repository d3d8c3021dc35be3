import Domain
import TerminalKit

extension EligibilityScreen {
    /// The name, the application and determination (three rows), the
    /// titles (a header and a row each), why the selected title is or is
    /// not met, the facts (at least three rows above the status line) or
    /// the certification form in their place, the status line.
    struct Parts {
        let heading, summary, titles, why, status: Area
        /// The reasons' rows and the facts' together.
        let whyAndFacts: Area
        /// The rows kept for the facts whatever the reasons take.
        let factsFloor: Area

        init(_ area: Area, titles count: Int) {
            var rest = area
            status = rest.takeBottom(1)
            heading = rest.takeTop(1).inset(2)
            summary = rest.takeTop(3).inset(2)
            titles = rest.takeTop(1 + max(count, Title.allCases.count))
            rest.takeTop(1)
            whyAndFacts = rest
            factsFloor = rest.takeBottom(3)
            why = rest
        }
    }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        let parts = Parts(area, titles: results.count)
        canvas.put("\(c.displayName) \(c.id)", in: parts.heading, role: .header)
        guard let application = file.application else {
            canvas.put("No application yet: press a to take one. Eligibility is determined from its answers.",
                       in: parts.summary.row(1), role: .dim)
            renderStatus(into: &canvas, in: parts.status)
            return
        }
        // The second line may wrap onto the blank row above the table.
        let summary = summaryLines(application)
        var summaryRows = parts.summary
        canvas.put(summary[0].0, in: summaryRows.takeTop(1), role: summary[0].1)
        canvas.put(wrapped: summary[1].0, role: summary[1].1, limit: 2, taking: &summaryRows)
        renderTitles(into: &canvas, in: parts.titles)
        // The facts follow the reasons after a blank row, or sit just above the status line.
        var facts = parts.factsFloor
        if results.indices.contains(selected) {
            let r = results[selected]
            var why = parts.why.inset(2)
            canvas.put("Why: \(r.title.name)", in: why.takeTop(1), role: .header)
            let reasons = why.inset(left: 2)
            // Long reasons wrap while there is room; the facts below keep theirs.
            var lines: [(String, StyleRole)] = []
            for f in r.findings {
                for (i, line) in f.text.wrapped(toWidth: reasons.width - 2).enumerated() {
                    lines.append(((i == 0 ? (f.met ? "✓ " : "✗ ") : "  ") + line, f.met ? .normal : .error))
                }
            }
            canvas.put(lines: lines, in: reasons)
            var after = parts.why
            after.takeTop(1 + min(reasons.height, lines.count) + 1)
            facts = parts.whyAndFacts.rows(from: min(after.top, facts.top))
        }
        if let certifying {
            // The form's four rows from where the facts would start (its last may share the status row's place).
            certifying.render(into: &canvas, in: Area(top: facts.top, left: area.left, width: area.width, height: 4),
                              problems: certifyFormProblems.filter { certifying.checked.contains($0.key) })
        } else {
            // Each fact: its label in a column of 21, the value to the edge less one.
            for ((label, value), row) in zip(self.facts(application), facts.inset(left: 2, right: 1).rows) {
                var cell = row
                canvas.put(label: label.fitted(toWidth: 20), role: .dim, taking: &cell)
                canvas.put(value, in: cell, role: .normal)
            }
        }
        renderStatus(into: &canvas, in: parts.status)
    }

    /// Two lines: the application, then the determination or its deadline.
    private func summaryLines(_ a: Application) -> [(String, StyleRole)] {
        let age = file.customer.birthDate.age(on: a.appliedOn)
        let applied = ("Applied \(a.appliedOn) for \(a.program.name); age \(age) on that day", StyleRole.normal)
        if let cert = file.certification {
            let days = a.appliedOn.days(until: cert.certifiedOn)
            let late = cert.lateReason.map { "; late because: \($0)" } ?? ""
            return [applied, ("Certified \(cert.certifiedOn) by \(cert.certifiedBy), \(days) days after applying\(late)", .normal)]
        }
        let due = a.appliedOn.adding(days: Certification.limitDays)
        let when = Clock.when(due: due, today: session.today)
        let state = Deadlines.state(due: due, on: session.today, settings: session.settings)
        let role: StyleRole = state == .overdue ? .overdue : state == .dueSoon ? .dueSoon : .normal
        return [applied, ("\(CaseloadScreen.marker(state)) Determine eligibility by \(due) (\(when))", role)]
    }

    private func renderTitles(into canvas: inout Canvas, in area: Area) {
        var rows = area
        let header = rows.takeTop(1)
        canvas.fill(rowsOf: header, role: .header)
        // The headings over their columns: the box, the title's name, the result.
        canvas.put("   Certify " + "Title".fitted(toWidth: 23) + "Result", in: header, role: .header)
        let certified = file.certification?.titles ?? []
        for (i, (r, row)) in zip(results, rows.rows).enumerated() {
            let isSelected = i == selected && certifying == nil
            let role: StyleRole = isSelected ? .selected : .normal
            canvas.fill(rowsOf: row, role: role)
            let box = certified.contains(r.title) ? "[✓]" : file.certification != nil ? "   "
                : marked.contains(r.title) ? "[x]" : "[ ]"
            let result = r.eligible ? "✓ eligible" : "✗ not eligible"
            let first = r.findings.first { !$0.met }?.text ?? "all \(r.findings.count) rules met"
            let lead = (isSelected ? "▶" : " ") + "   " + box + "    " + r.title.name.fitted(toWidth: 22) + " "
            canvas.put(lead + result.fitted(toWidth: 15) + first, in: row, role: role)
            if !isSelected {
                // The result in its own color, where its column starts.
                var cell = row
                cell.takeLeft(lead.displayWidth)
                canvas.put(result, in: cell, role: r.eligible ? .normal : .error)
            }
        }
    }

    private func facts(_ a: Application) -> [(String, String)] {
        var out: [(String, String)] = []
        if let p = file.priority { out.append(("Priority of service", p.summary)) }
        if let s = file.screening {
            let what = s.result == .deficient
                ? ": " + s.consequences(program: file.customer.program).joined(separator: "; ") : ""
            out.append(("Basic skills screen", "\(s.screenedOn) \(s.result.label)\(what)"))
        } else {
            out.append(("Basic skills screen", "not yet: offer it before any assessment (b)"))
        }
        let items = file.checklist
        let seen = items.filter { file.document(for: $0) != nil }.count
        let amended = file.amendments.isEmpty ? "" : " · \(file.amendments.count) amendment(s) (h)"
        out.append(("Documents", "\(seen) of \(items.count) items verified (d)" + amended))
        return out
    }

    private func renderStatus(into canvas: inout Canvas, in status: Area) {
        canvas.fill(rowsOf: status, role: .normal)
        let line = status.inset(1)
        if let message {
            canvas.put(message, in: line, role: .error)
        } else if let notice {
            canvas.put("✓ " + notice, in: line, role: .normal)
        } else if certifying != nil {
            canvas.put("Certify " + orderedMarks.map(\.name).joined(separator: ", ") + " · Ctrl-S or F2 records it · Esc cancels",
                       in: line, role: .dim)
        } else if file.certification == nil, file.application != nil {
            canvas.put("Space marks a title · c certifies the marked titles", in: line, role: .dim)
        }
    }
}
