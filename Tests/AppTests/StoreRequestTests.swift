@testable import App
import Domain
import Store
import Testing
import TerminalKit

/// A form asks for its save as a value and learns the outcome from the loop:
/// tested here with no data file at all, the outcomes given by hand.
@Suite struct StoreRequestTests {
    func form() -> RecordFormScreen {
        RecordFormScreen(title: "Pause", customer: CustomerID(7), heading: "Pause", fields: Pause.endFields,
                         values: ["endOn": "2026-11-20", "why": "back from surgery early"],
                         check: { _ in [:] },
                         save: { v in StoreRequest { _ in .updated(CustomerID(7), notice: "ended \(v["endOn"] ?? "")") } })
    }

    @Test func ctrlSAsksTheLoopToSaveAndTheFormClosesWhenItDid() throws {
        var screen = form()
        guard case .request(let request) = screen.update(.ctrl("s")) else {
            Issue.record("Ctrl-S should ask for a save")
            return
        }
        // The loop runs the request against the store; the form only hears the outcome.
        _ = request
        guard case .finish(.updated(let id, let notice)) = screen.completed(.success(.updated(CustomerID(7), notice: "ended 2026-11-20")))
        else {
            Issue.record("a saved form closes with its result")
            return
        }
        #expect(id == CustomerID(7) && notice == "ended 2026-11-20")
    }

    @Test func aRefusedSaveKeepsTheTypingAndSaysWhy() throws {
        var screen = form()
        _ = screen.update(.ctrl("s"))
        let next = screen.completed(.failure(StoreError.changedMeanwhile("this pause (Wei Chen at 2026-11-23 10:30 CST)")))
        guard case .handled = next else {
            Issue.record("a refused save stays on the form")
            return
        }
        #expect(screen.message?.contains("this pause (Wei Chen at 2026-11-23 10:30 CST)") == true, "\(screen.message ?? "")")
        #expect(screen.form.values["why"] == "back from surgery early")
    }
}
