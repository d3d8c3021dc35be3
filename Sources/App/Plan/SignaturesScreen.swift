import Domain
import TerminalKit

/// Who must sign the saved plan and where each signature stands: not
/// signed, sent to a guardian, signed (date and method), or outdated
/// because the plan changed after signing. Enter signs for the selected
/// signer; `v` shows the plan exactly as that signer signed it.
struct SignaturesScreen: CaseFileScreen, SelectingScreen {
    let session: Session
    var file: CaseFile
    var saved: PlanVersion?
    var states: [(role: SignerRole, state: Signing.State)] = []
    var selected = 0
    var message: String?
    var notice: String?

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
        load()
    }

    /// The saved plan and where each signer stands, read once per visit (hashing is not for every draw).
    private mutating func load() {
        do {
            let read = try session.store.signingStates(for: file.customer.id, today: session.today)
            saved = read?.plan
            states = read?.states ?? []
        } catch {
            message = "Cannot read the plan: \(error)"
        }
    }

    var title: String { "Signatures" }

    var rowCount: Int { states.count }

    var commands: [Command<Self>] {
        var all = [needing(.editPlan, KeyBinding([.enter], "Sign",
                                                      help: "Sign the plan as the selected signer (their name typed, the statement confirmed)")) {
                       $0.sign()
                   },
                   Command(KeyBinding([.char("v")], "Signed version", help: "The plan exactly as the selected signer signed it")) {
                       screen, _ in screen.showSigned()
                   }]
        if states.contains(where: { $0.role == .guardian }) {
            all.append(needing(.editPlan, KeyBinding([.char("g")], "Send to guardian",
                                                          help: "Record that the plan went to the parent or guardian to sign later")) {
                $0.saved == nil ? $0.nothingToSign() : .push($0.guardianForm())
            })
        }
        return all + [Self.move("Select a signer")]
    }

    mutating func update(_ key: Key) -> Effect { runCommand(key) }

    private mutating func nothingToSign() -> Effect {
        message = "Save the plan first: there is nothing to sign"
        return .handled
    }

    private mutating func sign() -> Effect {
        let rows = states
        guard let saved, rows.indices.contains(selected) else { return nothingToSign() }
        return .push(signForm(rows[selected].role, version: saved))
    }

    private mutating func showSigned() -> Effect {
        let rows = states
        guard rows.indices.contains(selected), let signature = signature(rows[selected].state) else {
            message = "Not signed yet: nothing to show"
            return .handled
        }
        return .push(PlanVersionsScreen(session: session, file: file, collapsed: [], showing: signature.planVersion))
    }

    private func signature(_ state: Signing.State) -> Signature? {
        switch state {
        case .signed(let s), .outdated(let s, _): s
        case .notSigned, .sentToGuardian: nil
        }
    }

    private func signForm(_ role: SignerRole, version: PlanVersion) -> RecordFormScreen {
        let (user, today) = (session.user, session.today)
        let c = file.customer
        let request = file.work.guardianRequest
        var fields: [FormField] = []
        var values = ["method": SignatureMethod.terminal.rawValue]
        if role == .guardian {
            fields += GuardianRequest.fields.prefix(2)
            values["name"] = request?.name ?? ""
            values["relationship"] = request?.relationship ?? ""
        }
        // Someone who is not the customer's planner signs for them (docs/design.md).
        let actingFor = role == .planner && user?.login != c.planner
        if actingFor {
            let planners = c.planner.map { [$0] } ?? session.staff.values.filter { $0.role == .planner && $0.isActive }.map(\.login).sorted()
            let choices = planners.map { FormChoice($0, session.staff[$0].map { "\($0.name) (\($0.login))" } ?? $0) }
            fields.append(FormField("forPlanner", "Signing for", .choice(choices),
                                    hint: c.planner == nil ? "the planner named becomes this customer's planner to call"
                                                           : "you sign for the customer's planner, who stays the one to call",
                                    required: true))
            values["forPlanner"] = planners.first ?? ""
        }
        fields += [
            FormField("method", "How", .choice(SignatureMethod.choices), hint: "Space or ←/→", required: true),
            FormField("returnedOn", "Paper came back on", .date, hint: "for a printed copy; " + Day.acceptedFormats),
            FormField("typed", "Full name", hint: "the signer types their full name as on record", required: true),
            FormField("attest", "I confirm the statement above", .toggle),
        ]
        let whose = role == .planner ? (user?.name ?? "") : role == .customer ? c.legalName : (request?.name ?? "the guardian")
        return RecordFormScreen(
            title: "Sign", customer: c.id, heading: "\(c.displayName) \(c.id) · \(role.label) signs version \(version.version)",
            intro: "\"" + Signing.attestation(role, customer: c.displayName) + "\" Name on record: \(whose)."
                + (actingFor ? " You are not this customer's planner: say for whom you sign." : ""),
            fields: fields, values: values,
            check: { v in
                var found = requiredProblems(fields, v)
                if v["attest"] != FormField.yes { found["attest"] = "the signer must confirm the statement (Space)" }
                let onRecord = role == .customer ? [c.legalName, c.preferredName].compactMap { $0 }
                    : role == .planner ? [user?.name ?? ""] : [request?.name ?? v["name"] ?? ""]
                if let typed = v["typed"], !typed.isEmpty, !onRecord.contains(where: { Signing.namesMatch(typed, $0) }) {
                    found["typed"] = "does not match the name on record (\(onRecord.first ?? ""))"
                }
                if v["method"] == SignatureMethod.paper.rawValue {
                    if Day(parsing: v["returnedOn"] ?? "") == nil { found["returnedOn"] = "the day the signed paper came back" }
                }
                return found
            },
            save: { v in
                StoreRequest { store in
                    let r = SigningRequest(
                        role: role, typedName: v["typed"] ?? "", guardianName: v["name"], relationship: v["relationship"],
                        method: SignatureMethod(rawValue: v["method"] ?? "") ?? .terminal,
                        paperReturnedOn: Day(parsing: v["returnedOn"] ?? ""), attested: v["attest"] == FormField.yes,
                        forPlanner: actingFor ? v["forPlanner"] : nil)
                    let s = try store.sign(r, customer: c.id, planVersion: version.version, by: user, today: today)
                    return .updated(c.id, notice: "\(role.label) signed version \(s.planVersion) on \(s.signedOn)")
                }
            })
    }

    private func guardianForm() -> RecordFormScreen {
        let (user, today) = (session.user, session.today)
        let c = file.customer
        let request = file.work.guardianRequest
        return RecordFormScreen(
            title: "Send to guardian", customer: c.id, heading: "\(c.displayName) \(c.id) · Plan sent to parent or guardian",
            intro: "The plan shows \"sent to guardian\" until the signature arrives (on paper or by phone).",
            fields: GuardianRequest.fields,
            values: ["name": request?.name ?? "", "relationship": request?.relationship ?? "", "sentOn": today.description],
            check: { GuardianRequest.problems($0, today: today) },
            save: { v in
                StoreRequest { store in
                    try store.sendToGuardian(GuardianRequest.checked(v, customer: c.id, by: user?.login ?? "", today: today).get(), by: user)
                    return .updated(c.id, notice: "Sent to \(v["name"] ?? "the guardian")")
                }
            })
    }

    mutating func resume(with result: ScreenResult) {
        reload(after: result)
        load()
    }

    func render(into canvas: inout Canvas, area: Area) {
        renderHeading(into: &canvas, area: area)
        var rest = area
        rest.takeBottom(1)
        rest.takeTop(1)
        let summary = rest.takeTop(1).inset(2)
        guard let saved else {
            canvas.put("No saved plan yet: signatures bind to a saved plan (p, then Ctrl-S).", in: rest.inset(left: 2), role: .dim)
            renderStatus(into: &canvas, area: area)
            return
        }
        let rows = states
        let signed = Signing.isSigned(rows)
        canvas.put(signed ? "✓ Signed by everyone on version \(saved.version), the plan as it stands"
                   : "! Awaiting signatures on version \(saved.version) (saved \(AreaTime.day(of: saved.savedAt, in: .current)?.description ?? saved.savedAt) by \(saved.savedBy))",
                   in: summary, role: signed ? .normal : .dueSoon)
        rest.takeTop(1)
        let head = rest.takeTop(1)
        canvas.fill(rowsOf: head, role: .header)
        canvas.put("  " + "Signer".fitted(toWidth: 19) + "  State", in: head, role: .header)
        for (i, (row, line)) in zip(rows, rest.takeTop(rows.count).rows).enumerated() {
            let isSelected = i == selected
            let role: StyleRole = isSelected ? .selected : row.state.isCurrent ? .normal : .dueSoon
            canvas.fill(rowsOf: line, role: isSelected ? .selected : .normal)
            let mark = row.state.isCurrent ? "✓" : "!"
            canvas.put((isSelected ? "▶ " : "  ") + row.role.label.fitted(toWidth: 19) + mark + " " + row.state.text,
                       in: line.inset(right: 1), role: role)
        }
        rest.takeTop(1)
        if rows.indices.contains(selected), let s = signature(rows[selected].state) {
            let lines = ["\(s.signerName)" + (s.relationship.map { " (\($0))" } ?? "") + ", \(s.summary)",
                         "Captured \(AreaTime.shown(s.capturedAt, in: .current)) by \(s.capturedBy) · plan version \(s.planVersion) · SHA-256 \(s.digest.prefix(16))…"]
            canvas.put(lines: lines.map { ($0, .dim) }, in: rest.inset(2))
        }
        renderStatus(into: &canvas, area: area)
    }
}
