import Domain
import TerminalKit

/// One customer at a glance: who they are, where they are in the journey,
/// and every policy clock running for them, read fresh from the data file.
struct CustomerOverviewScreen: CustomerScreen, CommandScreen {
    let session: Session
    let id: CustomerID
    var customer: Customer?
    /// Kept despite possible duplicates: which, and who decided.
    var duplicateDecisions: [DuplicateDecision] = []
    var intake: CaseFile?
    /// The plan and its dates, for the clocks that read it.
    var clockFacts: CaseClockFacts?
    var message: String?
    var notice: String?

    init(session: Session, id: CustomerID) {
        self.session = session
        self.id = id
        load()
    }

    private mutating func load() {
        do {
            intake = try session.caseFile(id)
            clockFacts = try session.store.clockFacts(for: id)
            customer = intake?.customer
            duplicateDecisions = try session.store.duplicateDecisions(for: id)
            if customer == nil { message = "Customer \(id) is no longer in the data file." }
        } catch {
            message = "Cannot read customer \(id): \(error)"
        }
    }

    var customerID: CustomerID { id }

    var title: String { customer.map { "\($0.displayName) \(id)" } ?? id.description }

    static let application = KeyBinding([.char("a")], "Application", help: "Take or edit the WIOA application (after certification: amend it)")
    static let eligibility = KeyBinding([.char("e")], "Eligibility", help: "Every title evaluated with its reasons; certify; priority of service")
    static let screening = KeyBinding([.char("b")], "Screening", help: "Record a Basic Skills Screening (before any assessment)")
    static let documents = KeyBinding([.char("d")], "Documents", help: "The documentation checklist for eligibility")
    static let gsa = KeyBinding([.char("g")], "GSA", help: "The Getting Started Assessment; submitting Section 1 enrolls")
    static let assessments = KeyBinding([.char("t")], "Assessments", help: "The assessment register: tests, scores and analyses")
    static let barriers = KeyBinding([.char("r")], "Barriers", help: "The barrier register: open and overcome barriers")
    static let plan = KeyBinding([.char("p")], "Plan", help: "The Career Plan (IEP or ISS): goals, steps and services")
    static let recommend = KeyBinding([.char("m")], "Recommend", help: "Recommended assessments, goals and services, with why")
    static let notes = KeyBinding([.char("n")], "Notes", help: "Case notes and the customer's whole timeline, with search")
    static let referrals = KeyBinding([.char("f")], "Referrals", help: "Referrals to partner programs and their status")
    static let outcomes = KeyBinding([.char("o")], "Outcomes", help: "Employment, credentials and measurable skill gains")
    static let exit = KeyBinding([.char("x")], "Exit", help: "Automatic exit date, pauses, the planned exit, and follow-up")
    static let clocks = KeyBinding([.char("c")], "Clocks", help: "Every running clock with why, and the late entries on record",
                                   inBar: false)
    static let audit = KeyBinding([.char("A")], "Audit", help: "Every write to this customer's records (supervisors, administrators)", inBar: false)

    /// The keys of the customer's next steps come first in the key bar.
    var commands: [Command<Self>] {
        guard let customer else { return [] }
        let intake = [
            Self.opening(Self.application, needs: .takeApplication) { ApplicationScreen(session: $0.session, file: $1) },
            Self.opening(Self.eligibility) { EligibilityScreen(session: $0.session, file: $1) },
            Self.opening(Self.screening, needs: .takeApplication) { ScreeningScreen(session: $0.session, file: $1) },
            Command(Self.documents) { screen, _ in screen.openDocuments() },
        ]
        let assessment = [
            Self.opening(Self.gsa) { GSAScreen(session: $0.session, file: $1) },
            Self.opening(Self.assessments) { AssessmentsScreen(session: $0.session, file: $1) },
            Self.opening(Self.barriers) { BarrierRegisterScreen(session: $0.session, file: $1) },
        ]
        let planning = [
            Self.opening(Self.plan) { PlanScreen(session: $0.session, file: $1) },
            Self.opening(Self.recommend) { RecommendationsScreen(session: $0.session, file: $1) },
        ]
        let notes = Self.opening(Self.notes) { TimelineScreen(session: $0.session, file: $1) }
        let work = [
            Self.opening(Self.referrals) { ReferralsScreen(session: $0.session, file: $1) },
            Self.opening(Self.outcomes) { OutcomesScreen(session: $0.session, file: $1) },
            Self.opening(Self.exit) { ExitScreen(session: $0.session, file: $1) },
        ]
        let all: [Command<Self>]
        if customer.exitedOn != nil { all = [notes] + work + planning + assessment + intake }
        else if customer.enrolledOn != nil { all = [notes] + planning + work + assessment + intake }
        else { all = (customer.eligibleOn == nil ? intake + assessment + planning : assessment + planning + intake) + [notes] + work }
        return all + [
            Self.opening(Self.clocks) { screen, file in screen.clocksPage(file.customer) },
            Self.opening(Self.audit, needs: .readAudit) { AuditScreen(session: $0.session, customer: $1.customer) },
        ]
    }

    /// A command that opens a screen over the case file, refused in words
    /// when the user's role may not do `permission`.
    private static func opening(_ binding: KeyBinding, needs permission: Permission? = nil,
                                _ make: @escaping (Self, CaseFile) -> any Screen) -> Command<Self> {
        Command(binding) { screen, _ in
            guard let file = screen.intake else { return .unhandled }
            if let permission, let refusal = screen.session.refusal(permission) {
                screen.message = refusal
                return .handled
            }
            return .push(make(screen, file))
        }
    }

    private mutating func openDocuments() -> Effect {
        guard let intake else { return .unhandled }
        guard intake.application != nil else {
            message = "No application yet: press a to take one"
            return .handled
        }
        return .push(DocumentsScreen(session: session, file: intake))
    }

    mutating func update(_ key: Key) -> Effect {
        message = nil
        notice = nil
        return run(key) ?? .unhandled
    }

    mutating func resume(with result: ScreenResult) {
        load()
        if case .updated(_, let text) = result { notice = text }
    }

    /// The overview's blocks, top to bottom: the name, a note, the stage and
    /// four rows of two columns, intake (four rows), the dates (four rows of
    /// two), the running clocks, the status line.
    struct Parts {
        let name, note, stage, pairs, intake, dates, clocks: Area
        /// Where the right column starts.
        let half: Int

        init(_ area: Area) {
            half = area.width / 2
            var rest = area.inset(2)
            rest.takeBottom(1)
            rest.takeTop(1)
            name = rest.takeTop(1)
            note = rest.takeTop(1)
            stage = rest.takeTop(1)
            // The blocks of two columns run to one column from the edge.
            let twoColumns = area.inset(left: 2, right: 1)
            pairs = rest.takeTop(4).across(twoColumns)
            intake = rest.takeTop(4)
            rest.takeTop(1)
            dates = rest.takeTop(4).across(twoColumns)
            rest.takeTop(1)
            clocks = rest
        }

        /// A row of two fields: the left column, a blank column, the right one from `half`.
        func columns(_ row: Area) -> (left: Area, right: Area) {
            var left = row
            let right = left.takeRight(row.right - half + 1)
            return (left.inset(right: 1), right)
        }
    }

    func render(into canvas: inout Canvas, area: Area) {
        let parts = Parts(area)
        guard let c = customer else {
            // Why the customer could not be read, whole: it is all the screen has to say.
            var rows = area.inset(2)
            rows.takeTop(1)
            let lines = (message ?? "").wrapped(toWidth: rows.width, atMost: rows.height)
            canvas.put(lines: lines.map { ($0, .error) }, in: rows.takeTop(lines.count))
            return
        }
        let today = session.today
        var name = parts.name
        canvas.put(c.id.description, in: name.takeRight(c.id.description.displayWidth), role: .header)
        canvas.put(c.displayName, in: name.inset(right: 3), role: .header)
        let stage = c.stage(on: today)
        field("Stage", "\(stage.name) — \(stage.explanation)", in: parts.stage, into: &canvas)
        let plan = c.program.map { "\($0.name) (\($0.planName))" } ?? "none (no application)"
        let screening = intake?.screening.map { s in
            s.result == .deficient && c.program != .youth ? "deficient, refer Title II" : s.result.label
        } ?? "not screened (b)"
        // The phone is short and the e-mail long: the e-mail takes the column that runs to the edge.
        let pairs = [("Program", plan, "Planner", plannerText(c)),
                     ("Born", "\(c.birthDate) (age \(c.birthDate.age(on: today)))", "Veteran", c.isVeteran ? "yes" : "no"),
                     ("Phone", c.phone ?? "—", "Email", c.email ?? "—"),
                     ("ZIP", c.zip, "Basic skills", screening)]
        for (pair, row) in zip(pairs, parts.pairs.rows) {
            let (left, right) = parts.columns(row)
            field(pair.0, pair.1, in: left, into: &canvas)
            field(pair.2, pair.3, in: right, into: &canvas)
        }
        if let kept = duplicateDecisions.last {
            let matched = kept.matched.map(\.description).joined(separator: ", ")
            canvas.put("Possible duplicate of \(matched), kept as a separate record by \(kept.decidedBy)", in: parts.note, role: .dim)
        }
        renderIntake(in: parts.intake, into: &canvas)
        let dates: [(String, Day?)] = [
            ("Entered", c.enteredOn), ("Applied", c.appliedOn), ("Eligible", c.eligibleOn),
            ("Enrolled", c.enrolledOn), ("Last contact", c.lastContactOn), ("Last service", c.lastServiceOn),
            ("Exited", c.exitedOn), ("Employed", c.employedOn),
        ]
        for (i, row) in parts.dates.rows.enumerated() {
            let (left, right) = parts.columns(row)
            for (column, (label, day)) in zip([left, right], dates.dropFirst(2 * i).prefix(2)) {
                field(label, day?.description ?? "—", in: column, into: &canvas)
            }
        }
        renderClocks(c, in: parts.clocks, into: &canvas)
        renderStatus(message: message, notice: notice, into: &canvas, area: area)
    }

    /// Eligibility and priority of service.
    private func renderIntake(in area: Area, into canvas: inout Canvas) {
        let eligibility: String
        if let cert = intake?.certification {
            eligibility = "certified \(cert.certifiedOn): " + cert.titles.map(\.name).joined(separator: ", ")
        } else if let a = intake?.application {
            let eligible = intake?.results?.filter(\.eligible).map(\.title.name) ?? []
            eligibility = "applied \(a.appliedOn), not yet certified; "
                + (eligible.isEmpty ? "no title met (e)" : "meets " + eligible.joined(separator: ", ") + " (e)")
        } else {
            eligibility = "no application yet (a)"
        }
        let priority = customer?.program == .youth ? "applies to the Adult program" : intake?.priority?.summary ?? "—"
        let assessed: String
        if let intake, let gsa = intake.gsa {
            assessed = gsa.shortProgress(barriers: intake.barriers) + " · \(Plural.count(intake.assessments.count, "assessment")) · "
                + Plural.count(intake.openBarriers.count, "open barrier")
        } else {
            assessed = "GSA not started (g) · \(Plural.count(intake?.assessments.count ?? 0, "assessment")) · "
                + Plural.count(intake?.openBarriers.count ?? 0, "open barrier")
        }
        let fields = [("Eligibility", eligibility), ("Priority", priority), ("Assessment", assessed), ("Case work", caseWork)]
        for ((label, value), row) in zip(fields, area.rows) { field(label, value, in: row, into: &canvas) }
    }

    /// Notes, open referrals and outcomes in one line.
    private var caseWork: String {
        guard let work = intake?.work else { return "—" }
        var text = work.notes.last.map { "\(Plural.count(work.notes.count, "note")), last \($0.eventOn)" } ?? "no notes yet"
        text += " · " + Plural.count(work.outcomes.count, "outcome")
        let open = work.openReferrals.map(\.partnerName)
        text += open.isEmpty ? " · no open referrals" : " · referred: " + open.joined(separator: ", ")
        return text
    }

    private func plannerText(_ c: Customer) -> String {
        guard let login = c.planner else { return "unassigned" }
        return session.staff[login].map { "\($0.name) (\(login))" } ?? login
    }

    /// The column of a field's label: "Last service " and a space.
    static let labelWidth = 13

    /// A label in its column, then its value cut to the rest of `area`.
    private func field(_ label: String, _ value: String, in area: Area, into canvas: inout Canvas) {
        var rest = area
        canvas.put(label.fitted(toWidth: Self.labelWidth), row: rest.top, col: rest.takeLeft(Self.labelWidth).left, role: .dim)
        canvas.put(value.truncated(toWidth: max(1, rest.width)), row: rest.top, col: rest.left, role: .normal)
    }
}
