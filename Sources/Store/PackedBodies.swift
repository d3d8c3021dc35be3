import CZstd
import Dispatch
import Foundation
import Synchronization
import GRDB
import GRDBSQLite

/// The records' JSON bodies, stored packed (issue 28: the file within 2 KB a
/// customer). A body is zstd with a dictionary trained on its table's own
/// bodies and kept in the file (`body_dictionary`): a plan of 2,400 bytes
/// becomes about 180, a case note of 280 about 50, because what makes them
/// long is the same keys, services and phrases in every record. A table with
/// too few bodies to learn from keeps them as text until it has enough.
///
/// SQL sees only text: writes go through `careerplan_pack(table, json)` and
/// reads through `careerplan_body(column)`, functions every careerplan
/// connection has; so the audit trail still records each row's JSON, the
/// append-only rules still compare what a record says, and the export is the
/// same JSON it always was. Another program on the file sees the packed
/// bytes and, lacking the functions, can write no record table at all.
enum PackedBodies {
    /// The column each record table keeps its JSON in. Drafts stay as typed. The current plan keeps none of its
    /// own since v31-plan-by-version (its version's is read); an older file's plan dictionary stays, unused.
    static let columns: [String: String] = [
        "application": "answers", "gsa": "body", "plan_version": "body", "case_note": "body",
        "referral": "body", "outcome": "body", "pause": "body", "exit_record": "body", "follow_up_decline": "body",
        "signature": "body", "guardian_request": "body", "plan_copy": "body", "other_program_service": "body",
        "assessment": "body", "eligibility_document": "body",
    ]

    /// The body column of `table` as a query reads it: unpacked, under its own name.
    static func read(_ table: String) -> String {
        columns[table].map { "careerplan_body(\($0)) AS \($0)" } ?? "body"
    }

    /// Every column of `table`, the body unpacked first (a row's value by name is its leftmost column of that name).
    static func all(_ table: String) -> String {
        columns[table].map { "careerplan_body(\($0)) AS \($0), *" } ?? "*"
    }

    /// Bodies a table needs before a dictionary is learned from them: fewer say too little about the next.
    static let samplesNeeded = 200
    /// How many of a table's bodies a dictionary is learned from, at most.
    static let samplesRead = 5_000
    /// A dictionary's size: 32 KB learned a plan 13.9 times smaller, 16 KB 12.8 times.
    static let dictionaryBytes = 32_768
    /// zstd's level a table's bodies are packed at. 3 packs a note in about 3 microseconds. 9 packs notes, plans,
    /// applications, assessments, Getting Started Assessments and document lists 5 to 20 % smaller (0.07 KB a
    /// customer, issue 28) in 7 to 20 microseconds, at the same speed to read; it packs signatures, outcomes and
    /// exits larger, so they stay at 3 (measured on the synthetic caseload, whose records have real ones' keys).
    static func level(_ table: String) -> Int32 { smallerAtNine.contains(table) ? 9 : 3 }
    private static let smallerAtNine: Set = ["application", "assessment", "case_note", "eligibility_document", "gsa", "plan_version"]

    /// Migration v26-packed-bodies: the dictionaries, never changed or removed once a body may be packed with one.
    static let schema = """
        CREATE TABLE body_dictionary (
            number INTEGER PRIMARY KEY,
            dict_id INTEGER NOT NULL UNIQUE,
            table_name TEXT NOT NULL,
            dictionary BLOB NOT NULL,
            learned_from INTEGER NOT NULL,
            learned_at TEXT NOT NULL
        );
        CREATE TRIGGER body_dictionary_kept BEFORE UPDATE ON body_dictionary BEGIN
            SELECT RAISE(ABORT, 'a dictionary bodies are packed with is never changed');
        END;
        CREATE TRIGGER body_dictionary_never_deleted BEFORE DELETE ON body_dictionary BEGIN
            SELECT RAISE(ABORT, 'a dictionary bodies are packed with is never removed');
        END;
        """

    /// A dictionary learned from `samples` (bodies of one table), or nil when they are too few or too alike.
    static func learn(from samples: [String]) -> Data? {
        guard samples.count >= samplesNeeded else { return nil }
        var joined = Data()
        var sizes: [Int] = []
        for s in samples {
            joined.append(contentsOf: s.utf8)
            sizes.append(s.utf8.count)
        }
        var dictionary = Data(count: dictionaryBytes)
        let made = dictionary.withUnsafeMutableBytes { out in
            joined.withUnsafeBytes { input in
                ZDICT_trainFromBuffer(out.baseAddress, dictionaryBytes, input.baseAddress, sizes, UInt32(sizes.count))
            }
        }
        guard ZDICT_isError(made) == 0, made > 0 else { return nil }
        return dictionary.prefix(made)
    }

    /// A dictionary learned from each set of samples, the sets learned side by side.
    static func learnEach(_ sets: [[String]]) -> [Data?] {
        let learned = Mutex<[Data?]>(Array(repeating: nil, count: sets.count))
        DispatchQueue.concurrentPerform(iterations: sets.count) { i in
            let dictionary = learn(from: sets[i])
            learned.withLock { $0[i] = dictionary }
        }
        return learned.withLock { $0 }
    }

    /// Brings the connection's packing up to date with the file's dictionaries (see `BodyCodec`).
    static func sync(_ db: Database) throws {
        _ = try DatabaseValue.fetchOne(db, sql: "SELECT careerplan_dictionaries((SELECT count(*) FROM body_dictionary))")
    }

    /// `text` packed with `dictionary` (made for packing, `ZSTD_createCDict`) in `context`, one thread's own: the
    /// zstd frame, which names its dictionary by id, without the 4 bytes of magic every frame begins with (since
    /// v34-short-bodies; 0.04 KB a customer, issue 28). A body packed before keeps them; `frame(of:)` reads both.
    static func pack(_ text: String, context: OpaquePointer?, dictionary: OpaquePointer) -> Data? {
        var utf8 = text
        return utf8.withUTF8 { input in
            var out = Data(count: ZSTD_compressBound(input.count))
            let written = out.withUnsafeMutableBytes {
                ZSTD_compress_usingCDict(context, $0.baseAddress, $0.count, input.baseAddress, input.count, dictionary)
            }
            return ZSTD_isError(written) == 0 && written > magic.count ? Data(out[magic.count..<written]) : nil
        }
    }

    /// The four bytes every zstd frame begins with.
    static let magic = Data([0x28, 0xB5, 0x2F, 0xFD])

    /// A stored body as the zstd frame it is: the magic put back, unless it was packed before v34 with it. One
    /// without cannot be taken for one with: a frame's first byte after the magic is never 0x28 (that would set
    /// a bit zstd reserves).
    static func frame(of body: Data) -> Data {
        body.starts(with: magic) ? body : magic + body
    }

    /// The id zstd gives a dictionary (from its content), which every body packed with it names.
    static func id(of dictionary: Data) -> UInt32 {
        dictionary.withUnsafeBytes { ZDICT_getDictID($0.baseAddress, $0.count) }
    }
}

/// One connection's packing: `careerplan_pack` and `careerplan_body` in its
/// SQL, with the dictionaries read from its own file when first needed. A
/// table's newest dictionary is the one new bodies are packed with; one this
/// connection has not seen yet (another user's night pass learned it) is
/// read when a body names it, so every body stays readable.
final class BodyCodec: @unchecked Sendable {
    private let connection: OpaquePointer
    /// zstd's contexts, made on first use: a connection that only shows the caseload never packs or unpacks.
    private var packingContext: OpaquePointer?
    private var unpackingContext: OpaquePointer?
    private var packing: OpaquePointer? {
        if packingContext == nil { packingContext = ZSTD_createCCtx() }
        return packingContext
    }
    private var unpacking: OpaquePointer? {
        if unpackingContext == nil { unpackingContext = ZSTD_createDCtx() }
        return unpackingContext
    }
    private var readers: [UInt32: OpaquePointer] = [:]
    /// Each table's newest dictionary, once asked: nil inside when the table has none yet.
    private var writers: [String: OpaquePointer?] = [:]
    /// How many dictionaries the file held when `writers` was last checked against it.
    private var dictionariesSeen = -1

    init(_ connection: OpaquePointer) { self.connection = connection }

    deinit {
        ZSTD_freeCCtx(packingContext)
        ZSTD_freeDCtx(unpackingContext)
        for (_, d) in readers { ZSTD_freeDDict(d) }
        for case let (_, c?) in writers { ZSTD_freeCDict(c) }
    }

    var functions: [DatabaseFunction] {
        [
            DatabaseFunction("careerplan_pack", argumentCount: 2, pure: false) { [self] values in
                // Packed already, on a load's other core (`LoadAhead`): kept if it names a dictionary of this file.
                if case .blob(let packed) = values[1].storage { return try packedAhead(packed) }
                guard let table = String.fromDatabaseValue(values[0]), let text = String.fromDatabaseValue(values[1]) else {
                    return values[1]
                }
                return try pack(text, table: table)
            },
            DatabaseFunction("careerplan_body", argumentCount: 1, pure: false) { [self] values in
                switch values[0].storage {
                case .blob(let packed): try unpack(packed)
                default: values[0]
                }
            },
            // `careerplan_dictionaries(count)` with the file's count of dictionaries, at the start of every write:
            // when one was learned since (here or by another user), each table's newest is looked up again.
            DatabaseFunction("careerplan_dictionaries", argumentCount: 1, pure: false) { [self] values in
                let count = Int.fromDatabaseValue(values[0]) ?? -1
                if count != dictionariesSeen {
                    for case let (_, c?) in writers { ZSTD_freeCDict(c) }
                    writers = [:]
                    dictionariesSeen = count
                }
                return nil
            },
        ]
    }

    /// `text` packed with `table`'s newest dictionary, or `text` itself while the table has none.
    private func pack(_ text: String, table: String) throws -> DatabaseValue {
        guard let dictionary = try writer(for: table) else { return text.databaseValue }
        guard let packed = PackedBodies.pack(text, context: packing, dictionary: dictionary) else {
            throw Self.failure("could not pack a \(table) body")
        }
        return packed.databaseValue
    }

    private func packedAhead(_ packed: Data) throws -> DatabaseValue {
        try PackedBodies.frame(of: packed).withUnsafeBytes { input in
            let id = ZSTD_getDictID_fromFrame(input.baseAddress, input.count)
            let size = ZSTD_getFrameContentSize(input.baseAddress, input.count)
            guard id != 0, size != ZSTD_CONTENTSIZE_ERROR, size != ZSTD_CONTENTSIZE_UNKNOWN else {
                throw Self.failure("a body packed ahead is not a packed body")
            }
            _ = try reader(id)
        }
        return packed.databaseValue
    }

    private func unpack(_ packed: Data) throws -> DatabaseValue {
        try PackedBodies.frame(of: packed).withUnsafeBytes { input -> DatabaseValue in
            let id = ZSTD_getDictID_fromFrame(input.baseAddress, input.count)
            let size = ZSTD_getFrameContentSize(input.baseAddress, input.count)
            guard size != ZSTD_CONTENTSIZE_ERROR, size != ZSTD_CONTENTSIZE_UNKNOWN, size < 64 << 20 else {
                throw Self.failure("a stored body is damaged")
            }
            let dictionary = try reader(id)
            var out = [UInt8](repeating: 0, count: Int(size))
            let made = out.withUnsafeMutableBytes {
                ZSTD_decompress_usingDDict(unpacking, $0.baseAddress, $0.count, input.baseAddress, input.count, dictionary)
            }
            guard ZSTD_isError(made) == 0, made == Int(size) else { throw Self.failure("a stored body is damaged") }
            return String(decoding: out, as: UTF8.self).databaseValue
        }
    }

    private func writer(for table: String) throws -> OpaquePointer? {
        if let known = writers[table] { return known }
        let made = try dictionary("SELECT dictionary FROM body_dictionary WHERE table_name = ?1 ORDER BY number DESC LIMIT 1",
                                  text: table).map { data in
            data.withUnsafeBytes { ZSTD_createCDict($0.baseAddress, $0.count, PackedBodies.level(table)) }
        } ?? nil
        writers[table] = made
        return made
    }

    private func reader(_ id: UInt32) throws -> OpaquePointer {
        if let known = readers[id] { return known }
        guard let data = try dictionary("SELECT dictionary FROM body_dictionary WHERE dict_id = ?1", number: Int64(id)),
              let made = data.withUnsafeBytes({ ZSTD_createDDict($0.baseAddress, $0.count) }) else {
            throw Self.failure("a stored body names a dictionary this file does not hold")
        }
        readers[id] = made
        return made
    }

    /// One dictionary read on this connection, in the middle of the statement that needs it (SQLite allows a
    /// function to run statements on its own connection; GRDB is not asked, as it would refuse the reentry).
    private func dictionary(_ sql: String, text: String? = nil, number: Int64? = nil) throws -> Data? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
            sqlite3_finalize(statement)
            return nil  // a file from before v26-packed-bodies: nothing is packed in it
        }
        defer { sqlite3_finalize(statement) }
        if let text { sqlite3_bind_text(statement, 1, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self)) }
        if let number { sqlite3_bind_int64(statement, 1, number) }
        switch sqlite3_step(statement) {
        case SQLITE_ROW:
            guard let bytes = sqlite3_column_blob(statement, 0) else { return nil }
            return Data(bytes: bytes, count: Int(sqlite3_column_bytes(statement, 0)))
        case SQLITE_DONE: return nil
        default: throw Self.failure("could not read a dictionary: " + String(cString: sqlite3_errmsg(connection)))
        }
    }

    private static func failure(_ message: String) -> DatabaseError {
        DatabaseError(resultCode: .SQLITE_CORRUPT, message: message)
    }
}

/// Packs bodies off the file's connection (a load's batches, on another core), with the newest dictionary of each
/// table as the file held it when handed over; one thread's own.
final class BodyPacker {
    private let context = ZSTD_createCCtx()
    private var dictionaries: [String: OpaquePointer] = [:]

    init(_ newest: [String: Data]) {
        for (table, data) in newest {
            if let made = data.withUnsafeBytes({ ZSTD_createCDict($0.baseAddress, $0.count, PackedBodies.level(table)) }) {
                dictionaries[table] = made
            }
        }
    }

    deinit {
        ZSTD_freeCCtx(context)
        for (_, d) in dictionaries { ZSTD_freeCDict(d) }
    }

    /// `json` packed with `table`'s dictionary, or nil when there is none (the file's function packs it then).
    func pack(_ json: String, table: String) -> DatabaseValue? {
        guard let dictionary = dictionaries[table] else { return nil }
        return PackedBodies.pack(json, context: context, dictionary: dictionary)?.databaseValue
    }

    /// Each table's newest dictionary.
    static func newestDictionaries(_ db: Database) throws -> [String: Data] {
        var newest: [String: Data] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT table_name, dictionary FROM body_dictionary ORDER BY number") {
            newest[row["table_name"]] = row["dictionary"]
        }
        return newest
    }
}
