import TerminalKit

/// Where the parts of a screen listing one customer's records go: their
/// name, a summary line, a third line (a search, or a gap), the table, the
/// selected record in full under it, and the status line. Every record
/// list cuts its area the same way, so they look alike and none counts rows.
struct RecordListParts {
    let heading, summary, third: Area
    /// The table's header row and the rows it may show.
    let table: Area
    /// The selected record in full: after the rows shown and a blank line,
    /// but never fewer than `detailRows` rows above the status line.
    let detail: Area
    let status: Area

    /// `count` is how many rows the list has; with `detailRows` nil the
    /// table takes every row down to the status line.
    init(_ area: Area, count: Int, detailRows: Int?) {
        var rest = area
        heading = rest.takeTop(1).inset(2)
        summary = rest.takeTop(1).inset(2)
        third = rest.takeTop(1).inset(2)
        status = rest.takeBottom(1).inset(1)
        guard let detailRows else {
            table = rest
            detail = Area(top: rest.bottom + 1, left: rest.left, width: rest.width, height: 0)
            return
        }
        // Rows for the list: all but its header, a blank line and the detail's share.
        let listRows = max(1, rest.height - 2 - detailRows)
        table = Area(top: rest.top, left: rest.left, width: rest.width, height: 1 + listRows)
        var afterRows = rest
        afterRows.takeTop(1 + min(count, listRows) + 1)
        var lowest = rest
        let bottomShare = lowest.takeBottom(detailRows)
        detail = (afterRows.top <= bottomShare.top ? afterRows : bottomShare).inset(2)
    }
}
