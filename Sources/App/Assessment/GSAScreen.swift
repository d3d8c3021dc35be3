import Domain
import TerminalKit

/// The Getting Started Assessment: its parts with what each still needs,
/// resuming at the part the planner was last in. Section 1 is submitted
/// from here, through a confirmation that says it enrolls the customer.
struct GSAScreen: CaseFileScreen, SelectingScreen {
    let session: Session
    var file: CaseFile
    var selected: Int
    var message: String?
    var notice: String?

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
        selected = Self.parts.firstIndex(of: file.gsa?.lastPart ?? .goals) ?? 0
    }

    static let parts = GSAPart.section1 + GSAPart.section2

    var title: String { "Getting Started Assessment" }
    var gsa: GettingStartedAssessment {
        file.gsa ?? GettingStartedAssessment(customer: file.customer.id, startedOn: session.today)
    }
    var part: GSAPart { Self.parts[selected] }

    var rowCount: Int { Self.parts.count }

    var commands: [Command<Self>] {
        let open = Command<Self>(KeyBinding([.enter], "Open", help: "Open the selected part; answers save as you type")) { screen, _ in
            screen.openPart()
        }
        let submit = Command<Self>(KeyBinding([.char("s")], "Submit Section 1",
                                              help: "Submit Section 1: asks first, because it enrolls the customer")) { screen, _ in
            screen.submit()
        }
        return gsa.submittedOn == nil ? [open, submit, Self.move("Select a part")] : [open, Self.move("Select a part")]
    }

    mutating func update(_ key: Key) -> Effect { runCommand(key) }

    private mutating func submit() -> Effect {
        if let first = Enrollment.problems(file.customer, gsa: file.gsa, barriers: file.barriers, on: session.today).first {
            message = "Cannot submit: " + first
            return .handled
        }
        return .push(EnrollScreen(session: session, file: file))
    }

    private mutating func openPart() -> Effect {
        if !part.isSection1 && file.customer.enrolledOn == nil {
            message = "Section 2 follows enrollment: submit Section 1 first"
            return .handled
        }
        if let refusal = session.refusal(.assess) {
            message = refusal
            return .handled
        }
        var current = gsa
        current.lastPart = part
        // Where the user is goes into the record first, so the next visit resumes here.
        return .request(.saveGSA(current, over: file.gsa, by: session.user))
    }

    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        switch outcome {
        case .success(.gsaSaved(let stored, _)):
            file.gsa = stored
            return open(part, stored)
        case .success:
            return .handled
        case .failure(let error):
            message = "Not saved: \(error)"
            return .handled
        }
    }

    private func open(_ part: GSAPart, _ current: GettingStartedAssessment) -> Effect {
        switch part {
        case .employment: return .push(WorkHistoryScreen(session: session, file: file, kind: .jobs))
        case .education: return .push(WorkHistoryScreen(session: session, file: file, kind: .education))
        case .barriers: return .push(BarrierRegisterScreen(session: session, file: file))
        default: return .push(partForm(current))
        }
    }

    private func partForm(_ current: GettingStartedAssessment) -> RecordFormScreen {
        let (user, part) = (session.user, part)
        func with(_ values: [String: String]) -> GettingStartedAssessment {
            var g = current
            g.answers.merge(values) { _, new in new }
            return g
        }
        let c = file.customer
        return RecordFormScreen(
            title: part.title, customer: c.id, heading: "\(c.displayName) \(c.id) · \(part.title)",
            intro: "In the customer's own words. Saved as you go.", fields: part.fields(for: current),
            values: current.answers, check: { _ in [:] },
            // Only this user's changes since the last save, merged by field with others' (FieldMerge).
            autosave: { values, saved in .saveGSA(with(values), over: with(saved), by: user) },
            // Ctrl-S: everything was saved as typed (RecordFormScreen saves what is left first).
            save: { _ in .done(.updated(c.id, notice: "\(part.title) saved")) })
    }

    mutating func resume(with result: ScreenResult) {
        reload(after: result)
    }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        var rest = area
        let status = rest.takeBottom(1)
        canvas.put("\(c.displayName) \(c.id)", in: rest.takeTop(1).inset(2), role: .header)
        let started = file.gsa.map { " · started \($0.startedOn)" } ?? " · not started"
        canvas.put(gsa.progress(barriers: file.barriers) + started, in: rest.takeTop(1).inset(2), role: .normal)
        rest.takeTop(1)
        for (i, p) in Self.parts.enumerated() {
            if p == GSAPart.section1.first {
                canvas.put("Section 1 — submitting it enrolls the customer", in: rest.takeTop(1).inset(left: 2), role: .header)
            } else if p == GSAPart.section2.first {
                canvas.put("Section 2 — after enrollment", in: rest.takeTop(1).inset(left: 2), role: .header)
            }
            let missing = gsa.missing(p, barriers: file.barriers)
            let done = missing.isEmpty
            let isSelected = i == selected
            let role: StyleRole = isSelected ? .selected : .normal
            let row = rest.takeTop(1)
            canvas.fill(rowsOf: row, role: role)
            let state = done ? "✓" : "·"
            let note = done ? summary(p) : "needs " + missing.joined(separator: ", ")
            let head = (isSelected ? "▶ " : "  ") + state + " " + p.title.fitted(toWidth: 31)
            canvas.put(head + note, in: row.inset(1), role: role)
            // What a part still needs, dimmed after its title.
            var noteCell = row.inset(1)
            noteCell.takeLeft(head.displayWidth)
            if !isSelected && !done { canvas.put(note, in: noteCell, role: .dim) }
        }
        renderStatus(message: message, notice: notice, into: &canvas, area: area)
        if message == nil, notice == nil, gsa.submittedOn == nil {
            canvas.put("Enter opens a part · s submits Section 1 (enrolls the customer)", in: status.inset(1), role: .dim)
        }
    }

    /// A complete part in a few words.
    private func summary(_ p: GSAPart) -> String {
        switch p {
        case .employment: gsa.jobs.isEmpty ? "no work history" : "\(gsa.jobs.count) job\(gsa.jobs.count == 1 ? "" : "s")"
        case .education: gsa.education.isEmpty ? "none recorded" : "\(gsa.education.count) entr\(gsa.education.count == 1 ? "y" : "ies")"
        case .barriers: "\(file.openBarriers.count) open, \(file.barriers.count - file.openBarriers.count) overcome"
        default: p.fields.first.map { gsa[$0.key] } ?? ""
        }
    }
}
