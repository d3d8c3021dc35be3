import TerminalKit

/// Runs the screens: reads a key, lets the top screen update, carries out
/// the effect, draws. The one place where effects happen.
public final class AppLoop {
    private var stack: [any Screen]
    private let terminal: any Terminal
    private let titleRight: String

    /// `above` opens on top of the root (the dashboard when something is overdue).
    public init(root: any Screen, above: [any Screen] = [], terminal: any Terminal, titleRight: String) {
        stack = [root] + above
        self.terminal = terminal
        self.titleRight = titleRight
    }

    /// Runs until the user quits (true) or input ends (false).
    @discardableResult
    public func run() -> Bool {
        draw()
        while true {
            let key = terminal.readKey()
            if key == .endOfInput { return false }
            if !handle(key) { return true }
            draw()
        }
    }

    /// Applies one key; false when the program should end.
    func handle(_ key: Key) -> Bool {
        if key == .resize { return true }
        let size = terminal.size
        guard TooSmall.fits(width: size.width, height: size.height) else {
            return !(GlobalKeys.quit.matches(key) || key == .ctrl("c"))
        }
        if key == .ctrl("c") { return false }
        var screen = stack.removeLast()
        let effect = screen.update(key)
        stack.append(screen)
        switch effect {
        case .handled: return true
        case .push(let next):
            stack.append(next)
            return true
        case .pop:
            popAndResume(with: .back)
            return true
        case .finish(let result):
            popAndResume(with: result)
            return true
        case .replace(let next):
            stack[stack.count - 1] = next
            return true
        case .quit: return false
        case .unhandled: return handleGlobal(key, screen: screen)
        }
    }

    private func handleGlobal(_ key: Key, screen: any Screen) -> Bool {
        let typed = screen.acceptsText && key.isPrintable
        if GlobalKeys.note.matches(key), !typed, !screen.isAsking, let open = screen as? any CustomerScreen {
            stack.append(NoteKindScreen(session: open.session, customer: open.customerID))
            return true
        }
        if GlobalKeys.help.matches(key), !typed {
            if let top = stack.last, !(top is HelpScreen) {
                stack.append(HelpScreen(for: top, global: GlobalKeys.bindings(for: top, canGoBack: stack.count > 1)))
            }
            return true
        }
        if GlobalKeys.quit.matches(key), !typed { return false }
        if GlobalKeys.back.matches(key) { popAndResume(with: .back) }
        return true
    }

    /// Closes the top screen; the one below reads again what may have changed.
    private func popAndResume(with result: ScreenResult) {
        guard stack.count > 1 else { return }
        let closed = stack.removeLast()
        guard !(closed is HelpScreen) else { return }
        var below = stack.removeLast()
        below.resume(with: result)
        stack.append(below)
    }

    private func draw() {
        let size = terminal.size
        var canvas = Canvas(width: size.width, height: size.height)
        guard TooSmall.fits(width: size.width, height: size.height) else {
            TooSmall.draw(into: &canvas)
            terminal.present(canvas)
            return
        }
        let area = Area(top: 1, left: 0, width: size.width, height: size.height - 2)
        var screen = stack.removeLast()
        screen.prepare(area: area)
        stack.append(screen)
        let path = stack.map(\.title).joined(separator: " › ")
        TitleBar.draw(into: &canvas, left: "careerplan │ " + path, right: titleRight)
        screen.render(into: &canvas, area: area)
        let global = screen is HelpScreen ? [GlobalKeys.quit]
            : GlobalKeys.bindings(for: screen, canGoBack: stack.count > 1)
        KeyBar.draw(into: &canvas, bindings: screen.bindings, pinned: global)
        terminal.present(canvas)
    }
}
