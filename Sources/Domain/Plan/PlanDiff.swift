/// What changed between two saved versions of a plan, in words, for the
/// version history.
public enum PlanDiff {
    public static func describe(from old: CareerPlan, to new: CareerPlan) -> [String] {
        var out: [String] = []
        func compare<T>(_ kind: String, _ a: [T], _ b: [T], id: (T) -> Int, name: (T) -> String,
                        detail: (T, T) -> String?) {
            let before = Dictionary(a.map { (id($0), $0) }, uniquingKeysWith: { x, _ in x })
            for item in b {
                if let was = before[id(item)] {
                    if let d = detail(was, item) { out.append("changed \(kind): \(name(item))\(d)") }
                } else {
                    out.append("added \(kind): \(name(item))")
                }
            }
            let after = Set(b.map(id))
            for item in a where !after.contains(id(item)) { out.append("removed \(kind): \(name(item))") }
        }
        compare("goal", old.goals, new.goals, id: \.id, name: \.text) { was, now in
            var g = was
            g.steps = now.steps
            return g == now ? nil : (was.status != now.status ? " (\(was.status.label) → \(now.status.label))" : "")
        }
        compare("step", old.allSteps, new.allSteps, id: \.id, name: \.text) { was, now in
            var s = was
            s.services = now.services
            return s == now ? nil : (was.status != now.status ? " (\(was.status.label) → \(now.status.label))" : "")
        }
        compare("service", old.allServices, new.allServices, id: \.id, name: \.name) { was, now in
            was == now ? nil : (was.status != now.status ? " (\(was.status.label) → \(now.status.label))" : "")
        }
        if old.pathway != new.pathway { out.append("career pathway: \(new.pathway?.summary ?? "—")") }
        for e in 1...14 where old.mark(e) != new.mark(e) {
            out.append("youth program element \(e) (\(YouthElement.name(e))): " + (new.mark(e)?.describe(in: new) ?? "not marked"))
        }
        return out
    }
}
