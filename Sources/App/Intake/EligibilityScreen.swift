import Domain
import TerminalKit

/// The eligibility determination: every title evaluated from the application
/// with its reasons, the titles to certify, priority of service, the basic
/// skills screening and the documentation checklist at a glance.
struct EligibilityScreen: CaseFileScreen, SelectingScreen {
    let session: Session
    var file: CaseFile
    var selected = 0
    /// Titles marked (Space) for certification.
    var marked: Set<Title> = []
    /// The certification date and late reason, while certifying.
    var certifying: FormState?
    var message: String?
    var notice: String?

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
        if let program = file.customer.program, file.certification == nil,
           let hit = file.results?.first(where: { $0.title.program == program && $0.eligible }) {
            marked = [hit.title]
        }
    }

    var title: String { "Eligibility" }
    var acceptsText: Bool { certifying != nil }
    var results: [TitleResult] { file.results ?? [] }

    static let mark = KeyBinding([.char(" ")], "Mark", help: "Mark or unmark the selected title for certification")
    static let certify = KeyBinding([.char("c")], "Certify", help: "Certify the marked titles (asks the date, and a reason when late)")
    static let application = KeyBinding([.char("a")], "Application", help: "Open the application (after certification: amend it)")
    static let screening = KeyBinding([.char("b")], "Screening", help: "Record a Basic Skills Screening")
    static let documents = KeyBinding([.char("d")], "Documents", help: "The documentation checklist: which document verified each answer")
    static let history = KeyBinding([.char("h")], "History", help: "Amendments made after certification, with their reasons")
    static let confirm = KeyBinding([.ctrl("s"), .function(2)], "Certify", help: "Record the certification")
    static let cancel = KeyBinding([.escape], "Cancel", help: "Do not certify now; nothing is lost")

    var rowCount: Int { results.count }

    var commands: [Command<Self>] {
        if certifying != nil {
            return [Command(Self.confirm) { screen, _ in screen.saveCertification() },
                    Command(Self.cancel) { screen, _ in
                        screen.certifying = nil
                        return .handled
                    }]
        }
        let open = [Command(Self.application) { screen, _ in .push(ApplicationScreen(session: screen.session, file: screen.file)) },
                    Command(Self.documents) { screen, _ in screen.openDocuments() },
                    Command(Self.screening) { screen, _ in .push(ScreeningScreen(session: screen.session, file: screen.file)) },
                    Command(Self.history) { screen, _ in .push(HistoryScreen.make(session: screen.session, file: screen.file)) },
                    Self.move("Select a title and read why")]
        guard file.certification == nil else { return open }
        return [Command(Self.mark) { screen, _ in
                    screen.toggleMark()
                    return .handled
                },
                Command(Self.certify) { screen, _ in
                    screen.startCertifying()
                    return .handled
                }] + open
    }

    /// The certification form's own keys show in help and edit its fields.
    var bindings: [KeyBinding] { commands.map(\.binding) + (certifying == nil ? [] : FormState.bindings) }

    mutating func update(_ key: Key) -> Effect {
        let effect = runCommand(key)
        if certifying != nil, case .unhandled = effect { return certifying!.handle(key) ? .handled : .unhandled }
        return effect
    }

    private mutating func toggleMark() {
        guard results.indices.contains(selected) else { return }
        let t = results[selected].title
        if marked.contains(t) { marked.remove(t) } else { marked.insert(t) }
    }

    private mutating func openDocuments() -> Effect {
        guard file.application != nil else {
            message = "Take the application first (a)"
            return .handled
        }
        return .push(DocumentsScreen(session: session, file: file))
    }

    static let certifyFields = [
        FormField("date", "Certification date", .date, hint: Day.acceptedFormats, required: true),
        FormField("reason", "Reason it is late", hint: "asked when more than 30 days after the application"),
        FormField("undocumented", "Without documents", hint: "why certify before every document is seen (asked when one is not)"),
    ]

    /// Checklist items with no document seen yet (the Documents screen, d).
    var unverified: [String] { file.checklist.filter { file.document(for: $0) == nil }.map(\.label) }

    private mutating func startCertifying() {
        if let done = file.certification {
            message = "Already certified on \(done.certifiedOn); change answers by amendment (a)"
        } else if file.application == nil {
            message = "Take the application first (a)"
        } else if let refusal = session.refusal(.certifyEligibility) {
            message = refusal
        } else if let why = certifyProblems(on: session.today, reason: "x").first {
            message = why
        } else {
            certifying = FormState(fields: Self.certifyFields, values: ["date": session.today.description])
            if !unverified.isEmpty {
                message = "Warning: " + Certification.undocumentedProblem(unverified: unverified.count, of: file.checklist.count)
            }
        }
    }

    private func certifyProblems(on day: Day, reason: String, undocumented: String = "x") -> [String] {
        guard let a = file.application else { return [] }
        return Certification.problems(titles: orderedMarks, on: day, lateReason: reason, application: a,
                                      results: results, today: session.today, unverified: unverified,
                                      checklistCount: file.checklist.count, undocumentedReason: undocumented)
    }

    var orderedMarks: [Title] { Title.allCases.filter(marked.contains) }

    /// Problems of the certification form, by field.
    var certifyFormProblems: [String: String] {
        guard let form = certifying else { return [:] }
        guard let day = Day(parsing: form["date"]) else {
            return ["date": form["date"].isEmpty ? "Certification date is required" : "not a date; type " + Day.acceptedFormats]
        }
        var found: [String: String] = [:]
        for p in certifyProblems(on: day, reason: form["reason"], undocumented: form["undocumented"]) {
            found[p.contains("documents not verified") ? "undocumented" : p.contains("give the reason") ? "reason" : "date"] = p
        }
        return found
    }

    private mutating func saveCertification() -> Effect {
        certifying!.checked = ["date", "reason", "undocumented"]
        let problems = certifyFormProblems
        guard problems.isEmpty, let form = certifying, let day = Day(parsing: form["date"]) else {
            certifying!.focus(on: problems["date"] != nil ? "date" : problems["reason"] != nil ? "reason" : "undocumented")
            message = "Not certified: fix the field marked ✗"
            return .handled
        }
        let (customer, titles, user, today) = (file.customer, orderedMarks, session.user, session.today)
        return .request(StoreRequest { store in
            try store.certify(customer, titles: titles, on: day, lateReason: form["reason"],
                              undocumentedReason: form["undocumented"], by: user, today: today)
            return .updated(customer.id, notice: "Certified: " + titles.map(\.name).joined(separator: ", "))
        })
    }

    /// Certified: the small form closes and the titles read again. Refused: the form stays as typed.
    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        outcome.staying({ result in
            certifying = nil
            reload(after: result)
        }, orElse: { message = "\($0)" })
    }

    mutating func resume(with result: ScreenResult) {
        reload(after: result)
    }
}
