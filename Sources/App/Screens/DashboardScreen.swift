import Domain
import Store
import TerminalKit

/// Due and overdue: the signed-in planner's clocks (every planner's for a
/// supervisor or administrator), grouped Overdue / Due soon / Upcoming.
/// Enter opens the screen where the item is done.
public struct DashboardScreen: Screen {
    struct Item {
        var facts: CaseClockFacts
        var clock: Clock
    }

    let session: Session
    var items: [Item] = []
    var ruleFilter: ClockRule?
    var selected = 0
    var top = 0
    var message: String?

    public init(session: Session) {
        self.session = session
        load()
    }

    /// Everyone's items for those who oversee; a planner's own otherwise.
    var seesAll: Bool { session.user?.role == .supervisor || session.user?.role == .administrator }

    mutating func load() {
        do {
            let facts = try session.store.clockFacts(planner: seesAll ? nil : session.login)
            items = facts.flatMap { f in
                Deadlines.running(for: f, on: session.today, settings: session.settings).map { Item(facts: f, clock: $0) }
            }.sorted { ($0.clock.due, $0.facts.customer.id) < ($1.clock.due, $1.facts.customer.id) }
        } catch {
            message = "Cannot read the data file: \(error)"
        }
    }

    /// Counts for the caseload's title: overdue and due soon.
    public static func counts(session: Session) -> (overdue: Int, dueSoon: Int)? {
        guard session.user?.role == .planner,
              let facts = try? session.store.clockFacts(planner: session.login) else { return nil }
        let clocks = facts.flatMap { Deadlines.running(for: $0, on: session.today, settings: session.settings) }
        return (clocks.filter { $0.state == .overdue }.count, clocks.filter { $0.state == .dueSoon }.count)
    }

    public var title: String { "Due and overdue" }
    var shown: [Item] { items.filter { ruleFilter == nil || $0.clock.rule == ruleFilter } }

    public var bindings: [KeyBinding] {
        [KeyBinding([.enter], "Open", help: "Open where the item is done: the note form for a contact or a missing note, the plan for a review or service, outcomes, exit"),
         KeyBinding([.char("f")], "Filter", help: "Show one rule at a time; again for the next rule, then all"),
         KeyBinding([.up, .down, .char("k"), .char("j"), .pageUp, .pageDown], "Move", help: "Select an item", inBar: false)]
    }

    public mutating func update(_ key: Key) -> Effect {
        message = nil
        if let moved = ListMove.index(selected, key: key, count: shown.count, page: 10) {
            selected = moved
            return .handled
        }
        switch key {
        case .char("f"):
            let rules = ClockRule.allCases.filter { r in items.contains { $0.clock.rule == r } }
            if let current = ruleFilter, let i = rules.firstIndex(of: current) {
                ruleFilter = i + 1 < rules.count ? rules[i + 1] : nil
            } else {
                ruleFilter = rules.first
            }
            selected = 0
        case .enter: return open()
        default: return .unhandled
        }
        return .handled
    }

    private mutating func open() -> Effect {
        guard shown.indices.contains(selected) else { return .handled }
        let item = shown[selected]
        guard let file = try? session.caseFile(item.facts.customer.id) else {
            message = "Cannot read customer \(item.facts.customer.id)"
            return .handled
        }
        switch item.clock.rule {
        case .eligibility30: return .push(EligibilityScreen(session: session, file: file))
        case .enrollment90: return .push(GSAScreen(session: session, file: file))
        case .initialPlan5, .review90, .serviceEntry10, .serviceClose10:
            return .push(PlanScreen(session: session, file: file))
        case .autoExit90: return .push(ExitScreen(session: session, file: file))
        case .outcomeEntry10: return .push(OutcomesScreen(session: session, file: file))
        case .followUp12m where item.clock.subject == "window ends": return .push(ExitScreen(session: session, file: file))
        case .contact30, .followUp12m, .noteEntry10:
            if let refusal = session.refusal(.caseWork) { message = refusal; return .handled }
            let kind: NoteKind = item.clock.rule == .followUp12m ? .followUp : .contact
            // A note owed for a service is linked to it.
            let service = item.clock.rule == .noteEntry10
                ? item.facts.plan?.allServices.first { $0.name == item.clock.subject } : nil
            return .push(NoteForms.new(kind, session: session, customer: file.customer.id,
                                       link: service.map { NoteLink(.service, Int64($0.id)) }))
        }
    }

    public mutating func resume(with result: ScreenResult) {
        load()
        selected = min(selected, max(0, shown.count - 1))
    }

    public mutating func prepare(area: Area) {
        let height = area.height - 4
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
    }

    public func render(into canvas: inout Canvas, area: Area) {
        // Filtered once: a caseload of 25,000 has tens of thousands of items.
        let shown = self.shown
        let whose = seesAll ? "every planner" : (session.user?.name ?? session.login)
        let overdue = shown.filter { $0.clock.state == .overdue }.count
        let soon = shown.filter { $0.clock.state == .dueSoon }.count
        canvas.put("\(whose) · as of \(session.today) · \(overdue) overdue · \(soon) due within \(session.settings.warningWindowDays) days"
                   + (ruleFilter.map { " · only \($0.rawValue)" } ?? ""), row: area.top, col: 1, role: .header,
                   maxWidth: area.width - 2)
        if seesAll {
            let perPlanner = Dictionary(grouping: shown.filter { $0.clock.state != .upcoming }) { $0.facts.customer.planner ?? "unassigned" }
                .map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: " · ")
            canvas.put("Overdue or due soon by planner: " + (perPlanner.isEmpty ? "none" : perPlanner), row: area.top + 1, col: 1,
                       role: .dim, maxWidth: area.width - 2)
        }
        if let message { canvas.put(message, row: area.top + 3, col: 2, role: .error, maxWidth: area.width - 4) }
        if shown.isEmpty, message == nil {
            canvas.put("Nothing due: every clock is met or far away.", row: area.top + 3, col: 2, role: .dim)
        }
        // Group headings between the items; `.item(n)` is shown[n].
        enum Line: Equatable { case heading(String), item(Int) }
        var lines: [Line] = []
        for (n, item) in shown.enumerated() {
            if n == 0 || shown[n - 1].clock.state != item.clock.state {
                lines.append(.heading(item.clock.state == .overdue ? "Overdue" : item.clock.state == .dueSoon
                                      ? "Due within \(session.settings.warningWindowDays) days" : "Upcoming"))
            }
            lines.append(.item(n))
        }
        let height = area.height - 4
        let at = lines.firstIndex(of: .item(selected)) ?? 0
        let first = max(0, min(at - height + 1, lines.count - height))
        for (row, line) in lines.dropFirst(first).prefix(height).enumerated() {
            let y = area.top + 3 + row
            switch line {
            case .heading(let text): canvas.put(text, row: y, col: 1, role: .header)
            case .item(let n): draw(shown[n], selected: n == selected, at: y, width: area.width, into: &canvas)
            }
        }
        canvas.fill(row: area.bottom, role: .normal)
        if shown.indices.contains(selected) {
            canvas.put(shown[selected].clock.rule.explanation, row: area.bottom, col: 1, role: .dim, maxWidth: area.width - 2)
        }
    }

    private func draw(_ item: Item, selected isSelected: Bool, at y: Int, width: Int, into canvas: inout Canvas) {
        let role: StyleRole = isSelected ? .selected : item.clock.state == .overdue ? .overdue
            : item.clock.state == .dueSoon ? .dueSoon : .normal
        canvas.fill(row: y, role: isSelected ? .selected : .normal)
        let c = item.facts.customer
        let planner = seesAll ? (c.planner.map { session.staff[$0]?.initials ?? $0 } ?? "—").fitted(toWidth: 4) : ""
        let when = Clock.when(due: item.clock.due, today: session.today)
        let head = (isSelected ? "▶ " : "  ") + CaseloadScreen.marker(item.clock.state) + " \(item.clock.due) "
            + when.fitted(toWidth: 17) + c.id.description + " " + planner + c.displayName.truncated(toWidth: 20).fitted(toWidth: 21)
        let text = head + item.clock.label.truncated(toWidth: max(1, width - 1 - head.displayWidth))
        canvas.put(text, row: y, col: 0, role: role, maxWidth: width - 1)
    }
}
