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

    mutating func prepare(area: Area) {
        let height = area.height - 6
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
    }

    func render(into canvas: inout Canvas, area: Area) {
        canvas.put(heading + " · add a service", row: area.top, col: 2, role: .header, maxWidth: area.width - 4)
        canvas.put("Find:", row: area.top + 2, col: 2, role: .normal)
        search.draw(into: &canvas, row: area.top + 2, col: 8, width: min(40, area.width - 10), focused: true)
        canvas.put("\(matches.count) of \(matrix.services.count)", row: area.top + 2, col: min(50, area.width - 12), role: .dim)
        let height = area.height - 6
        if matches.isEmpty { canvas.put("No service matches; fewer letters find more.", row: area.top + 4, col: 2, role: .dim) }
        for (i, s) in matches.enumerated().dropFirst(top).prefix(height) {
            let y = area.top + 4 + i - top
            let role: StyleRole = i == selected ? .selected : .normal
            canvas.fill(row: y, role: role)
            let label = s.categoryLabel
            canvas.put((i == selected ? "▶ " : "  ") + s.name.truncated(toWidth: area.width - label.displayWidth - 6), row: y,
                       col: 0, role: role)
            canvas.put(label, row: y, col: area.width - label.displayWidth - 1, role: i == selected ? role : .dim)
        }
        canvas.fill(row: area.bottom, role: .normal)
        canvas.put("Type words of its name, goals or steps · ↑/↓ select · Enter picks", row: area.bottom, col: 1, role: .dim)
    }
}
