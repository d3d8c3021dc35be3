/// The automatic exit (003): no service for 90 consecutive days and no
/// future service planned, unless a pause stops the clock. The exit date
/// is set back to the last day of service.
public enum AutoExit {
    /// The last day to deliver a service before the customer is exited: 90
    /// days after the last service in any program (or enrollment), plus every
    /// paused day after it. Nil when a future service is planned in any
    /// program: nothing runs out.
    public static func due(lastService: Day, plan: CareerPlan?, pauses: [Pause], elsewhere: [OtherProgramService] = [],
                           on today: Day, matrix: ServicesMatrix? = nil) -> Day? {
        if hasFutureService(plan, elsewhere: elsewhere, on: today, matrix: matrix) { return nil }
        return due(lastService: AutoExit.lastService(lastService, elsewhere), pauses: pauses)
    }

    /// The later of this program's last service and the last one delivered elsewhere.
    public static func lastService(_ here: Day, _ elsewhere: [OtherProgramService]) -> Day {
        max(here, elsewhere.lastDelivered ?? here)
    }

    /// The same, whatever is planned: 90 days after the last service plus the paused days.
    public static func due(lastService: Day, pauses: [Pause]) -> Day {
        var due = lastService.adding(days: ClockRule.autoExit90.limit)
        for p in pauses.sorted(by: { $0.startOn < $1.startOn }) where p.endOn > lastService {
            let start = max(p.startOn, lastService.adding(days: 1))
            if start <= due { due = due.adding(days: start.days(until: p.endOn) + 1) }
        }
        return due
    }

    /// A service not yet closed whose planned start or end is today or later.
    /// Follow-up services do not count: they never keep a customer in the program.
    public static func hasFutureService(_ plan: CareerPlan?, elsewhere: [OtherProgramService] = [], on today: Day,
                                        matrix: ServicesMatrix? = nil) -> Bool {
        heldThrough(plan, elsewhere: elsewhere, matrix: matrix).map { $0 >= today } ?? false
    }

    /// The last day a planned service holds the clock: the latest planned
    /// start or end of a service not yet closed, or a service scheduled in
    /// another program. Nil when nothing holds it.
    public static func heldThrough(_ plan: CareerPlan?, elsewhere: [OtherProgramService] = [],
                                   matrix: ServicesMatrix? = nil) -> Day? {
        ((plan?.allServices ?? []).filter { s in
            !s.status.isClosed && matrix?.service(s.serviceID)?.keepsExitClockOpen != false
        }.flatMap { [$0.plannedStart, $0.plannedEnd].compactMap { $0 } } + [elsewhere.lastScheduled].compactMap { $0 }).max()
    }

    /// The exit date when the customer is past due on `today`: the last day
    /// of service. Nil while they are still in the program.
    public static func exitDate(for c: Customer, plan: CareerPlan?, pauses: [Pause], elsewhere: [OtherProgramService] = [],
                                on today: Day, matrix: ServicesMatrix? = nil) -> Day? {
        guard let enrolled = c.enrolledOn, c.exitedOn == nil else { return nil }
        let last = lastService(max(enrolled, c.lastServiceOn ?? enrolled), elsewhere)
        guard let due = due(lastService: last, plan: plan, pauses: pauses, elsewhere: elsewhere, on: today, matrix: matrix),
              today > due
        else { return nil }
        return last
    }
}
