import Foundation
import TerminalKit

// The floor of start-up (issue 28): what a Swift terminal program on this machine pays before its first
// screen, with careerplan's own terminal layer. Foundation loaded (careerplan reads its arguments through
// it), ncurses started through TerminalKit, one line painted ("floor 1/1", the bench's marker), ended at the
// first key. scripts/bench times it beside careerplan in the same run; it opens no data and reads no settings.
let name = ProcessInfo.processInfo.processName
let terminal = try CursesTerminal(theme: .builtIn)
var canvas = Canvas(width: terminal.size.width, height: terminal.size.height)
canvas.put("\(name): floor 1/1", row: 0, col: 0)
terminal.present(canvas)
_ = terminal.readKey()
terminal.end()
