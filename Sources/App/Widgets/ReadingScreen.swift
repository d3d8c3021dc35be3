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

    /// The header line, a blank line, then the text.
    struct Parts {
        let header, text: Area

        init(_ area: Area) {
            var rest = area.inset(2)
            header = rest.takeTop(1)
            rest.takeTop(1)
            text = rest
        }
    }

    mutating func prepare(area: Area) {
        let text = Parts(area).text
        lines = entries.flatMap { entry in
            let indent = String(entry.text.prefix { $0 == " " })
            // Continuation lines are indented four more, and the text keeps a margin of two at the right.
            return entry.text.wrapped(toWidth: text.width - 4 - indent.count).enumerated().map { i, line in
                (indent + (i == 0 ? "" : "    ") + line, entry.role)
            }
        }
        visible = max(1, text.height)
        top = min(top, maxTop ?? top)
    }

    var maxTop: Int? { max(0, lines.count - visible) }
    var page: Int { visible - 1 }

    var commands: [Command<Self>] { [Self.scroll("Scroll a line (↑/↓) or a page (PgUp/PgDn)")] }

    mutating func update(_ key: Key) -> Effect { run(key) ?? .unhandled }

    func render(into canvas: inout Canvas, area: Area) {
        let parts = Parts(area)
        canvas.put(header, in: parts.header, role: .header)
        ScrollView(lines, top: top).draw(into: &canvas, in: parts.text) { "↓ \($0) more lines (↓ or PgDn)" }
    }
}
