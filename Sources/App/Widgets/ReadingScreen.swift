import TerminalKit

/// A page of text to read: a header, then lines wrapped to the width, which
/// scroll; when lines are hidden below, the last row says how many and how
/// to reach them, so nothing is hidden without a sign.
struct ReadingScreen: ScrollingScreen {
    typealias Entry = (text: String, role: StyleRole)

    let title: String
    let header: String
    let entries: [Entry]
    var top = 0
    /// Entries wrapped to the width last drawn (continuation lines indented).
    var lines: [Entry] = []
    var visible = 1

    init(title: String, header: String, entries: [Entry]) {
        self.title = title
        self.header = header
        self.entries = entries
    }

    mutating func prepare(area: Area) {
        lines = entries.flatMap { entry in
            let indent = String(entry.text.prefix { $0 == " " })
            return entry.text.wrapped(toWidth: area.width - 8 - indent.count).enumerated().map { i, line in
                (indent + (i == 0 ? "" : "    ") + line, entry.role)
            }
        }
        visible = max(1, area.height - 2)
        top = min(top, maxTop ?? top)
    }

    var maxTop: Int? { max(0, lines.count - visible) }
    var page: Int { visible - 1 }

    var commands: [Command<Self>] { [Self.scroll("Scroll a line (↑/↓) or a page (PgUp/PgDn)")] }

    mutating func update(_ key: Key) -> Effect { run(key) ?? .unhandled }

    func render(into canvas: inout Canvas, area: Area) {
        canvas.put(header, row: area.top, col: 2, role: .header, maxWidth: area.width - 4)
        let shown = Array(lines.dropFirst(top).prefix(visible))
        let below = lines.count - top - shown.count
        for (i, line) in shown.enumerated() {
            let last = i == shown.count - 1 && below > 0
            let text = last ? "↓ \(below + 1) more lines (↓ or PgDn)" : line.text
            canvas.put(text, row: area.top + 2 + i, col: 2, role: last ? .dim : line.role, maxWidth: area.width - 4)
        }
    }
}
