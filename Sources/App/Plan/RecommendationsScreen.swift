import Domain
import TerminalKit

/// The Recommendations page: assessments, goals with their steps and
/// service, and stand-alone services proposed from the customer's data,
/// each with why. Nothing enters the plan unless the planner marks it.
struct RecommendationsScreen: CaseFileScreen, SelectingScreen {
    enum Row: Equatable {
        case heading(String)
        case item(String)
        case step(String, Int)
        case goalService(String)
        case dismissed(String)
    }

    let session: Session
    var file: CaseFile
    var plan: PlanVersion?
    var dismissals: [Dismissal] = []
    /// Proposed from the data when it was last read: not on every keystroke.
    var all: [Recommendation] = []
    var marked: Set<String> = []
    /// The planner's wording, by item or step key.
    var wording: [String: String] = [:]
    var showDismissed = false
    var selected = 0
    var top = 0
    var dismissing: TextField?
    var editingKey: String?
    var message: String?
    var notice: String?
    /// What the screen asked the loop to write, until it hears how it went.
    var writing: Write?

    enum Write {
        case restore
        case dismiss(key: String)
        case add
    }

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
        load()
    }

    /// Reads the plan and dismissals and proposes again: the page follows the customer.
    private mutating func load() {
        do {
            plan = try session.store.plan(for: file.customer.id)
            dismissals = try session.store.dismissals(for: file.customer.id)
        } catch {
            message = "Cannot read the data file: \(error)"
        }
        all = propose()
    }

    var title: String { "Recommendations" }
    var acceptsText: Bool { dismissing != nil }
    var currentPlan: CareerPlan { plan?.plan ?? CareerPlan(customer: file.customer.id) }

    private func propose() -> [Recommendation] {
        let facts = CustomerFacts(customer: file.customer, application: file.application, gsa: file.gsa,
                                  screening: file.screening, barriers: file.barriers, plan: plan?.plan, matrix: session.matrix)
        return Recommendations.propose(facts: facts, placeholders: CustomerFacts.placeholders(gsa: file.gsa),
                                       assessments: file.assessments, matrix: session.matrix, on: session.today)
    }

    func dismissal(_ r: Recommendation) -> Dismissal? {
        dismissals.first { $0.key == r.key && $0.fingerprint == r.fingerprint }
    }

    var shown: [Recommendation] { all.filter { dismissal($0) == nil } }
    func recommendation(_ key: String) -> Recommendation? { all.first { $0.key == key } }
    func text(_ r: Recommendation) -> String { wording[r.key] ?? defaultText(r) }
    func defaultText(_ r: Recommendation) -> String {
        if case .assessment(let instrument, let subject) = r.kind { return "Take the \(instrument.label) (\(subject.label))" }
        return r.text
    }
    func stepText(_ r: Recommendation, _ i: Int) -> String { wording["\(r.key)#step#\(i)"] ?? r.steps[i] }
    func inPlan(_ r: Recommendation) -> Bool { AddToPlan.isInPlan(r, text: text(r), plan: currentPlan) }

    var rows: [Row] {
        var out: [Row] = []
        let items = shown
        let groups: [(String, (Recommendation) -> Bool)] = [
            ("Recommended assessments", { if case .assessment = $0.kind { true } else { false } }),
            ("Goals, with their steps and services", { if case .goal = $0.kind { true } else { false } }),
            ("Services", { if case .service = $0.kind { true } else { false } }),
        ]
        for (title, belongs) in groups {
            let list = items.filter(belongs)
            out.append(.heading(title + (list.isEmpty ? ": none" : "")))
            for r in list {
                out.append(.item(r.key))
                if case .goal = r.kind, !inPlan(r) {
                    out += r.steps.indices.map { .step(r.key, $0) }
                    out.append(.goalService(r.key))
                }
            }
        }
        let hidden = all.filter { dismissal($0) != nil }
        if !hidden.isEmpty {
            out.append(.heading("Dismissed: \(hidden.count)" + (showDismissed ? "" : " (D shows them)")))
            if showDismissed { out += hidden.map { .dismissed($0.key) } }
        }
        return out
    }

    var selectable: [Int] { rows.indices.filter { if case .heading = rows[$0] { false } else { true } } }
    var row: Row? { selectable.indices.contains(selected) ? rows[selectable[selected]] : nil }

    static let toggle = KeyBinding([.char(" ")], "Mark", help: "Mark or unmark the selected item (a goal marks its steps and service)")
    static let add = KeyBinding([.char("a")], "Add to plan", help: "Add the marked items to the plan and save it as a new version")
    static let edit = KeyBinding([.enter], "Wording", help: "Edit the wording before it goes into the plan")
    static let dismiss = KeyBinding([.char("x")], "Dismiss", help: "Dismiss the selected item with a reason (on a dismissed one: bring it back)")
    static let showHidden = KeyBinding([.char("D")], "Dismissed", help: "Show or hide the dismissed items and why", inBar: false)

    var rowCount: Int { selectable.count }

    var commands: [Command<Self>] {
        if dismissing != nil {
            return [Command(KeyBinding([.enter], "Dismiss", help: "Dismiss with this reason")) { screen, _ in
                        screen.commitDismiss(reason: screen.dismissing?.text ?? "")
                    },
                    Command(KeyBinding([.escape], "Cancel", help: "Keep the recommendation")) { screen, _ in
                        screen.dismissing = nil
                        return .handled
                    },
                    // Typing goes to the reason (past the commands); this lists the editing keys.
                    Command(TextField.editing) { screen, key in screen.typeReason(key) }]
        }
        return [Command(Self.toggle) { screen, _ in screen.toggleSelected(); return .handled },
                Command(Self.add) { screen, _ in screen.addMarked() },
                Command(Self.edit) { screen, _ in screen.editWording() },
                needing(.editPlan, Self.dismiss) { $0.dismissOrRestore() },
                Command(Self.showHidden) { screen, _ in screen.showDismissed.toggle(); return .handled },
                Self.move("Select an item")]
    }

    mutating func update(_ key: Key) -> Effect {
        message = nil
        notice = nil
        if let effect = run(key) { return effect }
        return dismissing != nil ? typeReason(key) : .unhandled
    }

    private mutating func typeReason(_ key: Key) -> Effect {
        guard var field = dismissing, field.handle(key) else { return .unhandled }
        dismissing = field
        return .handled
    }

    /// x: a dismissed item comes back; an item is dismissed with a reason.
    private mutating func dismissOrRestore() -> Effect {
        if case .dismissed(let key) = row {
            writing = .restore
            let (id, user) = (file.customer.id, session.user)
            return .request(StoreRequest { store in
                try store.restore(key, for: id, by: user)
                return .updated(id, notice: "Brought back")
            })
        } else if case .item = row {
            dismissing = TextField()
        } else {
            message = "Dismiss the whole goal (select its line), or unmark a step with Space"
        }
        return .handled
    }

    private mutating func toggleSelected() {
        switch row {
        case .item(let key):
            guard let r = recommendation(key), !inPlan(r) else { message = "Already in the plan"; return }
            let children = r.steps.indices.map { "\(key)#step#\($0)" } + (r.serviceID != nil && isGoal(r) ? ["\(key)#service"] : [])
            if marked.contains(key) { marked.subtract([key] + children) } else { marked.formUnion([key] + children) }
        case .step(let key, let i): flip("\(key)#step#\(i)", parent: key)
        case .goalService(let key): flip("\(key)#service", parent: key)
        default: break
        }
    }

    private mutating func flip(_ child: String, parent: String) {
        if marked.contains(child) { marked.remove(child) } else { marked.insert(child); marked.insert(parent) }
    }

    func isGoal(_ r: Recommendation) -> Bool { if case .goal = r.kind { true } else { false } }

    private mutating func editWording() -> Effect {
        let key: String
        let current: String
        switch row {
        case .item(let k):
            guard let r = recommendation(k) else { return .handled }
            if case .service = r.kind { message = "A service keeps its name from the services matrix"; return .handled }
            key = k
            current = text(r)
        case .step(let k, let i):
            guard let r = recommendation(k) else { return .handled }
            key = "\(k)#step#\(i)"
            current = stepText(r, i)
        default: return .handled
        }
        editingKey = key
        let c = file.customer
        return .push(RecordFormScreen(
            title: "Wording", customer: c.id, heading: "\(c.displayName) \(c.id) · wording before it goes into the plan",
            fields: [FormField("text", "Wording", hint: "specific, measurable and dated; in words the customer uses", required: true)],
            values: ["text": current], check: { v in (v["text"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? ["text": "Wording is required"] : [:] },
            save: { .done(.edited($0)) }))
    }

    mutating func resume(with result: ScreenResult) {
        if case .edited(let v) = result, let key = editingKey, let text = v["text"] {
            wording[key] = text.trimmingCharacters(in: .whitespaces)
            notice = "Wording changed; it goes into the plan when added"
        }
        editingKey = nil
        reload(after: result)
        load()
    }

    private mutating func commitDismiss(reason: String) -> Effect {
        guard case .item(let key) = row, let r = recommendation(key) else { dismissing = nil; return .handled }
        writing = .dismiss(key: key)
        let dismissal = Dismissal(customer: file.customer.id, key: key, fingerprint: r.fingerprint, reason: reason,
                                  by: session.login, on: session.today)
        let user = session.user
        return .request(StoreRequest { store in
            try store.dismiss(dismissal, by: user)
            return .updated(dismissal.customer, notice: "Dismissed: \(r.text) (it returns if the data behind it changes)")
        })
    }

    /// How a restore, dismissal or addition went: done, the page reads
    /// again; refused, the reason shows and the marks and typing stay.
    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        guard let writing else { return .handled }
        self.writing = nil
        switch outcome {
        case .success(let result):
            switch writing {
            case .restore: break
            case .dismiss(let key):
                dismissing = nil
                marked = marked.filter { !$0.hasPrefix(key) }
            case .add:
                marked = []
                reload(after: .back)
            }
            load()
            if case .updated(_, let text) = result { notice = text }
        case .failure(let error):
            message = "\(error)"
        }
        return .handled
    }

    private mutating func addMarked() -> Effect {
        if let refusal = session.refusal(.editPlan) { message = refusal; return .handled }
        let choices: [RecommendationChoice] = shown.filter { marked.contains($0.key) && !inPlan($0) }.map { r in
            let steps = r.steps.indices.filter { marked.contains("\(r.key)#step#\($0)") }
            return RecommendationChoice(recommendation: r, text: text(r), steps: steps.map { stepText(r, $0) }, stepIndices: steps,
                                        includeService: marked.contains("\(r.key)#service"))
        }
        guard !choices.isEmpty else {
            message = "Mark items with Space first: nothing is added unless you choose it"
            return .handled
        }
        let next: CareerPlan
        do {
            next = try AddToPlan.apply(choices, to: currentPlan, matrix: session.matrix, on: session.today)
        } catch let refusal as AddToPlan.Refusal {
            message = refusal.message
            return .handled
        } catch {
            message = "\(error)"
            return .handled
        }
        writing = .add
        let (over, user, today, matrix, count) = (plan?.version ?? 0, session.user, session.today, session.matrix, choices.count)
        return .request(StoreRequest { store in
            let saved = try store.savePlan(next, over: over, by: user, today: today, matrix: matrix,
                                           reason: "chosen from the recommendations with the customer", exiting: false)
            return .updated(next.customer, notice: "Added \(count) item(s) to the plan: version \(saved.version)")
        })
    }
}
