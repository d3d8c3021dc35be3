/// Moving a plan's items with K and J: goals and steps among their
/// siblings; a service among its step's services and, past the first or
/// last, into the step before or after it (across goals too), so a service
/// put under the wrong step is moved, not deleted and added again.
extension CareerPlan {
    /// Where each step is, in the order the plan shows them.
    private var stepPositions: [(goal: Int, step: Int)] {
        goals.indices.flatMap { g in goals[g].steps.indices.map { (g, $0) } }
    }

    /// Moves the service one place up (-1) or down (+1). Returns false when
    /// it is already first (or last) in the whole plan.
    @discardableResult
    public mutating func moveService(id: Int, by offset: Int) -> Bool {
        let positions = stepPositions
        guard let p = positions.firstIndex(where: { goals[$0.goal].steps[$0.step].services.contains { $0.id == id } }) else {
            return false
        }
        let (g, s) = positions[p]
        let v = goals[g].steps[s].services.firstIndex { $0.id == id }!
        let target = v + offset
        if goals[g].steps[s].services.indices.contains(target) {
            goals[g].steps[s].services.swapAt(v, target)
            return true
        }
        guard positions.indices.contains(p + offset) else { return false }
        let (tg, ts) = positions[p + offset]
        let service = goals[g].steps[s].services.remove(at: v)
        if offset < 0 { goals[tg].steps[ts].services.append(service) } else { goals[tg].steps[ts].services.insert(service, at: 0) }
        return true
    }
}
