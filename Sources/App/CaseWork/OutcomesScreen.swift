import Domain
import TerminalKit

/// Employment, credentials and measurable skill gains, each with the
/// performance indicators it supports; late entries are marked.
struct OutcomesScreen: CaseFileScreen, SelectingScreen {
    let session: Session
    var file: CaseFile
    var selected = 0
    var message: String?
    var notice: String?

    var title: String { "Outcomes" }
    var rows: [Outcome] { file.work.outcomes.reversed() }

    var rowCount: Int { rows.count }

    var commands: [Command<Self>] {
        [recording(.employment, "e", "Employment", help: "Record a job: employer, hire date, hours, wage, occupation"),
         recording(.credential, "c", "Credential", help: "Record a credential attained: type and date"),
         recording(.skillGain, "s", "Skill gain", help: "Record a measurable skill gain: type and date"),
         needing(.caseWork, KeyBinding([.enter], "Correct",
                                            help: "Correct the selected outcome (a wrong date or wage); the old values, who and why are kept")) {
            $0.rows.indices.contains($0.selected) ? .push($0.correctionForm($0.rows[$0.selected])) : .handled
         },
         Self.move("Select an outcome")]
    }

    private func recording(_ kind: OutcomeKind, _ key: Character, _ label: String, help: String) -> Command<Self> {
        needing(.caseWork, KeyBinding([.char(key)], label, help: help)) { .push($0.form(kind)) }
    }

    mutating func update(_ key: Key) -> Effect { runCommand(key) }

    private func form(_ kind: OutcomeKind) -> RecordFormScreen {
        let (user, today) = (session.user, session.today)
        let c = file.customer
        return RecordFormScreen(
            title: kind.label, customer: c.id, heading: "\(c.displayName) \(c.id) · \(kind.label)",
            intro: "Supports: " + kind.indicators.map(\.label).joined(separator: ", ") + ". Record within 10 days of learning of it.",
            fields: Outcome.fields(for: kind), values: ["knownOn": today.description],
            check: { Outcome.problems($0, kind: kind, today: today, enrolledOn: c.enrolledOn) },
            save: { v in
                StoreRequest { store in
                    let o = Outcome.checked(v, kind: kind, customer: c.id, by: user?.login ?? "", today: today, enrolledOn: c.enrolledOn)
                    let saved = try store.addOutcome(o.get(), by: user)
                    let late = saved.isLate ? " (late: \(saved.knownOn.days(until: saved.enteredOn)) days after you learned of it)" : ""
                    return .updated(c.id, notice: "\(kind.label) recorded\(late)")
                }
            })
    }

    private func correctionForm(_ o: Outcome) -> RecordFormScreen {
        let (user, today) = (session.user, session.today)
        let c = file.customer
        return RecordFormScreen(
            title: "Correct outcome", customer: c.id, heading: "\(c.displayName) \(c.id) · Correct: \(o.kind.label)",
            intro: "Change what was recorded wrong and say why; the old values stay in the outcome's history.",
            fields: Outcome.correctionFields(for: o.kind), values: o.values,
            check: { o.correctionProblems($0, today: today, enrolledOn: c.enrolledOn) },
            save: { v in
                StoreRequest { store in
                    try store.correctOutcome(o, to: o.correcting(v, today: today, enrolledOn: c.enrolledOn).get(), by: user)
                    return .updated(c.id, notice: "\(o.kind.label) corrected; history kept")
                }
            })
    }

    mutating func resume(with result: ScreenResult) {
        reload(after: result)
        selected = ListMove.clamped(selected, count: rows.count)
    }

    /// ! marks an outcome entered late, right after the ▶.
    static let table = SelectableTable(
        [.init("", width: 1), .init("Date", width: 12), .init("Outcome", width: 7, flexible: true)], gap: 0,
        empty: "No outcomes yet: e employment, c credential, s skill gain.")

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        let parts = RecordListParts(area, count: rows.count, detailRows: 4)
        renderHeading(into: &canvas, area: area)
        let late = rows.filter(\.isLate).count
        canvas.put((rows.count == 1 ? "1 outcome" : "\(rows.count) outcomes") + ", \(late) entered late · first day of employment "
                   + (c.employedOn?.description ?? "—"), in: parts.summary, role: .dim)
        Self.table.draw(rows: rows.count, selected: selected, into: &canvas, in: parts.table) { i in
            [rows[i].isLate ? "!" : " ", rows[i].on.description, rows[i].summary]
        }
        if rows.indices.contains(selected) {
            let o = rows[selected]
            var lines: [(String, StyleRole)] = [
                ("Learned of it \(o.knownOn), entered \(o.enteredOn) by \(o.recordedBy)" + (o.isLate ? ": late (over 10 days)" : ""),
                 o.isLate ? .overdue : .dim),
                ("Supports: " + o.indicators.map(\.label).joined(separator: ", "), .dim)]
            lines += (o.corrections ?? []).reversed().map { ($0.line(in: .current), .dim) }
            renderDetail(lines, in: parts.detail, into: &canvas)
        }
        renderStatus(into: &canvas, area: area)
    }
}
