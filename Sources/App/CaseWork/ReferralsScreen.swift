import Domain
import TerminalKit

/// Referrals to partner programs, open ones first, each with its status
/// history. A referral is never deleted; its status moves on.
struct ReferralsScreen: CaseFileScreen, SelectingScreen {
    let session: Session
    var file: CaseFile
    var selected = 0
    var message: String?
    var notice: String?
    /// The saved plan's open steps, read when the screen opens and after a
    /// form closes, never on a draw.
    var openSteps: [PlanStep] = []

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
        readOpenSteps()
    }

    private mutating func readOpenSteps() {
        openSteps = readSavedPlan()?.allSteps.filter { $0.status == .open } ?? []
    }

    var title: String { "Referrals" }
    var rows: [Referral] { file.work.openReferrals + file.work.referrals.filter { !$0.isOpen } }

    var rowCount: Int { rows.count }

    var commands: [Command<Self>] {
        [needing(.caseWork, KeyBinding([.char("a")], "Refer", help: "Refer the customer to a partner program")) { .push($0.newForm()) },
         needing(.caseWork, KeyBinding([.enter], "Status",
                                            help: "Record the selected referral's new status (accepted, completed, declined)")) { screen in
            guard screen.rows.indices.contains(screen.selected) else { return .push(screen.newForm()) }
            let r = screen.rows[screen.selected]
            guard r.isOpen else {
                screen.message = "Already \(r.status.label) on \(r.statusOn): a closed referral stays closed"
                return .handled
            }
            return .push(screen.statusForm(r))
         },
         Self.move("Select a referral")]
    }

    mutating func update(_ key: Key) -> Effect { runCommand(key) }

    /// What a referral can serve: open barriers and open plan steps.
    private var serves: [FormChoice] {
        [FormChoice("", "—")] + file.openBarriers.map { FormChoice("barrier:\($0.id)", "Barrier: \($0.name)") }
            + openSteps.map { FormChoice("step:\($0.id)", "Step: \($0.text)") }
    }

    private func newForm() -> RecordFormScreen {
        let (user, today) = (session.user, session.today)
        let c = file.customer
        return RecordFormScreen(
            title: "New referral", customer: c.id, heading: "\(c.displayName) \(c.id) · Refer to a partner program",
            fields: Referral.fields(serves: serves), values: ["sentOn": today.description],
            check: { Referral.problems($0, today: today) },
            save: { v in
                StoreRequest { store in
                    let r = Referral.checked(v, customer: c.id, by: user?.login ?? "", today: today)
                    let saved = try store.addReferral(r.get(), by: user)
                    return .updated(c.id, notice: "Referred to \(saved.partnerName)")
                }
            })
    }

    private func statusForm(_ r: Referral) -> RecordFormScreen {
        let (store, user, today) = (session.store, session.user, session.today)
        let c = file.customer
        let next: ReferralStatus = r.status == .sent ? .accepted : .completed
        return RecordFormScreen(
            title: "Referral status", customer: c.id, heading: "\(c.displayName) \(c.id) · \(r.partnerName)",
            intro: "Now \(r.status.label) since \(r.statusOn). Completed and declined close the referral.",
            fields: Referral.statusFields, values: ["status": next.rawValue, "on": today.description],
            check: { r.statusProblems($0, today: today) },
            reopen: {
                guard let now = try store.caseWork(c.id).referrals.first(where: { $0.id == r.id }) else {
                    throw StoreError.notFound("referral \(r.id)")
                }
                guard now.isOpen else { throw StoreError.invalid("it is now \(now.status.label) since \(now.statusOn): a closed referral stays closed") }
                return self.statusForm(now)
            },
            save: { v in
                StoreRequest { store in
                    let moved = try store.updateReferral(r, to: r.moving(v, by: user?.login ?? "", today: today).get(), by: user)
                    return .updated(c.id, notice: "\(moved.partnerName): \(moved.status.label)")
                }
            })
    }

    mutating func resume(with result: ScreenResult) {
        reload(after: result)
        readOpenSteps()
        selected = ListMove.clamped(selected, count: rows.count)
    }

    static let table = SelectableTable(
        [.init("Status", width: 10), .init("Since", width: 11), .init("Partner program", width: 32),
         .init("Reason", width: 6, flexible: true)],
        empty: "No referrals yet: a refers the customer to a partner.")

    func render(into canvas: inout Canvas, area: Area) {
        let parts = RecordListParts(area, count: rows.count, detailRows: 5)
        renderHeading(into: &canvas, area: area)
        canvas.put("\(file.work.openReferrals.count) open · \(rows.count - file.work.openReferrals.count) closed",
                   in: parts.summary, role: .dim)
        Self.table.draw(rows: rows.count, selected: selected, into: &canvas, in: parts.table) { i in
            [rows[i].status.label, rows[i].statusOn.description, rows[i].partnerName, rows[i].reason]
        }
        if rows.indices.contains(selected) {
            let r = rows[selected]
            var lines = ["\(r.partnerName): \(r.reason)"]
            if let serves = r.serves, let label = self.serves.first(where: { $0.value == serves })?.label {
                lines.append("Serves " + label)
            }
            lines.append(r.history.map { "\($0.status.label) \($0.on) (\($0.by))" + ($0.why.map { ": \($0)" } ?? "") }
                .joined(separator: " → "))
            renderDetail(lines.enumerated().map { ($1, $0 == 0 ? StyleRole.normal : .dim) }, in: parts.detail, into: &canvas)
        }
        renderStatus(into: &canvas, area: area)
    }
}
