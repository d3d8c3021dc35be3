import Domain
import TerminalKit

extension EligibilityScreen {
    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        let width = area.width - 4
        canvas.put("\(c.displayName) \(c.id)", row: area.top, col: 2, role: .header, maxWidth: width)
        guard let application = file.application else {
            canvas.put("No application yet: press a to take one. Eligibility is determined from its answers.",
                       row: area.top + 2, col: 2, role: .dim, maxWidth: width)
            renderStatus(into: &canvas, row: area.bottom)
            return
        }
        // The second line may wrap onto the blank row above the table.
        let summary = summaryLines(application)
        canvas.put(summary[0].0, row: area.top + 1, col: 2, role: summary[0].1, maxWidth: width)
        for (i, line) in summary[1].0.wrapped(toWidth: width).prefix(2).enumerated() {
            canvas.put(line, row: area.top + 2 + i, col: 2, role: summary[1].1, maxWidth: width)
        }
        renderTitles(into: &canvas, row: area.top + 4, width: area.width)
        let why = area.top + 10
        var row = area.bottom - 3
        if results.indices.contains(selected) {
            let r = results[selected]
            canvas.put("Why: \(r.title.name)", row: why, col: 2, role: .header)
            // Long reasons wrap while there is room; the facts below keep theirs.
            var lines: [(String, StyleRole)] = []
            for f in r.findings {
                for (i, line) in f.text.wrapped(toWidth: area.width - 8).enumerated() {
                    lines.append(((i == 0 ? (f.met ? "✓ " : "✗ ") : "  ") + line, f.met ? .normal : .error))
                }
            }
            let room = max(0, area.bottom - 4 - why)
            for (i, (text, role)) in lines.prefix(room).enumerated() {
                canvas.put(text, row: why + 1 + i, col: 4, role: role, maxWidth: area.width - 6)
            }
            row = min(row, why + 2 + min(room, lines.count))
        }
        if let certifying {
            certifying.render(into: &canvas, top: row, height: 4, width: area.width,
                              problems: certifyFormProblems.filter { certifying.checked.contains($0.key) })
        } else {
            for (label, value) in facts(application) where row < area.bottom {
                canvas.put(label.fitted(toWidth: 20), row: row, col: 2, role: .dim)
                canvas.put(value, row: row, col: 23, role: .normal, maxWidth: area.width - 24)
                row += 1
            }
        }
        renderStatus(into: &canvas, row: area.bottom)
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

    private func renderTitles(into canvas: inout Canvas, row: Int, width: Int) {
        canvas.fill(row: row, role: .header)
        canvas.put("    Certify  Title                  Result", row: row, col: 0, role: .header)
        let certified = file.certification?.titles ?? []
        for (i, r) in results.enumerated() {
            let y = row + 1 + i
            let isSelected = i == selected && certifying == nil
            let role: StyleRole = isSelected ? .selected : .normal
            canvas.fill(row: y, role: role)
            let box = certified.contains(r.title) ? "[✓]" : file.certification != nil ? "   "
                : marked.contains(r.title) ? "[x]" : "[ ]"
            let result = r.eligible ? "✓ eligible" : "✗ not eligible"
            let first = r.findings.first { !$0.met }?.text ?? "all \(r.findings.count) rules met"
            canvas.put((isSelected ? "▶" : " ") + "   " + box + "    " + r.title.name.fitted(toWidth: 22) + " "
                       + result.fitted(toWidth: 15) + first, row: y, col: 0, role: role, maxWidth: width)
            if !isSelected {
                canvas.put(result, row: y, col: 34, role: r.eligible ? .normal : .error)
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

    private func renderStatus(into canvas: inout Canvas, row: Int) {
        canvas.fill(row: row, role: .normal)
        let width = canvas.width - 2
        if let message {
            canvas.put(message, row: row, col: 1, role: .error, maxWidth: width)
        } else if let notice {
            canvas.put("✓ " + notice, row: row, col: 1, role: .normal, maxWidth: width)
        } else if certifying != nil {
            canvas.put("Certify " + orderedMarks.map(\.name).joined(separator: ", ") + " · Ctrl-S or F2 records it · Esc cancels",
                       row: row, col: 1, role: .dim, maxWidth: width)
        } else if file.certification == nil, file.application != nil {
            canvas.put("Space marks a title · c certifies the marked titles", row: row, col: 1, role: .dim, maxWidth: width)
        }
    }
}
