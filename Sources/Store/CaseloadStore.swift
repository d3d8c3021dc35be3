import Domain
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The one data file shared by every user of a center: SQLite in WAL mode so
/// readers never block the writer, a busy timeout so concurrent writers wait
/// instead of failing, foreign keys on, and every write in a transaction.
public final class CaseloadStore: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Whose writes the audit trail records.
    let actor: AuditActor
    /// Today in the area, for the rules the Store checks itself (who covers
    /// whom); tests fix it.
    let today: @Sendable () -> Day

    /// Opens (creating if needed) a careerplan data file. A file that is not
    /// one, or that a newer careerplan wrote, is refused before anything is
    /// written to it.
    /// `actor` is whose writes the audit trail records: the account running
    /// the program unless a test says otherwise.
    public init(path: String, actor login: String? = nil, today: @escaping @Sendable () -> Day = { .localToday() }) throws {
        self.path = path
        self.today = today
        let isNew = try Self.prepareFile(at: path)
        if !isNew { try Self.inspect(path: path) }
        let actor = AuditActor(login ?? AuditActor.osLogin())
        self.actor = actor
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "careerplan"
        config.prepareDatabase { db in db.add(function: actor.function()) }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path)
        }
        try Schema.migrator.migrate(pool)
        // Due items a migration marked stale (a file from before the due table).
        try refreshAllDue()
    }

    /// Checkpoints the write-ahead log so the file is complete on its own.
    public func close() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try pool.close()
    }

    /// Creates a missing file readable by its owner only, or, for a shared
    /// center, by the group named in $CAREERPLAN_GROUP; true when created.
    private static func prepareFile(at path: String) throws -> Bool {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            let size = (try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return size == 0
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw StoreError.cannotCreate(path: path, reason: error.localizedDescription)
            }
        }
        let group = ProcessInfo.processInfo.environment["CAREERPLAN_GROUP"].flatMap { $0.isEmpty ? nil : $0 }
        if let group, getgrnam(group) == nil {
            throw StoreError.cannotCreate(path: path, reason: "there is no group \"\(group)\" ($CAREERPLAN_GROUP)")
        }
        var attributes: [FileAttributeKey: Any] = [.posixPermissions: group == nil ? 0o600 : 0o660]
        if let group { attributes[.groupOwnerAccountName] = group }
        guard fm.createFile(atPath: path, contents: nil, attributes: attributes) else {
            throw StoreError.cannotCreate(path: path, reason: group.map { "permission denied, no such directory, or you are not in group \($0)" }
                                          ?? "permission denied or no such directory")
        }
        return true
    }

    /// Reads an existing file without changing it: is it ours, and not newer?
    private static func inspect(path: String) throws {
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                guard appID == Schema.applicationID || (appID == 0 && tables == 0) else {
                    throw StoreError.notCareerplanFile(path: path)
                }
                guard try db.tableExists("grdb_migrations") else { return }
                let known = Set(Schema.migrator.migrations)
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let unknown = applied.filter { !known.contains($0) }
                if !unknown.isEmpty { throw StoreError.newerVersion(path: path, unknown: unknown) }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path)
        }
    }
}
