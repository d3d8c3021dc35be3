/// The top row: where the user is on the left, the data file and the
/// signed-in user on the right (the right side yields first when narrow).
public enum TitleBar {
    public static func draw(into canvas: inout Canvas, left: String, right: String) {
        canvas.fill(row: 0, role: .title)
        // The data file and user matter more than the path, which the body repeats.
        let rightText = right.truncatedFromStart(toWidth: max(0, min(right.displayWidth, canvas.width - 24)))
        canvas.put((" " + left).truncated(toWidth: canvas.width - rightText.displayWidth - 2), row: 0, col: 0, role: .title)
        canvas.put(rightText, row: 0, col: canvas.width - rightText.displayWidth - 1, role: .title)
    }
}
