import Domain
import TerminalKit

/// A long form drawn from `FormField` data: one row per field, section
/// headings, a problem shown under its field once the field was left (or
/// after a save try), scrolled so the focused field is always visible.
/// Text and date fields edit like `TextField`, a long answer like
/// `TextArea` (wrapped over rows that grow with it); a choice moves with
/// Space or ←/→ (or the first letter of an option); a toggle flips with
/// Space or y/n.
struct FormState {
    let fields: [FormField]
    private var inputs: [String: TextField] = [:]
    var focus = 0
    /// First visible line of the form.
    var top = 0
    /// Fields whose problems are shown.
    var checked: Set<String> = []
    /// The screen width the form was last laid out for: a long answer wraps
    /// at it, and ↑/↓ move between its rows.
    private var width = 80
    let layout: Layout

    /// How the form sits on the screen.
    enum Layout: Equatable {
        /// One row per field; values after the longest label.
        case compact
        /// A short form (the front desk's): values at `valueColumn`, at most
        /// `valueWidth` wide, and under every field a row for its problem,
        /// or its hint while it has focus.
        case spaced(valueColumn: Int, valueWidth: Int)
    }

    init(fields: [FormField], values: [String: String], layout: Layout = .compact) {
        self.fields = fields
        self.layout = layout
        for f in fields { inputs[f.key] = TextField(values[f.key] ?? Self.defaultValue(f)) }
    }

    static func defaultValue(_ f: FormField) -> String {
        if case .choice(let options) = f.kind { return options.first?.value ?? "" }
        return ""
    }

    var values: [String: String] { inputs.mapValues(\.text) }
    var focused: FormField { fields[focus] }

    subscript(key: String) -> String {
        get { inputs[key]?.text ?? "" }
        set { inputs[key] = TextField(newValue) }
    }

    static let next = KeyBinding([.tab, .down], "Next", help: "Next field (Enter also moves on); in a long answer ↓ first goes down its lines",
                                 inBar: false)
    static let previous = KeyBinding([.backTab, .up], "Previous", help: "Previous field; in a long answer ↑ first goes up its lines",
                                     inBar: false)
    static let jump = KeyBinding([.pageUp, .pageDown], "Section", help: "Previous or next section of the form", inBar: false)
    static let choose = KeyBinding([.char(" "), .left, .right], "Choose",
                                   help: "On a choice: next or previous option (or type its first letter); on a yes/no field: Space flips it, y or n sets it",
                                   inBar: false, shownKeys: "Space ← →")

    /// The form's own keys for help screens.
    static let bindings = [next, previous, jump, choose, TextField.editing]

    /// Moves, edits or chooses; false for keys the form does not use.
    mutating func handle(_ key: Key) -> Bool {
        if focused.kind == .paragraph, key == .up || key == .down, var area = area(focused.key),
           area.moveRow(by: key == .up ? -1 : 1, width: fieldWidth(width)) {
            inputs[focused.key] = area.field
            return true
        }
        switch key {
        case .tab, .down, .enter: move(by: 1)
        case .backTab, .up: move(by: -1)
        case .pageDown: jumpSection(forward: true)
        case .pageUp: jumpSection(forward: false)
        default:
            switch focused.kind {
            case .text, .paragraph, .date:
                guard var input = inputs[focused.key], input.handle(key) else { return false }
                inputs[focused.key] = input
            case .choice(let options): return choose(key, options)
            case .toggle: return toggle(key)
            }
        }
        return true
    }

    mutating func move(by step: Int) {
        checked.insert(focused.key)
        focus = max(0, min(fields.count - 1, focus + step))
    }

    /// Before a save: shows every field's problem, focuses the first wrong
    /// field and returns the message for the status line; nil when all is well.
    mutating func refuseSave(_ problems: [String: String]) -> String? {
        let problems = withSSNProblems(problems)
        checked = Set(fields.map(\.key))
        guard let first = fields.first(where: { problems[$0.key] != nil }) else { return nil }
        focus(on: first.key)
        return Self.notSaved(problems.count)
    }

    /// "Not saved: 1 field needs a fix", "Not saved: 3 fields need a fix".
    static func notSaved(_ count: Int) -> String {
        count == 1 ? "Not saved: 1 field needs a fix" : "Not saved: \(count) fields need a fix"
    }

    mutating func focus(on key: String) {
        if let i = fields.firstIndex(where: { $0.key == key }) { focus = i }
    }

    private mutating func jumpSection(forward: Bool) {
        checked.insert(focused.key)
        let starts = fields.indices.filter { fields[$0].section != nil }
        let target = forward ? starts.first { $0 > focus } : starts.last { $0 < focus }
        focus = target ?? (forward ? fields.count - 1 : 0)
    }

    private mutating func choose(_ key: Key, _ options: [FormChoice]) -> Bool {
        let current = options.firstIndex { $0.value == self[focused.key] } ?? 0
        var index = current
        switch key {
        case .char(" "), .right: index = (current + 1) % options.count
        case .left: index = (current + options.count - 1) % options.count
        case .char(let c):
            let letter = String(c).lowercased()
            let order = (1...options.count).map { (current + $0) % options.count }
            guard let hit = order.first(where: { options[$0].label.lowercased().hasPrefix(letter) }) else { return true }
            index = hit
        default: return false
        }
        self[focused.key] = options[index].value
        return true
    }

    private mutating func toggle(_ key: Key) -> Bool {
        let on = self[focused.key] == FormField.yes
        switch key {
        case .char(" "): self[focused.key] = on ? "" : FormField.yes
        case .char("y"), .char("Y"): self[focused.key] = FormField.yes
        case .char("n"), .char("N"): self[focused.key] = ""
        case .char: return true
        default: return false
        }
        return true
    }

    // MARK: Drawing

    private enum Line {
        case heading(String)
        case field(Int)
        /// The further rows of a long answer: field, row.
        case more(Int, Int)
        case problem(Int, String)
        case hint(String)
        case blank
    }

    private func area(_ key: String) -> TextArea? { inputs[key].map { TextArea(editing: $0) } }

    /// Where the values start at a width: after the longest label with its
    /// marks, within a third of the width.
    private func fieldColumn(_ width: Int) -> Int {
        if case .spaced(let column, _) = layout { return column }
        let longest = fields.filter { $0.kind != .toggle }.map { $0.label.displayWidth + 4 }.max() ?? 0
        return 2 + max(20, min(longest, 30, width / 3)) + 1
    }

    private func fieldWidth(_ width: Int) -> Int {
        let room = max(2, width - fieldColumn(width) - 2)
        if case .spaced(_, let widest) = layout { return min(widest, room) }
        return room
    }

    /// How many rows a field takes: a long answer all its wrapped rows up to
    /// 8 while it has focus (at least 2: it shows it takes more than a line),
    /// up to 3 otherwise.
    private func rows(of index: Int, width: Int) -> Int {
        let f = fields[index]
        guard f.kind == .paragraph, let area = area(f.key) else { return 1 }
        let count = area.rowCount(width: fieldWidth(width))
        return index == focus ? min(max(2, count), 8) : min(count, 3)
    }

    /// Every text field refuses a full SSN and over-long text, whatever else
    /// the form checks (the Store refuses them too; here they show under the
    /// field, the typing kept).
    func withSSNProblems(_ problems: [String: String]) -> [String: String] {
        var all = problems
        for f in fields where all[f.key] == nil && f.key != "ssnLast4" {
            guard f.isTyped else { continue }
            if SSN.containsFull(self[f.key]) { all[f.key] = SSN.problem }
            else if let long = TextLimits.problem(self[f.key], key: f.key) { all[f.key] = long }
        }
        return all
    }

    private func lines(problems: [String: String], width: Int) -> [Line] {
        let problems = withSSNProblems(problems)
        var out: [Line] = []
        for (i, f) in fields.enumerated() {
            if let section = f.section {
                if !out.isEmpty { out.append(.blank) }
                out.append(.heading(section))
            }
            out.append(.field(i))
            for row in 1..<max(1, rows(of: i, width: width)) { out.append(.more(i, row)) }
            if checked.contains(f.key), let p = problems[f.key] { out.append(.problem(i, p)) }
            else if case .spaced = layout { out.append(i == focus ? f.hint.map { .hint($0) } ?? .blank : .blank) }
        }
        return out
    }

    /// Keeps the focused field (all its rows, and its problem line) on
    /// screen in `area`, laid out for its width.
    mutating func scroll(in area: Area, problems: [String: String]) {
        let (height, width) = (area.height, area.width)
        self.width = width
        let all = lines(problems: problems, width: width)
        guard let at = all.firstIndex(where: { if case .field(focus) = $0 { true } else { false } }) else { return }
        var first = at
        // Show the section heading above the first field of a section.
        if at >= 1, case .heading = all[at - 1] { first = at - 1 }
        var last = at + rows(of: focus, width: width) - 1
        if last + 1 < all.count, case .problem = all[last + 1] { last += 1 }
        if first < top { top = first }
        if last >= top + height { top = last - height + 1 }
        top = max(0, min(top, max(0, all.count - height)))
    }

    /// Draws the form on the rows of `area`, its labels from the area's left
    /// edge, the values from the value column.
    func render(into canvas: inout Canvas, in area: Area, problems: [String: String], active: Bool = true) {
        let problems = withSSNProblems(problems)
        let width = area.width
        let fieldCol = fieldColumn(width)
        let fieldWidth = fieldWidth(width)
        for (n, (line, row)) in zip(lines(problems: problems, width: width).dropFirst(top), area.rows).enumerated() {
            // The row split into the label's columns and the value's, with a margin at the right.
            var afterLabel = row
            let labelCell = afterLabel.takeLeft(fieldCol).inset(right: 1)
            var valueCell = afterLabel
            valueCell = valueCell.takeLeft(fieldWidth)
            switch line {
            case .blank: break
            case .more(let i, let skipped):
                // Drawn with its field, unless the field's first row is scrolled off above.
                guard n == 0, let text = self.area(fields[i].key) else { break }
                text.draw(into: &canvas, row: valueCell.top, col: valueCell.left, width: valueCell.width,
                          visible: rows(of: i, width: width), focused: active && i == focus, skipping: skipped)
            case .heading(let text): canvas.put(text, in: row.inset(2), role: .header)
            case .hint(let text):
                if active { canvas.put(text, in: afterLabel.inset(right: 1), role: .dim) }
            case .problem(_, let text):
                // A long message starts further left rather than being cut.
                let cell = ("✗ " + text).displayWidth <= afterLabel.width - 1 ? afterLabel : row.inset(left: 4)
                canvas.put("✗ " + text, in: cell.inset(right: 1), role: .error)
            case .field(let i):
                let f = fields[i]
                let isFocused = active && i == focus
                let wrong = checked.contains(f.key) && problems[f.key] != nil
                // Focus is always visible, in error too: the message under the field says what is wrong.
                let mark = isFocused ? "▶" : wrong ? "✗" : " "
                let role: StyleRole = isFocused ? .header : wrong ? .error : .normal
                if f.kind == .toggle {
                    // A checkbox list: the box first, then the whole label.
                    let on = self[f.key] == FormField.yes
                    var cells = row
                    canvas.put(mark + " ", in: cells.takeLeft(2), role: role)
                    let box = cells.takeLeft(4)
                    canvas.put(on ? "[x]" : "[ ]", in: box, role: isFocused ? .input : .normal)
                    canvas.put(f.label, in: cells.inset(right: 1), role: role)
                    if isFocused { canvas.cursor = (box.top, box.left + 1) }
                    continue
                }
                canvas.put(mark + " " + f.label + (f.isRequired ? " *" : ""), in: labelCell, role: role)
                if f.kind == .paragraph, let text = self.area(f.key) {
                    text.draw(into: &canvas, row: valueCell.top, col: valueCell.left, width: valueCell.width,
                              visible: min(rows(of: i, width: width), area.height - n), focused: isFocused)
                } else {
                    drawValue(f, in: valueCell, focused: isFocused, into: &canvas)
                }
            }
        }
    }

    private func drawValue(_ f: FormField, in cell: Area, focused: Bool, into canvas: inout Canvas) {
        let value = self[f.key]
        switch f.kind {
        case .text, .paragraph, .date:
            (inputs[f.key] ?? TextField()).draw(into: &canvas, row: cell.top, col: cell.left, width: cell.width, focused: focused)
        case .toggle:
            break   // drawn as a checkbox line by `render`
        case .choice:
            // The arrows around a focused choice may run past the field's width into the margin.
            let text = focused ? "◀ \(f.display(value)) ▶" : f.display(value)
            canvas.put(text, row: cell.top, col: cell.left, role: focused ? .input : .normal, maxWidth: cell.width + 4)
        }
    }
}
