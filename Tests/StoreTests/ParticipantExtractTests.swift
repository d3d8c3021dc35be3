import Domain
import Foundation
import Store
import Testing

/// The participant extract is a bulk copy of personal data: administrators
/// only, whoever asks the Store; and it never holds more than the layout's
/// elements.
@Suite struct ParticipantExtractTests {
    let dir = NSTemporaryDirectory() + "careerplan-pirl-" + UUID().uuidString
    let admin = Staff(login: "admin", name: "Admin", initials: "A", role: .administrator)
    let planner = Staff(login: "wchen", name: "Wei Chen", initials: "WC", role: .planner)
    let supervisor = Staff(login: "asantos", name: "Ana Santos", initials: "AS", role: .supervisor)

    @Test func onlyAnAdministratorTakesTheExtract() throws {
        let store = try seededStore(at: dir + "/p.sqlite", customers: 24)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (from, to) = (Day(parsing: "2025-07-01")!, Day(parsing: "2026-06-30")!)
        for user in [planner, supervisor] {
            #expect(throws: StoreError.notPermitted(login: user.login, role: user.role.name,
                                                   action: Permission.exportData.rawValue)) {
                try store.participantFiles(from: from, to: to, planner: nil, by: user)
            }
        }
        let files = try store.participantFiles(from: from, to: to, planner: nil, by: admin)
        #expect(!files.isEmpty)
        let extract = ParticipantExtract(files: files, matrix: try store.servicesMatrix(), asOf: Day(parsing: "2026-11-23")!)
        #expect(extract.rows.allSatisfy { $0.count == ParticipantRecord.elements.count })
        // Served in the period: enrolled by its end and not exited before its start.
        for f in files {
            #expect(f.facts.customer.enrolledOn! <= to && (f.facts.customer.exitedOn ?? to) >= from)
        }
    }

    /// The performance reading holds a planner's reach only: another
    /// caseload asked for by name is refused, and unasked it is left out.
    @Test func aPlannersPerformanceReadingHoldsTheirReachOnly() throws {
        let store = try seededStore(at: dir + "/r.sqlite", customers: 24)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (from, to) = (Day(parsing: "2025-07-01")!, Day(parsing: "2026-06-30")!)
        #expect(throws: StoreError.self) { try store.participantFacts(from: from, to: to, planner: "mrivera", by: planner) }
        let mine = try store.participantFacts(from: from, to: to, planner: nil, by: planner)
        #expect(mine.allSatisfy { $0.customer.planner == nil || $0.customer.planner == planner.login })
        let all = try store.participantFacts(from: from, to: to, planner: nil, by: supervisor)
        #expect(all.count > mine.count)
    }
}
