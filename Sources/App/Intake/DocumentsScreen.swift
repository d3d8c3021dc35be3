import Domain
import TerminalKit

/// The documentation checklist: one line per eligibility answer that needs
/// proof, with the document type that verified it and the day it was seen.
/// The document itself is never stored.
struct DocumentsScreen: CaseFileScreen, SelectingScreen {
    let session: Session
    var file: CaseFile
    var selected = 0
    /// Recording the document for the selected item.
    var editing: FormState?
    var message: String?
    var notice: String?

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
    }

    var title: String { "Documents" }
    var acceptsText: Bool { editing != nil }
    var items: [EligibilityItem] { file.checklist }

    static let recordDocument = KeyBinding([.enter], "Record", help: "Record the document seen for the selected item")
    static let save = KeyBinding([.ctrl("s"), .function(2)], "Save", help: "Save the document type and date")
    static let cancel = KeyBinding([.escape], "Cancel", help: "Leave the item unchanged")

    var rowCount: Int { items.count }

    var commands: [Command<Self>] {
        guard editing == nil else {
            return [Command(Self.save) { screen, _ in screen.save() },
                    Command(Self.cancel) { screen, _ in
                        screen.editing = nil
                        return .handled
                    }]
        }
        return [Command(Self.recordDocument) { screen, _ in screen.startEditing() }, Self.move("Select an item")]
    }

    /// The form's own keys show in help and move its fields.
    var bindings: [KeyBinding] { commands.map(\.binding) + (editing == nil ? [] : FormState.bindings) }

    func fields(for item: EligibilityItem) -> [FormField] {
        [FormField("type", "Document type", .choice(item.documentTypes.map { FormChoice($0, $0) }),
                   hint: "Space or ←/→ to choose", required: true),
         FormField("seenOn", "Date seen", .date, hint: Day.acceptedFormats, required: true)]
    }

    mutating func update(_ key: Key) -> Effect {
        let effect = runCommand(key)
        if editing != nil, case .unhandled = effect { return editing!.handle(key) ? .handled : .unhandled }
        return effect
    }

    private mutating func startEditing() -> Effect {
        guard items.indices.contains(selected) else { return .handled }
        let item = items[selected]
        let doc = file.document(for: item)
        editing = FormState(fields: fields(for: item), values: [
            "type": doc?.documentType ?? item.documentTypes[0],
            "seenOn": (doc?.seenOn ?? session.today).description])
        return .handled
    }

    var seenProblem: String? {
        guard let form = editing else { return nil }
        guard let day = Day(parsing: form["seenOn"]) else { return "not a date; type " + Day.acceptedFormats }
        if day > session.today { return "is in the future" }
        return nil
    }

    private mutating func save() -> Effect {
        editing!.checked = ["type", "seenOn"]
        guard seenProblem == nil, let form = editing, let day = Day(parsing: form["seenOn"]) else {
            message = "Not saved: date seen " + (seenProblem ?? "")
            return .handled
        }
        let item = items[selected]
        let document = EligibilityDocument(customer: file.customer.id, item: item.key, documentType: form["type"], seenOn: day,
                                           recordedBy: session.login)
        let user = session.user
        return .request(StoreRequest { store in
            try store.recordDocument(document, by: user)
            return .updated(document.customer, notice: "\(item.label): \(document.documentType) seen \(day)")
        })
    }

    /// Recorded: the small form closes and the checklist reads again. Refused: the form stays as typed.
    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        outcome.staying({ result in
            editing = nil
            reload(after: result)
        }, orElse: { message = "\($0)" })
    }

    static let table = SelectableTable([.init("Item", width: 33), .init("Document seen", width: 13, flexible: true)],
                                       empty: "No documents are asked for: the application has no answers that need one.")

    func render(into canvas: inout Canvas, area: Area) {
        // Recording a document opens its three-row form under the list.
        let parts = RecordListParts(area, count: items.count, detailRows: editing == nil ? nil : 3)
        renderHeading(into: &canvas, area: area)
        canvas.put("Document type and date seen per answer; the document itself is not kept.", in: parts.summary, role: .dim)
        Self.table.draw(rows: items.count, selected: selected, into: &canvas, in: parts.table) { n in
            let doc = file.document(for: items[n])
            return [items[n].label, doc.map { "✓ \($0.documentType), \($0.seenOn)" } ?? "— not yet"]
        }
        if let editing {
            var problems: [String: String] = [:]
            if editing.checked.contains("seenOn"), let p = seenProblem { problems["seenOn"] = p }
            var form = parts.detail.across(area)
            editing.render(into: &canvas, in: form.takeTop(3), problems: problems)
        }
        let done = items.filter { file.document(for: $0) != nil }.count
        renderStatus(into: &canvas, area: area)
        if message == nil, notice == nil {
            canvas.put("\(done) of \(items.count) verified · Enter records the selected item", in: parts.status, role: .dim)
        }
    }
}
