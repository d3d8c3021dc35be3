/// The bottom row: the keys that work here, "F1 Help  / Search  F10 Quit".
/// The pinned keys (help, back, quit) always show; a screen's own bindings
/// that do not fit before them are dropped from the end, and the help key
/// then says how many more it lists ("F1/? Help +2"), so none is hidden
/// without a sign.
public enum KeyBar {
    public static func draw(into canvas: inout Canvas, bindings: [KeyBinding], pinned: [KeyBinding] = []) {
        let row = canvas.height - 1
        canvas.fill(row: row, role: .keyLabel)
        let own = bindings.filter(\.inBar)
        var pins = pinned.filter(\.inBar)
        var shown = fitting(own, before: pins, width: canvas.width)
        if shown < own.count, let help = pins.firstIndex(where: { $0.keys.contains(.function(1)) }) {
            let label = pins[help].label
            // Twice: the longer label may leave room for one binding fewer.
            for _ in 0..<2 {
                pins[help].label = label + " +\(own.count - shown)"
                shown = fitting(own, before: pins, width: canvas.width)
            }
        }
        var col = 0
        for b in own.prefix(shown) { col += draw(b, row: row, col: col, into: &canvas) }
        for b in pins where col + width(b) <= canvas.width + 2 {
            col += draw(b, row: row, col: col, into: &canvas)
        }
    }

    private static func width(_ b: KeyBinding) -> Int { b.keyText.displayWidth + b.label.displayWidth + 3 }

    /// How many of `own` fit before the pinned keys.
    private static func fitting(_ own: [KeyBinding], before pins: [KeyBinding], width: Int) -> Int {
        let room = width - max(0, pins.reduce(0) { $0 + Self.width($1) } - 2)
        var col = 0
        for (i, b) in own.enumerated() {
            if col + Self.width(b) > room { return i }
            col += Self.width(b)
        }
        return own.count
    }

    private static func draw(_ b: KeyBinding, row: Int, col: Int, into canvas: inout Canvas) -> Int {
        var x = col
        // A key this user may not use stays where it is, dimmed: help says why.
        x += canvas.put(b.keyText, row: row, col: x, role: b.disabled == nil ? .key : .dim)
        x += canvas.put(" " + b.label + "  ", row: row, col: x, role: b.disabled == nil ? .keyLabel : .dim)
        return x - col
    }
}
