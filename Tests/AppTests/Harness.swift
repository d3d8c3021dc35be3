import App
import Domain
import Foundation
import Store
import Testing
import TerminalKit
import Synthetic

/// The app on the in-memory terminal over a real data file holding the
/// synthetic caseload as of a fixed day.
final class Harness {
    static let today = Day(year: 2026, month: 11, day: 23)!
    /// The store's clock: mid-morning of `today` in Chicago, never the real time.
    static let now = Date(timeIntervalSince1970: 1_795_451_400)   // 2026-11-23T16:30:00Z
    let dir: String
    let store: CaseloadStore
    let session: Session
    let terminal: MemoryTerminal
    let loop: AppLoop

    init(customers: Int = 48, extra: [Customer] = [], width: Int = 80, height: Int = 24,
         login: String = "mrivera", coverOthers: Bool = true) throws {
        dir = NSTemporaryDirectory() + "careerplan-app-" + UUID().uuidString
        store = try CaseloadStore(path: dir + "/caseload.sqlite", actor: login, today: { Harness.today },
                                  now: { Harness.now })
        let caseload = SyntheticCaseload(seed: 1, today: Self.today)
        try store.insert(staff: caseload.staff)
        if customers > 0 { try store.fill(from: caseload, 1...customers) }
        try store.insert(extra)
        let user = try store.signIn(login: login)
        if coverOthers, user?.role == .planner {
            // The screens are tested on the whole synthetic caseload: the user covers the other planners.
            let supervisor = Staff(login: "harness", name: "Harness", initials: "H", role: .supervisor)
            for other in caseload.staff where other.role == .planner && other.isActive && other.login != login {
                try store.cover(Covering(login: login, forLogin: other.login, from: Self.today.adding(days: -7),
                                         until: Self.today.adding(days: 30), reason: "covering the center", grantedBy: ""),
                                by: supervisor)
            }
        }
        session = try Session(store: store, login: login, user: user, today: Self.today)
        terminal = MemoryTerminal(width: width, height: height)
        loop = AppLoop(root: CaseloadScreen(session: session), store: store, terminal: terminal,
                       titleRight: "caseload.sqlite · " + session.userLabel)
        loop.run()
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Feeds keys; true when they made the program quit.
    @discardableResult
    func press(_ keys: Key...) -> Bool {
        terminal.type(keys)
        return loop.run()
    }

    @discardableResult
    func type(_ text: String) -> Bool {
        terminal.type(text)
        return loop.run()
    }

    /// Finds customer `id` by search and opens their overview.
    func openCustomer(_ id: Int) {
        press(.char("/"))
        type(CustomerID(Int64(id)).description)
        press(.enter, .enter)
    }

    var screen: String { terminal.screen.text }
    var lines: [String] { screen.components(separatedBy: "\n") }
}

/// Compares a rendered screen with Tests/AppTests/Golden/NAME.txt.
/// CAREERPLAN_UPDATE_GOLDEN=1 rewrites the file instead.
func expectGolden(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name + ".txt")
    let actual = text + "\n"
    if ProcessInfo.processInfo.environment["CAREERPLAN_UPDATE_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden file \(url.path); run the tests with CAREERPLAN_UPDATE_GOLDEN=1 to create it",
                     sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "screen differs from \(url.lastPathComponent)", sourceLocation: sourceLocation)
}
