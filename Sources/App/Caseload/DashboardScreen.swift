import Domain
import TerminalKit

/// Due and overdue: the signed-in planner's clocks (every planner's for a
/// supervisor or administrator), grouped Overdue / Due soon / Upcoming.
/// Enter opens the screen where the item is done.
public struct DashboardScreen: SelectingScreen, ExplainsRefusals {
    let session: Session
    /// Counts over every item shown (with the rule filter).
    var summary = DueSummary()
    var ruleFilter: ClockRule?
    var selected = 0
    /// The first item drawn.
    var top = 0
    /// Items `pageStart ..< pageStart + page.count`, read from the due table a page at a time.
    var page: [DueItem] = []
    var pageStart = 0
    var message: String?

    public init(session: Session) {
        self.session = session
        load()
    }

    /// Everyone's items for those who oversee; a planner's own and those of the caseloads they cover.
    var seesAll: Bool { session.user?.role == .supervisor || session.user?.role == .administrator }
    var planners: [String]? { seesAll ? nil : Self.planners(session) }
    /// Whose caseloads a planner works today: their own first, then those they cover.
    static func planners(_ session: Session) -> [String] {
        guard case .planners(let logins) = session.reach else { return [session.login] }
        return [session.login] + logins.subtracting([session.login]).sorted()
    }

    /// Reads the counts again and forgets the cached page.
    mutating func load() {
        do {
            summary = try session.store.dueSummary(planners: planners, rule: ruleFilter, on: session.today, settings: session.settings)
            page = []
            pageStart = 0
            selected = ListMove.clamped(selected, count: summary.total)
        } catch {
            message = "Cannot read the data file: \(error)"
        }
    }

    /// Makes sure items `range` are in the cached page (reading a little around them).
    mutating func ensure(_ range: Range<Int>) {
        let wanted = range.clamped(to: 0..<summary.total)
        guard !wanted.isEmpty, wanted.lowerBound < pageStart || wanted.upperBound > pageStart + page.count else { return }
        let start = max(0, wanted.lowerBound - 20)
        do {
            page = try session.store.dueItems(planners: planners, rule: ruleFilter, on: session.today, settings: session.settings,
                                              offset: start, limit: wanted.upperBound - start + 40)
            pageStart = start
        } catch {
            message = "Cannot read the data file: \(error)"
        }
    }

    func item(_ i: Int) -> DueItem? { page.indices.contains(i - pageStart) ? page[i - pageStart] : nil }

    /// Counts for the caseload's title: overdue and due soon on the planner's
    /// own caseload (a cover is temporary; its items are on the dashboard).
    /// Nil for those without a caseload of their own.
    public static func counts(session: Session) -> Result<(overdue: Int, dueSoon: Int), any Error>? {
        guard session.user?.role == .planner else { return nil }
        return Result {
            let s = try session.store.dueCounts(planners: [session.login], rule: nil, on: session.today, settings: session.settings)
            return (s.overdue, s.dueSoon)
        }
    }

    public var title: String { "Due and overdue" }

    var rowCount: Int { summary.total }

    var commands: [Command<Self>] {
        [Command(KeyBinding([.enter], "Open", help: "Open where the item is done: the note form for a contact or a missing note, the plan for a review or service, outcomes, exit")) {
            screen, _ in screen.open()
         },
         Command(KeyBinding([.char("f")], "Filter", help: "Show one rule at a time; again for the next rule, then all")) { screen, _ in
            screen.nextFilter()
            return .handled
         },
         performance,
         Self.move("Select an item", page: 10)]
    }

    /// The indicators as the center recorded them; for those who may run reports.
    private var performance: Command<Self> {
        needing(.runReports, KeyBinding([.char("P")], "Performance",
                                        help: "How the center is doing: the WIOA indicators by program, as recorded")) {
            .push(PerformanceScreen(session: $0.session))
        }
    }

    public var bindings: [KeyBinding] { commands.map(\.binding) }

    public mutating func update(_ key: Key) -> Effect {
        message = nil
        return run(key) ?? .unhandled
    }

    /// The next rule alone, then every rule again.
    private mutating func nextFilter() {
        let rules = summary.rules
        if let current = ruleFilter, let i = rules.firstIndex(of: current) {
            ruleFilter = i + 1 < rules.count ? rules[i + 1] : nil
        } else {
            ruleFilter = rules.first
        }
        selected = 0
        top = 0
        load()
    }

    private mutating func open() -> Effect {
        guard let item = item(selected) else { return .handled }
        let id = item.customer.id
        guard let file = session.read("customer \(id)", into: &message, { try $0.caseFile(id) }) else { return .handled }
        switch item.clock.rule {
        case .eligibility30: return .push(EligibilityScreen(session: session, file: file))
        case .enrollment90: return .push(GSAScreen(session: session, file: file))
        case .initialPlan5, .review90, .serviceEntry10, .serviceClose10:
            return .push(PlanScreen(session: session, file: file))
        case .autoExit90: return .push(ExitScreen(session: session, file: file))
        case .outcomeEntry10: return .push(OutcomesScreen(session: session, file: file))
        case .followUp12m where item.clock.subject == "window ends": return .push(ExitScreen(session: session, file: file))
        case .contact30, .followUp12m, .noteEntry10:
            // Who may not write notes (a supervisor) reads the customer's notes instead.
            if session.refusal(.caseWork) != nil { return .push(TimelineScreen(session: session, file: file)) }
            let kind: NoteKind = item.clock.rule == .followUp12m ? .followUp : .contact
            // A note owed for a service is linked to it.
            var service: PlanService?
            if item.clock.rule == .noteEntry10 {
                guard let saved = session.read("the plan of \(id)", into: &message, { try $0.store.plan(for: id) })
                else { return .handled }
                service = saved.plan.allServices.first { $0.name == item.clock.subject }
            }
            return .push(NoteForms.new(kind, session: session, customer: file.customer.id,
                                       link: service.map { NoteLink(.service, Int64($0.id)) }))
        }
    }

    public mutating func resume(with result: ScreenResult) { load() }

    /// Heading text for an item's group.
    private func heading(_ state: ClockState) -> String {
        state == .overdue ? "Overdue" : state == .dueSoon ? "Due within \(session.settings.warningWindowDays) days" : "Upcoming"
    }

    /// The lines drawn from item `top` on: a heading where a group starts, then items.
    enum Line: Equatable { case heading(String), item(Int) }
    private func lines(from top: Int, height: Int) -> [Line] {
        var out: [Line] = []
        var i = top
        while out.count < height, let it = item(i) {
            // The first line always names its group, even mid-group.
            if i == top || item(i - 1)?.clock.state != it.clock.state { out.append(.heading(heading(it.clock.state))) }
            out.append(.item(i))
            i += 1
        }
        return Array(out.prefix(height))
    }

    /// Where the dashboard's parts go: two header lines, a gap, the list, the status line.
    struct Parts {
        let header, byPlanner, list, status: Area

        init(_ area: Area) {
            var rest = area
            header = rest.takeTop(1).inset(1)
            byPlanner = rest.takeTop(1).inset(1)
            rest.takeTop(1)
            // The selected item's label and its rule's words run to about 115 columns: below 120 they
            // get two rows rather than being cut (the list is one row shorter, whatever is selected).
            status = rest.takeBottom(area.width < 120 ? 2 : 1).inset(1)
            list = rest
        }
    }

    public mutating func prepare(area: Area) {
        let height = max(1, Parts(area).list.height)
        if selected < top { top = selected }
        ensure(max(0, top - 1)..<selected + height + 1)
        // Scroll down until the selected item is drawn.
        while top < selected, !lines(from: top, height: height).contains(.item(selected)) {
            top += 1
            ensure(top - 1..<selected + height + 1)
        }
    }

    public func render(into canvas: inout Canvas, area: Area) {
        let parts = Parts(area)
        let covered = (planners ?? []).dropFirst().map { session.staff[$0]?.initials ?? $0 }
        let whose = seesAll ? "every planner" : (session.user?.name ?? session.login)
            + (covered.isEmpty ? "" : " (covering " + covered.joined(separator: " ") + ")")
        var counts = [whose, "as of \(session.today)", "\(summary.overdue) overdue",
                      "\(summary.dueSoon) due within \(session.settings.warningWindowDays) days"]
        // On a narrow terminal the date gives way to the counts that matter.
        if counts.joined(separator: " · ").displayWidth > parts.header.width { counts.remove(at: 1) }
        canvas.put(counts.joined(separator: " · "), in: parts.header, role: .header)
        canvas.put(secondLine(width: parts.byPlanner.width), in: parts.byPlanner, role: .dim)
        if summary.total == 0, message == nil {
            canvas.put("Nothing due: every clock is met or far away.", in: parts.list.inset(left: 2), role: .dim)
        }
        for (line, row) in zip(lines(from: top, height: parts.list.height), parts.list.rows) {
            switch line {
            case .heading(let text): canvas.put(text, in: row.inset(left: 1), role: .header)
            case .item(let n): if let it = item(n) { draw(it, selected: n == selected, in: row, into: &canvas) }
            }
        }
        canvas.fill(rowsOf: parts.status, role: .normal)
        // A message takes the bottom row, where the list never draws over it.
        if let message {
            put(message, wrappedIn: parts.status, role: .error, into: &canvas)
        } else if let it = item(selected) {
            // The selected item's whole label (its row cuts long ones), then what the rule asks.
            put("\(it.clock.label): \(it.clock.rule.explanation)", wrappedIn: parts.status, role: .dim, into: &canvas)
        }
    }

    private func put(_ text: String, wrappedIn area: Area, role: StyleRole, into canvas: inout Canvas) {
        var lines = text.wrapped(toWidth: area.width)
        if lines.count > area.height, area.height > 0 {
            lines = Array(lines.prefix(area.height - 1)) + [lines.dropFirst(area.height - 1).joined(separator: " ")]
        }
        for (line, row) in zip(lines, area.rows) { canvas.put(line, in: row, role: role) }
    }

    /// Under the counts: the rule `f` chose, in words, and for a supervisor the planners behind the counts.
    func secondLine(width: Int) -> String {
        let only = ruleFilter.map { "Only \($0.task): \($0.explanation)" }
        guard seesAll else { return only ?? "" }
        guard let rule = ruleFilter else { return byPlanner(width: width) }
        let prefix = "\(rule.task) only · "
        return prefix + byPlanner(width: width - prefix.displayWidth)
    }

    /// "Overdue or due soon by planner: …" in `width`: logins when they fit, else the initials the list's
    /// rows show; when even those do not, the planners with the most first and "+N more", so no planner's
    /// number is ever cut off.
    func byPlanner(width: Int) -> String {
        let title = "Overdue or due soon by planner: "
        let each = summary.urgentByPlanner.map { (login: $0.key.isEmpty ? "unassigned" : $0.key, n: $0.value) }
            .sorted { $0.login < $1.login }
        guard !each.isEmpty else { return title + "none" }
        func entries(_ name: (String) -> String) -> [String] {
            each.map { "\($0.login == "unassigned" ? $0.login : name($0.login)) \($0.n)" }
        }
        let initials = entries { session.staff[$0]?.initials ?? $0 }
        for names in [entries { $0 }, initials] {
            let line = title + names.joined(separator: " · ")
            if line.displayWidth <= width { return line }
        }
        let most = each.indices.sorted { (each[$0].n, each[$1].login) > (each[$1].n, each[$0].login) }
        var shown: [Int] = []
        for i in most {
            let rest = each.count - shown.count - 1
            let line = title + (shown + [i]).sorted().map { initials[$0] }.joined(separator: " · ")
                + (rest > 0 ? " · +\(rest) more" : "")
            guard line.displayWidth <= width else { break }
            shown.append(i)
        }
        guard !shown.isEmpty else { return title + "\(each.count) planners" }
        return title + shown.sorted().map { initials[$0] }.joined(separator: " · ") + " · +\(each.count - shown.count) more"
    }

    private func draw(_ item: DueItem, selected isSelected: Bool, in row: Area, into canvas: inout Canvas) {
        // The row less the last column, where the selection color still runs.
        let text = row.inset(right: 1)
        let role: StyleRole = isSelected ? .selected : item.clock.state == .overdue ? .overdue
            : item.clock.state == .dueSoon ? .dueSoon : .normal
        canvas.fill(rowsOf: row, role: isSelected ? .selected : .normal)
        let c = item.customer
        let planner = seesAll || (planners?.count ?? 0) > 1 ? (c.planner.map { session.staff[$0]?.initials ?? $0 } ?? "—").fitted(toWidth: 4) : ""
        let when = Clock.when(due: item.clock.due, today: session.today)
        let head = (isSelected ? "▶ " : "  ") + CaseloadScreen.marker(item.clock.state) + " \(item.clock.due) "
            + when.fitted(toWidth: 17) + c.id.description + " " + planner + c.displayName.truncated(toWidth: 20).fitted(toWidth: 21)
        canvas.put(head + item.clock.label.truncated(toWidth: max(1, text.width - head.displayWidth)), in: text, role: role)
    }
}
