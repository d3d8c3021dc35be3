/// Lines of text in an area that scrolls: from the first line asked for,
/// as many as fit, never scrolled past the point where the area would show
/// blank rows under the last line. With `more`, the last row says how many
/// lines are hidden below (and how to reach them) instead of cutting silently.
public struct ScrollView {
    public var lines: [(text: String, role: StyleRole)]
    /// The first line asked for (the screen's scroll position).
    public var top: Int

    public init(_ lines: [(text: String, role: StyleRole)], top: Int) {
        self.lines = lines
        self.top = top
    }

    /// The first line shown in `height` rows.
    public func first(height: Int) -> Int { first(lines: lines.count, height: height) }

    /// The first of `count` lines shown in `height` rows, for a screen that draws its own lines.
    public func first(lines count: Int, height: Int) -> Int { max(0, min(top, count - height)) }

    /// Draws the lines that fit in `area`; `more(n)` words the last row when
    /// `n` lines (that row's own included) are hidden below it.
    public func draw(into canvas: inout Canvas, in area: Area, more: ((Int) -> String)? = nil) {
        let first = first(height: area.height)
        let shown = Array(lines.dropFirst(first).prefix(area.height))
        let hidden = lines.count - first - shown.count
        for (i, (line, row)) in zip(shown, area.rows).enumerated() {
            if let more, hidden > 0, i == shown.count - 1 {
                canvas.put(more(hidden + 1), in: row, role: .dim)
            } else {
                canvas.put(line.text, in: row, role: line.role)
            }
        }
    }
}
