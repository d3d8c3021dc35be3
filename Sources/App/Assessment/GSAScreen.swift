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
        let width = area.width - 4
        canvas.put("\(c.displayName) \(c.id)", row: area.top, col: 2, role: .header, maxWidth: width)
        let started = file.gsa.map { " · started \($0.startedOn)" } ?? " · not started"
        canvas.put(gsa.progress(barriers: file.barriers) + started, row: area.top + 1, col: 2, role: .normal, maxWidth: width)
        var row = area.top + 3
        for (i, p) in Self.parts.enumerated() {
            if p == GSAPart.section1.first {
                canvas.put("Section 1 — submitting it enrolls the customer", row: row, col: 2, role: .header)
                row += 1
            } else if p == GSAPart.section2.first {
                canvas.put("Section 2 — after enrollment", row: row, col: 2, role: .header)
                row += 1
            }
            let missing = gsa.missing(p, barriers: file.barriers)
            let done = missing.isEmpty
            let isSelected = i == selected
            let role: StyleRole = isSelected ? .selected : .normal
            canvas.fill(row: row, role: role)
            let state = done ? "✓" : "·"
            let note = done ? summary(p) : "needs " + missing.joined(separator: ", ")
            canvas.put((isSelected ? "▶ " : "  ") + state + " " + p.title.fitted(toWidth: 31) + note, row: row, col: 1,
                       role: role, maxWidth: area.width - 2)
            if !isSelected && !done { canvas.put(note, row: row, col: 36, role: .dim, maxWidth: area.width - 37) }
            row += 1
        }
        canvas.fill(row: area.bottom, role: .normal)
        if let message {
            canvas.put(message, row: area.bottom, col: 1, role: .error, maxWidth: area.width - 2)
        } else if let notice {
            canvas.put("✓ " + notice, row: area.bottom, col: 1, role: .normal, maxWidth: area.width - 2)
        } else if gsa.submittedOn == nil {
            canvas.put("Enter opens a part · s submits Section 1 (enrolls the customer)", row: area.bottom, col: 1,
                       role: .dim, maxWidth: area.width - 2)
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
