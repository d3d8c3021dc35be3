import Domain
import Foundation
import TerminalKit

/// The Career Plan editor: Goal → Step → Service as a tree. Edits change a
/// working copy; Ctrl-S saves it as a new version after the policy rules
/// pass; `u` undoes the last change; nothing is lost by leaving (Esc asks).
struct PlanScreen: CustomerScreen, DraftKeeping, SelectingScreen {
    enum Mode: Equatable {
        case browsing
        case confirmingDelete
        /// Esc with unsaved changes: save, discard or stay.
        case leaving(quit: Bool)
        /// Saving a significant change: the reason is asked.
        case reason
        /// A service dated before certification: record it on that date?
        case certificationDate
        /// Opened over unsaved edits kept when the connection dropped.
        case offeringDraft(DraftOffer)
        /// Ctrl-S with nothing changed: was it reviewed with the customer?
        case confirmingReview
        /// `w`: which language the customer's copy is written in.
        case choosingLanguage
    }

    /// What the form on top of this screen is editing.
    enum Pending: Equatable {
        case goal(Int), newGoal
        case step(Int), newStep(goal: Int)
        case service(Int), newService(step: Int)
        case pathway
        /// A youth program element's decision (ISS), by its number.
        case element(Int)
    }

    let session: Session
    var file: CaseFile
    var saved: PlanVersion?
    var plan: CareerPlan
    var undo: [CareerPlan] = []
    var collapsed: Set<Int> = []
    var selected = 0
    /// The tree, or the youth's Individual Service Strategy.
    var view = View.tree
    /// The selection of the view not shown.
    var otherSelected = 0
    var top = 0
    var mode = Mode.browsing
    var pending: Pending?
    /// A service waiting for the answer about the certification date.
    var early: (step: Int, service: PlanService)?
    var reason = TextField()
    var message: String?
    var notice: String?
    /// What the quality rubric reads beyond the plan itself.
    var qualityFacts: QualityFacts?
    /// Whether everyone required signed the saved plan; nil before its first save.
    /// Read when the plan is read or saved, not hashed on every draw.
    var savedIsSigned: Bool?
    /// Another user saved the plan since it was read: Ctrl-R merges.
    var stale = false
    /// What the plan asked the loop to write, until it hears how it went.
    var writing: PlanWrite?

    enum PlanWrite {
        case review
        /// `thenLeave`: Esc or F10 with changes, answered "save".
        case save(wasSigned: Bool, thenLeave: Effect?)
        /// The customer's copy, written and recorded.
        case copy

        var isCopy: Bool { if case .copy = self { true } else { false } }
    }

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
        do { saved = try session.store.plan(for: file.customer.id) } catch { message = "Cannot read the plan: \(error)" }
        plan = saved?.plan ?? CareerPlan(customer: file.customer.id)
        readSavedState()
    }

    /// What depends on the saved plan and the case file: the rubric's facts and the signatures' state.
    mutating func readSavedState() {
        do {
            qualityFacts = try session.store.qualityFacts(for: file.customer.id, matrix: session.matrix)
        } catch {
            qualityFacts = nil
            message = "Cannot read the plan's quality facts: \(error)"
        }
        savedIsSigned = saved.map { saved in
            Signing.isSigned(Signing.states(customer: file.customer, plan: saved.plan, signatures: file.work.signatures,
                                            guardian: file.work.guardianRequest, on: session.today))
        }
    }

    var title: String { "Career Plan" }
    var customerID: CustomerID { file.customer.id }
    var draftCustomer: CustomerID { file.customer.id }
    var draftForm: String { "plan" }
    /// The whole working copy, while it differs from the saved plan.
    var draftValues: [String: String]? {
        guard hasChanges, let data = try? JSONEncoder().encode(plan) else { return nil }
        return ["plan": String(decoding: data, as: UTF8.self), "over": String(saved?.version ?? 0)]
    }

    mutating func offer(_ draft: Draft) {
        guard draft.values["plan"] != nil else { return }
        mode = .offeringDraft(DraftOffer(draft: draft))
    }
    var acceptsText: Bool { mode == .reason }
    var isAsking: Bool { mode != .browsing && mode != .reason }
    var hasChanges: Bool { plan != (saved?.plan ?? CareerPlan(customer: file.customer.id)) }
    var tree: PlanTree { PlanTree(plan: plan, collapsed: collapsed) }
    var rows: [PlanTree.Row] { tree.rows }
    var node: PlanTree.Node? { rows.indices.contains(selected) ? rows[selected].node : nil }
    var matrix: ServicesMatrix { session.matrix }

    static let addGoal = KeyBinding([.char("g")], "+Goal", help: "Add a goal")
    static let addStep = KeyBinding([.char("s")], "+Step", help: "Add a step under the selected goal")
    static let addService = KeyBinding([.char("v")], "+Service", help: "Add a service under the selected step (search the services matrix)")
    static let edit = KeyBinding([.enter], "Edit", help: "Edit the selected goal, step or service")
    static let save = KeyBinding([.ctrl("s"), .function(2)], "Save", help: "Save the plan as a new version (a significant change asks why)")
    static let delete = KeyBinding([.char("x")], "Delete", help: "Delete the selected item (asks first); a started service is closed instead: Enter, then its status", inBar: false)
    static let undoKey = KeyBinding([.char("u")], "Undo", help: "Undo the last change made since opening the plan", inBar: false)
    static let moveKeys = KeyBinding([.char("K"), .char("J")], "Reorder", help: "Move the selected item up or down (a service past its step's first or last goes to the step before or after)", inBar: false)
    static let fold = KeyBinding([.left, .right, .char(" ")], "Fold", help: "Collapse (←) or expand (→) the selected goal or step; Space toggles", inBar: false, shownKeys: "← → Space")
    static let versions = KeyBinding([.char("h")], "Versions", help: "Every saved version, read-only, with what changed", inBar: false)
    static let signatures = KeyBinding([.char("i")], "Sign", help: "Signatures: who must sign, who has, and signing")
    static let copy = KeyBinding([.char("w")], "Copy", help: "Write the customer's copy of the saved plan (printable HTML, English or Spanish) and show where")
    static let reapply = KeyBinding([.ctrl("r")], "Reload & re-apply", help: "Read the other user's save and put your edits back on top")
    static let qualityKey = KeyBinding([.char("Q")], "Quality", help: "The plan against the Illinois workNet rubric: each category and what it lacks", inBar: false)

    var rowCount: Int { view == .strategy ? 15 : rows.count }

    /// The keys of the mode the plan is in, each with what it does.
    var commands: [Command<Self>] {
        switch mode {
        case .browsing: return view == .strategy ? strategyCommands : browsing
        case .confirmingDelete:
            return [.answer("y", "Delete", help: "Delete it") { $0.deleteSelected(); $0.mode = .browsing; return .handled },
                    .answer("n", or: .escape, "Keep", help: "Keep it") { $0.mode = .browsing; return .handled }]
        case .leaving(let quit):
            return [.answer("s", "Save", help: "Save the plan, then leave") {
                        $0.mode = .browsing
                        return $0.startSave(thenLeave: quit ? .quit : .pop)
                    },
                    .answer("d", "Discard", help: "Leave without saving the changes") { _ in quit ? .quit : .pop },
                    Command(KeyBinding([.escape], "Stay", help: "Stay in the plan")) { screen, _ in screen.mode = .browsing; return .handled }]
        case .reason:
            return [Command(KeyBinding([.enter, .ctrl("s"), .function(2)], "Save", help: "Save with this reason", shownKeys: "Enter")) {
                        screen, _ in screen.commitSave(reason: screen.reason.text)
                    },
                    Command(KeyBinding([.escape], "Back", help: "Back to the plan")) { screen, _ in screen.mode = .browsing; return .handled },
                    // Typing goes to the reason (below, past the commands); this lists the editing keys.
                    Command(TextField.editing) { screen, key in screen.reason.handle(key) ? .handled : .unhandled }]
        case .offeringDraft(let offer):
            return DraftOffer.commands(restore: { $0.restore(offer.draft) }, discard: { $0.mode = .browsing; return .handled })
        case .certificationDate:
            return [.answer("y", "Use cert. date", help: "Record it on the certification date with a note of the real date") {
                        $0.placeOnCertificationDate()
                    },
                    .answer("n", or: .escape, "Drop edit", help: "Do not apply this edit") {
                        $0.early = nil
                        $0.mode = .browsing
                        $0.notice = "Edit not applied"
                        return .handled
                    }]
        case .choosingLanguage:
            let preferred = preferredLanguage
            return [Command(KeyBinding([.enter], "In \(preferred == .spanish ? "Spanish" : "English")",
                                       help: "Write the copy in the customer's language (\(preferred.label))")) { screen, _ in
                        screen.writeCopy(in: preferred)
                    },
                    .answer("e", "English", help: "Write the copy in English") { $0.writeCopy(in: .english) },
                    .answer("s", "Español", help: "Write the copy in Spanish (español); remembered as the customer's language") {
                        $0.writeCopy(in: .spanish)
                    },
                    Command(KeyBinding([.escape], "Cancel", help: "Write no copy")) { screen, _ in screen.mode = .browsing; return .handled }]
        case .confirmingReview:
            return [.answer("y", "Record review", help: "Record today's review with the customer: nothing changed") { $0.recordReview() },
                    .answer("n", or: .escape, "Not a review", help: "Record nothing") {
                        $0.mode = .browsing
                        $0.notice = "Nothing to save"
                        return .handled
                    }]
        }
    }

    private var browsing: [Command<Self>] {
        let reload = Command<Self>(Self.reapply) { screen, _ in screen.reloadAndReapply() }
        // Save and Edit first: on a narrow terminal the key bar keeps the keys used most.
        return (stale ? [reload] : []) + [
            Command(Self.save) { screen, _ in screen.startSave() },
            Command(Self.edit) { screen, _ in screen.editSelected() },
            Command(Self.addGoal) { screen, _ in screen.openForm(.newGoal) },
            Command(Self.addStep) { screen, _ in
                guard let g = screen.goalIndex else { screen.message = "Add a goal first (g)"; return .handled }
                return screen.openForm(.newStep(goal: screen.plan.goals[g].id))
            },
            Command(Self.addService) { screen, _ in
                guard let (g, s) = screen.stepIndex else {
                    screen.message = "Select a step to add a service under (s adds one)"
                    return .handled
                }
                return screen.openPicker(step: screen.plan.goals[g].steps[s].id)
            },
            Command(Self.signatures) { screen, _ in screen.openSignatures() },
            Command(Self.copy) { screen, _ in screen.writeCopy() },
            Command(Self.delete) { screen, _ in
                if let why = screen.deleteRefusal { screen.message = why } else if screen.node != nil { screen.mode = .confirmingDelete }
                return .handled
            },
            Command(Self.undoKey) { screen, _ in screen.undoLast() },
            Command(Self.moveKeys) { screen, key in screen.reorder(by: key == .char("K") ? -1 : 1); return .handled },
            Command(Self.fold) { screen, key in
                if key == .char(" ") {
                    if let node = screen.node { screen.setFold(collapse: !screen.collapsed.contains(screen.tree.id(node))) }
                } else {
                    screen.setFold(collapse: key == .left)
                }
                return .handled
            },
            Self.move("Select a row"),
            Command(Self.versions) { screen, _ in
                .push(PlanVersionsScreen(session: screen.session, file: screen.file, collapsed: screen.collapsed))
            },
            Command(Self.qualityKey) { screen, _ in
                guard !screen.quality.isEmpty else { screen.message = "Add a goal first: the quality check rates a plan"; return .handled }
                return .push(QualityScreen(customer: screen.file.customer, ratings: screen.quality))
            },
        ] + (file.customer.program == .youth ? [Command(Self.strategyKey) { screen, _ in screen.showView(.strategy) }] : [])
    }

    mutating func update(_ key: Key) -> Effect {
        message = nil
        notice = nil
        if mode == .browsing, key == .escape || key == .function(10) || key == .char("q") {
            // Back and Quit are the global keys; with unsaved edits the plan asks first.
            guard hasChanges else { return key == .escape ? .pop : .quit }
            mode = .leaving(quit: key != .escape)
            return .handled
        }
        switch mode {
        case .browsing: return run(key) ?? .unhandled
        case .reason: return run(key) ?? (reason.handle(key) ? .handled : .unhandled)
        default: return ask(key)
        }
    }

    /// Ctrl-R on a draft offer: the kept edits back, over the plan as saved now.
    private mutating func restore(_ draft: Draft) -> Effect {
        mode = .browsing
        guard let text = draft.values["plan"], let kept = try? JSONDecoder().decode(CareerPlan.self, from: Data(text.utf8)) else {
            message = "The kept plan could not be read; it was left out"
            return .handled
        }
        undo.append(plan)
        let over = Int(draft.values["over"] ?? "") ?? 0
        if over == (saved?.version ?? 0) {
            plan = kept
            notice = "Unsaved edits restored: save them with Ctrl-S"
        } else {
            // Saved again since the draft was kept: put the draft's edits on top of that save.
            let id = file.customer.id
            guard let versions = session.read("the plan's versions", into: &message, { try $0.store.planVersions(for: id) })
            else { return .handled }
            let base = versions.first { $0.version == over }?.plan
            reapply(mine: kept, base: base ?? CareerPlan(customer: id), what: "Unsaved edits restored")
        }
        return .handled
    }

    private mutating func placeOnCertificationDate() -> Effect {
        if let early, let certified = file.customer.eligibleOn {
            place(PlanRules.recordedOnCertification(early.service, certifiedOn: certified), step: early.step)
            notice = "Recorded on the certification date \(certified); the real dates are in the service's notes"
        }
        early = nil
        mode = .browsing
        return .handled
    }

    /// Ctrl-R after a refused save: their save read, these edits put back on top.
    private mutating func reloadAndReapply() -> Effect {
        let id = file.customer.id
        guard let fresh = session.read("the plan of \(id)", into: &message, { try $0.store.plan(for: id) }),
              let file = session.read("the case file of \(id)", into: &message, { try $0.caseFile(id) })
        else { return .handled }
        let base = saved?.plan ?? CareerPlan(customer: id)
        saved = fresh
        self.file = file
        readSavedState()
        reapply(mine: plan, base: base, what: "Reloaded their save")
        return .handled
    }

    private mutating func editSelected() -> Effect {
        guard let node else { return openForm(.newGoal) }
        switch node {
        case .goal(let g): return openForm(.goal(plan.goals[g].id))
        case .step(let g, let s): return openForm(.step(plan.goals[g].steps[s].id))
        case .service(let g, let s, let v): return openForm(.service(plan.goals[g].steps[s].services[v].id))
        }
    }

    mutating func undoLast() -> Effect {
        guard let last = undo.popLast() else { message = "Nothing to undo"; return .handled }
        plan = last
        selected = min(selected, max(0, rows.count - 1))
        notice = "Undone"
        return .handled
    }

    /// Signatures and copies are of the saved plan.
    private var unsavedRefusal: String? {
        hasChanges ? "Save the plan first (Ctrl-S): signatures and copies are of the saved plan" : nil
    }

    mutating func openSignatures() -> Effect {
        if let unsavedRefusal { message = unsavedRefusal; return .handled }
        let id = file.customer.id
        guard let fresh = session.read("the case file of \(id)", into: &message, { try $0.caseFile(id) }) else { return .handled }
        return .push(SignaturesScreen(session: session, file: fresh))
    }

    /// `w`: asks the language first, the customer's own offered with Enter.
    mutating func writeCopy() -> Effect {
        if let unsavedRefusal { message = unsavedRefusal; return .handled }
        mode = .choosingLanguage
        return .handled
    }

    mutating func writeCopy(in language: CopyLanguage) -> Effect {
        mode = .browsing
        writing = .copy
        return .request(CopyWriter.request(customer: file.customer.id, into: session.copiesDirectory, by: session.user,
                                           today: session.today, language: language, matrix: session.matrix))
    }

    /// The language of the customer's last copy, else the one their application asked.
    var preferredLanguage: CopyLanguage { .preferred(application: file.application, copies: file.work.copies) }

    // MARK: Selection helpers

    var goalIndex: Int? {
        switch node {
        case .goal(let g), .step(let g, _), .service(let g, _, _): g
        case nil: nil
        }
    }

    var stepIndex: (Int, Int)? {
        switch node {
        case .step(let g, let s), .service(let g, let s, _): (g, s)
        default: nil
        }
    }

    mutating func setFold(collapse: Bool) {
        guard let node, tree.hasChildren(node) else { return }
        if collapse { collapsed.insert(tree.id(node)) } else { collapsed.remove(tree.id(node)) }
    }

    /// Applies a change to the working copy, keeping it for undo; refused
    /// (with the rule's words) when it would break the open-goal rule.
    @discardableResult
    mutating func change(_ body: (inout CareerPlan) -> Void) -> Bool {
        var next = plan
        body(&next)
        guard next != plan else { return true }
        if let problem = PlanRules.openGoalProblem(before: plan, after: next, customer: file.customer,
                                                   exiting: file.work.hasExitNote)
            ?? YouthElementMark.problem(in: next, matrix: matrix).map({ $0 + ": change the element's decision first (p)" }) {
            message = "Not done: " + problem
            return false
        }
        undo.append(plan)
        plan = next
        return true
    }

    func select(id: Int) -> Int? { rows.firstIndex { tree.id($0.node) == id } }

    /// Puts `mine` (edited from `base`) on top of the saved plan and says
    /// what could not be merged.
    mutating func reapply(mine: CareerPlan, base: CareerPlan, what: String) {
        let merged = PlanMerge.merge(base: base, mine: mine, theirs: saved?.plan ?? CareerPlan(customer: file.customer.id))
        plan = merged.plan
        stale = false
        selected = ListMove.clamped(selected, count: rows.count)
        notice = "\(what); your edits re-applied on top of v\(saved?.version ?? 0): check and save (Ctrl-S)"
        if !merged.conflicts.isEmpty {
            message = "Both changed: " + merged.conflicts.joined(separator: " · ")
        }
    }
}
