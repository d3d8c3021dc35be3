import Domain
import Foundation
import Testing
@testable import Store
import Synthetic

/// A fresh directory per test, removed by the caller's defer.
func temporaryDirectory() -> String {
    let dir = NSTemporaryDirectory() + "careerplan-store-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// A temporary directory removed when the last suite holding it goes (a struct suite has no deinit of its own).
final class TemporaryDirectory: Sendable {
    let path = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

let testToday = Day(year: 2026, month: 11, day: 23)!
/// The moment the seeded store stamps its writes: mid-morning of `testToday`
/// in Chicago, so no test reads the real clock.
let testNow = Date(timeIntervalSince1970: 1_795_451_400)   // 2026-11-23T16:30:00Z
/// `testNow` as careerplan stores a moment; a scratch cluster's calendar is pinned to it (v15).
let testNowText = "2026-11-23T16:30:00Z"

/// An administrator, for the Store paths only administrators take.
let testAdmin = Staff(login: "root", name: "Root", initials: "R", role: .administrator)

/// A store holding the synthetic caseload.
func seededStore(at path: String, customers: Int = 48) throws -> CaseloadStore {
    let store = try CaseloadStore(path: path, today: { testToday }, now: { testNow })
    let caseload = SyntheticCaseload(seed: 1, today: testToday)
    try store.insert(staff: caseload.staff)
    if customers > 0 { try store.fill(from: caseload, 1...customers) }
    return store
}

func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

/// A save over a record someone changed meanwhile is refused naming who and when.
func expectStale(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("a stale save went through", sourceLocation: sourceLocation)
    } catch {
        #expect("\(error)".hasPrefix("Not saved: another user changed \(what) (") && "\(error)".contains(" UTC) since"),
                "\(error)", sourceLocation: sourceLocation)
    }
}

/// Refused by the record's own rules (its Domain constructor), with these words.
func expectProblems(_ summary: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("a wrong record was saved", sourceLocation: sourceLocation)
    } catch let problems as FieldProblems {
        #expect(problems.summary == summary, sourceLocation: sourceLocation)
        #expect("\(problems)" == "not saved: " + summary, sourceLocation: sourceLocation)
    } catch {
        Issue.record("refused for another reason: \(error)", sourceLocation: sourceLocation)
    }
}

/// Every customer's running items on `day`, as the rules compute them from the records and as the due
/// table holds them, each "ID rule subject due-day state", sorted: equal when the table is right.
func dueItemsComputedAndStored(_ store: CaseloadStore, on day: Day) throws -> (computed: [String], stored: [String]) {
    let settings = try store.clockSettings()
    let computed = try store.clockFacts(planner: nil).flatMap { f in
        Deadlines.running(for: f, on: day, settings: settings).map { "\(f.customer.id) \($0.rule.rawValue) \($0.subject ?? "") \($0.due) \($0.state)" }
    }.sorted()
    let stored = try store.dueItems(planners: nil, on: day, settings: settings, offset: 0, limit: 100_000).map {
        "\($0.customer.id) \($0.clock.rule.rawValue) \($0.clock.subject ?? "") \($0.clock.due) \($0.clock.state)"
    }.sorted()
    return (computed, stored)
}
