import Domain
import TerminalKit

extension PlanScreen {
    // MARK: Forms

    mutating func openForm(_ what: Pending) -> Effect {
        if let refusal = session.refusal(.editPlan) {
            message = refusal
            return .handled
        }
        pending = what
        let c = file.customer
        let heading = "\(c.displayName) \(c.id) · \(c.program?.planName ?? "Plan")"
        let today = session.today
        func form(_ title: String, _ fields: [FormField], _ values: [String: String],
                  _ check: @escaping ([String: String]) -> [String: String]) -> Effect {
            .push(RecordFormScreen(title: title, customer: c.id, heading: heading + " · " + title, fields: fields,
                                   values: values, check: check, save: { .done(.edited($0)) }))
        }
        switch what {
        case .newGoal:
            return form("New goal", PlanForms.goalFields, ["horizon": Horizon.oneYear.rawValue], { PlanForms.goalProblems($0, today: today) })
        case .goal(let id):
            guard let g = plan.goals.first(where: { $0.id == id }) else { return .handled }
            return form("Goal", PlanForms.goalFields, PlanForms.values(g), { PlanForms.goalProblems($0, today: today) })
        case .newStep:
            return form("New step", PlanForms.stepFields, [:], { PlanForms.stepProblems($0, today: today) })
        case .step(let id):
            guard let s = plan.allSteps.first(where: { $0.id == id }) else { return .handled }
            return form("Step", PlanForms.stepFields, PlanForms.values(s), { PlanForms.stepProblems($0, today: today) })
        case .service(let id):
            guard let s = plan.allServices.first(where: { $0.id == id }) else { return .handled }
            return .push(serviceForm(s, heading: heading))
        case .newService:
            return .handled
        case .pathway:
            return form("Career pathway", CareerPathway.fields, plan.pathway?.values ?? [:], CareerPathway.problems)
        case .element(let e):
            let (plan, matrix) = (plan, matrix)
            let offered = plan.services(providing: e, matrix).first
            let values = plan.mark(e)?.values ?? ["decision": ElementDecision.considered.rawValue, "on": today.description,
                                                  "service": offered.map { String($0.id) } ?? ""]
            return form("Element \(e): \(YouthElement.name(e))", YouthElementMark.fields(element: e, plan: plan, matrix: matrix),
                        values, { v in
                            guard case .failure(let problems) = YouthElementMark.checked(v, element: e, plan: plan, matrix: matrix,
                                                                                         today: today) else { return [:] }
                            return problems.byField
                        })
        }
    }

    mutating func openPicker(step: Int) -> Effect {
        if let refusal = session.refusal(.editPlan) {
            message = refusal
            return .handled
        }
        pending = .newService(step: step)
        let c = file.customer
        let heading = "\(c.displayName) \(c.id) · \(c.program?.planName ?? "Plan")"
        let make = { [self] (entry: ServiceEntry) -> RecordFormScreen in
            serviceForm(PlanService(id: 0, serviceID: entry.id, name: entry.name), heading: heading)
        }
        return .push(ServicePickerScreen(matrix: matrix, heading: heading, makeForm: make))
    }

    /// The service form; its check includes the start rule, so a training
    /// service cannot get an actual start before its assessment.
    func serviceForm(_ s: PlanService, heading: String) -> RecordFormScreen {
        let (today, assessments, entry) = (session.today, file.assessments, matrix.service(s.serviceID))
        let category = entry?.categoryLabel ?? "service"
        return RecordFormScreen(
            title: s.name, customer: file.customer.id, heading: heading + " · " + s.name,
            intro: category.prefix(1).uppercased() + category.dropFirst()
                + (entry?.requiresAssessment.map { " · starts after the \($0.instrument.label)" } ?? ""),
            fields: PlanForms.serviceFields,
            values: s.id == 0 ? ["plannedStart": today.description, "status": ServiceStatus.notStarted.rawValue] : PlanForms.values(s),
            check: { v in
                var found = PlanForms.serviceProblems(v, today: today)
                if found.isEmpty, let problem = PlanRules.startProblem(PlanForms.apply(v, to: s, today: today), entry: entry,
                                                                       assessments: assessments, on: today) {
                    found["actualStart"] = problem
                }
                return found
            },
            save: { .done(.edited($0.merging(["serviceID": s.serviceID, "serviceName": s.name]) { a, _ in a })) })
    }

    mutating func resume(with result: ScreenResult) {
        defer { pending = nil }
        do {
            if let fresh = try session.caseFile(file.customer.id) { file = fresh }
        } catch {
            message = "Cannot read the data file: \(error)"
        }
        readSavedState()
        guard case .edited(let v) = result, let pending else { return }
        let today = session.today
        switch pending {
        case .newGoal:
            var g = PlanGoal(id: 0, text: "", horizon: .oneYear, kind: .employment)
            if change({ g.id = $0.newID(); $0.goals.append(PlanForms.apply(v, to: g)) }) {
                g.id = plan.nextID - 1
                selected = select(id: g.id) ?? selected
            }
        case .goal(let id):
            change { p in if let i = p.goals.firstIndex(where: { $0.id == id }) { p.goals[i] = PlanForms.apply(v, to: p.goals[i]) } }
        case .newStep(let goal):
            var newID = 0
            let ok = change { p in
                guard let i = p.goals.firstIndex(where: { $0.id == goal }) else { return }
                newID = p.newID()
                p.goals[i].steps.append(PlanForms.apply(v, to: PlanStep(id: newID, text: "")))
            }
            if ok { collapsed.remove(goal); selected = select(id: newID) ?? selected }
        case .step(let id):
            change { p in
                for g in p.goals.indices {
                    if let s = p.goals[g].steps.firstIndex(where: { $0.id == id }) {
                        p.goals[g].steps[s] = PlanForms.apply(v, to: p.goals[g].steps[s])
                    }
                }
            }
        case .service(let id):
            guard let old = plan.allServices.first(where: { $0.id == id }),
                  let step = plan.allSteps.first(where: { $0.services.contains { $0.id == id } }) else { return }
            place(PlanForms.apply(v, to: old, today: today), step: step.id)
        case .newService(let step):
            var s = PlanService(id: plan.nextID, serviceID: v["serviceID"] ?? "", name: v["serviceName"] ?? "")
            s = PlanForms.apply(v, to: s, today: today)
            place(s, step: step)
        case .pathway:
            if case .success(let pathway) = CareerPathway.checked(v) { change { $0.pathway = pathway } }
        case .element(let e):
            guard case .success(let mark) = YouthElementMark.checked(v, element: e, plan: plan, matrix: matrix, today: today)
            else { return }
            change { p in
                p.youthElements.removeAll { $0.element == e }
                p.youthElements.append(mark)
                p.youthElements.sort { $0.element < $1.element }
            }
        }
    }

    /// Puts a new or edited service under its step, asking first when it
    /// is dated before the certification date.
    mutating func place(_ s: PlanService, step: Int) {
        if !PlanRules.datesBeforeCertification(s, certifiedOn: file.customer.eligibleOn).isEmpty {
            early = (step, s)
            mode = .certificationDate
            return
        }
        var newID = s.id
        change { p in
            for g in p.goals.indices {
                guard let si = p.goals[g].steps.firstIndex(where: { $0.id == step }) else { continue }
                if let vi = p.goals[g].steps[si].services.firstIndex(where: { $0.id == s.id }) {
                    p.goals[g].steps[si].services[vi] = s
                } else {
                    var added = s
                    added.id = p.newID()
                    newID = added.id
                    p.goals[g].steps[si].services.append(added)
                }
            }
        }
        collapsed.remove(step)
        selected = select(id: newID) ?? selected
        if let late = PlanRules.lateClosing(s) { notice = "\(s.name): \(late)" }
    }

    // MARK: Delete and reorder

    /// Why the selected item may not be deleted, or nil.
    var deleteRefusal: String? {
        guard let node else { return nil }
        let services: [PlanService] = switch node {
        case .goal(let g): plan.goals[g].steps.flatMap(\.services)
        case .step(let g, let s): plan.goals[g].steps[s].services
        case .service(let g, let s, let v): [plan.goals[g].steps[s].services[v]]
        }
        if services.contains(where: { $0.status != .notStarted }) {
            return "A started service is not deleted: close it (Enter, then Status: Complete or Did Not Complete); withdraw a goal"
        }
        return nil
    }

    mutating func deleteSelected() {
        guard let node else { return }
        let ok = change { p in
            switch node {
            case .goal(let g): p.goals.remove(at: g)
            case .step(let g, let s): p.goals[g].steps.remove(at: s)
            case .service(let g, let s, let v): p.goals[g].steps[s].services.remove(at: v)
            }
        }
        if ok { selected = ListMove.clamped(selected, count: rows.count); notice = "Deleted (u undoes)" }
    }

    mutating func reorder(by step: Int) {
        guard let node else { return }
        let id = tree.id(node)
        change { p in
            func swap<T>(_ list: inout [T], _ i: Int) {
                let j = i + step
                if list.indices.contains(j) { list.swapAt(i, j) }
            }
            switch node {
            case .goal(let g): swap(&p.goals, g)
            case .step(let g, let s): swap(&p.goals[g].steps, s)
            case .service(let g, let s, let v): p.moveService(id: p.goals[g].steps[s].services[v].id, by: step)
            }
        }
        // A service moved into a folded step or goal stays in sight.
        for goal in plan.goals {
            for step in goal.steps where step.services.contains(where: { $0.id == id }) {
                collapsed.subtract([goal.id, step.id])
            }
        }
        selected = select(id: id) ?? selected
    }

    // MARK: Saving

    /// Records today's review of the unchanged plan as a new version.
    mutating func recordReview() -> Effect {
        mode = .browsing
        writing = .review
        let (id, over, user, today) = (file.customer.id, saved?.version ?? 0, session.user, session.today)
        let next = today.adding(days: session.settings.reviewIntervalDays)
        return .request(StoreRequest { store in
            let version = try store.recordReview(of: id, over: over, by: user, today: today)
            return .planSaved(version, notice: "Review recorded (version \(version.version)): the next review is due \(next)")
        })
    }

    /// Saves, first asking the reason when the change is significant;
    /// `thenLeave` follows a save that needs no reason.
    mutating func startSave(thenLeave: Effect? = nil) -> Effect {
        guard hasChanges else {
            // An unchanged plan looked over with the customer is a review all the same (rubric, review clock).
            if saved?.plan.goals.isEmpty == false { mode = .confirmingReview } else { notice = "Nothing to save" }
            return thenLeave ?? .handled
        }
        let before = saved?.plan ?? CareerPlan(customer: plan.customer)
        if !before.goals.isEmpty, !PlanRules.significantChanges(from: before, to: plan, matrix: matrix).isEmpty {
            reason = TextField()
            mode = .reason
            return .handled
        }
        return commitSave(reason: nil, thenLeave: thenLeave)
    }

    mutating func commitSave(reason: String?, thenLeave: Effect? = nil) -> Effect {
        if let reason, reason.trimmingCharacters(in: .whitespaces).isEmpty {
            message = "Say why the plan changes this much (it is kept as a new plan episode)"
            return .handled
        }
        writing = .save(wasSigned: savedIsSigned == true, thenLeave: thenLeave)
        let (plan, over, user, today, matrix) = (plan, saved?.version ?? 0, session.user, session.today, matrix)
        return .request(StoreRequest { store in
            let version = try store.savePlan(plan, over: over, by: user, today: today, matrix: matrix, reason: reason, exiting: false)
            return .planSaved(version, notice: "Saved version \(version.version)" + (reason == nil ? "" : " · new plan episode"))
        })
    }

    /// How the save or review went: the saved version becomes the plan's
    /// base; a refusal leaves every edit in place and says why.
    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        guard let writing else { return .handled }
        self.writing = nil
        mode = .browsing
        switch outcome {
        case .success(.planSaved(let version, let text)):
            saved = version
            plan = version.plan
            readSavedState()
            notice = text
            if case .save(let wasSigned, let thenLeave) = writing {
                // Short enough for one 80-column line beside a new episode's notice.
                if wasSigned && savedIsSigned != true { notice! += " · signatures outdated: sign again (i)" }
                if let thenLeave { return thenLeave }
            }
        case .success(.updated(let id, let text)):
            notice = text
            // The copy's language is the customer's now: the next `w` offers it.
            if writing.isCopy, let work = session.read("the case work of \(id)", into: &message, { try $0.store.caseWork(id) }) {
                file.work = work
            }
        case .success:
            break
        case .failure(let error) where writing.isCopy:
            message = "Not written: \(error)"
        case .failure(let error):
            message = "\(error)"
            if case StoreError.changedMeanwhile(let what) = error {
                stale = true
                if case .save = writing {
                    message = "Not saved: another user changed \(what). Ctrl-R reloads their save and re-applies your edits."
                }
            }
        }
        return .handled
    }
}
