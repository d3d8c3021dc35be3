import Domain
import TerminalKit

/// "Both changed Street: yours “5 Oak Ave”, theirs “2 Main St”": asked for
/// each field that this user and another both changed since this user's
/// form read the record, one at a time. Nothing is decided for the user.
struct CollisionQuestion: Equatable {
    var pending: [FieldCollision]

    enum Choice { case mine, theirs }

    var current: FieldCollision? { pending.first }

    /// Its answers as commands of the form asking: `settle` gets the choice
    /// for the field in front.
    static func commands<S>(settle: @escaping (inout S, Choice) -> Effect) -> [Command<S>] {
        [.answer("y", "Keep yours", help: "Keep the value you typed for this field") { settle(&$0, .mine) },
         .answer("t", "Take theirs", help: "Take the value the other user saved for this field") { settle(&$0, .theirs) }]
    }

    /// The question for the field in front, in two lines that fit `width`:
    /// which field, then both values (each cut to half the line at most).
    func prompt(width: Int, _ label: (String) -> String) -> [String] {
        guard let c = current else { return [] }
        let room = max(8, (width - 24) / 2)
        func shown(_ v: String) -> String {
            v.isEmpty ? "(empty)" : "“" + (v.displayWidth > room ? String(v.prefix(room - 1)) + "…" : v) + "”"
        }
        let more = pending.count > 1 ? " (\(pending.count) fields to settle)" : ""
        return ["Both of you changed \(label(c.key))\(more): y keeps yours, t takes theirs",
                "yours \(shown(c.mine)) · theirs \(shown(c.theirs))"]
    }
}
