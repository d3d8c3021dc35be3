import Domain
import TerminalKit

/// The WIOA application, taken by a planner or the front desk: a long form
/// in sections, checked in place. Once eligibility is certified the answers
/// are locked; saving then is an amendment and asks for its reason.
struct ApplicationScreen: DraftKeeping, CommandScreen {
    enum Mode: Equatable {
        case editing
        /// Saving a certified application: the reason is asked first.
        case amending
        case confirmingDiscard(DiscardQuestion)
        /// Opened over a kept draft: restore it or not.
        case offeringDraft(DraftOffer)
        /// After Ctrl-R: a field both users changed, put to this user.
        case resolving(CollisionQuestion)
    }

    let session: Session
    var file: CaseFile
    var form: FormState
    /// The answers as loaded, to tell whether anything was typed.
    var original: [String: String]
    /// Another user saved this customer meanwhile: Ctrl-R can reload and re-apply.
    var stale = false
    var mode = Mode.editing
    var reason = TextField()
    var message: String?
    var notice: String?
    /// Set when a full SSN was typed and cleared: the field says so.
    var ssnCleared = false

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
        let values = file.application.map { ApplicationForm($0, phone: file.customer.phone) }
            ?? ApplicationForm.new(for: file.customer, today: session.today)
        var all = values.values
        for f in ApplicationForm.fields where all[f.key] == nil { all[f.key] = values[f.key] }
        form = FormState(fields: ApplicationForm.fields, values: all)
        original = form.values
    }

    var title: String { "Application" }
    var isAsking: Bool {
        switch mode {
        case .confirmingDiscard, .offeringDraft, .resolving: true
        case .editing, .amending: false
        }
    }

    var draftCustomer: CustomerID { file.customer.id }
    var draftForm: String { "application" }
    var draftValues: [String: String]? { hasChanges ? form.values : nil }

    mutating func offer(_ draft: Draft) {
        guard draft.values != form.values else { return }
        mode = .offeringDraft(DraftOffer(draft: draft))
    }
    var acceptsText: Bool { !isAsking }
    var isCertified: Bool { file.certification != nil }
    /// Meaningful changes only: spaces around answers do not count.
    var hasChanges: Bool { !ApplicationForm(form.values).changes(from: ApplicationForm(original)).isEmpty }

    var problems: [String: String] {
        var p = ApplicationForm(form.values).problems(customer: file.customer, today: session.today)
        if ssnCleared { p["ssnLast4"] = "a full SSN is never stored; it was cleared. Type the last 4 digits only" }
        return p
    }

    static let save = KeyBinding([.ctrl("s"), .function(2)], "Save", help: "Check and save the application")
    static let cancel = KeyBinding([.escape], "Cancel", help: "Leave without saving (asks first if anything changed)")
    static let reapply = KeyBinding([.ctrl("r")], "Reload & re-apply", help: "Read the other user's save and put your changes back on top")

    var commands: [Command<Self>] {
        switch mode {
        case .editing:
            return [Command(Self.save) { screen, _ in screen.trySave() },
                    Command(Self.cancel) { screen, _ in screen.leave(quit: false) }]
                + (stale ? [Command(Self.reapply) { screen, _ in screen.reloadAndReapply(); return .handled }] : [])
                // The form's keys: listed here, handled by the form (past the commands).
                + FormState.bindings.map { binding in Command(binding) { screen, key in screen.edit(key) } }
        case .amending:
            return [Command(KeyBinding([.enter, .ctrl("s"), .function(2)], "Save amendment", help: "Save the change with this reason")) {
                        screen, _ in screen.save(reason: screen.reason.text)
                    },
                    Command(KeyBinding([.escape], "Back to form", help: "Return to the form; nothing is lost")) { screen, _ in
                        screen.mode = .editing
                        return .handled
                    },
                    Command(TextField.editing) { screen, key in screen.reason.handle(key) ? .handled : .unhandled }]
        case .confirmingDiscard(let question):
            return question.commands { $0.mode = .editing }
        case .offeringDraft(let offer):
            return DraftOffer.commands(restore: { screen in
                for (k, v) in offer.draft.values where k != "ssnLast4" { screen.form[k] = v }
                screen.mode = .editing
                return .handled
            }, discard: { $0.mode = .editing; return .handled })
        case .resolving:
            return CollisionQuestion.commands { screen, choice in screen.settle(choice) }
        }
    }

    mutating func update(_ key: Key) -> Effect {
        switch mode {
        case .editing:
            message = nil
            notice = nil
            // F10 is the global Quit; with changes the form asks first.
            if key == .function(10) { return leave(quit: true) }
            return run(key) ?? edit(key)
        case .amending: return run(key) ?? (reason.handle(key) ? .handled : .unhandled)
        case .confirmingDiscard, .offeringDraft, .resolving: return ask(key)
        }
    }

    /// Esc or F10: leaves at once when nothing changed, else asks first.
    private mutating func leave(quit: Bool) -> Effect {
        guard hasChanges else { return quit ? .quit : .pop }
        mode = .confirmingDiscard(DiscardQuestion(quit: quit))
        return .handled
    }

    /// The field both users changed, settled this user's way; then the next.
    private mutating func settle(_ choice: CollisionQuestion.Choice) -> Effect {
        guard case .resolving(var asking) = mode, let c = asking.current else { mode = .editing; return .handled }
        if choice == .theirs { form[c.key] = c.theirs }
        asking.pending.removeFirst()
        if let next = asking.current {
            form.focus(on: next.key)
            mode = .resolving(asking)
        } else {
            mode = .editing
            notice = "Every field both of you changed is settled: check and save (Ctrl-S)"
        }
        return .handled
    }

    /// A key for the form; a full SSN typed into the last-4 field is cleared at once.
    private mutating func edit(_ key: Key) -> Effect {
        let key0 = form.focused.key
        guard form.handle(key) else { return .unhandled }
        if key0 == "ssnLast4" {
            if ApplicationForm.mustClear("ssnLast4", form["ssnLast4"]) {
                form["ssnLast4"] = ""
                ssnCleared = true
                form.checked.insert("ssnLast4")
            } else if form.focused.key == "ssnLast4" {
                ssnCleared = false
            }
        }
        return .handled
    }

    private mutating func trySave() -> Effect {
        if let refusal = form.refuseSave(problems) {
            message = refusal
            return .handled
        }
        if isCertified {
            guard hasChanges else { return .finish(.updated(file.customer.id, notice: "No changes to save")) }
            mode = .amending
            return .handled
        }
        return save(reason: nil)
    }

    private mutating func save(reason: String?) -> Effect {
        if let reason, reason.trimmingCharacters(in: .whitespaces).isEmpty {
            message = "Say why the certified answers change; the reason is kept in the history"
            return .handled
        }
        let (answers, customer, user, today) = (ApplicationForm(form.values), file.customer, session.user, session.today)
        return .request(StoreRequest { store in
            try store.saveApplication(answers, customer: customer, by: user, today: today, amendReason: reason)
            return .updated(customer.id, notice: reason == nil ? "Application saved" : "Amendment saved")
        })
    }

    /// Saved: the form closes. Refused: back to editing, every answer kept.
    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        switch outcome {
        case .success(let result): return .finish(result)
        case .failure(let error):
            mode = .editing
            if case StoreError.changedMeanwhile(let what) = error {
                stale = true
                message = "Not saved: another user changed \(what). Ctrl-R reloads it and re-applies your typing."
            } else {
                message = "\(error)"
            }
            return .handled
        }
    }

    /// Reads the application another user saved and puts this user's own
    /// changes (each field they changed) back on top of it.
    private mutating func reloadAndReapply() {
        let id = file.customer.id
        guard let fresh = session.read("the application of \(id)", into: &message, { try $0.caseFile(id) }),
              let application = fresh.application else {
            if message == nil { message = "The application of \(id) is no longer in the data file" }
            return
        }
        let theirs = ApplicationForm(application, phone: fresh.customer.phone)
        var values = theirs.values
        for f in ApplicationForm.fields where values[f.key] == nil { values[f.key] = theirs[f.key] }
        let mine = form.values.filter { original[$0.key] != $0.value }
        let (merged, clashes) = FieldMerge.merge(base: original, theirs: values, mine: form.values)
        file = fresh
        original = values
        form = FormState(fields: ApplicationForm.fields, values: merged)
        stale = false
        message = nil
        notice = "Reloaded their save; your \(mine.count) change(s) re-applied on top"
            + (clashes.isEmpty ? ": check and save (Ctrl-S)" : "")
        if let first = clashes.first {
            form.focus(on: first.key)
            mode = .resolving(CollisionQuestion(pending: clashes))
        }
    }

    /// The name, the banner, a blank row, the form, and the last two rows
    /// for the status line and a long message's first line.
    struct Parts {
        let heading, banner, form, status: Area

        init(_ area: Area) {
            var rest = area
            status = rest.takeBottom(2).inset(1)
            heading = rest.takeTop(1).inset(2)
            banner = rest.takeTop(1).inset(2)
            rest.takeTop(1)
            form = rest
        }
    }

    mutating func prepare(area: Area) {
        form.scroll(in: Parts(area).form, problems: checkedProblems)
    }

    private var checkedProblems: [String: String] { problems.filter { form.checked.contains($0.key) } }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        let parts = Parts(area)
        canvas.put("\(c.displayName) \(c.id)", in: parts.heading, role: .header)
        let banner = isCertified
            ? "Certified \(file.certification!.certifiedOn): answers are locked; saving a change asks for a reason"
            : "* required · eligibility is worked out from these answers"
        canvas.put(banner, in: parts.banner, role: isCertified ? .dueSoon : .dim)
        form.render(into: &canvas, in: parts.form, problems: checkedProblems, active: mode == .editing)
        renderStatus(into: &canvas, in: parts.status)
    }

    /// The status line is the last row; a question or long message also takes the row above.
    private func renderStatus(into canvas: inout Canvas, in rows: Area) {
        var above = rows
        let line = above.takeBottom(1)
        canvas.fill(rowsOf: line, role: .normal)
        func lastLines(_ text: String, _ role: StyleRole) {
            var all = rows
            let lines = text.wrapped(toWidth: rows.width, atMost: 2)
            canvas.put(lines: lines.map { ($0, role) }, in: all.takeBottom(lines.count))
        }
        switch mode {
        case .confirmingDiscard(let question):
            canvas.put(question.prompt("your changes"), in: line, role: .error)
        case .offeringDraft(let offer):
            canvas.put(offer.prompt, in: line, role: .error)
        case .resolving(let asking):
            let lines = asking.prompt(width: rows.width) { key in ApplicationForm.fields.first { $0.key == key }?.label ?? key }
            canvas.fill(rowsOf: rows, role: .normal)
            canvas.put(lines: lines.map { ($0, .error) }, in: rows)
        case .amending:
            var field = line
            canvas.put(label: "Reason for the amendment:", role: .header, taking: &field)
            reason.draw(into: &canvas, row: field.top, col: field.left, width: field.width, focused: true)
            if let message { canvas.put(message, in: above, role: .error) }
        case .editing:
            if let message {
                // A long message takes the free row above the status line too.
                lastLines(message, .error)
            } else if let notice {
                lastLines("✓ " + notice, .normal)
            } else if let hint = form.focused.hint {
                canvas.put(hint, in: line, role: .dim)
            } else {
                canvas.put("Tab next field · PgDn next section · Ctrl-S or F2 saves · Esc cancels", in: line, role: .dim)
            }
        }
    }
}
