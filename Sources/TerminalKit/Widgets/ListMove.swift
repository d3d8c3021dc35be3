/// Moving a selection through a list: ↑/k and ↓/j by one, Home and End to
/// the ends, and PgUp/PgDn by `page` where a screen offers them. Clamped to the list.
public enum ListMove {
    /// The new index for `key`, or nil when the key does not move a list.
    public static func index(_ index: Int, key: Key, count: Int, page: Int? = nil) -> Int? {
        let step: Int
        switch key {
        case .up, .char("k"): step = -1
        case .down, .char("j"): step = 1
        case .pageUp where page != nil: step = -page!
        case .pageDown where page != nil: step = page!
        case .home: return 0
        case .end: return max(0, count - 1)
        default: return nil
        }
        return max(0, min(count - 1, index + step))
    }

    /// The first row to show so that `selected` is visible in `height` rows,
    /// with the list's end at the bottom rather than blank rows.
    public static func firstVisible(selected: Int, count: Int, height: Int) -> Int {
        max(0, min(selected - height + 1, count - height))
    }

    /// A selection kept inside a list that may have shrunk.
    public static func clamped(_ index: Int, count: Int) -> Int { max(0, min(index, count - 1)) }
}
