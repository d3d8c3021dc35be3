import Domain
import Foundation
import GRDB
import Synchronization
import Testing
@testable import Store

/// `careerplan backup`: a consistent copy while another user writes, and
/// the file modes a center relies on.
@Suite final class BackupTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @Test func aBackupWhileAnotherUserWritesIsCompleteAndPrivate() throws {
        let path = dir + "/live.sqlite"
        let store = try seededStore(at: path, customers: 48)
        let other = try CaseloadStore(path: path, actor: "mrivera")
        let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
        // Another user keeps writing notes on one of her customers while the
        // copy is made; none of her writes may fail because of it.
        let done = DispatchSemaphore(value: 0)
        let failures = Mutex<[String]>([])
        let writer = Thread {
            defer { done.signal() }
            for i in 0..<50 {
                do {
                    _ = try other.addNote(CaseNote(id: 0, customer: CustomerID(16), kind: .general, eventOn: testToday,
                                                   enteredOn: testToday, author: "", text: "note \(i)"), by: planner)
                } catch {
                    failures.withLock { $0.append("note \(i): \(error)") }
                }
            }
        }
        writer.start()
        let copyPath = dir + "/copy.sqlite"
        try store.backup(to: copyPath, by: testAdmin)
        let mode = try FileManager.default.attributesOfItem(atPath: copyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let copy = try CaseloadStore(path: copyPath)
        #expect(try copy.integrityProblems().isEmpty)
        #expect(try copy.count(CaseloadFilter()) == 48)
        // Whatever notes it holds are whole notes, in order.
        let notes = try copy.caseWork(CustomerID(16)).notes.map(\.text).filter { $0.hasPrefix("note ") }
        #expect(notes == (0..<notes.count).map { "note \($0)" })
        #expect(throws: (any Error).self) { try store.backup(to: copyPath, by: testAdmin) }
        done.wait()
        #expect(failures.withLock { $0 } == [])
        let written = try store.caseWork(CustomerID(16)).notes.map(\.text).filter { $0.hasPrefix("note ") }
        #expect(written == (0..<50).map { "note \($0)" })
    }

    /// Two backups into one directory in the same second (cron and a hand-run
    /// copy) both land, neither over the other.
    @Test func backupsOfTheSameSecondInADirectoryDoNotCollide() throws {
        let store = try seededStore(at: dir + "/live.sqlite", customers: 3)
        let into = dir + "/backups"
        try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true)
        let first = try store.backup(into: into, stem: "careerplan-2026-12-01-101500", by: testAdmin)
        let second = try store.backup(into: into, stem: "careerplan-2026-12-01-101500", by: testAdmin)
        #expect(first == into + "/careerplan-2026-12-01-101500.sqlite")
        #expect(second == into + "/careerplan-2026-12-01-101500-2.sqlite")
        #expect(try CaseloadStore(path: second).count(CaseloadFilter()) == 3)
        let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
        #expect(throws: (any Error).self) { try store.backup(into: into, stem: "careerplan-x", by: planner) }
        #expect(!FileManager.default.fileExists(atPath: into + "/careerplan-x.sqlite"))
    }

    @Test func aNewFileIsReadableByItsOwnerOnly() throws {
        let path = dir + "/new.sqlite"
        _ = try CaseloadStore(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
