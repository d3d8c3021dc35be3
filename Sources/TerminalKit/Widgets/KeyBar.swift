/// The bottom row: the keys that work here, "F1 Help  / Search  F10 Quit".
/// The pinned keys (help, back, quit) always show; a screen's own bindings
/// that do not fit before them are dropped from the end; help lists them all.
public enum KeyBar {
    public static func draw(into canvas: inout Canvas, bindings: [KeyBinding], pinned: [KeyBinding] = []) {
        let row = canvas.height - 1
        canvas.fill(row: row, role: .keyLabel)
        func width(_ b: KeyBinding) -> Int { b.keyText.displayWidth + b.label.displayWidth + 3 }
        let reserved = max(0, pinned.filter(\.inBar).reduce(0) { $0 + width($1) } - 2)
        var col = 0
        var room = canvas.width - reserved
        for b in bindings where b.inBar {
            if col + width(b) > room { break }
            col += draw(b, row: row, col: col, into: &canvas)
        }
        room = canvas.width
        for b in pinned where b.inBar && col + width(b) <= room + 2 {
            col += draw(b, row: row, col: col, into: &canvas)
        }
    }

    private static func draw(_ b: KeyBinding, row: Int, col: Int, into canvas: inout Canvas) -> Int {
        var x = col
        x += canvas.put(b.keyText, row: row, col: x, role: .key)
        x += canvas.put(" " + b.label + "  ", row: row, col: x, role: .keyLabel)
        return x - col
    }
}
