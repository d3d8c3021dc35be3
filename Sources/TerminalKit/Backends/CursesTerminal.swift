import CNcursesw
import Glibc

/// Set by the SIGHUP and SIGTERM handler; read by `readKey`.
nonisolated(unsafe) private var hangupReceived: sig_atomic_t = 0

/// The one place that calls curses. Draws a canvas by writing only the cells
/// that differ from the previous one (curses then sends only its own diff),
/// so a cursor move over SSH costs a few dozen bytes, not a screen.
public final class CursesTerminal: Terminal {
    public enum StartError: Error, CustomStringConvertible {
        case unknownTerminal(String)
        public var description: String {
            switch self {
            case .unknownTerminal(let term):
                "cannot use the terminal type '\(term)' (from $TERM); try TERM=xterm-256color"
            }
        }
    }

    private let screenPointer: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var shown: Canvas?
    private var attributes: [StyleRole: (attr_t, Int16)] = [:]
    /// The last cell's role and its attributes (`draw`).
    private var lastStyle: (role: StyleRole, attr: attr_t, pair: Int16)?
    private var ended = false
    /// Whether curses has been left and come back to once (`present`).
    private var resumed = false

    public init(theme: Theme) throws {
        Self.ensureUTF8Locale()
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, let output = fdopen(1, "w"), let input = fdopen(0, "r"),
              let screen = newterm(nil, output, input) else {
            throw StartError.unknownTerminal(term)
        }
        screenPointer = screen
        set_term(screen)
        window = cp_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        // A key or, after a second without one, `.idle`: what was typed is kept then.
        wtimeout(window, Int32(idleTimeout * 1000))
        curs_set(0)
        let usesColor = has_colors() && start_color() == OK
        if usesColor { use_default_colors() }
        prepare(usesColor ? theme : theme.withoutColor, colors: usesColor ? Int(cp_colors()) : 0)
        Self.catchHangup()
    }

    /// SIGHUP (a dropped SSH connection) and SIGTERM end the input instead
    /// of the process, so the program can keep what was typed and close
    /// the data file cleanly. No SA_RESTART: the waiting read returns.
    private static func catchHangup() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in hangupReceived = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGHUP, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }

    deinit { end() }

    /// Restores the terminal. Safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
        delscreen(screenPointer)
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    public func present(_ canvas: Canvas) {
        let old = shown.flatMap { $0.width == canvas.width && $0.height == canvas.height ? $0 : nil }
        if old == nil { werase(window) }
        for row in 0..<canvas.height {
            for col in 0..<canvas.width {
                let cell = canvas[row, col]
                if let old, old[row, col] == cell { continue }
                if cell.isContinuation { continue }
                draw(cell, row: row, col: col)
            }
        }
        if let (row, col) = canvas.cursor {
            curs_set(1)
            wmove(window, Int32(row), Int32(col))
        } else {
            curs_set(0)
        }
        if !resumed {
            // ncurses 6.4 (Debian 12's) writes out what it has at every cursor movement, one write(2) per gap
            // in a line (38 for the first caseload, 20 for a character typed in its search, each a packet of
            // its own over SSH), until the program has once left curses and come back: until then it takes
            // itself to be a terminfo program that wants its movements sent at once. Left and come back here,
            // right before the first screen is drawn, a screen goes out in one write (or a few, when it is
            // larger than ncurses's buffer of about one screen).
            endwin()
            resumed = true
        }
        wrefresh(window)
        shown = canvas
    }

    public func readKey() -> Key {
        var code: wint_t = 0
        while true {
            let started = Self.now()
            errno = 0
            let result = wget_wch(window, &code)
            if result == KEY_CODE_YES { return Self.functionKey(Int32(code)) ?? readKey() }
            if result == OK, code == 27 { return escapeOrSequence() }
            if result == OK { return Self.characterKey(code) }
            if hangupReceived != 0 { return .endOfInput }
            if errno == EINTR { continue }
            // A timeout returns ERR after the wait; a closed input returns it at once.
            return Self.now() - started >= idleTimeout * 0.8 ? .idle : .endOfInput
        }
    }

    /// Esc, or a key's escape sequence ncurses did not know, its bytes already waiting. Terminals that say
    /// they are xterm inside tmux or screen send Home and End as "ESC [ 1 ~" and "ESC [ 4 ~", which
    /// xterm's description names otherwise: ncurses then gives ESC and the rest as typed characters, so
    /// End cleared a search and typed "[4~". Those are read as Home and End; any other sequence is dropped
    /// whole; a lone ESC (nothing waiting) is Esc, and ESC before anything else (Alt and a key) is Esc with
    /// the key left to be read next.
    private func escapeOrSequence() -> Key {
        wtimeout(window, 0)
        let key = waitingSequence()
        wtimeout(window, Int32(idleTimeout * 1000))
        return key ?? readKey()
    }

    /// What follows an ESC without waiting: Esc, Home or End, or nil for a sequence dropped.
    private func waitingSequence() -> Key? {
        var code: wint_t = 0
        let next = wget_wch(window, &code)
        // A key ncurses knew, right behind the ESC (Esc then Down, sent together): left to be read next.
        if next == KEY_CODE_YES { ungetch(Int32(code)) }
        guard next == OK else { return .escape }
        guard code == 91 || code == 79 else {   // "[" or "O"
            unget_wch(wchar_t(bitPattern: code))
            return .escape
        }
        var sequence = String(UnicodeScalar(UInt8(code)))
        // CSI: parameters and intermediates (0x20-0x3F) up to a final byte (0x40-0x7E); SS3: one byte.
        while true {
            let read = wget_wch(window, &code)
            if read == KEY_CODE_YES { ungetch(Int32(code)) }
            guard read == OK, let scalar = UnicodeScalar(UInt32(code)) else { break }
            sequence.unicodeScalars.append(scalar)
            if sequence.hasPrefix("O") || (0x40...0x7E).contains(code) || sequence.unicodeScalars.count > 16 { break }
        }
        switch sequence {
        case "[1~", "[7~", "[H", "OH": return .home
        case "[4~", "[8~", "[F", "OF": return .end
        default: return nil
        }
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// One cell, of up to 1,920 a screen: its role's attributes looked up again only when the role changes
    /// from the cell before, its characters passed from the stack, not a new array each.
    private func draw(_ cell: Cell, row: Int, col: Int) {
        let style: (attr: attr_t, pair: Int16)
        if let last = lastStyle, last.role == cell.role {
            style = (last.attr, last.pair)
        } else {
            style = attributes[cell.role] ?? (cp_a_normal(), 0)
            lastStyle = (cell.role, style.attr, style.pair)
        }
        // A grapheme of at most 4 scalars (base and marks), null-terminated.
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 5) { wide in
            var count = 0
            for scalar in cell.text.unicodeScalars.prefix(4) {
                wide[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            wide[count] = 0
            _ = cp_put_cell(window, Int32(row), Int32(col), wide.baseAddress, style.attr, style.pair)
        }
    }

    private func prepare(_ theme: Theme, colors: Int) {
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = theme.style(role)
            var attr = cp_a_normal()
            for a in style.attributes {
                switch a {
                case .bold: attr |= cp_a_bold()
                case .underline: attr |= cp_a_underline()
                case .reverse: attr |= cp_a_reverse()
                case .dim: attr |= cp_a_dim()
                }
            }
            var pair: Int16 = 0
            if colors > 0 {
                pair = Int16(index + 1)
                let fg = Self.usable(style.foreground.number, colors: colors)
                let bg = Self.usable(style.background.number, colors: colors)
                init_pair(pair, Int16(fg), Int16(bg))
            }
            attributes[role] = (attr, pair)
        }
    }

    /// Bright colors fall back to their plain color on 8-color terminals.
    private static func usable(_ color: Int32, colors: Int) -> Int32 {
        color >= Int32(colors) ? color - 8 : color
    }

    private static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8" { setlocale(LC_ALL, "C.UTF-8") }
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME, KEY_A1: .home
        case KEY_END, KEY_C1: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        case (KEY_F0 + 1)...(KEY_F0 + 12): .function(Int(code - KEY_F0))
        default: nil
        }
    }

    private static func characterKey(_ code: wint_t) -> Key {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(UnicodeScalar(UInt8(code + 96))))
        default:
            guard let scalar = UnicodeScalar(UInt32(code)) else { return .char("?") }
            return .char(Character(scalar))
        }
    }
}
