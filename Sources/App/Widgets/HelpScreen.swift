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
        var rest = area.inset(2)
        rest.takeTop(1)
        canvas.put("Keys on the \(below) screen", in: rest.takeTop(1), role: .header)
        rest.takeTop(1)
        rest.takeBottom(1)
        // Two columns: the keys, then a space and what they do.
        let keyWidth = min(22, (entries.map { $0.keyText.displayWidth }.max() ?? 8) + 2)
        var texts = rest
        let keys = texts.takeLeft(keyWidth + 1)
        let textWidth = texts.width
        var lines: [(key: String, text: String)] = []
        for b in entries {
            let keys = Self.keyLines(b.keyText, width: keyWidth - 1)
            let help = (b.help + (b.disabled.map { " (not for you: \($0))" } ?? "")).wrapped(toWidth: textWidth)
            for i in 0..<max(keys.count, help.count) {
                lines.append((i < keys.count ? keys[i] : "", i < help.count ? help[i] : ""))
            }
        }
        // A list longer than the screen says so on its last row, and how to see the rest.
        let hint = lines.count > rest.height ? rest.takeBottom(1) : nil
        let first = ScrollView([], top: top).first(lines: lines.count, height: rest.height)
        for (line, row) in zip(lines.dropFirst(first), rest.rows) {
            if !line.key.isEmpty { canvas.put(line.key, in: row.across(keys).inset(right: 1), role: .key) }
            canvas.put(line.text, row: row.top, col: texts.left, role: .help)
        }
        if let hint {
            let above = first, below = lines.count - first - rest.height
            let more = [above > 0 ? "\(above) above" : nil, below > 0 ? "\(below) below" : nil].compactMap { $0 }
            canvas.put("… \(more.joined(separator: ", ")): ↑/↓ or PgUp/PgDn scroll", in: hint, role: .dim)
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
