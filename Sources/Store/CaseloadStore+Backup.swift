import Domain
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension CaseloadStore {
    /// A consistent copy of the whole file while others keep working (SQLite's
    /// online backup), readable by its owner only, checked by SQLite's
    /// integrity check before it is kept. Never overwrites a file.
    /// Administrators only. The destination is made new here (O_EXCL, never
    /// through a link), with the rights of whoever runs it.
    public func backup(to destination: String, by user: Staff?) throws {
        try Self.permit(.exportData, by: user)
        do { Glibc.close(try NewFile.create(destination)) } catch let failure as NewFile.Failure {
            throw StoreError.cannotCreate(path: destination,
                                          reason: failure.exists ? "it already exists; a backup never overwrites a file" : failure.reason)
        }
        try copy(to: destination)
    }

    /// A backup into `directory` as `stem.sqlite`, or `stem-2.sqlite` and on
    /// when a backup of the same second is already there (two cron jobs, or a
    /// hand-run copy beside the nightly one); returns the path written.
    public func backup(into directory: String, stem: String, by user: Staff?) throws -> String {
        try Self.permit(.exportData, by: user)
        for n in 1...100 {
            let destination = (directory as NSString).appendingPathComponent(stem + (n == 1 ? "" : "-\(n)") + ".sqlite")
            do { Glibc.close(try NewFile.create(destination)) } catch let failure as NewFile.Failure {
                if failure.exists { continue }
                throw StoreError.cannotCreate(path: destination, reason: failure.reason)
            }
            try copy(to: destination)
            return destination
        }
        throw StoreError.cannotCreate(path: directory, reason: "it already holds 100 backups named \(stem)")
    }

    /// Fills the new, empty `destination` with a checked copy; removes it on failure.
    private func copy(to destination: String) throws {
        do {
            let copy = try DatabaseQueue(path: destination)
            try pool.writer.backup(to: copy)
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            let problems = try copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }.filter { $0 != "ok" }
            try copy.close()
            guard problems.isEmpty else {
                throw StoreError.cannotCreate(path: destination, reason: "the copy failed its integrity check: " + problems.joined(separator: "; "))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw error
        }
    }

    /// The file passes SQLite's own integrity check.
    public func integrityProblems() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }.filter { $0 != "ok" }
    }
}
