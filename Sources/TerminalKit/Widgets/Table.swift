/// Column layout for lists: fixed columns keep their width, the flexible one
/// takes what is left; cells are cut and padded by display width so names
/// in any script line up.
public struct Table: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var width: Int
        public var flexible: Bool
        public init(_ title: String, width: Int, flexible: Bool = false) {
            self.title = title
            self.width = width
            self.flexible = flexible
        }
    }

    public var columns: [Column]
    public var gap = 1

    public init(_ columns: [Column]) { self.columns = columns }

    /// Widths for a total width: flexible columns share the remainder.
    public func widths(total: Int) -> [Int] {
        let fixed = columns.filter { !$0.flexible }.reduce(0) { $0 + $1.width } + gap * (columns.count - 1)
        let flexCount = max(1, columns.filter(\.flexible).count)
        let share = max(0, total - fixed) / flexCount
        return columns.map { $0.flexible ? max($0.width, share) : $0.width }
    }

    public func drawHeader(into canvas: inout Canvas, row: Int, col: Int, width: Int) {
        canvas.fill(row: row, col: col, width: width, role: .header)
        drawRow(columns.map(\.title), into: &canvas, row: row, col: col, width: width, role: .header)
    }

    public func drawRow(_ values: [String], into canvas: inout Canvas, row: Int, col: Int, width: Int,
                        role: StyleRole, roles: [StyleRole?] = []) {
        var x = col
        for (i, w) in widths(total: width).enumerated() where i < values.count {
            let available = min(w, col + width - x)
            if available <= 0 { break }
            let cellRole = (i < roles.count ? roles[i] : nil) ?? role
            canvas.put(values[i].fitted(toWidth: available), row: row, col: x, role: cellRole)
            x += w
            if x < col + width { canvas.put(String(repeating: " ", count: gap), row: row, col: x, role: role) }
            x += gap
        }
    }
}
