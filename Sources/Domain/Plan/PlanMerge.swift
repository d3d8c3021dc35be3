/// Puts one user's edits of a plan back on top of another user's save of
/// the same plan: a three-way merge by the ids of goals, steps and services.
/// What only one side changed is taken from that side; what both changed
/// differently keeps this user's version and is named as a conflict; items
/// this user added get ids after the other save's, so ids never repeat.
public enum PlanMerge {
    public struct Result: Equatable, Sendable {
        public var plan: CareerPlan
        /// In words, one per item both users changed (or one changed and the other deleted).
        public var conflicts: [String]
    }

    /// `base`: the plan both edited from; `mine`: this user's working copy;
    /// `theirs`: what the other user saved.
    public static func merge(base: CareerPlan, mine: CareerPlan, theirs: CareerPlan) -> Result {
        let shift = theirs.nextID - base.nextID
        let mine = renumbered(mine, from: base.nextID, by: shift)
        let conflicts = Conflicts()
        var plan = theirs
        plan.nextID = max(theirs.nextID, mine.nextID)
        plan.pathway = pick(base.pathway, mine.pathway, theirs.pathway, "career pathway", conflicts)
        plan.youthElements = (1...14).compactMap { e in
            pick(base.mark(e), mine.mark(e), theirs.mark(e), "youth program element \(e) (\(YouthElement.name(e)))", conflicts)
        }
        plan.goals = items(base.goals, mine.goals, theirs.goals, head: { g in var h = g; h.steps = []; return h },
                           name: { "goal \"\($0.text)\"" }, conflicts) { chosen, b, m, t in
            var g = chosen
            g.steps = items(b.steps, m.steps, t.steps, head: { s in var h = s; h.services = []; return h },
                            name: { "step \"\($0.text)\"" }, conflicts) { chosen, b, m, t in
                var s = chosen
                s.services = items(b.services, m.services, t.services, head: { $0 }, name: { "service \"\($0.name)\"" },
                                   conflicts) { chosen, _, _, _ in chosen }
                return s
            }
            return g
        }
        return Result(plan: plan, conflicts: conflicts.list)
    }

    /// One value both may have changed: the side that changed it wins; when both did, this user's.
    private static func pick<T: Equatable>(_ b: T, _ m: T, _ t: T, _ name: String, _ conflicts: Conflicts) -> T {
        if m == b || m == t { return t }
        if t == b { return m }
        conflicts.list.append("\(name): both changed it; yours is kept")
        return m
    }

    /// Merges one level of the plan. `head` is an item without its children
    /// (compared on its own); `children` fills the chosen head's children
    /// from the base's, this user's and theirs.
    private static func items<Item: Hashable & PlanItem>(
        _ base: [Item], _ mine: [Item], _ theirs: [Item], head: (Item) -> Item, name: (Item) -> String,
        _ conflicts: Conflicts, children: (_ chosen: Item, _ base: Item, _ mine: Item, _ theirs: Item) -> Item
    ) -> [Item] {
        let baseByID = Dictionary(base.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mineByID = Dictionary(mine.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let theirIDs = Set(theirs.map(\.id))
        var result: [Item] = []
        for t in theirs {
            guard let b = baseByID[t.id] else { result.append(t); continue }   // they added it
            guard let m = mineByID[t.id] else {                                // this user deleted it
                if t != b {
                    conflicts.list.append("\(name(t)): you deleted it and they changed it; theirs is kept")
                    result.append(t)
                }
                continue
            }
            result.append(children(pick(head(b), head(m), head(t), name(m), conflicts), b, m, t))
        }
        for m in mine where !theirIDs.contains(m.id) {
            guard let b = baseByID[m.id] else { result.append(m); continue }  // this user added it
            if m != b {                                                        // they deleted it
                conflicts.list.append("\(name(m)): they deleted it and you changed it; yours is kept")
                result.append(m)
            }
        }
        return result
    }

    /// This user's new items (ids from `first` on) moved `shift` ids later.
    private static func renumbered(_ plan: CareerPlan, from first: Int, by shift: Int) -> CareerPlan {
        guard shift != 0 else { return plan }
        func moved(_ id: Int) -> Int { id >= first ? id + shift : id }
        var p = plan
        p.nextID = moved(plan.nextID)
        for g in p.goals.indices {
            p.goals[g].id = moved(p.goals[g].id)
            for s in p.goals[g].steps.indices {
                p.goals[g].steps[s].id = moved(p.goals[g].steps[s].id)
                for v in p.goals[g].steps[s].services.indices {
                    p.goals[g].steps[s].services[v].id = moved(p.goals[g].steps[s].services[v].id)
                }
            }
        }
        return p
    }
}

/// Collects conflicts across the nested merges.
private final class Conflicts { var list: [String] = [] }

/// A goal, step or service: what the merge matches by.
public protocol PlanItem { var id: Int { get } }
extension PlanGoal: PlanItem {}
extension PlanStep: PlanItem {}
extension PlanService: PlanItem {}
