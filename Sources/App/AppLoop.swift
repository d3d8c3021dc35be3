import Domain
import Foundation
import TerminalKit

/// Runs the screens: reads a key, lets the top screen update, carries out
/// the effect, draws. The one place where effects happen.
public final class AppLoop {
    private var stack: [any Screen]
    private let terminal: any Terminal
    private let titleRight: String
    /// The data file the screens' requests run against.
    private let store: any Caseload
    /// Where unsaved typing is kept; nil keeps nothing (most tests).
    private let drafts: DraftKeeper?
    private var draftsKeptAt = Date()
    /// Keys went to a form since its typing was last kept.
    private var unkeptTyping = false
    /// Why typing could not be kept (or a kept draft read): shown over the
    /// key bar until keeping works again, so nobody trusts a safety net that
    /// is not there.
    private var draftProblem: String?
    static let draftInterval: TimeInterval = 3

    /// `above` opens on top of the root (the dashboard when something is overdue).
    public init(root: any Screen, above: [any Screen] = [], store: any Caseload, terminal: any Terminal, titleRight: String,
                drafts: DraftKeeper? = nil) {
        stack = [root] + above
        self.store = store
        self.terminal = terminal
        self.titleRight = titleRight
        self.drafts = drafts
    }

    /// Keeps every open form's unsaved typing: called when input ends (a
    /// dropped connection, SIGHUP, SIGTERM) and every few seconds of typing.
    /// The screen on top and every key it takes, as its help screen lists
    /// them (its own, then the global ones): for the README key reference.
    public var topKeys: (title: String, keys: [KeyBinding]) {
        let top = stack[stack.count - 1]
        return (top.name, top.bindings + GlobalKeys.bindings(for: top, canGoBack: stack.count > 1))
    }

    public func keepDrafts() {
        guard let drafts else { return }
        do {
            for case let form as any DraftKeeping in stack { try drafts.keep(form) }
            draftProblem = nil
        } catch {
            draftProblem = "! Typing not kept as a draft: \(error)"
        }
        draftsKeptAt = Date()
        unkeptTyping = false
    }

    /// Runs until the user quits (true) or input ends (false).
    @discardableResult
    public func run() -> Bool { run(afterFirstPaint: {}) }

    /// The same, with `afterFirstPaint` run once the first screen is on the
    /// terminal, before a key is read: start-up's work the first screen does not need.
    @discardableResult
    public func run(afterFirstPaint: () throws -> Void) rethrows -> Bool {
        draw()
        try afterFirstPaint()
        while true {
            let key = terminal.readKey()
            if key == .endOfInput { return false }
            // A second without a key: keep what was typed, so a killed
            // session (kill -9, a frozen link) loses at most that second.
            if key == .idle {
                if unkeptTyping { keepDrafts() }
                continue
            }
            if !handle(key) { return true }
            draw()
        }
    }

    /// Applies one key; false when the program should end.
    func handle(_ key: Key) -> Bool {
        if key == .resize { return true }
        let size = terminal.size
        guard TooSmall.fits(width: size.width, height: size.height) else {
            let quits = GlobalKeys.quit.matches(key) || key == .ctrl("c")
            if quits { keepDrafts() }
            return !quits
        }
        // Ctrl-C is F10: a form with unsaved typing asks first; whatever the
        // answer, the typing is kept as a draft now.
        if key == .ctrl("c") {
            if unkeptTyping { keepDrafts() }
            return handle(.function(10))
        }
        var screen = stack.removeLast()
        let effect = screen.update(key)
        stack.append(screen)
        if screen is any DraftKeeping { unkeptTyping = true }
        if Date().timeIntervalSince(draftsKeptAt) >= Self.draftInterval { keepDrafts() }
        return carryOut(effect, key: key, screen: screen)
    }

    /// Carries out what a screen asked for; false when the program should end.
    private func carryOut(_ effect: Effect, key: Key, screen: any Screen) -> Bool {
        switch effect {
        case .handled: return true
        case .push(let next):
            push(next)
            return true
        case .pop:
            popAndResume(with: .back)
            return true
        case .finish(let result):
            popAndResume(with: result)
            return true
        case .replace(let next):
            stack.removeLast()
            push(next)
            return true
        case .quit: return false
        case .unhandled: return handleGlobal(key, screen: screen)
        case .request(let request):
            // The one place a screen's change reaches the data file.
            let outcome = Result { try request.run(store) }
            var top = stack.removeLast()
            let next = top.completed(outcome)
            stack.append(top)
            return carryOut(next, key: key, screen: top)
        }
    }

    private func handleGlobal(_ key: Key, screen: any Screen) -> Bool {
        let typed = screen.acceptsText && key.isPrintable
        if GlobalKeys.note.matches(key), !typed, !screen.isAsking, let open = screen.openCustomer {
            stack.append(NoteKindScreen(session: open.session, customer: open.id))
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

    /// Opens a screen; a form with a kept draft offers it back.
    private func push(_ next: any Screen) {
        do {
            if var form = next as? any DraftKeeping, let draft = try drafts?.load(for: form) {
                form.offer(draft)
                stack.append(form)
                return
            }
        } catch {
            draftProblem = "! A kept draft could not be read: \(error)"
        }
        stack.append(next)
    }

    /// Closes the top screen; the one below reads again what may have changed.
    /// A form left by saving or by throwing its typing away leaves no draft.
    private func popAndResume(with result: ScreenResult) {
        guard stack.count > 1 else { return }
        let closed = stack.removeLast()
        if let form = closed as? any DraftKeeping {
            do { try drafts?.discard(form) } catch { draftProblem = "! A draft could not be removed: \(error)" }
        }
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
        // The title bar, the screen's area, the key bar.
        var area = Area(top: 0, left: 0, width: size.width, height: size.height)
        area.takeTop(1)
        let keyBar = area.takeBottom(1)
        var screen = stack.removeLast()
        screen.prepare(area: area)
        stack.append(screen)
        TitleBar.draw(into: &canvas, app: "careerplan", path: stack.map(\.title), right: titleRight)
        screen.render(into: &canvas, area: area)
        let global = screen is HelpScreen ? [GlobalKeys.quit]
            : GlobalKeys.bindings(for: screen, canGoBack: stack.count > 1)
        KeyBar.draw(into: &canvas, bindings: screen.bindings, pinned: global)
        // What went unkept is said where the keys are, until it is kept: typing not kept as a draft, or
        // what the store could not bring up to date after a committed write.
        if let problem = draftProblem ?? store.upkeepProblem.map({ "! " + $0 }) {
            canvas.fill(rowsOf: keyBar, role: .error)
            canvas.put(problem, in: keyBar.inset(1), role: .error)
        }
        terminal.present(canvas)
    }
}
