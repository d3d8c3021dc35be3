import Domain
import Foundation
import TerminalKit

/// A form whose unsaved typing is kept as a draft (in the data file, for
/// its user) every few seconds and when the connection drops, and offered
/// back the next time that user opens the same form for the same customer.
protocol DraftKeeping: Screen {
    var draftCustomer: CustomerID { get }
    /// Names the form: a draft comes back only to the same form.
    var draftForm: String { get }
    /// What was typed and not saved; nil when there is nothing to keep.
    var draftValues: [String: String]? { get }
    /// A draft kept earlier: the screen asks whether to restore it.
    mutating func offer(_ draft: Draft)
}

/// Where drafts are kept: the data file, under the account the Store writes as.
public struct DraftKeeper {
    let store: any CaseloadWriting

    public init(store: any CaseloadWriting) {
        self.store = store
    }

    func load(for screen: any DraftKeeping) throws -> Draft? {
        try store.draft(customer: screen.draftCustomer, form: screen.draftForm)
    }

    func keep(_ screen: any DraftKeeping) throws {
        guard let values = screen.draftValues else { return }
        try store.saveDraft(values, customer: screen.draftCustomer, form: screen.draftForm)
    }

    func discard(_ screen: any DraftKeeping) throws {
        try store.deleteDraft(customer: screen.draftCustomer, form: screen.draftForm)
    }
}

/// "Restore the draft from 14:05?": asked when a form opens over a kept
/// draft. Answered with control keys only, so typing that arrives before the
/// question is read can never restore or discard anything.
struct DraftOffer: Equatable {
    let draft: Draft

    /// Its answers as commands of the form asked: control keys only.
    static func commands<S>(restore: @escaping (inout S) -> Effect, discard: @escaping (inout S) -> Effect) -> [Command<S>] {
        [Command(KeyBinding([.ctrl("r")], "Restore", help: "Put back what you typed before the connection dropped or the program ended")) {
             screen, _ in restore(&screen)
         },
         Command(KeyBinding([.ctrl("d")], "Discard", help: "Start from the saved record; the draft is thrown away when you leave the form")) {
             screen, _ in discard(&screen)
         }]
    }

    var prompt: String {
        "Draft kept from \(AreaTime.shown(draft.savedAt, in: .current)): Ctrl-R restores, Ctrl-D discards"
    }
}
