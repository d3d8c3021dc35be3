/// What a cell is, not how it looks: the theme maps each role to colors and
/// attributes, so screens never name a color.
public enum StyleRole: String, CaseIterable, Sendable {
    case normal
    case title
    case header
    case selected
    case dim
    case key
    case keyLabel = "key-label"
    case overdue
    case dueSoon = "due-soon"
    case error
    case input
    case border
    case help
}
