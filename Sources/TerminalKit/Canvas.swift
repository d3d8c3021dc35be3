/// The grid a screen draws into. Both backends show exactly this grid, so a
/// test reading it sees what the user sees.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    private(set) var cells: [Cell]
    /// Where the text cursor shows (a focused text field), else hidden.
    public var cursor: (row: Int, col: Int)? {
        get { cursorCell.map { ($0 / max(width, 1), $0 % max(width, 1)) } }
        set { cursorCell = newValue.map { $0.row * width + $0.col } }
    }
    private var cursorCell: Int?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, col: Int) -> Cell { cells[row * width + col] }

    /// Draws text (made terminal-safe) from (row, col), clipped to
    /// `maxWidth` cells and the canvas edge, ending in "…" where text was
    /// cut. Returns the cells used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, role: StyleRole = .normal,
                             maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, col >= 0, col < width else { return 0 }
        let limit = min(width, col + (maxWidth ?? width))
        var x = col
        var last: (x: Int, width: Int)?
        let safe = text.terminalSafe
        for i in safe.indices {
            let ch = safe[i]
            let w = ch.displayWidth
            if w == 0 {
                if x > col { append(ch, toCellBefore: x, row: row) }
                continue
            }
            if x + w > limit {
                // Text is never cut without a sign: what did not fit becomes "…".
                if safe[i...].contains(where: { !$0.isWhitespace }) { x = markCut(row: row, at: x, limit: limit, last: last, role: role) }
                break
            }
            set(row, x, Cell(String(ch), role))
            if w == 2 { set(row, x + 1, Cell("", role)) }
            last = (x, w)
            x += w
        }
        return x - col
    }

    /// Puts "…" in the free cell at `x`, or over the last character put
    /// when there is none; returns where the text now ends.
    private mutating func markCut(row: Int, at x: Int, limit: Int, last: (x: Int, width: Int)?, role: StyleRole) -> Int {
        if x < limit {
            set(row, x, Cell("…", role))
            return x + 1
        }
        guard let last else { return x }
        set(row, last.x, Cell("…", role))
        if last.width == 2 { set(row, last.x + 1, Cell(" ", role)) }
        return last.x + 1
    }

    /// Paints `width` cells from (row, col) with spaces in a role.
    public mutating func fill(row: Int, col: Int = 0, width count: Int? = nil, role: StyleRole) {
        guard row >= 0, row < height else { return }
        let end = min(width, col + (count ?? width))
        var x = max(0, col)
        while x < end { set(row, x, Cell(" ", role)); x += 1 }
    }

    /// The text of one row, wide characters once, trailing spaces kept.
    public func line(_ row: Int) -> String {
        (0..<width).map { self[row, $0].text }.joined()
    }

    /// The whole grid as text, trailing spaces removed: for tests and goldens.
    public var text: String {
        (0..<height).map { line($0).replacingTrailingSpaces() }.joined(separator: "\n")
    }

    private mutating func set(_ row: Int, _ col: Int, _ cell: Cell) {
        let i = row * width + col
        // Overwriting half of a wide character blanks its other half.
        if cells[i].isContinuation, col > 0, !cell.isContinuation {
            cells[i - 1] = Cell(" ", cells[i - 1].role)
        }
        if col + 1 < width, cells[i + 1].isContinuation, cell.text.first?.displayWidth != 2 {
            cells[i + 1] = Cell(" ", cells[i + 1].role)
        }
        cells[i] = cell
    }

    private mutating func append(_ mark: Character, toCellBefore x: Int, row: Int) {
        var i = row * width + x - 1
        if cells[i].isContinuation, i > row * width { i -= 1 }
        if cells[i].text.unicodeScalars.count < 4 { cells[i].text.append(mark) }
    }

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorCell == b.cursorCell
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
