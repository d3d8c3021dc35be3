import Domain
import TerminalKit

/// Picks a service from the services matrix, narrowing as you type.
struct ServicePickerScreen: SearchingScreen {
    let matrix: ServicesMatrix
    let heading: String
    let makeForm: (ServiceEntry) -> RecordFormScreen
    var search = TextField()
    var selected = 0
    var top = 0

    var title: String { "Pick a service" }
    var acceptsText: Bool { true }
    var matches: [ServiceEntry] { matrix.search(search.text) }

    /// Home, End and letters edit the search; the arrows and pages move in the list.
    var commands: [Command<Self>] {
        [Command(KeyBinding([.enter], "Pick", help: "Use the selected service")) { screen, _ in
            guard screen.matches.indices.contains(screen.selected) else { return .handled }
            return .replace(screen.makeForm(screen.matches[screen.selected]))
         },
         Command(KeyBinding([.escape], "Cancel", help: "Add no service")) { _, _ in .pop },
         Command(KeyBinding([.up, .down, .pageUp, .pageDown], "Move", help: "Select a service", inBar: false)) { screen, key in
            screen.selected = ListMove.index(screen.selected, key: key, count: screen.matches.count, page: 10) ?? screen.selected
            return .handled
         },
         Command(TextField.editing) { screen, key in screen.typeSearch(key) }]
    }

    mutating func update(_ key: Key) -> Effect { run(key) ?? typeSearch(key) }

    mutating func searchChanged() { selected = 0; top = 0 }

    /// The heading, the search line, the matches, the status line.
    struct Parts {
        let heading, find, list, status: Area

        init(_ area: Area) {
            var rest = area
            status = rest.takeBottom(1)
            rest.takeBottom(1)
            heading = rest.takeTop(1).inset(2)
            rest.takeTop(1)
            find = rest.takeTop(1).inset(2)
            rest.takeTop(1)
            list = rest
        }
    }

    mutating func prepare(area: Area) {
        let height = Parts(area).list.height
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
    }

    func render(into canvas: inout Canvas, area: Area) {
        let parts = Parts(area)
        canvas.put(heading + " · add a service", in: parts.heading, role: .header)
        var find = parts.find
        canvas.put(label: "Find:", taking: &find)
        let field = find.takeLeft(min(40, find.width))
        search.draw(into: &canvas, row: field.top, col: field.left, width: field.width, focused: true)
        find.takeLeft(2)
        canvas.put("\(matches.count) of \(matrix.services.count)", in: find, role: .dim)
        if matches.isEmpty { canvas.put("No service matches; fewer letters find more.", in: parts.list.inset(left: 2), role: .dim) }
        for ((i, s), row) in zip(matches.enumerated().dropFirst(top), parts.list.rows) {
            let role: StyleRole = i == selected ? .selected : .normal
            canvas.fill(rowsOf: row, role: role)
            let label = s.categoryLabel
            var name = row.inset(right: 1)
            canvas.put(label, in: name.takeRight(label.displayWidth), role: i == selected ? role : .dim)
            canvas.put((i == selected ? "▶ " : "  ") + s.name.truncated(toWidth: name.width - 5), in: name, role: role)
        }
        canvas.fill(rowsOf: parts.status, role: .normal)
        canvas.put("Type words of its name, goals or steps · ↑/↓ select · Enter picks", in: parts.status.inset(left: 1), role: .dim)
    }
}
