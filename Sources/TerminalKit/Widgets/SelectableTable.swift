/// A list of records as a table with one selected: the header, the rows
/// that fit (scrolled so the selection is in view, the list's end at the
/// bottom), ▶ and the selection color on the selected row, and a sentence
/// in the list's place when it is empty. A screen gives its columns and
/// each row's cells; moving the selection is `ListMove`.
public struct SelectableTable: Sendable {
    /// The columns after the ▶ mark.
    public var table: Table
    /// What the list says when it has no rows, e.g. "No referrals yet: a refers the customer to a partner."
    public var empty: String

    public init(_ columns: [Table.Column], gap: Int = 1, empty: String) {
        var table = Table([Table.Column("", width: 1)] + columns)
        table.gap = gap
        self.table = table
        self.empty = empty
    }

    /// Draws the header on the first row of `area` and as many rows as fit
    /// under it; see `draw(rows:selected:into:top:height:width:…)`.
    @discardableResult
    public func draw(rows count: Int, selected: Int, into canvas: inout Canvas, in area: Area, emptyNow: String? = nil,
                     cells: (Int) -> [String], roles: (Int) -> [StyleRole?] = { _ in [] }) -> Int {
        draw(rows: count, selected: selected, into: &canvas, top: area.top, height: max(0, area.height - 1), width: area.width,
             emptyNow: emptyNow, cells: cells, roles: roles)
    }

    /// Draws the header at `top` and up to `height` rows under it, across
    /// `width` columns; `roles` colors single cells of rows that are not
    /// selected (an overdue state); `emptyNow` replaces `empty` (a search
    /// that found nothing). Returns how many rows it drew.
    @discardableResult
    public func draw(rows count: Int, selected: Int, into canvas: inout Canvas, top: Int, height: Int, width: Int,
                     emptyNow: String? = nil, cells: (Int) -> [String], roles: (Int) -> [StyleRole?] = { _ in [] }) -> Int {
        canvas.fill(row: top, role: .header)
        table.drawRow(table.columns.map(\.title), into: &canvas, row: top, col: 0, width: width - 1, role: .header)
        if count == 0 { canvas.put(emptyNow ?? empty, row: top + 1, col: 2, role: .dim, maxWidth: width - 3) }
        let first = ListMove.firstVisible(selected: selected, count: count, height: height)
        for i in first..<min(count, first + height) {
            let y = top + 1 + i - first
            let isSelected = i == selected
            let role: StyleRole = isSelected ? .selected : .normal
            canvas.fill(row: y, role: role)
            table.drawRow([isSelected ? "▶" : " "] + cells(i), into: &canvas, row: y, col: 0, width: width - 1, role: role,
                          roles: isSelected ? [] : [nil] + roles(i))
        }
        return min(count, height)
    }
}
