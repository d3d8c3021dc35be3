/// A field for a long answer (a note, the customer's own words, a goal's
/// wording): the text wraps at spaces over as many rows as it needs, edited
/// with `TextField`'s keys, ↑/↓ moving between its rows. Nothing scrolls
/// sideways, so the whole sentence being typed is always in view.
public struct TextArea: Hashable, Sendable {
    public var field: TextField

    public init(_ text: String = "") { field = TextField(text) }

    public init(editing field: TextField) { self.field = field }

    public var text: String { field.text }

    /// Where each wrapped row starts and ends, as character offsets into
    /// `text`; a row keeps the space it broke at, so every offset (and the
    /// cursor after the last character) belongs to exactly one row.
    public static func rows(of text: String, width: Int) -> [Range<Int>] {
        let chars = Array(text)
        let widths = chars.map { String($0).terminalSafe.displayWidth }
        // One cell stays free so the cursor after a full row is still on it.
        let room = max(1, width - 1)
        var rows: [Range<Int>] = []
        var start = 0
        while start < chars.count {
            var end = start
            var used = 0
            while end < chars.count, used + widths[end] <= room || end == start {
                used += widths[end]
                end += 1
            }
            // A space just past the row ends it, in the cell kept for the cursor.
            if end < chars.count, chars[end] == " " {
                end += 1
            } else if end < chars.count, let space = (start..<end).last(where: { chars[$0] == " " }), space > start {
                end = space + 1
            }
            rows.append(start..<end)
            start = end
        }
        if rows.isEmpty { rows.append(0..<0) }
        return rows
    }

    /// The row the cursor is on.
    public func cursorRow(width: Int) -> Int {
        let rows = Self.rows(of: text, width: width)
        return rows.lastIndex { $0.lowerBound <= field.cursor } ?? 0
    }

    /// How many rows the text takes at `width`.
    public func rowCount(width: Int) -> Int { Self.rows(of: text, width: width).count }

    /// Moves the cursor to the row above or below, keeping its column as near
    /// as the row allows; false at the first or last row, where the form
    /// moves to the previous or next field instead.
    public mutating func moveRow(by step: Int, width: Int) -> Bool {
        let rows = Self.rows(of: text, width: width)
        let here = cursorRow(width: width)
        let there = here + step
        guard rows.indices.contains(there) else { return false }
        let chars = Array(text)
        let column = String(chars[rows[here].lowerBound..<field.cursor]).terminalSafe.displayWidth
        var at = rows[there].lowerBound
        var used = 0
        // The last offset of a row that is not the text's end belongs to the next row.
        let last = there == rows.count - 1 ? rows[there].upperBound : rows[there].upperBound - 1
        while at < last, used + String(chars[at]).terminalSafe.displayWidth <= column {
            used += String(chars[at]).terminalSafe.displayWidth
            at += 1
        }
        field.cursor = at
        return true
    }

    /// Types, deletes or moves; ↑/↓ between rows when the text has them.
    /// False for keys it does not use (and ↑ on the first row, ↓ on the last).
    public mutating func handle(_ key: Key, width: Int) -> Bool {
        switch key {
        case .up: return moveRow(by: -1, width: width)
        case .down: return moveRow(by: 1, width: width)
        default: return field.handle(key)
        }
    }

    /// Draws `visible` rows of the wrapped text at `width`; focused, the rows
    /// around the cursor (and the cursor); otherwise the first rows, the last
    /// one ending in … when more text follows. `skipping` leaves out the
    /// first rows (scrolled off above the form), `row` being where the first
    /// drawn one goes.
    public func draw(into canvas: inout Canvas, row: Int, col: Int, width: Int, visible: Int, focused: Bool,
                     skipping: Int = 0) {
        guard width > 1, visible > 0 else { return }
        let rows = Self.rows(of: text, width: width)
        let chars = Array(text)
        let here = cursorRow(width: width)
        let first = focused ? max(0, min(here, max(here - visible + 1, rows.count - visible))) : 0
        let row = row - skipping
        for n in skipping..<visible {
            canvas.fill(row: row + n, col: col, width: width, role: .input)
            let index = first + n
            guard rows.indices.contains(index) else { continue }
            var line = String(chars[rows[index]]).terminalSafe
            if !focused, n == visible - 1, index < rows.count - 1, rows[index + 1].count > 0 {
                // More follows: end on a whole word and " …".
                var words = line.trimmingTrailingSpaces
                while (words + " …").displayWidth > width, let space = words.lastIndex(of: " ") {
                    words = String(words[..<space])
                }
                line = words + " …"
            }
            canvas.put(line, row: row + n, col: col, role: .input, maxWidth: width)
        }
        if focused, here - first >= skipping {
            let r = rows[here]
            let column = String(chars[r.lowerBound..<min(field.cursor, chars.count)]).terminalSafe.displayWidth
            canvas.cursor = (row + here - first, col + column)
        }
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
