import Domain
import TerminalKit

/// The plan against the Illinois workNet Career Plan rubric (004): each
/// category's rating and exactly what is missing for the next level.
struct QualityScreen: ScrollingScreen {
    let customer: Customer
    let ratings: [CategoryRating]
    var top = 0

    var title: String { "Plan quality" }

    var commands: [Command<Self>] { [Self.scroll("Scroll the details", keys: [.up, .down, .char("k"), .char("j")])] }

    mutating func update(_ key: Key) -> Effect { run(key) ?? .unhandled }

    func lines(width: Int) -> [(String, StyleRole)] {
        var out: [(String, StyleRole)] = []
        for r in ratings {
            out.append(("\(r.rating.marker) \(r.category.label): \(r.rating.label)", r.rating == .below ? .dueSoon : .header))
            let next = r.rating == .below ? "for Meets: " : "to exceed: "
            if r.reasons.isEmpty { out.append(("    nothing missing", .dim)) }
            for reason in r.reasons {
                let text = r.rating == .meets ? String(reason.dropLast(" to exceed".count)) : reason
                for (i, line) in (next + text).wrapped(toWidth: width - 6).enumerated() {
                    out.append(((i == 0 ? "  - " : "    ") + line, .normal))
                }
            }
        }
        return out
    }

    func render(into canvas: inout Canvas, area: Area) {
        var rest = area.inset(2)
        canvas.put("\(customer.displayName) \(customer.id) · the Illinois workNet Career Plan rubric", in: rest.takeTop(1), role: .header)
        canvas.put("▲ Exceeds  ● Meets  ▼ Below standards", in: rest.takeTop(1), role: .dim)
        rest.takeTop(1)
        ScrollView(lines(width: area.width).map { (text: $0.0, role: $0.1) }, top: top).draw(into: &canvas, in: rest)
    }
}
