import TerminalKit

/// Every key of the screen below it, from the same bindings that draw the
/// key bar, so help and bar never disagree.
struct HelpScreen: Screen {
    let below: String
    let bindings: [KeyBinding] = [KeyBinding([.escape, .function(1)], "Close", help: "Close help")]
    let entries: [KeyBinding]
    var top = 0

    init(for screen: any Screen, global: [KeyBinding]) {
        below = screen.name
        entries = screen.bindings + global
    }

    var title: String { "Help" }

    mutating func update(_ key: Key) -> Effect {
        switch key {
        case .escape, .function(1), .char("?"), .enter: return .pop
        case .down, .char("j"): top += 1
        case .up, .char("k"): top = max(0, top - 1)
        default: return .unhandled
        }
        return .handled
    }

    func render(into canvas: inout Canvas, area: Area) {
        canvas.put("Keys on the \(below) screen", row: area.top + 1, col: 2, role: .header)
        let keyWidth = min(22, (entries.map { $0.keyText.displayWidth }.max() ?? 8) + 2)
        let textWidth = area.width - keyWidth - 5
        var lines: [(key: String, text: String)] = []
        for b in entries {
            for (i, line) in b.help.wrapped(toWidth: textWidth).enumerated() {
                lines.append((i == 0 ? b.keyText : "", line))
            }
        }
        let visible = area.height - 4
        let first = min(top, max(0, lines.count - visible))
        for (i, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            let row = area.top + 3 + i
            if !line.key.isEmpty { canvas.put(line.key.truncated(toWidth: keyWidth), row: row, col: 2, role: .key) }
            canvas.put(line.text, row: row, col: 3 + keyWidth, role: .help)
        }
    }
}
