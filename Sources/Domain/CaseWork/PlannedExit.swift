/// What must be true before a planner exits a customer (003): every goal
/// closed, every service closed, outcomes recorded, the exit note written.
/// The exit date is the last day of service, never the day of the click.
public struct PlannedExit: Sendable {
    public struct Check: Hashable, Sendable {
        public var met: Bool
        public var label: String
        /// What to do when it is not met.
        public var todo: String
    }

    public var checks: [Check]
    public var exitDate: Day?

    public init(customer c: Customer, plan: CareerPlan?, notes: [CaseNote], outcomes: [Outcome],
                elsewhere: [OtherProgramService] = [], on today: Day) {
        let goals = plan?.goals ?? []
        let openGoals = goals.filter { $0.status == .open }
        let openServices = (plan?.allServices ?? []).filter { !$0.status.isClosed }
        let closure = notes.last { $0.kind == .closure && $0.amends == nil }
        let employed = closure?.answers["employed"] == "yes"
        let hasJob = outcomes.contains { $0.kind == .employment }
        checks = [
            Check(met: c.enrolledOn != nil && c.exitedOn == nil, label: "Enrolled and not yet exited",
                  todo: c.exitedOn.map { "exited on \($0)" } ?? "enroll first (GSA Section 1)"),
            Check(met: openGoals.isEmpty, label: "Every goal closed",
                  todo: "\(openGoals.count) open: mark each achieved, not achieved or withdrawn (p)"),
            Check(met: openServices.isEmpty, label: "Every service closed",
                  todo: "\(openServices.count) not closed: Complete or Did Not Complete each (p)"),
            Check(met: closure != nil, label: "Exit note written",
                  todo: "write the Service Closure / Exit note (N)"),
            Check(met: closure == nil || !employed || hasJob, label: "Outcomes recorded",
                  todo: "the exit note says employed: record the job (o)"),
        ]
        if let enrolled = c.enrolledOn {
            // The last day of service in any program (003).
            exitDate = min(today, AutoExit.lastService(max(enrolled, c.lastServiceOn ?? enrolled), elsewhere))
        }
    }

    public var isReady: Bool { checks.allSatisfy(\.met) }
}
