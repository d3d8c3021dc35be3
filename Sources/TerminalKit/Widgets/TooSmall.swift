/// Shown instead of a screen when the terminal is below the minimum size.
public enum TooSmall {
    public static let minimum = (width: 80, height: 24)

    public static func fits(width: Int, height: Int) -> Bool {
        width >= minimum.width && height >= minimum.height
    }

    public static func draw(into canvas: inout Canvas) {
        let lines = [
            "terminal too small (need \(minimum.width)x\(minimum.height))",
            "now \(canvas.width)x\(canvas.height): enlarge the window, or F10 to quit",
        ]
        let top = max(0, canvas.height / 2 - 1)
        for (i, line) in lines.enumerated() {
            let text = line.truncated(toWidth: canvas.width)
            canvas.put(text, row: top + i, col: max(0, (canvas.width - text.displayWidth) / 2),
                       role: i == 0 ? .error : .normal)
        }
    }
}
