import Domain
import TerminalKit

/// One customer at a glance: who they are, where they are in the journey,
/// and every policy clock running for them, read fresh from the data file.
struct CustomerOverviewScreen: Screen {
    let session: Session
    let id: CustomerID
    var customer: Customer?
    /// Kept despite possible duplicates: which, and who decided.
    var duplicateDecisions: [DuplicateDecision] = []
    var message: String?

    init(session: Session, id: CustomerID) {
        self.session = session
        self.id = id
        do {
            customer = try session.store.customer(id)
            duplicateDecisions = try session.store.duplicateDecisions(for: id)
            if customer == nil { message = "Customer \(id) is no longer in the data file." }
        } catch {
            message = "Cannot read customer \(id): \(error)"
        }
    }

    var title: String { customer.map { "\($0.displayName) \(id)" } ?? id.description }
    let bindings: [KeyBinding] = []

    mutating func update(_ key: Key) -> Effect { .unhandled }

    func render(into canvas: inout Canvas, area: Area) {
        guard let c = customer else {
            canvas.put(message ?? "", row: area.top + 1, col: 2, role: .error, maxWidth: area.width - 4)
            return
        }
        let today = session.today
        var row = area.top + 1
        canvas.put(c.displayName, row: row, col: 2, role: .header, maxWidth: area.width - 14)
        canvas.put(c.id.description, row: row, col: area.width - 9, role: .header)
        row += 2
        let stage = c.stage(on: today)
        let half = area.width / 2
        field("Stage", "\(stage.name) — \(stage.explanation)", row: row, col: 2, width: area.width - 4, into: &canvas)
        row += 1
        let plan = c.program.map { "\($0.name) (\($0.planName))" } ?? "none yet (no application)"
        field("Program", plan, row: row, col: 2, width: half - 2, into: &canvas)
        field("Planner", plannerText(c), row: row, col: half, width: half - 2, into: &canvas)
        row += 1
        field("Born", "\(c.birthDate) (age \(c.birthDate.age(on: today)))", row: row, col: 2, width: half - 2, into: &canvas)
        field("Veteran", c.isVeteran ? "yes" : "no", row: row, col: half, width: half - 2, into: &canvas)
        row += 1
        field("Email", c.email ?? "—", row: row, col: 2, width: half - 2, into: &canvas)
        field("Phone", c.phone ?? "—", row: row, col: half, width: half - 2, into: &canvas)
        row += 1
        field("ZIP", c.zip, row: row, col: 2, width: half - 2, into: &canvas)
        if let kept = duplicateDecisions.last {
            field("Duplicate?", "kept: " + kept.matched.map(\.description).joined(separator: ", ") + " · " + kept.decidedBy,
                  row: row, col: half, width: half - 2, into: &canvas)
        }
        row += 2
        canvas.put("Journey", row: row, col: 2, role: .header)
        row += 1
        let dates: [(String, Day?)] = [
            ("Entered", c.enteredOn), ("Applied", c.appliedOn), ("Eligible", c.eligibleOn),
            ("Enrolled", c.enrolledOn), ("Last contact", c.lastContactOn), ("Last service", c.lastServiceOn),
            ("Exited", c.exitedOn), ("Employed", c.employedOn),
        ]
        for (i, (label, day)) in dates.enumerated() {
            field(label, day?.description ?? "—", row: row + i / 2, col: i % 2 == 0 ? 2 : half,
                  width: half - 2, into: &canvas)
        }
        row += 5
        renderClocks(c, row: row, area: area, into: &canvas)
    }

    private func renderClocks(_ c: Customer, row start: Int, area: Area, into canvas: inout Canvas) {
        let clocks = Deadlines.open(for: c, on: session.today, settings: session.settings)
        canvas.put("Running clocks (as of \(session.today))", row: start, col: 2, role: .header)
        if clocks.isEmpty {
            canvas.put("none: no policy deadline is running", row: start + 1, col: 4, role: .dim)
        }
        for (i, clock) in clocks.enumerated() where start + 2 + 2 * i <= area.bottom {
            let role: StyleRole = switch clock.state {
            case .overdue: .overdue
            case .dueSoon: .dueSoon
            case .upcoming: .normal
            }
            let days = session.today.days(until: clock.due)
            let when = days < 0 ? "\(-days) days overdue" : days == 0 ? "due today" : "in \(days) days"
            let text = "\(CaseloadScreen.marker(clock.state)) \(clock.due)  \(clock.rule.task) (\(when))"
            let row = start + 1 + 2 * i
            canvas.put(text, row: row, col: 4, role: role, maxWidth: area.width - 6)
            canvas.put(clock.rule.explanation.truncated(toWidth: area.width - 19), row: row + 1, col: 17, role: .dim)
        }
    }

    private func plannerText(_ c: Customer) -> String {
        guard let login = c.planner else { return "unassigned" }
        return session.staff[login].map { "\($0.name) (\(login))" } ?? login
    }

    private func field(_ label: String, _ value: String, row: Int, col: Int, width: Int,
                       into canvas: inout Canvas) {
        canvas.put(label.fitted(toWidth: 13), row: row, col: col, role: .dim)
        canvas.put(value, row: row, col: col + 13, role: .normal, maxWidth: width - 13)
    }
}
