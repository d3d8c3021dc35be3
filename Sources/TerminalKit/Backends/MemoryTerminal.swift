/// A terminal in memory: keys are queued by a test, the last presented
/// canvas is what a user would see. When the queue runs dry it reports the
/// end of input, so a test can never hang waiting for a key.
public final class MemoryTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    public private(set) var screen: Canvas
    private var keys: [Key]

    public init(width: Int = 80, height: Int = 24, keys: [Key] = []) {
        size = (width, height)
        screen = Canvas(width: width, height: height)
        self.keys = keys
    }

    public func present(_ canvas: Canvas) {
        screen = canvas
    }

    public func readKey() -> Key { keys.isEmpty ? .endOfInput : keys.removeFirst() }

    public func type(_ keys: [Key]) { self.keys += keys }

    public func type(_ text: String) { keys += text.map { Key.char($0) } }

    /// Resizes, then delivers `.resize` as a terminal would.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        keys.insert(.resize, at: 0)
    }
}
