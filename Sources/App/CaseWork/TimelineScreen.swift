import Domain
import TerminalKit

/// The customer's case notes and everything else that happened, newest
/// first, with search as you type. Notes are never edited: `a` amends the
/// selected one and the amendment is shown beside it.
struct TimelineScreen: CaseFileScreen, SearchingScreen {
    let session: Session
    var file: CaseFile
    var plan: CareerPlan?
    var selected = 0
    var search = TextField()
    var searching = false
    var message: String?
    var notice: String?

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
        plan = readSavedPlan()
    }

    var title: String { "Notes and timeline" }
    var acceptsText: Bool { searching }

    var entries: [TimelineEntry] {
        Timeline.entries(customer: file.customer, work: file.work, plan: plan, assessments: file.assessments)
            .filter { $0.matches(search.text) }
    }

    var rowCount: Int { entries.count }

    var commands: [Command<Self>] {
        if searching {
            return [Command(KeyBinding([.enter, .down], "Keep", help: "Keep the search and return to the list")) { screen, _ in
                        screen.searching = false
                        return .handled
                    },
                    Command(KeyBinding([.escape], "Clear", help: "Clear the search")) { screen, _ in
                        screen.searching = false
                        screen.search = TextField()
                        return .handled
                    },
                    Command(TextField.editing) { screen, key in screen.typeSearch(key) }]
        }
        var all = [Command(KeyBinding([.char("/")], "Search", help: "Show only entries containing the typed text (any case, no accents)")) {
                       screen, _ in
                       screen.searching = true
                       return .handled
                   },
                   needing(.caseWork, KeyBinding([.char("a")], "Amend", help: "Correct the selected note; the original stays readable")) {
                       $0.amendSelected()
                   },
                   Command(KeyBinding([.up, .down, .char("k"), .char("j"), .pageUp, .pageDown, .home, .end], "Move",
                                      help: "Select an entry; its full text shows below the list", inBar: false)) { screen, key in
                       screen.selected = ListMove.index(screen.selected, key: key, count: screen.rowCount, page: 10) ?? screen.selected
                       return .handled
                   }]
        if !search.text.isEmpty {
            all.append(Command(KeyBinding([.escape], "Clear search", help: "Show every entry again", inBar: false)) { screen, _ in
                screen.search = TextField()
                screen.selected = 0
                return .handled
            })
        }
        return all
    }

    mutating func update(_ key: Key) -> Effect {
        let effect = runCommand(key)
        // While searching, every other key is typed into the search.
        if searching, case .unhandled = effect { return typeSearch(key) }
        return effect
    }

    mutating func searchChanged() { selected = 0 }

    private mutating func amendSelected() -> Effect {
        guard entries.indices.contains(selected), case .note(let note) = entries[selected].source else {
            message = "Select a note to amend: only notes are amended here"
            return .handled
        }
        return .push(NoteForms.amend(note, session: session, customer: file.customer))
    }

    mutating func resume(with result: ScreenResult) {
        reload(after: result)
        plan = readSavedPlan()
        if case .updated = result { selected = 0 }
    }

    /// After the ▶: * an open referral, ! a late entry.
    static let table = SelectableTable(
        [.init("", width: 1), .init("Date", width: 12), .init("What", width: 12), .init("By", width: 10),
         .init("Entry", width: 5, flexible: true)], gap: 0,
        empty: "Nothing recorded yet: N writes the first note.")

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        let rows = entries
        let parts = RecordListParts(area, count: rows.count, detailRows: nil)
        renderHeading(into: &canvas, area: area)
        let notes = file.work.notes.count
        let late = file.work.notes.filter(\.isLate).count
        canvas.put(Plural.count(notes, "note") + " (\(late) late) · " + Plural.count(file.work.openReferrals.count, "open referral") + " · "
                   + "last two-way contact \(c.lastContactOn?.description ?? "never")",
                   in: parts.summary, role: .dim)
        var searchLine = parts.third
        let label = "Search: "
        canvas.put(label, in: searchLine.takeLeft(label.displayWidth), role: .dim)
        search.draw(into: &canvas, row: searchLine.top, col: searchLine.left, width: min(40, searchLine.width), focused: searching)
        if !searching && search.text.isEmpty { canvas.put("(/ to search)", in: searchLine, role: .dim) }
        // The selected entry in full takes the last quarter (3 to 6 rows); the table the rest.
        var table = parts.table
        let detail = table.takeBottom(min(6, max(3, area.height / 4))).inset(2)
        Self.table.draw(rows: rows.count, selected: selected, into: &canvas, in: table,
                        emptyNow: search.text.isEmpty ? nil : "Nothing matches \"\(search.text)\": Esc clears the search.") { i in
            let e = rows[i]
            // Two spaces after each column: the cells are cut two short of their width.
            return [e.flag == nil ? " " : (e.flag == "open" ? "*" : "!"), e.on.description, e.kind.truncated(toWidth: 10),
                    e.by.truncated(toWidth: 8), e.text.truncated(toWidth: max(1, area.width - 39))]
        }
        if rows.indices.contains(selected) {
            renderDetail(rows[selected], in: detail, into: &canvas)
        }
        renderStatus(into: &canvas, area: area)
    }

    /// The selected entry in full, wrapped; a note with its amendments.
    private func renderDetail(_ e: TimelineEntry, in area: Area, into canvas: inout Canvas) {
        var lines: [String] = []
        var head = "\(e.on) \(e.kind)" + (e.by.isEmpty ? "" : " by \(e.by)") + (e.flag.map { " · \($0)" } ?? "")
        if case .note(let n) = e.source {
            head += " · note \(n.id), entered \(n.enteredOn)"
            lines = e.text.wrapped(toWidth: area.width)
            if let reason = n.answers["reason"], n.amends != nil { lines.append("Reason for the amendment: \(reason)") }
            for a in file.work.amendments(of: n) { lines.append("Amended \(a.enteredOn) by \(a.author): \(a.text)") }
        } else {
            lines = e.text.wrapped(toWidth: area.width)
        }
        var rows = area
        canvas.put(head, in: rows.takeTop(1), role: .header)
        canvas.put(lines: lines.map { ($0, .normal) }, in: rows)
    }
}
