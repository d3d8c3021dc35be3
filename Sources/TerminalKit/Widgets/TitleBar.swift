/// The top row: the program, where you are, and the data file and user.
public enum TitleBar {
    /// Where you are matters most: the current screen's title is kept whole;
    /// earlier screens give way ("… › ") before it is cut, and the data file
    /// and user take the room that is left (the file's path cut from its start).
    public static func draw(into canvas: inout Canvas, app: String, path: [String], right: String) {
        canvas.fill(row: 0, role: .title)
        let width = canvas.width
        func left(_ crumbs: ArraySlice<String>) -> String {
            // An array's join, not a slice's: each collection type's first join looks its conformances up
            // through every conformance of the program, and arrays of strings are joined before this.
            " \(app) │ " + (crumbs.count < path.count ? "… › " : "") + Array(crumbs).joined(separator: " › ")
        }
        // The file and user keep up to 24 columns while earlier screens give way.
        let keep = min(right.displayWidth, 24)
        var crumbs = path[...]
        while crumbs.count > 1, left(crumbs).displayWidth + keep + 2 > width { crumbs = crumbs.dropFirst() }
        let leftText = left(crumbs).truncated(toWidth: width - 1)
        let room = width - leftText.displayWidth - 3
        let rightText = room >= 8 ? right.truncatedFromStart(toWidth: min(right.displayWidth, room)) : ""
        canvas.put(leftText, row: 0, col: 0, role: .title)
        if !rightText.isEmpty { canvas.put(rightText, row: 0, col: width - rightText.displayWidth - 1, role: .title) }
    }
}
