import Foundation
import Domain
import TerminalKit

/// The caseload: one row per customer, in name order, read a page at a time
/// so a caseload of any size opens instantly. `/` narrows it as you type.
public struct CaseloadScreen: SearchingScreen {
    let session: Session
    var search = TextField()
    var searching = false
    /// Index of the selected row in the whole (filtered) list.
    var selected = 0
    /// Index of the first visible row.
    var top = 0
    var count = 0
    /// The visible page, starting at `pageStart`.
    var page: [Customer] = []
    /// The soonest running item of each customer on the visible page (the due table).
    var pageDue: [CustomerID: Clock] = [:]
    /// The page's participants whose plans await signatures: hashed once per page, not per draw.
    var pageUnsigned: Set<CustomerID> = []
    var pageStart = -1
    var loadedSearch: String?
    var pageSize = 1
    var message: String?
    /// A confirmation shown once in the status line.
    var notice: String?
    /// The planner's overdue and due-soon counts, for the title.
    /// The planner's own overdue and due-soon counts, read again after any write.
    let dueCounts: DueCounts

    public var counts: Result<(overdue: Int, dueSoon: Int), any Error>? { dueCounts.current }

    public init(session: Session) {
        self.session = session
        dueCounts = DueCounts(session: session)
    }

    public var name: String { "Caseload" }

    public var title: String {
        guard let read = counts else { return "Caseload" }
        // The counts could not be read: say so rather than show none due.
        guard case .success(let counts) = read else { return "Caseload · due counts unreadable" }
        // The markers of the rows and of the legend below: ! overdue, * due soon.
        let parts = (counts.overdue > 0 ? ["!\(counts.overdue)"] : []) + (counts.dueSoon > 0 ? ["*\(counts.dueSoon)"] : [])
        return parts.isEmpty ? "Caseload" : "Caseload " + parts.joined(separator: " ")
    }
    public var acceptsText: Bool { searching }

    static let new = KeyBinding([.char("n")], "New", help: "Enter a new walk-in customer (front desk)")
    static let due = KeyBinding([.char("d")], "Due", help: "Due and overdue items: yours, or every planner's for a supervisor")
    static let settings = KeyBinding([.char("S")], "Settings", help: "The area's settings: contact, review and warning intervals (administrators)", inBar: false)
    static let open = KeyBinding([.enter], "Open", help: "Open the selected customer's overview")
    static let find = KeyBinding([.char("/")], "Search", help: "Search by name or ID as you type (Enter keeps the result, Esc clears it)")
    static let move = KeyBinding([.up, .down, .char("k"), .char("j")], "Move", help: "Move the selection up or down", inBar: false)
    static let pages = KeyBinding([.pageUp, .pageDown], "Page", help: "Move one screenful up or down", inBar: false)
    static let ends = KeyBinding([.home, .end, .char("g"), .char("G")], "First/last",
                                 help: "Go to the first or last customer (g and G on terminals without Home/End)", inBar: false)
    static let clear = KeyBinding([.escape], "Clear", help: "Clear the search and show the whole caseload", inBar: false)

    static let keep = KeyBinding([.enter], "Keep", help: "Keep the search result and return to the list")
    static let cancel = KeyBinding([.escape], "Clear", help: "Clear the search")
    static let leaveSearch = KeyBinding([.up, .down, .pageUp, .pageDown], "Move",
                                        help: "Keep the search result and move in the list", inBar: false)

    var commands: [Command<Self>] {
        if searching {
            return [Command(Self.keep) { screen, _ in
                        screen.searching = false
                        return .handled
                    },
                    Command(Self.cancel) { screen, _ in
                        screen.searching = false
                        screen.search = TextField()
                        return .handled
                    },
                    Command(Self.leaveSearch) { screen, key in
                        screen.searching = false
                        return screen.update(key)
                    },
                    Command(TextField.editing) { screen, key in screen.typeSearch(key) }]
        }
        return [Command(Self.open) { screen, _ in
                    guard let customer = screen.selectedCustomer else { return .handled }
                    return .push(CustomerOverviewScreen(session: screen.session, id: customer.id))
                },
                Command(Self.find) { screen, _ in
                    // A new search, as in less or vi: typing onto a kept one found nothing.
                    screen.searching = true
                    if !screen.search.text.isEmpty { screen.search = TextField(); screen.selected = 0 }
                    return .handled
                },
                Command(Self.due) { screen, _ in .push(DashboardScreen(session: screen.session)) },
                Command(Self.new) { screen, _ in
                    if let refusal = screen.session.refusal(.enterCustomer) {
                        screen.message = refusal
                        return .handled
                    }
                    return .push(CustomerEntryScreen(session: screen.session))
                },
                Self.moving(Self.move) { screen, key in screen.selected += key == .up || key == .char("k") ? -1 : 1 },
                Self.moving(Self.pages) { screen, key in screen.selected += key == .pageUp ? -screen.pageSize : screen.pageSize },
                Self.moving(Self.ends) { screen, key in screen.selected = key == .home || key == .char("g") ? 0 : screen.count - 1 },
                Command(Self.clear) { screen, _ in
                    guard !screen.search.text.isEmpty else { return .unhandled }
                    screen.search = TextField()
                    screen.clampSelection()
                    return .handled
                },
                Command(Self.settings) { screen, _ in screen.openSettings() }]
    }

    /// A key that moves the selection, kept inside the list.
    private static func moving(_ binding: KeyBinding, _ move: @escaping (inout Self, Key) -> Void) -> Command<Self> {
        Command(binding) { screen, key in
            move(&screen, key)
            screen.clampSelection()
            return .handled
        }
    }

    public var bindings: [KeyBinding] { commands.map(\.binding) }

    public var selectedCustomer: Customer? {
        let i = selected - pageStart
        return page.indices.contains(i) ? page[i] : nil
    }

    public mutating func update(_ key: Key) -> Effect {
        notice = nil
        message = nil
        let effect = run(key) ?? .unhandled
        // While searching, every other key is typed into the search.
        if searching, case .unhandled = effect { return typeSearch(key) }
        return effect
    }

    mutating func searchChanged() { selected = 0 }

    private mutating func openSettings() -> Effect {
        if let refusal = session.refusal(.changeSettings) {
            message = refusal
            return .handled
        }
        let (user, session) = (session.user, session)
        return .push(RecordFormScreen(
            title: "Settings", customer: CustomerID(0), heading: "Area settings (defaults are Illinois': 30, 30, 90, 7)",
            intro: "Days are calendar days in the area's time zone, \(TimeZone.current.identifier) (time-zone in careerplan.conf, "
                + "else TZ); a due date on a weekend is not moved.",
            fields: ClockSettings.fields, values: session.settings.values, check: { ClockSettings.problems($0) },
            save: { v in
                StoreRequest { store in
                    _ = try store.saveClockSettings(ClockSettings.checked(v).get(), by: user)
                    try session.reloadSettings()
                    return .updated(CustomerID(0), notice: "Settings saved; every clock now uses them")
                }
            }))
    }

    public mutating func resume(with result: ScreenResult) {
        switch result {
        case .created(let id):
            search = TextField()
            searching = false
            loadedSearch = nil
            // The new customer is selected; if their place cannot be read, the top is and the reason shown.
            selected = session.read("where \(id) is in the list", into: &message, { try $0.store.position(of: id) }) ?? 0
            notice = "Saved \(id), a reportable individual"
        case .updated(_, let text), .planSaved(_, let text):
            loadedSearch = nil
            notice = text
        case .back, .edited, .gsaSaved:
            // Rows may have changed (stage, program); the count too.
            loadedSearch = nil
        }
    }

    private mutating func clampSelection() {
        selected = max(0, min(selected, count - 1))
    }

    public mutating func prepare(area: Area) {
        pageSize = max(1, Parts(area).list.height)
        do {
            if loadedSearch != search.text {
                count = try session.store.count(CaseloadFilter(search: search.text, reach: session.reach))
                loadedSearch = search.text
                pageStart = -1
            }
            clampSelection()
            if selected < top { top = selected }
            if selected >= top + pageSize { top = selected - pageSize + 1 }
            top = max(0, min(top, count - pageSize))
            if pageStart != top || page.count < min(pageSize, count - top) {
                page = try session.store.customers(CaseloadFilter(search: search.text, reach: session.reach), offset: top, limit: pageSize,
                                                   matches: count)
                pageDue = try session.store.nextDue(ids: page.map(\.id), on: session.today, settings: session.settings)
                pageUnsigned = try session.store.awaitingSignatures(ids: page.map(\.id))
                pageStart = top
            }
        } catch {
            message = "Cannot read the data file: \(error)"
        }
    }
}
