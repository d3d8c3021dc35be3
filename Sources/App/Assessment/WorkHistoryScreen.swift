import Domain
import TerminalKit

/// The jobs or the schooling of the Getting Started Assessment: a list to
/// add to, edit and remove from, and the mark for "nothing to record".
struct WorkHistoryScreen: CaseFileScreen, SelectingScreen {
    enum Kind { case jobs, education }

    let session: Session
    var file: CaseFile
    let kind: Kind
    var selected = 0
    var confirmingRemove = false
    /// What the bottom line says once the loop has saved the change.
    var saving: String?
    var message: String?
    var notice: String?

    var title: String { kind == .jobs ? "Employment history" : "Education history" }
    var isAsking: Bool { confirmingRemove }
    var gsa: GettingStartedAssessment {
        file.gsa ?? GettingStartedAssessment(customer: file.customer.id, startedOn: session.today)
    }
    var count: Int { kind == .jobs ? gsa.jobs.count : gsa.education.count }
    var flagKey: String { kind == .jobs ? "noWorkHistory" : "noEducationHistory" }
    var flagLabel: String { GSAPart(rawValue: kind == .jobs ? "employment" : "education")!.fields[0].label }

    var rowCount: Int { count }

    var commands: [Command<Self>] {
        if confirmingRemove {
            return [Command(KeyBinding([.char("y"), .char("Y")], "Remove", help: "Remove the entry", shownKeys: "y")) { screen, _ in
                        screen.confirmingRemove = false
                        var g = screen.gsa
                        if screen.kind == .jobs { g.jobs.remove(at: screen.selected) } else { g.education.remove(at: screen.selected) }
                        return screen.store(g, notice: "Removed")
                    },
                    Command(KeyBinding([.char("n"), .char("N"), .escape], "Keep", help: "Keep the entry", shownKeys: "n/Esc")) { screen, _ in
                        screen.confirmingRemove = false
                        return .handled
                    }]
        }
        return [Command(KeyBinding([.char("a")], "Add", help: kind == .jobs ? "Add a job" : "Add a diploma, license or course")) {
                    screen, _ in .push(screen.entryForm(index: nil))
                },
                Command(KeyBinding([.enter], "Edit", help: "Edit the selected entry")) { screen, _ in
                    .push(screen.entryForm(index: screen.count > 0 ? screen.selected : nil))
                },
                Command(KeyBinding([.char("x")], "Remove", help: "Remove the selected entry (asks first)")) { screen, _ in
                    if screen.count > 0 { screen.confirmingRemove = true }
                    return .handled
                },
                Command(KeyBinding([.char("n")], "Mark none", help: "Mark or unmark: " + flagLabel)) { screen, _ in
                    var g = screen.gsa
                    g.answers[screen.flagKey] = g[screen.flagKey] == FormField.yes ? "" : FormField.yes
                    return screen.store(g, notice: g[screen.flagKey] == FormField.yes ? screen.flagLabel : "Unmarked: " + screen.flagLabel)
                },
                Self.move("Select an entry")]
    }

    mutating func update(_ key: Key) -> Effect {
        let effect = runCommand(key)
        // While asking, only its answers and help work.
        if confirmingRemove, case .unhandled = effect, key != .function(1), key != .char("?") { return .handled }
        return effect
    }

    private mutating func store(_ g: GettingStartedAssessment, notice text: String) -> Effect {
        saving = text
        return .request(.saveGSA(g, over: file.gsa, by: session.user))
    }

    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        switch outcome {
        case .success(.gsaSaved(let stored, _)):
            file.gsa = stored
            notice = saving
            selected = max(0, min(selected, count - 1))
        case .success: break
        case .failure(let error): message = "Not saved: \(error)"
        }
        saving = nil
        return .handled
    }

    private func entryForm(index: Int?) -> RecordFormScreen {
        let (user, today, base, kind) = (session.user, session.today, gsa, kind)
        let c = file.customer
        let fields = kind == .jobs ? Job.fields : EducationEntry.fields
        let values = index.map { kind == .jobs ? base.jobs[$0].values : base.education[$0].values } ?? [:]
        return RecordFormScreen(
            title: index == nil ? "Add" : "Edit", customer: c.id, heading: "\(c.displayName) \(c.id) · \(title)",
            intro: kind == .jobs ? "Best practice: the last five years of work." : nil,
            fields: fields, values: values,
            check: { kind == .jobs ? Job.problems($0, today: today) : EducationEntry.problems($0, today: today) },
            save: { v in
                StoreRequest { store in
                    var g = base
                    if kind == .jobs, let job = Job(v, today: today) {
                        if let index { g.jobs[index] = job } else { g.jobs.append(job) }
                        g.jobs.sort { $0.startedOn > $1.startedOn }
                    } else if kind == .education, let entry = EducationEntry(v, today: today) {
                        if let index { g.education[index] = entry } else { g.education.append(entry) }
                    }
                    try store.saveGSA(g, over: base, by: user)
                    return .updated(c.id, notice: index == nil ? "Added" : "Saved")
                }
            })
    }

    mutating func resume(with result: ScreenResult) {
        reload(after: result)
        selected = max(0, min(selected, count - 1))
    }

    func render(into canvas: inout Canvas, area: Area) {
        // The name, the flag, a blank row, the entries; under them, after two
        // blank rows, the selected job's details, a blank row and the status line.
        var rest = area
        let status = rest.takeBottom(1)
        rest.takeBottom(1)
        let details = rest.takeBottom(1).inset(2)
        rest.takeBottom(2)
        renderHeading(into: &canvas, area: area)
        rest.takeTop(1)
        let flag = gsa[flagKey] == FormField.yes
        canvas.put((flag ? "[x] " : "[ ] ") + flagLabel, in: rest.takeTop(1).inset(left: 2), role: .dim)
        rest.takeTop(1)
        let rows = kind == .jobs ? gsa.jobs.map(\.summary) : gsa.education.map { $0.summary(on: session.today) }
        if rows.isEmpty {
            canvas.put(kind == .jobs ? "No jobs recorded yet: a adds one." : "Nothing recorded yet: a adds an entry.",
                       in: rest.inset(left: 2), role: .dim)
        }
        for (i, (text, row)) in zip(rows, rest.rows).enumerated() {
            let role: StyleRole = i == selected ? .selected : .normal
            canvas.fill(rowsOf: row, role: role)
            canvas.put((i == selected ? "▶ " : "  ") + text, in: row.inset(right: 1), role: role)
        }
        if kind == .jobs, gsa.jobs.indices.contains(selected) {
            let j = gsa.jobs[selected]
            let parts = [j.occupationCode.map { "SOC \($0)" }, j.naics.map { "NAICS \($0)" }, j.wage, j.benefits,
                         j.duties, j.reasonForLeaving.map { "left: \($0)" }].compactMap { $0 }
            canvas.put(parts.joined(separator: " · "), in: details, role: .dim)
        }
        if confirmingRemove {
            canvas.fill(rowsOf: status, role: .normal)
            canvas.put("Remove the selected entry? y = remove, n = keep", in: status.inset(left: 1), role: .error)
        } else {
            renderStatus(message: message, notice: notice, into: &canvas, area: area)
        }
    }
}
