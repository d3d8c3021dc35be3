/// The two days the contact and exit clocks run from, derived from the
/// record rather than typed: the last two-way contact comes from the notes,
/// the last service day from the plan's services. The Store keeps them on
/// the customer's row (so lists sort and filter by them) and recomputes
/// them in the transaction of every write that could move them; an import
/// derives them the same way, whatever the file says (docs/clocks.md).
public enum CaseActivity {
    /// The latest day of a two-way contact. An amendment carries no channel,
    /// so correcting a note's words never moves the contact clock.
    public static func lastTwoWayContact(_ notes: [CaseNote]) -> Day? {
        notes.filter(\.isTwoWayContact).map(\.eventOn).max()
    }

    /// The latest day a service was started or completed, up to `today`.
    /// Services the matrix marks as not holding the exit clock (follow-up)
    /// do not count: they never keep a customer in the program.
    public static func lastService(_ plan: CareerPlan?, matrix: ServicesMatrix?, through today: Day) -> Day? {
        (plan?.allServices ?? []).filter { matrix?.service($0.serviceID)?.keepsExitClockOpen != false }
            .flatMap { [$0.actualStart, $0.completedOn] }.compactMap { $0 }.filter { $0 <= today }.max()
    }

    /// The customer with both days derived.
    public static func derived(_ c: Customer, notes: [CaseNote], plan: CareerPlan?, matrix: ServicesMatrix?,
                               through today: Day) -> Customer {
        var d = c
        d.lastContactOn = lastTwoWayContact(notes)
        d.lastServiceOn = lastService(plan, matrix: matrix, through: today)
        return d
    }
}
