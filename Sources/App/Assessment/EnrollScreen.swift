import Domain
import TerminalKit

/// The confirmation before Section 1 is submitted: it says plainly that
/// continuing enrolls the customer. Cancelling keeps everything entered.
struct EnrollScreen: CommandScreen {
    let session: Session
    let file: CaseFile
    var message: String?

    var title: String { "Submit Section 1" }
    var isAsking: Bool { true }

    var commands: [Command<Self>] {
        [Command(KeyBinding([.char("y"), .char("Y"), .enter], "Enroll", help: "Submit Section 1 and enroll the customer today",
                               shownKeys: "y/Enter")) {
            screen, _ in screen.enroll()
         },
         Command(KeyBinding([.char("n"), .char("N"), .escape], "Cancel", help: "Go back; everything entered is kept", shownKeys: "n/Esc")) { _, _ in .pop }]
    }

    /// Only the answers and help work while the question is asked.
    mutating func update(_ key: Key) -> Effect {
        run(key) ?? (key == .function(1) || key == .char("?") ? .unhandled : .handled)
    }

    private func enroll() -> Effect {
        let (customer, today, user) = (file.customer, session.today, session.user)
        let late = lateWarning.map { " · " + $0 } ?? ""
        return .request(StoreRequest { store in
            try store.enroll(customer, on: today, by: user)
            return .updated(customer.id, notice: "Enrolled \(today): now a participant" + late)
        })
    }

    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        outcome.finishing { message = "Not enrolled: \($0)" }
    }

    var lateWarning: String? {
        file.customer.eligibleOn.flatMap { Enrollment.lateWarning(certifiedOn: $0, on: session.today) }
    }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        var rest = area
        let status = rest.takeBottom(1)
        canvas.put("\(c.displayName) \(c.id)", in: rest.takeTop(1).inset(2), role: .header)
        rest.takeTop(1)
        canvas.put("Submit Section 1 of the Getting Started Assessment?", in: rest.takeTop(1).inset(2), role: .header)
        rest.takeTop(1)
        // The paragraphs, indented three, each followed by a blank row.
        var text = rest.inset(3)
        let program = c.program.map { "\($0.name) program (\($0.planName))" } ?? "program"
        canvas.put(wrapped: "Continuing ENROLLS \(c.displayName) in the \(program) today, \(session.today). "
                   + "They become a participant: from today they count in the program's performance. "
                   + "This cannot be undone from the terminal.", taking: &text)
        text.takeTop(1)
        if let lateWarning {
            canvas.put(wrapped: "! " + lateWarning, role: .overdue, taking: &text)
            text.takeTop(1)
        }
        canvas.put(wrapped: "Everything entered is kept either way: n or Esc goes back without enrolling.", role: .dim, taking: &text)
        canvas.fill(rowsOf: status, role: .normal)
        if let message {
            canvas.put(message, in: status.inset(1), role: .error)
        } else {
            canvas.put("y or Enter: enroll · n or Esc: cancel", in: status.inset(1), role: .header)
        }
    }
}
