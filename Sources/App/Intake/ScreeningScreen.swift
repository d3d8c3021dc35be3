import Domain
import TerminalKit

/// The Basic Skills Screening Tool (001): its date and result, with what a
/// deficient result means for this customer. Not an assessment.
struct ScreeningScreen: CommandScreen {
    let session: Session
    let file: CaseFile
    var form: FormState
    var message: String?

    static let fields = [
        FormField("date", "Screening date", .date, hint: Day.acceptedFormats, required: true),
        FormField("result", "Result", .choice([FormChoice("", "choose: Space or ←/→")] + BasicSkillsScreening.Result.choices),
                  hint: "the result the screening tool gave", required: true),
        FormField("notes", "Notes", hint: "optional, e.g. which questions were hard"),
    ]

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
        form = FormState(fields: Self.fields, values: ["date": session.today.description])
    }

    var title: String { "Basic skills screening" }
    var acceptsText: Bool { true }

    static let save = KeyBinding([.ctrl("s"), .function(2)], "Save", help: "Record the screening")
    static let cancel = KeyBinding([.escape], "Cancel", help: "Leave without recording")

    var commands: [Command<Self>] {
        [Command(Self.save) { screen, _ in screen.save() }, Command(Self.cancel) { _, _ in .pop }]
    }

    /// The form's own keys show in help and edit its fields.
    var bindings: [KeyBinding] { commands.map(\.binding) + FormState.bindings }

    var problems: [String: String] {
        BasicSkillsScreening.problems(date: form["date"], result: form["result"], customer: file.customer,
                                      today: session.today)
    }

    mutating func update(_ key: Key) -> Effect {
        message = nil
        return run(key) ?? (form.handle(key) ? .handled : .unhandled)
    }

    private mutating func save() -> Effect {
        if let refusal = form.refuseSave(problems) {
            message = refusal
            return .handled
        }
        guard let day = Day(parsing: form["date"]), let result = BasicSkillsScreening.Result(rawValue: form["result"]) else {
            return .handled
        }
        let notes = form["notes"].trimmingCharacters(in: .whitespaces)
        let screening = BasicSkillsScreening(customer: file.customer.id, screenedOn: day, result: result,
                                             notes: notes.isEmpty ? nil : notes, recordedBy: session.login)
        let user = session.user
        return .request(StoreRequest { store in
            try store.recordScreening(screening, by: user)
            return .updated(screening.customer, notice: "Screening recorded: \(result.label)")
        })
    }

    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        outcome.finishing { message = "\($0)" }
    }

    /// The heading, what the screening is (up to four rows), the form's six
    /// rows, the earlier screenings, the status line.
    struct Parts {
        let heading, about, form, earlier, status: Area

        init(_ area: Area) {
            var rest = area
            status = rest.takeBottom(1)
            heading = rest.takeTop(1).inset(2)
            about = rest.takeTop(4).inset(2)
            rest.takeTop(1)
            form = rest.takeTop(6)
            rest.takeTop(1)
            earlier = rest.inset(2)
        }
    }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        let parts = Parts(area)
        canvas.put("\(c.displayName) \(c.id)", in: parts.heading, role: .header)
        let about = "Given before any assessment. It is not an assessment and never the only basis for one. "
            + "Deficient: priority of service for Adults, basic skills deficiency for Youth eligibility, "
            + "and a referral to adult basic education (Title II)."
        var aboutRows = parts.about
        canvas.put(wrapped: about, role: .dim, limit: aboutRows.height, taking: &aboutRows)
        form.render(into: &canvas, in: parts.form, problems: problems.filter { form.checked.contains($0.key) })
        var earlier = parts.earlier
        canvas.put("Earlier screenings", in: earlier.takeTop(1), role: .header)
        // Each screening on a row of its own, indented under the heading.
        let rows = earlier.inset(left: 2)
        if file.screenings.isEmpty { canvas.put("none", in: rows, role: .dim) }
        canvas.put(lines: file.screenings.reversed().map { s in
            ("\(s.screenedOn)  \(s.result.label)  by \(s.recordedBy)" + (s.notes.map { "  · \($0)" } ?? ""), StyleRole.normal)
        }, in: rows)
        canvas.fill(rowsOf: parts.status, role: .normal)
        if let message {
            canvas.put(message, in: parts.status.inset(1), role: .error)
        } else if let hint = form.focused.hint {
            canvas.put(hint, in: parts.status.inset(1), role: .dim)
        }
    }
}
