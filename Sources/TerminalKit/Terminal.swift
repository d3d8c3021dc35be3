/// What the app loop needs from a terminal. Two implementations: curses for
/// real terminals and memory for tests and screenshots.
public protocol Terminal: AnyObject {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Shows the canvas, sending only what changed since the last one.
    func present(_ canvas: Canvas)
    /// Blocks for the next key, or `.idle` when none came for `idleTimeout`.
    func readKey() -> Key
}

/// How long a terminal waits for a key before it says `.idle`.
public let idleTimeout: Double = 1
