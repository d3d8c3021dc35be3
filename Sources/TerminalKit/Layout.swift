/// A rectangle of the grid: where a screen, or one part of it, draws.
/// Screens place their parts by cutting areas out of the one they are
/// given (`takeTop`, `takeBottom`, `inset`), never by counting rows and
/// columns from the terminal's edge, so a part moves with the parts around it.
public struct Area: Equatable, Sendable {
    public var top: Int
    public var left: Int
    public var width: Int
    public var height: Int

    public init(top: Int, left: Int, width: Int, height: Int) {
        // An area cut too small is empty, never negative.
        (self.top, self.left, self.width, self.height) = (top, left, max(0, width), max(0, height))
    }

    public var bottom: Int { top + height - 1 }
    public var right: Int { left + width - 1 }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The area less `columns` at each side: a margin.
    public func inset(_ columns: Int) -> Area { inset(left: columns, right: columns) }

    public func inset(left: Int = 0, right: Int = 0) -> Area {
        let l = min(max(0, left), width)
        return Area(top: top, left: self.left + l, width: width - l - min(max(0, right), width - l), height: height)
    }

    /// The same rows across `other`'s columns (a list under an indented heading that runs edge to edge).
    public func across(_ other: Area) -> Area { Area(top: top, left: other.left, width: other.width, height: height) }

    /// Cuts `rows` off the top (fewer when there are not so many) and returns them.
    @discardableResult
    public mutating func takeTop(_ rows: Int) -> Area { take(rows, from: .top) }

    /// Cuts `rows` off the bottom and returns them.
    @discardableResult
    public mutating func takeBottom(_ rows: Int) -> Area { take(rows, from: .bottom) }

    /// Cuts `columns` off the left and returns them.
    @discardableResult
    public mutating func takeLeft(_ columns: Int) -> Area { take(columns, from: .left) }

    /// Cuts `columns` off the right and returns them.
    @discardableResult
    public mutating func takeRight(_ columns: Int) -> Area { take(columns, from: .right) }

    private enum Edge { case top, bottom, left, right }

    private mutating func take(_ count: Int, from edge: Edge) -> Area {
        let n = max(0, min(count, edge == .top || edge == .bottom ? height : width))
        var taken = self
        switch edge {
        case .top: taken.height = n; top += n; height -= n
        case .bottom: height -= n; taken.top = top + height; taken.height = n
        case .left: taken.width = n; left += n; width -= n
        case .right: width -= n; taken.left = left + width; taken.width = n
        }
        return taken
    }

    /// The area's rows from the grid row `row` down (all of them when `row`
    /// is above the area, none when below).
    public func rows(from row: Int) -> Area {
        let skip = max(0, min(row - top, height))
        return Area(top: top + skip, left: left, width: width, height: height - skip)
    }

    /// Row `index` of the area (counted from its top) as an area of its own.
    public func row(_ index: Int) -> Area { Area(top: top + index, left: left, width: width, height: index < height ? 1 : 0) }

    /// Each row of the area, top to bottom.
    public var rows: [Area] { (0..<height).map(row) }
}

extension Canvas {
    /// Puts text on the first row of `area`, cut (with "…") at its width.
    @discardableResult
    public mutating func put(_ text: String, in area: Area, role: StyleRole = .normal) -> Int {
        guard !area.isEmpty else { return 0 }
        return put(text, row: area.top, col: area.left, role: role, maxWidth: area.width)
    }

    /// Puts lines on the rows of `area`, one each, as many as fit.
    public mutating func put(lines: [(String, StyleRole)], in area: Area) {
        for (line, row) in zip(lines, area.rows) { put(line.0, in: row, role: line.1) }
    }

    /// Puts a label at the area's left and cuts it, and a space after it,
    /// off the area: what the label names goes in what is left.
    public mutating func put(label: String, role: StyleRole = .normal, taking area: inout Area) {
        put(label, in: area.takeLeft(label.displayWidth + 1), role: role)
    }

    /// Puts `text` wrapped at the area's width on its top rows (at most
    /// `limit`), and cuts those rows off the area: the next paragraph goes under it.
    public mutating func put(wrapped text: String, role: StyleRole = .normal, limit: Int? = nil, taking area: inout Area) {
        let lines = text.wrapped(toWidth: area.width).prefix(limit ?? Int.max)
        put(lines: lines.map { ($0, role) }, in: area.takeTop(lines.count))
    }

    /// Paints every cell of `area`'s rows across the whole grid width with a role.
    public mutating func fill(rowsOf area: Area, role: StyleRole) {
        for row in area.rows { fill(row: row.top, role: role) }
    }
}
