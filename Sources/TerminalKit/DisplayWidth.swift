/// Terminal display width: East Asian wide and emoji characters take two
/// cells, combining marks none. Columns line up by this, never by count.
extension Character {
    public var displayWidth: Int {
        guard let first = unicodeScalars.first else { return 0 }
        return Self.width(of: first)
    }

    static func width(of s: Unicode.Scalar) -> Int {
        let v = s.value
        // Printable ASCII, most of every screen, without asking Unicode's tables.
        if v >= 0x20 && v < 0x7F { return 1 }
        if v == 0 { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if s.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(v) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth blocks (Unicode 15, EastAsianWidth W/F).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E,
        0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension String {
    public var displayWidth: Int {
        // Printable ASCII is a cell a byte; anything else is counted by characters.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        return reduce(0) { $0 + $1.displayWidth }
    }

    /// Cut to at most `width` cells, ending in "…" when something was cut.
    /// Control characters count as their escaped form (see `terminalSafe`).
    public func truncated(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        let safe = terminalSafe
        if safe.displayWidth <= width { return safe }
        var out = ""
        var used = 0
        for ch in safe {
            let w = ch.displayWidth
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// Cut from the start, beginning with "…": keeps a path's file name.
    public func truncatedFromStart(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        let safe = terminalSafe
        if safe.displayWidth <= width { return safe }
        var kept: [Character] = []
        var used = 0
        for ch in safe.reversed() {
            let w = ch.displayWidth
            if used + w > width - 1 { break }
            kept.append(ch)
            used += w
        }
        // Appended one by one: `String(kept.reversed())`, a generic initializer, had the runtime look its
        // collection's conformances up by name, through every conformance of the program, on the way to
        // the first screen (the title bar's path).
        var out = "…"
        for ch in kept.reversed() { out.append(ch) }
        return out
    }

    /// Truncated, then padded with spaces to exactly `width` cells.
    public func fitted(toWidth width: Int) -> String {
        let cut = truncated(toWidth: width)
        return cut + String(repeating: " ", count: max(0, width - cut.displayWidth))
    }
}

extension String {
    /// Word-wrapped lines of at most `width` cells (a longer word is cut).
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in split(separator: " ").map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if candidate.displayWidth <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = word.truncated(toWidth: width)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// At most `count` of `wrapped(toWidth:)`'s lines. When the text needs more, the last line kept ends
    /// with "…", so a message cut to the rows a screen has for it says that it goes on.
    public func wrapped(toWidth width: Int, atMost count: Int) -> [String] {
        let lines = wrapped(toWidth: width)
        guard lines.count > count else { return lines }
        guard count > 0 else { return [] }
        var kept = Array(lines.prefix(count))
        // A full last line gives up its last cell for the mark, as `truncated` cuts.
        kept[count - 1] = (kept[count - 1] + "…").truncated(toWidth: width)
        return kept
    }
}
