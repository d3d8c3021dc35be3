/// The bottom row: the keys that work here, "F1 Help  / Search  F10 Quit".
/// Bindings that do not fit are dropped from the end; help lists them all.
public enum KeyBar {
    public static func draw(into canvas: inout Canvas, bindings: [KeyBinding]) {
        let row = canvas.height - 1
        canvas.fill(row: row, role: .keyLabel)
        var col = 0
        for b in bindings where b.inBar {
            let keys = b.keyText
            let needed = keys.displayWidth + b.label.displayWidth + 3
            if col + needed > canvas.width { break }
            col += canvas.put(keys, row: row, col: col, role: .key)
            col += canvas.put(" " + b.label + "  ", row: row, col: col, role: .keyLabel)
        }
    }
}
