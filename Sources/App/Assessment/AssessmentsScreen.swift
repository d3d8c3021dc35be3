import Domain
import TerminalKit

/// The assessment register: every instrument given or brought, with its
/// score, analysis and who gave it; results from partners or the customer
/// older than 6 months are flagged. Reading and math are called out because
/// training cannot be planned without them.
struct AssessmentsScreen: CaseFileScreen, SelectingScreen {
    let session: Session
    var file: CaseFile
    var selected = 0
    var message: String?
    var notice: String?

    var title: String { "Assessments" }
    /// Newest first; one not completed (no date) at the end.
    var rows: [AssessmentRecord] {
        file.assessments.reversed().sorted { ($0.administeredOn?.ordinal ?? Int.min) > ($1.administeredOn?.ordinal ?? Int.min) }
    }

    var rowCount: Int { rows.count }

    var commands: [Command<Self>] {
        [needing(.assess, KeyBinding([.char("a")], "Add", help: "Record an assessment, or one that was not completed and why")) {
            .push($0.form())
         },
         needing(.assess, KeyBinding([.enter], "Correct",
                                          help: "Correct the selected assessment (a score typed wrong); the old value, who and why are kept")) {
            $0.rows.indices.contains($0.selected) ? .push($0.correctionForm($0.rows[$0.selected])) : .handled
         },
         Self.move("Select an assessment and read its analysis")]
    }

    mutating func update(_ key: Key) -> Effect { runCommand(key) }

    private func correctionForm(_ a: AssessmentRecord) -> RecordFormScreen {
        let (user, today) = (session.user, session.today)
        let c = file.customer
        return RecordFormScreen(
            title: "Correct assessment", customer: c.id, heading: "\(c.displayName) \(c.id) · Correct: \(a.name)",
            intro: "Change what was recorded wrong and say why; the old values stay in the record's history.",
            fields: AssessmentRecord.correctionFields, values: a.values,
            check: { a.correctionProblems($0, today: today) },
            save: { v in
                StoreRequest { store in
                    let fixed = try store.correctAssessment(a, to: a.correcting(v, today: today).get(), by: user)
                    return .updated(c.id, notice: "Corrected: \(fixed.name); history kept")
                }
            })
    }

    private func form() -> RecordFormScreen {
        let (user, today, login) = (session.user, session.today, session.login)
        let c = file.customer
        return RecordFormScreen(
            title: "New assessment", customer: c.id, heading: "\(c.displayName) \(c.id) · New assessment",
            intro: "A score with its date, or the reason it was not completed.",
            fields: AssessmentRecord.fields, values: ["administeredOn": today.description, "givenBy": login],
            check: { AssessmentRecord.problems($0, today: today) },
            save: { v in
                StoreRequest { store in
                    let made = AssessmentRecord.checked(v, customer: c.id, recordedBy: login, today: today)
                    let a = try store.addAssessment(made.get(), by: user)
                    return .updated(c.id, notice: "Recorded: \(a.name), \(a.subject.label)")
                }
            })
    }

    static let table = SelectableTable(
        [.init("Given", width: 11), .init("Instrument", width: 28), .init("Measures", width: 11), .init("Result", width: 6, flexible: true)],
        empty: "No assessments yet: a records one.")

    mutating func resume(with result: ScreenResult) {
        reload(after: result)
        if case .updated = result { selected = 0 }
    }

    func render(into canvas: inout Canvas, area: Area) {
        let today = session.today
        let parts = RecordListParts(area, count: rows.count, detailRows: 5)
        renderHeading(into: &canvas, area: area)
        let ready = AssessmentRecord.hasReadingAndMath(file.assessments, on: today)
        canvas.put(ready ? "✓ usable reading and math scores: training can be planned"
                         : "! no usable reading and math scores yet: needed before training is planned",
                   in: parts.summary, role: ready ? .normal : .dueSoon)
        Self.table.draw(rows: rows.count, selected: selected, into: &canvas, in: parts.table) { i in
            let a = rows[i]
            let stale = a.staleness(on: today) != nil
            let result = a.notCompletedReason == nil ? (a.result ?? "") : "not completed"
            return [a.administeredOn?.description ?? "—", a.name, a.subject.label, (stale ? "! " : "") + result]
        }
        if rows.indices.contains(selected) {
            let a = rows[selected]
            var lines = ["\(a.name)\(a.version.map { " (\($0))" } ?? "") · \(a.source.label) · given by \(a.givenBy)"]
            if let why = a.notCompletedReason { lines.append("Not completed: \(why)") }
            if let analysis = a.analysis { lines.append("Analysis: \(analysis)") }
            if let stale = a.staleness(on: today) { lines.append("! " + stale) }
            lines += (a.corrections ?? []).reversed().map { $0.line(in: .current) }
            renderDetail(lines.map { ($0, $0.hasPrefix("!") ? StyleRole.overdue : .dim) }, in: parts.detail, into: &canvas)
        }
        renderStatus(into: &canvas, area: area)
    }
}
