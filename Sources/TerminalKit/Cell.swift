/// One terminal cell: a grapheme (or "" when it is the right half of a wide
/// character drawn in the cell before it) and its style role.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var role: StyleRole

    public init(_ text: String = " ", _ role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell()
    var isContinuation: Bool { text.isEmpty }
}
