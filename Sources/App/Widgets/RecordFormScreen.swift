import Domain
import TerminalKit

/// A small form for one record (a job, a barrier, an assessment, a part of
/// the Getting Started Assessment): fields from the Domain, problems under
/// their field, Ctrl-S saves. With `autosave`, every move to another field
/// and leaving with Esc save what was typed, so progress is never lost: only
/// what this user changed, merged by field with other users' saves, a field
/// both changed put to the user (`CollisionQuestion`). With `reopen`, a save
/// refused because another user changed the record meanwhile offers Ctrl-R:
/// the form again over their save, with this user's own changes put back on
/// top, and any field both changed put to the user the same way.
struct RecordFormScreen: DraftKeeping, CommandScreen {
    let title: String
    let customer: CustomerID
    let heading: String
    let intro: String?
    var form: FormState
    let check: ([String: String]) -> [String: String]
    /// What Ctrl-S asks the loop to do with the checked values.
    let save: ([String: String]) -> StoreRequest
    /// Saves (values, the values as last saved) and returns the fields both changed.
    /// Asks to save (values, the values as last saved); the outcome is a
    /// `.gsaSaved` naming the fields both users changed.
    let autosave: (([String: String], [String: String]) -> StoreRequest)?
    /// The same form over the record as saved now.
    let reopen: (() throws -> RecordFormScreen)?
    var stale = false
    var saved: [String: String]
    var question: DiscardQuestion?
    var offered: DraftOffer?
    var collisions: CollisionQuestion?
    /// Values an autosave is keeping, and what follows once it has.
    var keeping: (values: [String: String], then: AfterKeeping)?

    enum AfterKeeping {
        case stay
        case leave(Effect)
        case save
    }
    var message: String?
    let fields: [FormField]

    init(title: String, customer: CustomerID, heading: String, intro: String? = nil, fields: [FormField], values: [String: String],
         check: @escaping ([String: String]) -> [String: String],
         autosave: (([String: String], [String: String]) -> StoreRequest)? = nil,
         reopen: (() throws -> RecordFormScreen)? = nil,
         save: @escaping ([String: String]) -> StoreRequest) {
        self.title = title
        self.customer = customer
        self.heading = heading
        self.intro = intro
        form = FormState(fields: fields, values: values)
        self.fields = fields
        self.check = check
        self.save = save
        self.autosave = autosave
        self.reopen = reopen
        saved = form.values
    }

    var acceptsText: Bool { question == nil && offered == nil && collisions == nil }
    var isAsking: Bool { question != nil || offered != nil || collisions != nil }

    var draftCustomer: CustomerID { customer }
    var draftForm: String { heading }
    /// Forms that save as you go need no draft.
    var draftValues: [String: String]? { autosave == nil && form.values != saved ? form.values : nil }

    mutating func offer(_ draft: Draft) {
        guard autosave == nil, draft.values != form.values else { return }
        offered = DraftOffer(draft: draft)
    }

    static let saveKey = KeyBinding([.ctrl("s"), .function(2)], "Save", help: "Check and save")
    static let cancel = KeyBinding([.escape], "Cancel", help: "Leave without saving (asks first if anything changed)")
    static let done = KeyBinding([.escape], "Done", help: "Leave; what was typed is already saved")
    static let reapply = KeyBinding([.ctrl("r")], "Reload & re-apply", help: "Read the other user's save and put your changes back on top")

    var problems: [String: String] { check(form.values) }

    var commands: [Command<Self>] {
        if offered != nil {
            return DraftOffer.commands(restore: { screen in
                if let draft = screen.offered {
                    screen.form = FormState(fields: screen.fields, values: screen.form.values.merging(draft.draft.values) { _, kept in kept })
                }
                screen.offered = nil
                screen.message = nil
                return .handled
            }, discard: { $0.offered = nil; return .handled })
        }
        if collisions != nil { return CollisionQuestion.commands { screen, choice in screen.settle(choice) } }
        if let question { return question.commands { $0.question = nil } }
        return [Command(Self.saveKey) { screen, _ in screen.trySave() },
                Command(autosave == nil ? Self.cancel : Self.done) { screen, _ in screen.leave(quit: false) }]
            + (stale ? [Command(Self.reapply) { screen, _ in screen.reloadAndReapply(); return .handled }] : [])
            // The form's keys: listed here, handled by the form (past the commands).
            + FormState.bindings.map { binding in Command(binding) { screen, key in screen.edit(key) } }
    }

    mutating func update(_ key: Key) -> Effect {
        if isAsking { return ask(key) }
        message = nil
        // F10 is the global Quit; a form with unsaved typing asks first (or saves it, saving as it goes).
        if key == .function(10) { return leave(quit: true) }
        return run(key) ?? edit(key)
    }

    /// A key for the form; moving to another field saves what was typed, on
    /// a form that saves as you go.
    private mutating func edit(_ key: Key) -> Effect {
        let before = form.focus
        guard form.handle(key) else { return .unhandled }
        return form.focus != before ? keepProgress(then: .stay) : .handled
    }

    /// Esc or F10: a form that saves as you go saves first (a field both
    /// users changed is put to this user before it closes); another asks
    /// before throwing typing away.
    private mutating func leave(quit: Bool) -> Effect {
        if autosave != nil {
            return keepProgress(then: .leave(quit ? .quit : .finish(.updated(customer, notice: "Progress saved"))))
        }
        if form.values != saved { question = DiscardQuestion(quit: quit); return .handled }
        return quit ? .quit : .pop
    }

    /// The field in front, settled this user's way; then the next.
    private mutating func settle(_ choice: CollisionQuestion.Choice) -> Effect {
        guard var asking = collisions, let c = asking.current else { collisions = nil; return .handled }
        if choice == .theirs { form[c.key] = c.theirs }
        // Theirs is now what this user's value goes over: keeping mine saves it as an ordinary change.
        saved[c.key] = c.theirs
        asking.pending.removeFirst()
        collisions = asking.pending.isEmpty ? nil : asking
        if let next = asking.current { form.focus(on: next.key) }
        if collisions == nil {
            message = autosave != nil ? "Saved: every field both of you changed is settled"
                : "Every field both of you changed is settled: check and save (Ctrl-S)"
            if autosave != nil { return keepProgress(then: .stay) }
        }
        return .handled
    }

    /// Asks the loop to save what changed since the last save, then `then`
    /// (straight away when nothing changed).
    private mutating func keepProgress(then next: AfterKeeping) -> Effect {
        guard let autosave, form.values != saved else { return proceed(next) }
        keeping = (form.values, next)
        return .request(autosave(form.values, saved))
    }

    private func proceed(_ next: AfterKeeping) -> Effect {
        switch next {
        case .stay: .handled
        case .leave(let effect): effect
        case .save: .request(save(form.values))
        }
    }

    /// Kept: every field but those another user changed meanwhile counts as
    /// saved, and those are put to the user before anything else follows.
    private mutating func kept(_ values: [String: String], _ outcome: Result<ScreenResult, any Error>,
                               then next: AfterKeeping) -> Effect {
        switch outcome {
        case .success(let result):
            var clashes: [FieldCollision] = []
            if case .gsaSaved(_, let found) = result { clashes = found }
            for key in values.keys where !clashes.contains(where: { $0.key == key }) { saved[key] = values[key] }
            if let first = clashes.first {
                collisions = CollisionQuestion(pending: clashes)
                form.focus(on: first.key)
                message = "Another user saved this part meanwhile; everything else is saved"
                return .handled
            }
            return proceed(next)
        case .failure(let error):
            message = "Not saved: \(error)"
            return .handled
        }
    }

    private mutating func trySave() -> Effect {
        if let refusal = form.refuseSave(problems) {
            message = refusal
            return .handled
        }
        // Saved as you go: what is left is saved the same way, merged by field, first.
        return keepProgress(then: .save)
    }

    /// Saved: the form closes with its result. Refused: the reason shows and
    /// every field keeps what was typed.
    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        if let keeping {
            self.keeping = nil
            return kept(keeping.values, outcome, then: keeping.then)
        }
        switch outcome {
        case .success(let result):
            return .finish(result)
        case .failure(let error):
            message = "\(error)"
            if case StoreError.changedMeanwhile(let what) = error, reopen != nil {
                stale = true
                message = "Not saved: another user changed \(what). Ctrl-R reloads it and re-applies your typing."
            }
            return .handled
        }
    }

    /// Becomes the form over the other user's save, with each field this
    /// user changed put back on top.
    private mutating func reloadAndReapply() {
        guard let reopen else { return }
        do {
            var fresh = try reopen()
            let (merged, clashes) = FieldMerge.merge(base: saved, theirs: fresh.form.values, mine: form.values)
            let mine = form.values.filter { saved[$0.key] != $0.value }.count
            fresh.form = FormState(fields: fresh.fields, values: merged)
            fresh.message = "Reloaded their save; your \(mine) change(s) re-applied on top"
                + (clashes.isEmpty ? ": check and save (Ctrl-S)" : "")
            fresh.collisions = clashes.isEmpty ? nil : CollisionQuestion(pending: clashes)
            if let first = clashes.first { fresh.form.focus(on: first.key) }
            self = fresh
        } catch {
            message = "Cannot reload: \(error)"
        }
    }

    /// The intro wrapped to at most three lines.
    private func introLines(_ width: Int) -> [String] { intro?.wrapped(toWidth: width - 4, atMost: 3) ?? [] }

    /// The heading, the intro, a blank row, the form, a blank row and two status rows.
    struct Parts {
        let heading, intro, form, status: Area
        /// The status rows with the blank row above them: room for a message of three lines.
        let message: Area

        init(_ area: Area, introRows: Int) {
            var rest = area
            heading = rest.takeTop(1).inset(2)
            intro = rest.takeTop(introRows).inset(2)
            rest.takeTop(1)
            status = rest.takeBottom(2)
            let gap = rest.takeBottom(1)
            message = Area(top: gap.top, left: status.left, width: status.width, height: gap.height + status.height)
            form = rest
        }
    }

    mutating func prepare(area: Area) {
        form.scroll(in: Parts(area, introRows: introLines(area.width).count).form,
                    problems: problems.filter { form.checked.contains($0.key) })
    }

    func render(into canvas: inout Canvas, area: Area) {
        let intro = introLines(area.width)
        let parts = Parts(area, introRows: intro.count)
        canvas.put(heading, in: parts.heading, role: .header)
        canvas.put(lines: intro.map { ($0, .dim) }, in: parts.intro)
        form.render(into: &canvas, in: parts.form, problems: problems.filter { form.checked.contains($0.key) },
                    active: question == nil && offered == nil)
        // The status line, and the row above it for a second line of a message or question.
        let status = parts.status.inset(1)
        let last = status.row(1)
        canvas.fill(rowsOf: last, role: .normal)
        if let offered {
            canvas.put(offered.prompt, in: last, role: .error)
        } else if let collisions {
            let lines = collisions.prompt(width: status.width) { key in fields.first { $0.key == key }?.label ?? key }
            canvas.fill(rowsOf: status, role: .normal)
            canvas.put(lines: lines.map { ($0, .error) }, in: status)
        } else if let question {
            canvas.put(question.prompt("what you typed"), in: last, role: .error)
        } else if let message {
            // A refusal that says what to do next may need a third line (another user's save, named and dated).
            var rows = parts.message.inset(1)
            let lines = message.wrapped(toWidth: rows.width, atMost: rows.height)
            canvas.put(lines: lines.map { ($0, .error) }, in: rows.takeBottom(lines.count))
        } else if let hint = form.focused.hint {
            canvas.put(hint, in: last, role: .dim)
        } else {
            canvas.put(autosave == nil ? "Ctrl-S or F2 saves · Esc cancels" : "Saved as you go · Esc when done", in: last, role: .dim)
        }
    }
}
