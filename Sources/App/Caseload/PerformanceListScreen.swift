import Domain
import TerminalKit

/// The participants behind one measure of one program: not known first
/// (whom to call), then not met, then met. Enter opens the participant.
struct PerformanceListScreen: SelectingScreen {
    let session: Session
    let program: String
    let measure: PerformanceMeasure
    let youth: Bool
    /// Each participant with where they stand.
    let rows: [(customer: Customer, reading: MeasureReading)]
    var selected = 0

    init(session: Session, program: String, measure: PerformanceMeasure, youth: Bool, line: PerformanceLine) {
        self.session = session
        self.program = program
        self.measure = measure
        self.youth = youth
        rows = line.notKnown.map { ($0, .notKnown) } + line.notMet.map { ($0, .notMet) } + line.met.map { ($0, .met) }
    }

    var title: String { "\(program) · \(measure.shortLabel(youth: youth))" }
    var name: String { "Performance measure" }
    var rowCount: Int { rows.count }

    var commands: [Command<Self>] {
        [Command(KeyBinding([.enter], "Open", help: "Open the selected participant's overview")) { screen, _ in
            guard screen.rows.indices.contains(screen.selected) else { return .handled }
            return .push(CustomerOverviewScreen(session: screen.session, id: screen.rows[screen.selected].customer.id))
         },
         Self.move("Select a participant", page: 10)]
    }

    mutating func update(_ key: Key) -> Effect { run(key) ?? .unhandled }

    static let table = SelectableTable(
        [.init("Reading", width: 10), .init("ID", width: 7), .init("Name", width: 24), .init("Planner", width: 8),
         .init("Exited", width: 10, flexible: true)],
        empty: "Nobody is counted in this measure.")

    func render(into canvas: inout Canvas, area: Area) {
        var rest = area
        canvas.put(measure.label(youth: youth), in: rest.takeTop(1).inset(2), role: .header)
        canvas.put(measure.cohort.prefix(1).uppercased() + measure.cohort.dropFirst() + " · not known first: whom to call",
                   in: rest.takeTop(1).inset(2), role: .dim)
        rest.takeTop(1)
        let status = rest.takeBottom(1)
        Self.table.draw(rows: rows.count, selected: selected, into: &canvas, in: rest, cells: { i in
            let (c, reading) = rows[i]
            return [reading.rawValue, c.id.description, c.displayName, c.planner ?? "—", c.exitedOn?.description ?? "—"]
        }, roles: { i in [rows[i].reading == .notKnown ? .dueSoon : rows[i].reading == .notMet ? .overdue : nil] })
        canvas.fill(rowsOf: status, role: .normal)
        let counts = "\(rows.filter { $0.reading == .notKnown }.count) not known · "
            + "\(rows.filter { $0.reading == .notMet }.count) not met · \(rows.filter { $0.reading == .met }.count) met"
        canvas.put(counts + " · Enter opens the participant", in: status.inset(1), role: .dim)
    }
}
