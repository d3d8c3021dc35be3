import TerminalKit

/// Every key of the screen below it, from the same bindings that draw the
/// key bar, so help and bar never disagree.
struct HelpScreen: ScrollingScreen {
    let below: String
    let entries: [KeyBinding]
    var top = 0

    init(for screen: any Screen, global: [KeyBinding]) {
        below = screen.name
        entries = screen.bindings + global
    }

    var title: String { "Help" }

    var commands: [Command<Self>] {
        [Command(KeyBinding([.escape, .function(1), .char("?"), .enter], "Close", help: "Close help", shownKeys: "Esc/F1")) { _, _ in .pop },
         Self.scroll("Scroll the keys")]
    }

    mutating func update(_ key: Key) -> Effect { run(key) ?? .unhandled }

    func render(into canvas: inout Canvas, area: Area) {
        canvas.put("Keys on the \(below) screen", row: area.top + 1, col: 2, role: .header, maxWidth: area.width - 4)
        let keyWidth = min(22, (entries.map { $0.keyText.displayWidth }.max() ?? 8) + 2)
        let textWidth = area.width - keyWidth - 5
        var lines: [(key: String, text: String)] = []
        for b in entries {
            let keys = Self.keyLines(b.keyText, width: keyWidth - 1)
            let help = b.help.wrapped(toWidth: textWidth)
            for i in 0..<max(keys.count, help.count) {
                lines.append((i < keys.count ? keys[i] : "", i < help.count ? help[i] : ""))
            }
        }
        var visible = area.height - 4
        let hidden = lines.count > visible
        // A list longer than the screen says so on its last row, and how to see the rest.
        if hidden { visible -= 1 }
        let first = min(top, max(0, lines.count - visible))
        for (i, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            let row = area.top + 3 + i
            if !line.key.isEmpty { canvas.put(line.key, row: row, col: 2, role: .key, maxWidth: keyWidth) }
            canvas.put(line.text, row: row, col: 3 + keyWidth, role: .help)
        }
        if hidden {
            let above = first, below = lines.count - first - visible
            let more = [above > 0 ? "\(above) above" : nil, below > 0 ? "\(below) below" : nil].compactMap { $0 }
            canvas.put("… \(more.joined(separator: ", ")): ↑/↓ or PgUp/PgDn scroll", row: area.top + 3 + visible, col: 2,
                       role: .dim, maxWidth: area.width - 4)
        }
    }

    /// A key list too long for its column, broken after a "/" so that no
    /// key is cut: "↑/↓/k/j/PgUp/PgDn/Home/End" → "↑/↓/k/j/PgUp/", "PgDn/Home/End".
    static func keyLines(_ keys: String, width: Int) -> [String] {
        guard keys.displayWidth > width else { return [keys] }
        var lines: [String] = []
        var line = ""
        for token in keys.split(separator: "/").map(String.init) {
            // Room is kept for the "/" that ends a broken line.
            if !line.isEmpty, (line + "/" + token).displayWidth > width - 1 {
                lines.append(line + "/")
                line = token
            } else {
                line = line.isEmpty ? token : line + "/" + token
            }
        }
        lines.append(line)
        return lines
    }
}
