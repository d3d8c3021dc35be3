import Domain
import Foundation
import GRDB
import GRDBSQLite
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The one data file shared by every user of a center: SQLite in WAL mode so
/// readers never block the writer, a busy timeout so concurrent writers wait
/// instead of failing, foreign keys on, and every write in a transaction.
public final class CaseloadStore: Sendable {
    public let path: String
    /// Writes this process committed: what shows counts (the caseload's
    /// title) is read again after any of them, not on every frame.
    let committed = Atomic<Int>(0)
    public var writesCommitted: Int { committed.load(ordering: .relaxed) }
    /// The due items are rewritten in each write's own transaction: nothing is left for after it, but a
    /// customer whose records cannot be read (a damaged body) keeps its items as they were, and its mark.
    public var upkeepProblem: String? {
        // One line of the key bar at 80 columns; opening the customer says why in full.
        let damaged = unreadable.withLock { $0 }
        guard let first = damaged.min() else { return nil }
        let more = damaged.count > 1 ? " and \(damaged.count - 1) more" : ""
        return "\(CustomerID(first))\(more): records do not read, due dates wait; restore a backup"
    }
    /// Customers whose records could not be read to recompute their due items: skipped, not fatal.
    let unreadable = Mutex<Set<Int64>>([])
    let pool: DataFileConnection
    /// True when the file (or its directory) cannot be written by this
    /// process: everything reads, every write is refused with a plain message.
    public let isReadOnly: Bool
    /// What a refused write names: the file, or its -wal or -shm when that is what this account may not write.
    let readOnlyName: String
    /// Whose writes the audit trail records.
    let actor: AuditActor
    /// Today in the area, for the rules the Store checks itself (who covers
    /// whom); tests fix it.
    let today: @Sendable () -> Day
    /// The time the store stamps on what it writes; tests fix it.
    let now: @Sendable () -> Date

    /// How a path becomes a store: a new data file is made on purpose
    /// (`careerplan init`), never by a typo in a path.
    public enum OpenMode: Sendable {
        /// Only a file that already is a careerplan data file.
        case existing
        /// Only a path where nothing is yet.
        case create
        /// Either (demo, seed and tests make their own files).
        case createOrOpen
    }

    /// Opens a careerplan data file. A file that is not one, or that a newer
    /// careerplan wrote, is refused before anything is written to it.
    /// `actor` is whose writes the audit trail records: the account running
    /// the program unless a test says otherwise. `group` is the group a new
    /// file is shared with (mode 660); without one only its owner reads it.
    /// `readers` bounds the reading connections, which are all opened here:
    /// careerplan installed set-group-ID gives up the group once the store
    /// is open, and could not open another connection later. With 1, reads
    /// and writes share one connection (the program's screens and commands,
    /// all on one thread); more, for work on several threads, is a pool.
    public init(path: String, actor login: String? = nil, today: @escaping @Sendable () -> Day = { .localToday() },
                now: @escaping @Sendable () -> Date = { Date() },
                mode: OpenMode = .createOrOpen, group: String? = nil, readers: Int = 5) throws {
        self.path = path
        self.today = today
        self.now = now
        let isNew = try Self.prepareFile(at: path, mode: mode, group: group)
        // A file whose header says it is careerplan's, at exactly this schema, needs no inspecting
        // connection; any other file (older, newer, another program's) is inspected whole.
        let header = isNew ? nil : FileHeader(path)
        if !isNew && !(header?.isCurrentSchema ?? false) { try Self.inspect(path: path, mode: mode) }
        let actor = AuditActor(login ?? AuditActor.osLogin())
        self.actor = actor
        let readOnly = !isNew && !Self.writable(path)
        isReadOnly = readOnly
        // A -wal or -shm this account may not write (see `mendSidecars`): SQLite reads through it, and a write
        // it refuses names it. (Opened read-only instead, a connection could not rebuild the log's index.)
        readOnlyName = (isNew || readOnly ? nil : Self.mendSidecars(of: path)) ?? path
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "careerplan"
        config.readonly = readOnly
        config.maximumReaderCount = max(1, readers)
        config.prepareDatabase { db in
            Self.addFunctions(db, actor: actor)
            // Sorting and temporary tables stay in memory: no temporary file
            // holding the caseload's rows lands in a directory a user chose ($TMPDIR).
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // As GRDB sets it with write-ahead logging, also where it is not asked to (below).
            if !readOnly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            // The -wal and -shm stay when the last connection closes: a user who may only read the
            // file, in a directory they cannot write, can open it only while they exist.
            if !readOnly {
                var persist: CInt = 1
                let code = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &persist)
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            }
        }
        do {
            if readOnly {
                pool = DataFileConnection(try Self.waitingOutBusy { try DatabaseQueue(path: path, configuration: config) })
            } else if readers <= 1 {
                // One connection for a program that reads and writes on one thread (the screens, every command):
                // each connection parses the whole schema on its first statement, and start-up waits for it.
                // A file already in WAL mode is not asked again: GRDB's set-up of WAL mode creates and drops a
                // table whenever the -wal is empty, as every close leaves it, so each start was a write and a
                // schema change that made every other user's connection parse the schema again.
                if header?.isWAL != true { config.journalMode = .wal }
                pool = DataFileConnection(try Self.waitingOutBusy { try DatabaseQueue(path: path, configuration: config) })
            } else {
                pool = DataFileConnection(try Self.waitingOutBusy { try DatabasePool(path: path, configuration: config) })
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path)
        } catch let error as DatabaseError {
            throw Self.openingFailure(error, path: path, readOnlyName: readOnlyName)
        }
        if readOnly {
            guard try read({ db in try Schema.migrator.hasCompletedMigrations(db) }) else {
                throw StoreError.readOnlyNeedsUpgrade(path: path)
            }
            // An unstamped file may be one a load left without its indexes, which only a writer makes again.
            if header?.isCurrentSchema != true, try !read({ db in try DeferredIndexes.missing(db) }).isEmpty {
                throw StoreError.unfinishedLoad(path: path)
            }
        } else {
            do {
                // A newer careerplan stamps a larger count; should one not have, its migrations still stop this one.
                let current = try read { db in try Self.refuseNewer(db, path: path) }
                if !current { try Self.waitingOutBusy { try Schema.migrator.migrate(pool.writer) } }
                try Self.stampSchema(pool.writer)
                // Due items a migration marked stale (a file from before the due table).
                try refreshAllDue()
            } catch let error as DatabaseError {
                throw Self.openingFailure(error, path: path, readOnlyName: readOnlyName)
            }
        }
        // Open every reading connection of a pool now (see `readers`); a queue's one connection is open.
        if pool.writer is DatabasePool { try read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") } }
    }

    /// Checkpoints the write-ahead log so the file is complete on its own
    /// when this is its last user. Waits a quarter second at most: while a
    /// TRUNCATE checkpoint waits for readers it holds every other user's
    /// writes, and when others are still at work, the last to leave does it.
    public func close() throws {
        if !isReadOnly {
            try? pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = 250")
                _ = try? db.checkpoint(.truncate)
            }
        }
        try pool.writer.close()
    }

    /// Whether this process may write the file and create its -wal and -shm
    /// beside it: with its effective group (AT_EACCESS), which is how a
    /// set-group-ID careerplan reaches the center's file; plain access()
    /// would ask about the user's own rights.
    private static func writable(_ path: String) -> Bool {
        let dir = (path as NSString).deletingLastPathComponent
        return faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 && faccessat(AT_FDCWD, dir.isEmpty ? "." : dir, W_OK, AT_EACCESS) == 0
    }

    /// The files SQLite keeps beside a data file while it is in use: its write-ahead log and shared index.
    public static func companions(of path: String) -> [String] { [path + "-wal", path + "-shm"] }

    /// Why the file could not be opened, in words: a -wal or -shm this account may not write is named, since
    /// SQLite says only that the file is read-only (an opening that must rebuild the log's index writes).
    private static func openingFailure(_ error: DatabaseError, path: String, readOnlyName: String) -> StoreError {
        guard error.resultCode == .SQLITE_READONLY, readOnlyName != path else {
            return .cannotOpen(path: path, reason: plain(error))
        }
        let file = (path as NSString).lastPathComponent, sidecar = (readOnlyName as NSString).lastPathComponent
        return .cannotOpen(path: path, reason: """
            \(sidecar) is read-only for you though \(file) is not (it kept the mode \(file) had while it was \
            read-only); its owner's next careerplan, or an administrator, makes it writable: chmod --reference=\(file) \(sidecar)
            """)
    }

    /// SQLite gives the -wal and -shm the data file's mode whenever the account that owns them opens them:
    /// a file made read-only for a while and writable again kept them read-only until then, and a write
    /// through them failed as if the file itself were read-only. Given the file's mode back here when this
    /// account owns them, as SQLite would at its own opening, too late for that connection's writes. One
    /// this account may not write and cannot mend is returned, for a refused write to name. (chmod(2)
    /// changes only what the user's own account owns: a set-group-ID careerplan gains nothing by it.)
    private static func mendSidecars(of path: String) -> String? {
        var file = stat()
        guard stat(path, &file) == 0 else { return nil }
        for sidecar in Self.companions(of: path) {
            var info = stat()
            guard lstat(sidecar, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  faccessat(AT_FDCWD, sidecar, W_OK, AT_EACCESS) != 0 else { continue }
            if info.st_uid == geteuid() { _ = chmod(sidecar, file.st_mode & 0o777) }
            if faccessat(AT_FDCWD, sidecar, W_OK, AT_EACCESS) != 0 { return sidecar }
        }
        return nil
    }

    /// Creates a missing file (when the mode allows) readable by its owner
    /// only, or by `group` too; true when the file is new or empty.
    private static func prepareFile(at path: String, mode: OpenMode, group: String?) throws -> Bool {
        // One stat(2): FileManager's attributes also look up the owner's and group's names (the
        // password and group files read at every start).
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw StoreError.noDataFile(path: path, why: "it is a directory") }
            if mode == .create { throw StoreError.alreadyExists(path: path) }
            if info.st_size == 0, mode == .existing { throw StoreError.noDataFile(path: path, why: "the file is empty") }
            return info.st_size == 0
        }
        let fm = FileManager.default
        if mode == .existing { throw StoreError.noDataFile(path: path, why: nil) }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                throw StoreError.cannotCreate(path: path, reason: "cannot make its directory (\(Self.plain(error)))")
            }
        }
        var groupID: gid_t?
        if let group {
            guard let entry = getgrnam(group) else {
                throw StoreError.cannotCreate(path: path, reason: "there is no group \"\(group)\"")
            }
            groupID = entry.pointee.gr_gid
        }
        let fd: Int32
        do { fd = try NewFile.create(path, mode: groupID == nil ? 0o600 : 0o660) } catch let failure as NewFile.Failure {
            throw StoreError.cannotCreate(path: path, reason: failure.reason)
        }
        defer { Glibc.close(fd) }
        if let groupID {
            guard fchown(fd, uid_t.max, groupID) == 0, fchmod(fd, 0o660) == 0 else {
                let why = String(cString: strerror(errno))
                unlink(path)
                throw StoreError.cannotCreate(path: path, reason: "cannot give it to group \(group ?? ""): \(why)")
            }
        }
        return true
    }

    /// careerplan's own SQL functions, which the schema's triggers and migrations call, on one connection.
    static func addFunctions(_ db: Database, actor: AuditActor) {
        db.add(function: actor.function())
        db.add(function: AuditChain.function)
        db.add(function: WordTally.function)
        db.add(function: ConnectionTriggers.function)
        if let connection = db.sqliteConnection {
            for function in BodyCodec(connection).functions { db.add(function: function) }
        }
    }

    /// Reads an existing file without changing it: is it ours, and not newer?
    private static func inspect(path: String, mode: OpenMode) throws {
        var config = Configuration()
        config.readonly = true
        // Another user's process may be starting up or checkpointing: wait, as every connection does.
        config.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try waitingOutBusy { try queue.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                guard appID == Schema.applicationID || (appID == 0 && tables == 0 && mode != .existing) else {
                    throw StoreError.notCareerplanFile(path: path)
                }
                try refuseNewer(db, path: path)
            } }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: plain(error))
        }
    }

    /// Refuses a file a newer careerplan migrated: migrations this one does not know.
    /// Whether every migration this careerplan knows has been applied (nothing then to migrate).
    @discardableResult
    private static func refuseNewer(_ db: Database, path: String) throws -> Bool {
        // Asked of sqlite_master itself: GRDB's tableExists lists every schema's tables first.
        let hasMigrations = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')
            """) ?? false
        guard hasMigrations else { return false }
        let known = Set(Schema.migrator.migrations)
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { throw StoreError.newerVersion(path: path, unknown: unknown) }
        return Set(applied) == known
    }

    /// The first 100 bytes of an SQLite file, read without a connection.
    struct FileHeader {
        private let bytes: [UInt8]

        init?(_ path: String) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { Glibc.close(fd) }
            var header = [UInt8](repeating: 0, count: 100)
            guard Glibc.read(fd, &header, 100) == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else { return nil }
            bytes = header
        }

        private func int(at offset: Int) -> Int32 {
            Int32(bitPattern: bytes[offset..<(offset + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        }

        /// Whether the file's header (its first 100 bytes, read without a
        /// connection) carries careerplan's application id (byte 68) and, as
        /// `user_version` (byte 60), the number of migrations this careerplan
        /// knows, which `stampSchema` writes after migrating. A connection's
        /// first statement parses the whole schema (140 triggers, about 2 ms),
        /// and an inspecting one would parse it twice at start-up. A header that
        /// says anything else (not a database, another program's, an older or
        /// newer schema, or an id still in the write-ahead log) sends the file
        /// through `inspect`.
        var isCurrentSchema: Bool {
            int(at: 68) == Schema.applicationID && int(at: 60) == Int32(Schema.migrator.migrations.count)
        }

        /// Write-ahead logging, which the file keeps once set: its write and read versions are 2.
        var isWAL: Bool { bytes[18] == 2 && bytes[19] == 2 }
    }

    /// Records in the header how many migrations the file has had, when it
    /// is not there yet (after a migration, or a file from before the stamp).
    private static func stampSchema(_ pool: any DatabaseWriter) throws {
        try pool.writeWithoutTransaction { db in
            guard try Int.fetchOne(db, sql: "PRAGMA user_version") != Schema.migrator.migrations.count else { return }
            // A load that stopped before it made its indexes again left the stamp at 0 (`DeferredIndexes`).
            try db.inTransaction {
                try DeferredIndexes.restoreMissing(db)
                try Schema.stamp(db)
                return .commit
            }
        }
    }

    /// An SQLite or system error in words a person can act on, without "SQLite error 13".
    static func plain(_ error: Error) -> String {
        guard let db = error as? DatabaseError else {
            return (error as NSError).localizedDescription
        }
        switch db.resultCode {
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_READONLY: return "the file is read-only"
        case .SQLITE_CANTOPEN: return "the file or its directory cannot be opened (permission denied or no such directory)"
        case .SQLITE_PERM, .SQLITE_AUTH: return "permission denied"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "another user held the file for more than 10 seconds; try again"
        case .SQLITE_CORRUPT: return "the file is damaged; restore the last backup"
        case .SQLITE_IOERR: return "the disk could not be read or written"
        default: return db.message ?? "\(db.resultCode)"
        }
    }
}
