import Domain
import TerminalKit

/// The overview's clocks: as many as fit, each with why when there is room,
/// a line saying how many more when they do not, and the late entries on
/// record; `c` shows them all on a page of their own.
extension CustomerOverviewScreen {
    func runningClocks(_ c: Customer) -> [Clock] {
        Deadlines.running(for: clockFacts ?? CaseClockFacts(customer: c), on: session.today, settings: session.settings)
    }

    var lateEntries: [LateEntry] { clockFacts.map(LateEntry.entries(of:)) ?? [] }

    func renderClocks(_ c: Customer, in area: Area, into canvas: inout Canvas) {
        let clocks = runningClocks(c)
        var rest = area
        var headingRow = rest.takeTop(1)
        // The clocks indented under their heading, down to the status line.
        let lines = rest.inset(left: 2)
        // Each clock's explanation under it when there is room; otherwise one line per clock.
        let spacing = clocks.count * 2 <= lines.height ? 2 : 1
        let shown = min(clocks.count, lines.height / spacing)
        let heading = "Running clocks (as of \(session.today))"
        canvas.put(heading, in: headingRow.takeLeft(heading.count + 1), role: .header)
        var notes: [String] = []
        if shown < clocks.count { notes.append("\(shown) of \(clocks.count) shown") }
        if !lateEntries.isEmpty { notes.append(Plural.count(lateEntries.count, "late entry", "late entries") + " on record") }
        if !notes.isEmpty {
            canvas.put("· " + notes.joined(separator: " · ") + " (c)", in: headingRow, role: lateEntries.isEmpty ? .dim : .overdue)
        }
        if clocks.isEmpty {
            canvas.put("none: no policy deadline is running", in: lines, role: .dim)
        }
        for (i, clock) in clocks.prefix(shown).enumerated() {
            let role: StyleRole = switch clock.state {
            case .overdue: .overdue
            case .dueSoon: .dueSoon
            case .upcoming, .met: .normal
            }
            let when = Clock.when(due: clock.due, today: session.today)
            // Where the line is too long the label gives way: how overdue it is always shows.
            let lead = "\(CaseloadScreen.marker(clock.state)) \(clock.due)  ", tail = " (\(when))"
            var rows = lines
            rows.takeTop(spacing * i)
            let line = rows.takeTop(1)
            let label = clock.label.truncated(toWidth: line.width - lead.displayWidth - tail.displayWidth)
            canvas.put(lead + label + tail, in: line, role: role)
            if spacing == 2 {
                // The explanation lines up under the label, past the marker and the date.
                let explanation = rows.takeTop(1).inset(left: Self.labelWidth)
                canvas.put(clock.rule.explanation.truncated(toWidth: explanation.width), in: explanation, role: .dim)
            }
        }
    }

    /// Every running clock with its explanation, then the late entries.
    func clocksPage(_ c: Customer) -> ReadingScreen {
        let today = session.today
        var out: [ReadingScreen.Entry] = [("Running clocks as of \(today)", .header)]
        let clocks = runningClocks(c)
        if clocks.isEmpty { out.append(("  none: no policy deadline is running", .dim)) }
        for clock in clocks {
            let role: StyleRole = clock.state == .overdue ? .overdue : clock.state == .dueSoon ? .dueSoon : .normal
            out.append(("  \(CaseloadScreen.marker(clock.state)) \(clock.due)  \(clock.label) (\(Clock.when(due: clock.due, today: today)))", role))
            out.append(("      \(clock.rule.explanation)", .dim))
        }
        out.append(("", .normal))
        out.append(("Late entries (more than 10 days after the event)", .header))
        if lateEntries.isEmpty { out.append(("  none", .dim)) }
        for e in lateEntries {
            out.append(("  \(e.kind.rawValue): \(e.what), entered \(e.enteredOn), \(e.daysLate) days after \(e.happenedOn)", .normal))
        }
        return ReadingScreen(title: "Clocks", header: "\(c.displayName) \(c.id)", entries: out)
    }
}
