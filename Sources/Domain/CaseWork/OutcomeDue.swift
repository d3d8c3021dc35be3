/// Outcomes the notes say happened but nobody has recorded yet: a Training
/// End note with a credential attained asks for a credential outcome, an
/// exit note saying employed asks for an employment outcome. Each recorded
/// outcome of the kind answers the oldest such note.
public enum OutcomeDue {
    public static func pending(notes: [CaseNote], outcomes: [Outcome]) -> [(kind: OutcomeKind, known: Day)] {
        var out: [(OutcomeKind, Day)] = []
        for kind in [OutcomeKind.credential, .employment] {
            let asking = notes.filter { n in
                guard n.amends == nil else { return false }
                return kind == .credential ? n.kind == .trainingEnd && n.answers["credential"] == "attained"
                    : n.kind == .closure && n.answers["employed"] == "yes"
            }.map(\.eventOn).sorted()
            let recorded = outcomes.filter { $0.kind == kind }.count
            out += asking.dropFirst(recorded).map { (kind, $0) }
        }
        return out
    }
}
