import Domain
import TerminalKit

/// How the center is doing on the WIOA indicators, from what it recorded:
/// for each program a bar per measure (met of counted, as characters so it
/// reads without color), the "not known" counted apart. Enter lists the
/// participants behind a measure. `[` and `]` change the program year.
struct PerformanceScreen: SelectingScreen {
    let session: Session
    var year: ProgramYear
    var participants: [ParticipantPerformance] = []
    var groups: [PerformanceGroup] = []
    var selected = 0
    var top = 0
    var message: String?

    init(session: Session) {
        self.session = session
        year = ProgramYear(lastEndedBefore: session.today)
        load()
    }

    /// Reads the year's participants again and adds them up.
    mutating func load() {
        do {
            let facts = try session.store.participantFacts(from: year.firstDay, to: year.lastDay, planner: nil, by: session.user)
            participants = facts.map {
                ParticipantPerformance($0, from: year.firstDay, to: year.lastDay, asOf: session.today, matrix: session.matrix)
            }.filter { !$0.readings.isEmpty }
            message = nil
        } catch {
            participants = []
            message = "Cannot read the participants: \(error)"
        }
        groups = participants.byProgram
        selected = ListMove.clamped(selected, count: rowCount)
    }

    var title: String { "Performance" }

    /// The measure lines, program by program: (group, line).
    var lines: [(group: PerformanceGroup, line: PerformanceLine)] {
        groups.flatMap { g in g.lines.map { (g, $0) } }
    }

    var rowCount: Int { lines.count }

    var commands: [Command<Self>] {
        [Command(KeyBinding([.enter], "Who", help: "The participants behind the selected measure: not known first (whom to call), then not met and met")) {
            screen, _ in screen.openSelected()
         },
         Command(KeyBinding([.char("["), .char("]")], "Year", help: "The program year before or after (July 1 to June 30)")) {
            screen, key in
            screen.year = screen.year.adding(key == .char("[") ? -1 : 1)
            screen.load()
            return .handled
         },
         Self.move("Select a measure", page: 5)]
    }

    mutating func update(_ key: Key) -> Effect { run(key) ?? .unhandled }

    private mutating func openSelected() -> Effect {
        guard lines.indices.contains(selected) else { return .handled }
        let (group, line) = lines[selected]
        guard !line.isEmpty else { message = "Nobody is counted in this measure for \(year)"; return .handled }
        return .push(PerformanceListScreen(session: session, program: group.name, measure: line.measure, youth: group.youth,
                                           line: line))
    }

    mutating func resume(with result: ScreenResult) { load() }

    // MARK: Drawing

    /// The header, the source line, the lines (with program headings), the status line.
    struct Parts {
        let header, source, list, status: Area

        init(_ area: Area) {
            var rest = area.inset(1)
            header = rest.takeTop(1)
            source = rest.takeTop(1)
            rest.takeTop(1)
            status = rest.takeBottom(1)
            // The lines run edge to edge: the selection color too.
            list = rest.across(area)
        }
    }

    /// The rows drawn: a heading per program, then its measures.
    enum Row: Equatable { case heading(String), line(Int) }

    var rows: [Row] {
        var out: [Row] = []
        var n = 0
        for g in groups {
            out.append(.heading(g.name))
            for _ in g.lines { out.append(.line(n)); n += 1 }
        }
        return out
    }

    mutating func prepare(area: Area) {
        let height = max(1, Parts(area).list.height)
        guard let at = rows.firstIndex(of: .line(selected)) else { return }
        // The selected line and its program's heading stay in view.
        if at - 1 < top { top = max(0, at - 1) }
        if at >= top + height { top = at - height + 1 }
    }

    func render(into canvas: inout Canvas, area: Area) {
        let parts = Parts(area)
        canvas.put("\(year) · exits \(year.firstDay) to \(year.lastDay) · as of \(session.today) · "
                   + Plural.count(participants.count, "participant"), in: parts.header, role: .header)
        canvas.put("Read from the center's own records, not wage records; not known counts apart.",
                   in: parts.source, role: .dim)
        let list = parts.list
        if groups.isEmpty, message == nil {
            canvas.put("Nobody is counted in \(year): no exits then and nobody in training. [ ] changes the year.",
                       in: list.inset(left: 2), role: .dim)
        }
        let all = lines
        for (row, line) in zip(rows.dropFirst(top), list.rows) {
            switch row {
            case .heading(let name): canvas.put(name, in: line.inset(1), role: .header)
            case .line(let n): draw(all[n].line, youth: all[n].group.youth, selected: n == selected, in: line, into: &canvas)
            }
        }
        canvas.fill(rowsOf: parts.status, role: .normal)
        if let message {
            canvas.put(message, in: parts.status, role: .error)
        } else {
            canvas.put("█ met  ░ not met · rate of those counted · Enter: who · [ ] program year", in: parts.status, role: .dim)
        }
    }

    /// "▶ Employed, 2nd quarter after exit  ██████░░░░  60%  3 of 5 · 2 not known".
    private func draw(_ line: PerformanceLine, youth: Bool, selected isSelected: Bool, in row: Area, into canvas: inout Canvas) {
        let role: StyleRole = isSelected ? .selected : .normal
        canvas.fill(rowsOf: row, role: role)
        var cells = row.inset(right: 1)
        let label = (isSelected ? "▶ " : "  ") + line.measure.shortLabel(youth: youth).fitted(toWidth: 34)
        canvas.put(label, in: cells.takeLeft(label.displayWidth), role: role)
        if line.measure == .medianEarningsQ2 {
            canvas.put(line.summary, in: cells, role: isSelected ? role : .normal)
            return
        }
        let bar = Self.bar(line, width: 12)
        canvas.put(bar, in: cells.takeLeft(bar.displayWidth + 1), role: isSelected ? role : .normal)
        canvas.put(line.summary, in: cells, role: isSelected ? role : line.notKnown.isEmpty ? .normal : .dim)
    }

    /// The rate as a bar of characters: █ met, ░ not met; empty when nobody is counted.
    static func bar(_ line: PerformanceLine, width: Int) -> String {
        guard let rate = line.rate else { return String(repeating: "·", count: width) }
        let filled = Int((rate * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}
