/// One command of a screen: its keys, a short label for the key bar and a
/// sentence for help. Screens list these as data so the key bar, the help
/// screen and the README key reference cannot drift apart.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var label: String
    public var help: String
    /// Shown in the bottom key bar (help lists every binding).
    public var inBar: Bool
    /// How the keys are written when listing each would not fit.
    public var shownKeys: String?
    /// Why the keys do nothing for this user (their role may not): the key
    /// bar dims them and help says why. Nil when they work.
    public var disabled: String?

    public init(_ keys: [Key], _ label: String, help: String, inBar: Bool = true, shownKeys: String? = nil) {
        self.keys = keys
        self.label = label
        self.help = help
        self.inBar = inBar
        self.shownKeys = shownKeys
    }

    public func matches(_ key: Key) -> Bool { keys.contains(key) }

    /// "F1/?", "↑/k": every key, as the user types it.
    public var keyText: String { shownKeys ?? keys.map(\.label).joined(separator: "/") }
}
